// The zip reader and writer: entries copied byte for byte, new ones deflated whole or streamed, read back by us and by exceljs.
import { open, readFile, writeFile } from 'node:fs/promises';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { crc32, crc32Fallback } from '../../src/cli/crc32';
import { ZipArchive, ZipError } from '../../src/cli/zip-read';
import { dosDateTime, ZipWriter } from '../../src/cli/zip-write';
import { writeSampleBook } from './sample-book';
import { useTempDir } from './temp-dir';
import { rewriteZip } from './zip-fixtures';

const dir = useTempDir();

async function entriesOf(path: string): Promise<Map<string, Buffer>> {
  const zip = await ZipArchive.open(path);
  try {
    const all = new Map<string, Buffer>();
    for (const entry of zip.entries) all.set(entry.name, await zip.read(entry));
    return all;
  } finally {
    await zip.close();
  }
}

async function storedBytes(path: string): Promise<Map<string, Buffer>> {
  const zip = await ZipArchive.open(path);
  try {
    const all = new Map<string, Buffer>();
    for (const entry of zip.entries) {
      const { start, length } = await zip.storedRange(entry);
      // The local header's name and data, past its position-independent fields.
      all.set(entry.name, await zip.readAt(start, length));
    }
    return all;
  } finally {
    await zip.close();
  }
}

describe('crc32', () => {
  it.each([
    ['', 0],
    ['a', 0xe8b7be43],
    ['123456789', 0xcbf43926],
    ['The quick brown fox jumps over the lazy dog', 0x414fa339],
  ])('of %j is %d, natively and in the fallback', (text, expected) => {
    const bytes = Buffer.from(text);
    expect(crc32(bytes)).toBe(expected);
    expect(crc32Fallback(bytes)).toBe(expected);
    // Continued over two pieces, as a streamed entry is.
    const half = Math.floor(bytes.length / 2);
    expect(crc32Fallback(bytes.subarray(half), crc32Fallback(bytes.subarray(0, half)))).toBe(expected);
  });
});

describe('dosDateTime', () => {
  it.each([
    [
      new Date(2026, 2, 31, 14, 5, 9),
      { date: ((2026 - 1980) << 9) | (3 << 5) | 31, time: (14 << 11) | (5 << 5) | 4 },
    ],
    [new Date(1970, 0, 1), { date: (0 << 9) | (1 << 5) | 1, time: 0 }],
  ])('%s', (date, expected) => {
    expect(dosDateTime(date)).toEqual(expected);
  });
});

describe('ZipWriter and ZipArchive', () => {
  it('copies every entry byte for byte and adds new ones that read back, here and in exceljs', async () => {
    const input = dir.path('in.xlsx');
    await writeSampleBook(input);
    const output = dir.path('out.xlsx');
    await rewriteZip(input, output, { put: { 'docProps/extra.xml': '<extra>é</extra>' } });
    const before = await storedBytes(input);
    const after = await storedBytes(output);
    for (const [name, bytes] of before) expect(after.get(name)?.equals(bytes), name).toBe(true);
    expect((await entriesOf(output)).get('docProps/extra.xml')?.toString()).toBe('<extra>é</extra>');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(output);
    expect(book.worksheets.map((s) => s.name)).toContain('CMO');
  });

  it('streams a large entry in pieces and reads it back in chunks', async () => {
    const path = dir.path('big.zip');
    const handle = await open(path, 'w');
    const writer = new ZipWriter(handle, new Date());
    const line = 'row,'.repeat(25);
    function* pieces() {
      for (let i = 0; i < 20_000; i++) yield `${i}:${line}\n`;
    }
    await writer.addStream('big.txt', pieces());
    await writer.add('small.txt', 'tiny');
    await writer.finish();
    await handle.close();
    const zip = await ZipArchive.open(path);
    const chunks: Buffer[] = [];
    for await (const chunk of zip.stream(zip.entry('big.txt')!)) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString();
    expect(text).toBe([...pieces()].join(''));
    expect((await zip.read(zip.entry('BIG.TXT')!)).toString()).toBe(text);
    expect((await zip.read(zip.entry('small.txt')!)).toString()).toBe('tiny');
    await zip.close();
  });

  it.each<[string, (bytes: Buffer) => Buffer, RegExp]>([
    ['a file cut in half', (b) => b.subarray(0, b.length / 2), /no end of central directory/],
    ['text, not a zip', () => Buffer.from('ID,Goal\n'), /no end of central directory/],
  ])('refuses %s', async (_name, damage, message) => {
    const path = dir.path('in.xlsx');
    await writeSampleBook(path);
    await writeFile(path, damage(await readFile(path)));
    await expect(ZipArchive.open(path)).rejects.toThrow(message);
    await expect(ZipArchive.open(path)).rejects.toBeInstanceOf(ZipError);
  });

  it('finds damage in an entry by its checksum', async () => {
    const path = dir.path('bad.zip');
    const handle = await open(path, 'w');
    const writer = new ZipWriter(handle, new Date());
    await writer.add('a.txt', 'hello hello hello');
    await writer.finish();
    await handle.close();
    const bytes = await readFile(path);
    // The deflated data starts after the 30-byte header and the 5-byte name; swap it for other text's.
    const other = deflateRawSync('jello hello hello');
    other.copy(bytes, 35, 0, Math.min(other.length, bytes.readUInt32LE(18)));
    await writeFile(path, bytes);
    const zip = await ZipArchive.open(path);
    await expect(zip.read(zip.entry('a.txt')!)).rejects.toThrow(/a\.txt is damaged/);
    await zip.close();
  });

  it('reports a damaged deflate stream while streaming', async () => {
    const path = dir.path('bad.zip');
    const handle = await open(path, 'w');
    const writer = new ZipWriter(handle, new Date());
    await writer.add('a.txt', 'x'.repeat(100_000));
    await writer.finish();
    await handle.close();
    const bytes = await readFile(path);
    bytes.fill(0xff, 35, 45);
    await writeFile(path, bytes);
    const zip = await ZipArchive.open(path);
    const drain = async () => {
      for await (const _ of zip.stream(zip.entry('a.txt')!)) {
        // reading is the test
      }
    };
    await expect(drain()).rejects.toThrow(/a\.txt is damaged/);
    await zip.close();
  });
});

describe('streamed entries are checked', () => {
  it('against their CRC, when the bytes inflate but are not what was stored', async () => {
    const path = dir.path('bad.zip');
    const handle = await open(path, 'w');
    const writer = new ZipWriter(handle, new Date());
    await writer.add('a.txt', 'hello hello hello');
    await writer.finish();
    await handle.close();
    const bytes = await readFile(path);
    const other = deflateRawSync('jello hello hello');
    other.copy(bytes, 35, 0, Math.min(other.length, bytes.readUInt32LE(18)));
    await writeFile(path, bytes);
    const zip = await ZipArchive.open(path);
    const drain = async () => {
      for await (const _ of zip.stream(zip.entry('a.txt')!)) {
        // reading is the test
      }
    };
    await expect(drain()).rejects.toThrow(/a\.txt is damaged \(its checksum does not match\)/);
    await zip.close();
  });
});
