// The small pure pieces of the adapter: text escaping and the locale's decimal separator.
import { describe, expect, it } from 'vitest';
import { safeCell, safeText } from '../../src/sheets/cell-text';
import { decimalSeparatorOf } from '../../src/core/locale';
import { enterValue } from '../../tools/gas-fake';

describe('safeText', () => {
  it.each([
    ['=IMPORTXML("http://x","//a")', `'=IMPORTXML("http://x","//a")`],
    ['+1 555 0100', "'+1 555 0100"],
    ['-5%', "'-5%"],
    ['@channel', "'@channel"],
    ["'quoted'", "''quoted'"],
    ['  =SUM(A1)', "'  =SUM(A1)"],
    ['\u00a0\u00a0=SUM(A1)', "'\u00a0\u00a0=SUM(A1)"],
    ['Grow pipeline', 'Grow pipeline'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j -> %j', (text, escaped) => {
    expect(safeText(text)).toBe(escaped);
  });

  it.each(['=1+1', '+A1', '-A1', '@x', "'x", ' =1', 'plain', '3 - 2'])(
    '%j reads back as the same text',
    (text) => {
      expect(enterValue(safeText(text))).toEqual({ value: text, formula: '' });
    },
  );

  it('leaves numbers, booleans and dates alone and blanks nulls', () => {
    const day = new Date(Date.UTC(2026, 0, 2));
    expect([safeCell(-5), safeCell(true), safeCell(day), safeCell(null), safeCell(undefined)]).toEqual([
      -5,
      true,
      day,
      '',
      '',
    ]);
  });
});

describe('decimalSeparatorOf', () => {
  it.each([
    ['en_US', '.'],
    ['en_GB', '.'],
    ['ja_JP', '.'],
    ['de_DE', ','],
    ['de_CH', '.'],
    ['fr_FR', ','],
    ['pt_BR', ','],
    ['es_ES', ','],
    ['es_MX', '.'],
    ['nl-NL', ','],
    ['en_ZA', ','],
    ['', '.'],
    ['xx', '.'],
  ])('%s -> %s', (locale, separator) => {
    expect(decimalSeparatorOf(locale)).toBe(separator);
  });
});
