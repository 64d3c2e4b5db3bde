// The small pure pieces of the adapter: text written as text, and the locale's decimal separator.
import { describe, expect, it } from 'vitest';
import { decimalSeparatorOf } from '../../src/core/locale';
import { plainTextCell, textFor, typedCell, typedText } from '../../src/sheets/cell-text';
import { enterValue } from '../../tools/gas-fake';

/** Text Sheets would read as something else if written as it is. */
const CONVERTED = [
  '1.10',
  '007',
  '12%',
  '1/2',
  '1e3',
  'TRUE',
  '$5',
  'Mar 2026',
  '=1+1',
  '+A1',
  '-A1',
  '-5%',
  "'x",
];
/** Text it would keep. */
const KEPT = ['Grow pipeline', 'a=b', '3 - 2', 'FY2026', '@handle', ' =1'];

describe('typedText: text for a cell that is not plain text', () => {
  it.each([...CONVERTED, ...KEPT])('%j reads back as the same text', (text) => {
    expect(enterValue(typedText(text))).toEqual({ value: text, formula: '' });
  });

  it('leaves blank text blank, so unlinking writes no apostrophe', () => {
    expect(typedText('')).toBe('');
  });

  it('leaves numbers, booleans and dates alone and blanks nulls', () => {
    const day = new Date(Date.UTC(2026, 0, 2));
    expect([typedCell(-5), typedCell(true), typedCell(day), typedCell(null), typedCell(undefined)]).toEqual([
      -5,
      true,
      day,
      '',
      '',
    ]);
  });
});

describe('plainTextCell and textFor: text for a plain-text cell goes in as it is', () => {
  it.each([...CONVERTED, ...KEPT])('%j', (text) => {
    expect(enterValue(plainTextCell(text), '@')).toEqual({ value: text, formula: '' });
    expect(enterValue(textFor('@', text), '@')).toEqual({ value: text, formula: '' });
    expect(enterValue(textFor('General', text), 'General')).toEqual({ value: text, formula: '' });
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
