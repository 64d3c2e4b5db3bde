// Reads a zip archive (an .xlsx package) from its central directory: each entry inflated whole or streamed, or its stored bytes copied as they are.
import { once } from 'node:events';
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import type { TransformOptions } from 'node:stream';
import { createInflateRaw, inflateRawSync, type ZlibOptions } from 'node:zlib';
import { crc32 } from './crc32';

/** The archive cannot be read as a zip: the message says where it breaks. */
export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
  /** The entry's central directory record as stored, copied into a new archive with only its offset changed. */
  central: Buffer;
}

const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const MAX_32 = 0xffffffff;
const FLAG_ENCRYPTED = 0x1;
export const FLAG_DESCRIPTOR = 0x8;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const EOCD_SEARCH = 22 + 0xffff;
const STREAM_CHUNK = 1 << 20;

export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly byLowerName = new Map<string, ZipEntry>();

  private constructor(
    private readonly handle: FileHandle,
    readonly size: number,
    readonly entries: readonly ZipEntry[],
  ) {
    for (const entry of entries) {
      this.byName.set(entry.name, entry);
      this.byLowerName.set(entry.name.toLowerCase(), entry);
    }
  }

  /** Opens an archive and reads its central directory; a ZipError when it is not one. */
  static async open(path: string): Promise<ZipArchive> {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      return new ZipArchive(handle, size, await readCentralDirectory(handle, size));
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  close(): Promise<void> {
    return this.handle.close();
  }

  /** The entry of that name; package part names compare case-insensitively. */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name) ?? this.byLowerName.get(name.toLowerCase());
  }

  /** The entry's content, inflated and checked against its CRC: for the package's small parts. */
  async read(entry: ZipEntry): Promise<Buffer> {
    const data = await this.readAt(await this.dataOffset(entry), entry.compressedSize);
    let content: Buffer;
    try {
      content = entry.method === 0 ? data : inflateRawSync(data);
    } catch (error) {
      throw new ZipError(`${entry.name} is damaged (${(error as Error).message})`);
    }
    if (content.length !== entry.size || crc32(content) !== entry.crc)
      throw new ZipError(`${entry.name} is damaged (its checksum does not match)`);
    return content;
  }

  /** The entry's content in chunks, inflated as it is read: for parts too large to hold whole. */
  async *stream(entry: ZipEntry): AsyncGenerator<Buffer> {
    const start = await this.dataOffset(entry);
    const end = start + entry.compressedSize;
    // The inflated bytes are checked against the entry's size and CRC as they pass, like read() does.
    let crc = 0;
    let size = 0;
    const checked = (chunk: Buffer): Buffer => {
      crc = crc32(chunk, crc);
      size += chunk.length;
      return chunk;
    };
    const verify = (): void => {
      if (size !== entry.size || crc !== entry.crc)
        throw new ZipError(`${entry.name} is damaged (its checksum does not match)`);
    };
    if (entry.method === 0) {
      for (let at = start; at < end; at += STREAM_CHUNK)
        yield checked(await this.readAt(at, Math.min(STREAM_CHUNK, end - at)));
      verify();
      return;
    }
    // Room for a few chunks: zlib inflates the next ones on a worker thread while this one is parsed.
    // (Node passes stream options on to the Transform; its zlib typings do not list them.)
    const options: ZlibOptions & TransformOptions = {
      chunkSize: STREAM_CHUNK,
      readableHighWaterMark: 4 * STREAM_CHUNK,
    };
    const inflate = createInflateRaw(options);
    // Settles when the stream is done either way; an error is the loop's to report, not this promise's.
    const closed = once(inflate, 'close').catch(() => {});
    // Feeds the stored bytes in while the loop below takes the inflated ones out.
    const feed = (async () => {
      for (let at = start; at < end && !inflate.destroyed; at += STREAM_CHUNK) {
        const chunk = await this.readAt(at, Math.min(STREAM_CHUNK, end - at));
        if (!inflate.write(chunk)) await Promise.race([once(inflate, 'drain'), closed]);
      }
      inflate.end();
    })().catch((error: Error) => inflate.destroy(error));
    try {
      for await (const chunk of inflate as AsyncIterable<Buffer>) yield checked(chunk);
    } catch (error) {
      throw new ZipError(`${entry.name} is damaged (${(error as Error).message})`);
    } finally {
      inflate.destroy();
      await feed;
    }
    verify();
  }

  /** Where the entry's stored bytes lie: its local header, data and data descriptor, to copy unchanged. */
  async storedRange(entry: ZipEntry): Promise<{ start: number; length: number }> {
    const dataStart = await this.dataOffset(entry);
    let end = dataStart + entry.compressedSize;
    if (entry.flags & FLAG_DESCRIPTOR) {
      const zip64 = entry.compressedSize >= MAX_32 || entry.size >= MAX_32 || hasZip64Sizes(entry.central);
      const head = await this.readAt(end, 4);
      end += (head.length === 4 && head.readUInt32LE(0) === DESCRIPTOR ? 4 : 0) + (zip64 ? 20 : 12);
    }
    if (end > this.size) throw new ZipError(`${entry.name} runs past the end of the file`);
    return { start: entry.localHeaderOffset, length: end - entry.localHeaderOffset };
  }

  /** Reads `length` bytes at `position` (fewer at the end of the file). */
  async readAt(position: number, length: number): Promise<Buffer> {
    const buffer = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await this.handle.read(buffer, done, length - done, position + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return done === length ? buffer : buffer.subarray(0, done);
  }

  private async dataOffset(entry: ZipEntry): Promise<number> {
    const header = await this.readAt(entry.localHeaderOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL)
      throw new ZipError(`${entry.name} has no local header where the directory says`);
    return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  }
}

