// CSV cells as Sheets imports them, per spreadsheet locale: en_US by default, decimal commas, dot or space thousands and day-first dates in de_DE and fr_FR.
import { describe, expect, it } from 'vitest';
import type { FakeCellInput } from '../../tools/gas-fake';
import { typedCsvCell, typedCsvGrid } from '../../tools/preview/csv-cells';
import { previewLocale } from '../../tools/preview/locale';

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const NBSP = '\u00a0';

type Row = [string, FakeCellInput];

/** The same fields in every locale: what each makes of them. */
const BY_LOCALE: Record<string, Row[]> = {
  'none (en_US)': [
    ['8.000', 8],
    ['2,500,000', 2_500_000],
    ['0,865', 865],
    ['62,5', '62,5'],
    ['12%', 0.12],
    ['1/2/2026', day(2026, 1, 2)],
    ['31.12.2026', '31.12.2026'],
    ['true', true],
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ['+1 555 0100', '+1 555 0100'],
    ['Grow pipeline', 'Grow pipeline'],
  ],
  'de-DE': [
    ['8.000', 8000],
    ['2.500.000', 2_500_000],
    ['1.875.000', 1_875_000],
    ['0,865', 0.865],
    ['62,5', 62.5],
    ['-1.234,5', -1234.5],
    ['12500', 12500],
    [' 97,5 ', 97.5],
    [`1${NBSP}234,5`, 1234.5],
    ['1 234 567', 1_234_567],
    ['1.234 567', '1.234 567'],
    ['1.5', '1.5'],
    ['2,500,000', '2,500,000'],
    ['62,5 %', 0.625],
    ['12%', 0.12],
    ['31.12.2026', day(2026, 12, 31)],
    ['1.3.2026', day(2026, 3, 1)],
    ['31.02.2026', '31.02.2026'],
    ['31/12/2026', '31/12/2026'],
    ['true', 'true'],
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ['-A1', '-A1'],
    ["'0815", '0815'],
    ['Grow pipeline', 'Grow pipeline'],
  ],
  'fr-FR': [
    ['8.000', 8000],
    [`1${NBSP}234,5`, 1234.5],
    ['0,865', 0.865],
    ['31/12/2026', day(2026, 12, 31)],
    ['31.12.2026', day(2026, 12, 31)],
    ['12/31/2026', '12/31/2026'],
  ],
  'en-US': [
    ['8.000', 8],
    ['62,5', '62,5'],
    ['1/2/2026', day(2026, 1, 2)],
  ],
};

describe.each(Object.entries(BY_LOCALE))('CSV cells imported with locale %s', (name, rows) => {
  const locale = name.startsWith('none') ? null : previewLocale(name);
  it.each(rows)('%j', (text, expected) => {
    expect(typedCsvCell(text, locale)).toEqual(expected);
  });
});

describe('typedCsvGrid', () => {
  it('types each text field for the locale and keeps what is not text', () => {
    const grid = [['8.000', 3, null, '62,5']];
    expect(typedCsvGrid(grid, previewLocale('de-DE'))).toEqual([[8000, 3, null, 62.5]]);
    expect(typedCsvGrid(grid)).toEqual([[8, 3, null, '62,5']]);
  });
});
