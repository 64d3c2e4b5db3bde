// Turns a CSV file's bytes into text: UTF-8 or UTF-16 by their byte-order mark, UTF-8 when the bytes are valid, else Windows-1252.
import { CliError } from './errors';

export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** How the encoding was found: a byte-order mark, the bytes themselves, or a guess the user should hear about. */
  how: 'bom' | 'valid' | 'guessed';
}

/** Windows-1252's characters for bytes 0x80-0x9F, where it differs from ISO-8859-1 (unassigned bytes keep their C1 code). */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d,
  0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x9d, 0x017e, 0x0178,
];

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes Windows-1252 (what "ANSI" and most "Latin-1" CSVs really are) without relying on Node's ICU data. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const codes = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    codes[i] = b >= 0x80 && b < 0xa0 ? WINDOWS_1252_HIGH[b - 0x80] : b;
  }
  let text = '';
  for (let i = 0; i < codes.length; i += 8192) text += String.fromCharCode(...codes.subarray(i, i + 8192));
  return text;
}

function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): string {
  const even = bytes.length - (bytes.length % 2);
  const copy = Buffer.from(bytes.subarray(0, even));
  if (bigEndian) copy.swap16();
  return copy.toString('utf16le');
}

/**
 * UTF-16 written without a byte-order mark: a NUL in every other byte of the start, where text
 * has its ASCII characters. Returns the byte order, or null for anything else.
 */
function unmarkedUtf16(bytes: Uint8Array): 'LE' | 'BE' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul === 0) return 'LE';
  if (evenNul > pairs * 0.4 && oddNul === 0) return 'BE';
  return null;
}

/**
 * The text of a CSV file. A byte-order mark decides (UTF-8, UTF-16 LE or BE; UTF-32 is refused);
 * without one, UTF-16 is recognised by its NUL bytes, valid UTF-8 is UTF-8, and anything else is
 * read as Windows-1252, the encoding spreadsheet apps on Windows save "CSV" in: `how` is 'guessed'
 * so the caller can say so. A NUL byte in what is not UTF-16 means the file is not text at all.
 */
export function decodeText(bytes: Uint8Array, path: string): DecodedText {
  const b = bytes;
  if (
    b.length >= 4 &&
    ((b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) ||
      (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff))
  )
    throw new CliError(`${path} is UTF-32 text, which mbo-cascade does not read: save it as UTF-8 CSV.`);
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
    return { text: utf8(b.subarray(3), path), encoding: 'UTF-8', how: 'bom' };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe)
    return { text: decodeUtf16(b.subarray(2), false), encoding: 'UTF-16LE', how: 'bom' };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff)
    return { text: decodeUtf16(b.subarray(2), true), encoding: 'UTF-16BE', how: 'bom' };
  const order = unmarkedUtf16(b);
  if (order)
    return {
      text: decodeUtf16(b, order === 'BE'),
      encoding: order === 'BE' ? 'UTF-16BE' : 'UTF-16LE',
      how: 'guessed',
    };
  if (b.includes(0)) throw new CliError(`${path} holds NUL bytes: it is not a text CSV.`);
  try {
    return { text: strictUtf8.decode(b), encoding: 'UTF-8', how: 'valid' };
  } catch {
    return { text: decodeWindows1252(b), encoding: 'Windows-1252', how: 'guessed' };
  }
}

/** UTF-8 after a UTF-8 byte-order mark: it promised UTF-8, so broken bytes are an error, not a guess. */
function utf8(bytes: Uint8Array, path: string): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new CliError(`${path} starts with a UTF-8 mark but is not valid UTF-8: is it damaged?`);
  }
}
