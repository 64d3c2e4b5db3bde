// Pins how CSV bytes become text: byte-order marks, unmarked UTF-16, strict UTF-8, and Windows-1252 for everything else.
import { describe, expect, it } from 'vitest';
import { decodeText, decodeWindows1252 } from '../../src/cli/text-encoding';

const bytes = (...parts: (number[] | string)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('decodeText', () => {
  it.each<[string, Buffer, string, string, string]>([
    ['ASCII', bytes('ID,Goal'), 'ID,Goal', 'UTF-8', 'valid'],
    ['UTF-8', bytes('Zoë,€'), 'Zoë,€', 'UTF-8', 'valid'],
    ['UTF-8 with its mark', bytes([0xef, 0xbb, 0xbf], 'Zoë'), 'Zoë', 'UTF-8', 'bom'],
    [
      'UTF-16LE with its mark',
      Buffer.concat([bytes([0xff, 0xfe]), Buffer.from('Zoë€', 'utf16le')]),
      'Zoë€',
      'UTF-16LE',
      'bom',
    ],
    [
      'UTF-16BE with its mark',
      Buffer.concat([bytes([0xfe, 0xff]), Buffer.from('Zoë€', 'utf16le').swap16()]),
      'Zoë€',
      'UTF-16BE',
      'bom',
    ],
    ['UTF-16LE without a mark', Buffer.from('ID,Goal\n', 'utf16le'), 'ID,Goal\n', 'UTF-16LE', 'guessed'],
    [
      'UTF-16BE without a mark',
      Buffer.from('ID,Goal\n', 'utf16le').swap16(),
      'ID,Goal\n',
      'UTF-16BE',
      'guessed',
    ],
    ['Windows-1252', bytes('Zo', [0xeb, 0x2c, 0x80, 0x93, 0x94]), 'Zoë,€“”', 'Windows-1252', 'guessed'],
    ['an empty file', bytes(), '', 'UTF-8', 'valid'],
  ])('%s', (_name, input, text, encoding, how) => {
    expect(decodeText(input, 'Goals.csv')).toEqual({ text, encoding, how });
  });

  it.each<[string, Buffer, RegExp]>([
    ['UTF-32LE', bytes([0xff, 0xfe, 0, 0], [0x41, 0, 0, 0]), /UTF-32/],
    ['UTF-32BE', bytes([0, 0, 0xfe, 0xff], [0, 0, 0, 0x41]), /UTF-32/],
    ['NUL bytes in 8-bit text', bytes('ID', [0], ',Goal\n', [0xff]), /holds NUL bytes/],
    [
      'a UTF-8 mark before broken UTF-8',
      bytes([0xef, 0xbb, 0xbf], [0xc3, 0x28]),
      /starts with a UTF-8 mark but is not valid UTF-8/,
    ],
  ])('refuses %s', (_name, input, message) => {
    expect(() => decodeText(input, 'Goals.csv')).toThrow(message);
  });
});

describe('decodeWindows1252', () => {
  it('maps 0x80-0x9F to the characters Windows puts there, and the rest as Latin-1', () => {
    expect(decodeWindows1252(Buffer.from([0x80, 0x85, 0x8a, 0x96, 0x99, 0x9f, 0xa0, 0xe9, 0xff]))).toBe(
      '€…Š–™Ÿ\u00a0éÿ',
    );
    // Unassigned bytes keep their code, as browsers decode them.
    expect(decodeWindows1252(Buffer.from([0x81, 0x8d, 0x8f, 0x90, 0x9d]))).toBe('\x81\x8d\x8f\x90\x9d');
  });

  it('decodes a long file in slices without overflowing the call stack', () => {
    expect(decodeWindows1252(Buffer.alloc(200_000, 0xe9))).toBe('é'.repeat(200_000));
  });
});
