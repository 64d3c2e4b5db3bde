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
