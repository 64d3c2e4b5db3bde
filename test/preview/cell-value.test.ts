// Pins how exceljs cell values reach the core: cached formula results, plain text from rich text and links, errors as text, dates by calendar day.
import type { CellValue as ExcelValue } from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellText } from '../../src/core/cells';
import type { CellValue } from '../../src/core/model';
import { localCalendarDate, plainCellValue } from '../../tools/preview/cell-value';

// West of UTC, midnight UTC is the day before on the local calendar: the date tests can fail here.
const savedZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/Los_Angeles';
});
afterAll(() => {
  if (savedZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedZone;
});

describe('plainCellValue', () => {
  it.each<[string, ExcelValue, CellValue]>([
    ['null is blank', null, ''],
    ['undefined is blank', undefined, ''],
    ['text as is', ' Grow pipeline ', ' Grow pipeline '],
    ['text that looks like a formula stays text', '=MBO_NPS(A1:A9)', '=MBO_NPS(A1:A9)'],
    ['a number', 0.25, 0.25],
    ['a boolean', true, true],
    ['a formula: its cached number', { formula: 'J2*0.9', result: 900 }, 900],
    ['a formula: its cached text', { formula: 'A1&"x"', result: 'done' }, 'done'],
    ['a formula: its cached boolean', { formula: 'B2>5', result: false }, false],
    [
      'a formula: its cached error as text',
      { formula: 'VLOOKUP(1,A:A,2,0)', result: { error: '#N/A' } },
      '#N/A',
    ],
    ['a formula without a cached value is blank', { formula: 'J2*0.9' }, ''],
    ['a shared formula: its cached number', { sharedFormula: 'K2', result: 7 }, 7],
    ['an error cell as its text', { error: '#DIV/0!' }, '#DIV/0!'],
    [
      'rich text as its plain text',
      { richText: [{ text: 'Grow ', font: { bold: true } }, { text: 'pipeline' }] },
      'Grow pipeline',
    ],
    ['a hyperlink as its text', { text: 'CMO-1', hyperlink: 'https://example.com/goals/1' }, 'CMO-1'],
    [
      'a hyperlink over rich text as plain text',
      {
        text: { richText: [{ text: 'CMO' }, { text: '-1' }] } as unknown as string,
        hyperlink: 'https://example.com',
      },
      'CMO-1',
    ],
  ])('%s', (_name, value, expected) => {
    expect(plainCellValue(value)).toEqual(expected);
  });

  it('reads a date, cached formula date included, on the calendar day the file shows', () => {
    // exceljs hands a serial for 2026-03-31 over as midnight UTC, whatever the local time zone.
    const fromFile = new Date(Date.UTC(2026, 2, 31));
    expect(fromFile.getDate()).toBe(30);
    expect(cellText(plainCellValue(fromFile))).toBe('2026-03-31');
    expect(cellText(plainCellValue({ formula: 'EOMONTH(A1,0)', result: fromFile }))).toBe('2026-03-31');
  });
});

/** Date.UTC reads years 0-99 as 1900-1999; setUTCFullYear does not. */
function utcDate(year: number, month: number, day: number): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, month, day);
  return d;
}

describe('localCalendarDate', () => {
  it.each<[string, Date, number[]]>([
    ['a day with a time', new Date(Date.UTC(2026, 0, 15, 13, 45, 30, 250)), [2026, 0, 15, 13, 45, 30, 250]],
    ['a year below 100 stays itself', utcDate(45, 5, 1), [45, 5, 1, 0, 0, 0, 0]],
    ['a time-only cell (Excel day 0)', new Date(Date.UTC(1899, 11, 30, 9, 30)), [1899, 11, 30, 9, 30, 0, 0]],
  ])('keeps the wall-clock parts of %s', (_name, utc, parts) => {
    const local = localCalendarDate(utc);
    expect([
      local.getFullYear(),
      local.getMonth(),
      local.getDate(),
      local.getHours(),
      local.getMinutes(),
      local.getSeconds(),
      local.getMilliseconds(),
    ]).toEqual(parts);
  });

  it('leaves an invalid date invalid', () => {
    expect(Number.isNaN(localCalendarDate(new Date(Number.NaN)).getTime())).toBe(true);
  });
});