async function readCentralDirectory(handle: FileHandle, size: number): Promise<ZipEntry[]> {
  const tailLength = Math.min(size, EOCD_SEARCH);
  const tail = Buffer.alloc(tailLength);
  await handle.read(tail, 0, tailLength, size - tailLength);
  let at = -1;
  for (let i = tailLength - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ZipError('no end of central directory (the file is cut short or not a zip)');
  let count = tail.readUInt16LE(at + 10);
  let directorySize = tail.readUInt32LE(at + 12);
  let directoryOffset = tail.readUInt32LE(at + 16);
  if (at >= 20 && tail.readUInt32LE(at - 20) === ZIP64_LOCATOR) {
    const recordOffset = Number(tail.readBigUInt64LE(at - 12));
    const record = Buffer.alloc(56);
    await handle.read(record, 0, 56, recordOffset);
    if (record.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipError('a damaged ZIP64 end record');
    count = Number(record.readBigUInt64LE(32));
    directorySize = Number(record.readBigUInt64LE(40));
    directoryOffset = Number(record.readBigUInt64LE(48));
  }
  if (directoryOffset + directorySize > size)
    throw new ZipError('the central directory runs past the end of the file');
  const directory = Buffer.alloc(directorySize);
  await handle.read(directory, 0, directorySize, directoryOffset);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL)
      throw new ZipError(`central directory record ${n + 1} of ${count} is damaged`);
    const nameLength = directory.readUInt16LE(p + 28);
    const extraLength = directory.readUInt16LE(p + 30);
    const commentLength = directory.readUInt16LE(p + 32);
    const recordLength = 46 + nameLength + extraLength + commentLength;
    const central = directory.subarray(p, p + recordLength);
    const entry: ZipEntry = {
      name: central.toString('utf8', 46, 46 + nameLength),
      flags: central.readUInt16LE(8),
      method: central.readUInt16LE(10),
      crc: central.readUInt32LE(16),
      compressedSize: central.readUInt32LE(20),
      size: central.readUInt32LE(24),
      localHeaderOffset: central.readUInt32LE(42),
      central: Buffer.from(central),
    };
    applyZip64Extra(entry, central.subarray(46 + nameLength, 46 + nameLength + extraLength));
    if (entry.flags & FLAG_ENCRYPTED) throw new ZipError(`${entry.name} is encrypted`);
    if (entry.method !== 0 && entry.method !== 8)
      throw new ZipError(`${entry.name} uses compression method ${entry.method}, which is not deflate`);
    entries.push(entry);
    p += recordLength;
  }
  return entries;
}

/** Sizes and offsets too large for 32 bits live in the ZIP64 extra field (id 1), in this order, when marked 0xFFFFFFFF. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
  const field = findExtra(extra, 0x0001);
  if (!field) return;
  let q = field.start;
  const next = (): number => {
    if (q + 8 > field.end) throw new ZipError(`${entry.name} has a damaged ZIP64 field`);
    const value = Number(extra.readBigUInt64LE(q));
    q += 8;
    return value;
  };
  if (entry.size === MAX_32) entry.size = next();
  if (entry.compressedSize === MAX_32) entry.compressedSize = next();
  if (entry.localHeaderOffset === MAX_32) entry.localHeaderOffset = next();
}

export function findExtra(extra: Buffer, id: number): { start: number; end: number } | null {
  for (let p = 0; p + 4 <= extra.length; ) {
    const fieldId = extra.readUInt16LE(p);
    const length = extra.readUInt16LE(p + 2);
    if (fieldId === id) return { start: p + 4, end: Math.min(extra.length, p + 4 + length) };
    p += 4 + length;
  }
  return null;
}

function hasZip64Sizes(central: Buffer): boolean {
  return central.readUInt32LE(20) === MAX_32 || central.readUInt32LE(24) === MAX_32;
}
