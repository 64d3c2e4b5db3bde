// Makes damaged or hand-edited .xlsx packages for tests: copies a package's parts, dropping, replacing or adding some.
import { open } from 'node:fs/promises';
import { ZipArchive } from '../../src/cli/zip-read';
import { ZipWriter } from '../../src/cli/zip-write';

export interface ZipEdit {
  /** Parts left out. */
  drop?: string[];
  /** Parts whose content is replaced (or added when absent), by name. */
  put?: Record<string, string | Buffer>;
}

export async function rewriteZip(input: string, output: string, edit: ZipEdit): Promise<void> {
  const source = await ZipArchive.open(input);
  const handle = await open(output, 'w');
  try {
    const writer = new ZipWriter(handle, new Date(2026, 0, 1));
    const put = new Map(Object.entries(edit.put ?? {}));
    for (const entry of source.entries) {
      if (edit.drop?.includes(entry.name)) continue;
      const content = put.get(entry.name);
      put.delete(entry.name);
      if (content === undefined) await writer.copy(source, entry);
      else await writer.add(entry.name, content);
    }
    for (const [name, content] of put) await writer.add(name, content);
    await writer.finish();
  } finally {
    await handle.close();
    await source.close();
  }
}

/** One part of a package as text. */
export async function partText(path: string, name: string): Promise<string> {
  const zip = await ZipArchive.open(path);
  try {
    const entry = zip.entry(name);
    if (!entry) throw new Error(`${path} has no ${name}`);
    return (await zip.read(entry)).toString('utf8');
  } finally {
    await zip.close();
  }
}

/** One part of a package: as stored in the zip (local header, compressed data, descriptor), and its content. */
export interface StoredPart {
  stored: Buffer;
  content: Buffer;
}

/** Every part of a package by name, as stored and as content. */
export async function storedParts(path: string): Promise<Map<string, StoredPart>> {
  const zip = await ZipArchive.open(path);
  try {
    const parts = new Map<string, StoredPart>();
    for (const entry of zip.entries) {
      const { start, length } = await zip.storedRange(entry);
      parts.set(entry.name, { stored: await zip.readAt(start, length), content: await zip.read(entry) });
    }
    return parts;
  } finally {
    await zip.close();
  }
}

/** A part's content as UTF-8 text; '' when the package has no such part. */
export const storedText = (parts: ReadonlyMap<string, StoredPart>, name: string): string =>
  parts.get(name)?.content.toString('utf8') ?? '';
