// Pins the period forms a Period cell may take, day numbers, and the share of a period elapsed.
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/model';
import { dayOfDate, elapsedShare, type Period, parseDay, parsePeriod } from '../../src/core/period';

const day = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000;

describe('parsePeriod', () => {
  it.each<[CellValue, string, [number, number, number], [number, number, number]]>([
    // Years: the calendar year.
    ['FY2026', 'FY2026', [2026, 1, 1], [2027, 1, 1]],
    ['FY 2026', 'FY2026', [2026, 1, 1], [2027, 1, 1]],
    ['fy2026', 'FY2026', [2026, 1, 1], [2027, 1, 1]],
    ['FY26', 'FY2026', [2026, 1, 1], [2027, 1, 1]],
    ['FY-26', 'FY2026', [2026, 1, 1], [2027, 1, 1]],
    ['2026', 'FY2026', [2026, 1, 1], [2027, 1, 1]],
    [' 2026 ', 'FY2026', [2026, 1, 1], [2027, 1, 1]],
    [2026, 'FY2026', [2026, 1, 1], [2027, 1, 1]],
    [2024, 'FY2024', [2024, 1, 1], [2025, 1, 1]],
    // Halves.
    ['H1 2026', 'H1 2026', [2026, 1, 1], [2026, 7, 1]],
    ['H2 2026', 'H2 2026', [2026, 7, 1], [2027, 1, 1]],
    ['2026 H2', 'H2 2026', [2026, 7, 1], [2027, 1, 1]],
    ['2026-H1', 'H1 2026', [2026, 1, 1], [2026, 7, 1]],
    ['h1-2026', 'H1 2026', [2026, 1, 1], [2026, 7, 1]],
    ['H1 FY26', 'H1 2026', [2026, 1, 1], [2026, 7, 1]],
    ['FY2026 H2', 'H2 2026', [2026, 7, 1], [2027, 1, 1]],
    // Quarters.
    ['Q1 2026', 'Q1 2026', [2026, 1, 1], [2026, 4, 1]],
    ['Q3 2026', 'Q3 2026', [2026, 7, 1], [2026, 10, 1]],
    ['2026-Q3', 'Q3 2026', [2026, 7, 1], [2026, 10, 1]],
    ['2026 Q3', 'Q3 2026', [2026, 7, 1], [2026, 10, 1]],
    ['Q3-2026', 'Q3 2026', [2026, 7, 1], [2026, 10, 1]],
    ['q4 2026', 'Q4 2026', [2026, 10, 1], [2027, 1, 1]],
    ['2026Q2', 'Q2 2026', [2026, 4, 1], [2026, 7, 1]],
    ["Q3'26", 'Q3 2026', [2026, 7, 1], [2026, 10, 1]],
    ['Q3 FY26', 'Q3 2026', [2026, 7, 1], [2026, 10, 1]],
    // Months.
    ['Mar 2026', 'Mar 2026', [2026, 3, 1], [2026, 4, 1]],
    ['March 2026', 'Mar 2026', [2026, 3, 1], [2026, 4, 1]],
    ['MARCH 2026', 'Mar 2026', [2026, 3, 1], [2026, 4, 1]],
    ['mar-2026', 'Mar 2026', [2026, 3, 1], [2026, 4, 1]],
    ['2026 Mar', 'Mar 2026', [2026, 3, 1], [2026, 4, 1]],
    ['Sept 2026', 'Sep 2026', [2026, 9, 1], [2026, 10, 1]],
    ['Feb 2028', 'Feb 2028', [2028, 2, 1], [2028, 3, 1]],
    ['Dec 2026', 'Dec 2026', [2026, 12, 1], [2027, 1, 1]],
    ['2026-03', 'Mar 2026', [2026, 3, 1], [2026, 4, 1]],
    ['2026-3', 'Mar 2026', [2026, 3, 1], [2026, 4, 1]],
    ['03/2026', 'Mar 2026', [2026, 3, 1], [2026, 4, 1]],
    ['2026-03-15', 'Mar 2026', [2026, 3, 1], [2026, 4, 1]],
    ['2028-2-29', 'Feb 2028', [2028, 2, 1], [2028, 3, 1]],
    ['2026 12 31', 'Dec 2026', [2026, 12, 1], [2027, 1, 1]],
    ['12 2026', 'Dec 2026', [2026, 12, 1], [2027, 1, 1]],
    ['Jan 9999', 'Jan 9999', [9999, 1, 1], [9999, 2, 1]],
    ['FY00', 'FY2000', [2000, 1, 1], [2001, 1, 1]],
    ['FY 26 H1', 'H1 2026', [2026, 1, 1], [2026, 7, 1]],
    ['Q4 FY 2026', 'Q4 2026', [2026, 10, 1], [2027, 1, 1]],
    ['1900', 'FY1900', [1900, 1, 1], [1901, 1, 1]],
    // BigPicture's period names: a year as Y2025, a quarter or half of it as Q3 Y2025.
    ['Y2025', 'FY2025', [2025, 1, 1], [2026, 1, 1]],
    ['y 2025', 'FY2025', [2025, 1, 1], [2026, 1, 1]],
    ['Q3 Y2025', 'Q3 2025', [2025, 7, 1], [2025, 10, 1]],
    ['H1 Y2026', 'H1 2026', [2026, 1, 1], [2026, 7, 1]],
    ['Y2025 Q4', 'Q4 2025', [2025, 10, 1], [2026, 1, 1]],
    // Sheets turns a typed "Mar 2026" into the date 2026-03-01.
    [new Date(Date.UTC(2026, 2, 1)), 'Mar 2026', [2026, 3, 1], [2026, 4, 1]],
    [new Date(Date.UTC(2026, 11, 31, 23, 30)), 'Dec 2026', [2026, 12, 1], [2027, 1, 1]],
  ])('%j -> %s', (v, label, start, end) => {
    const period = parsePeriod(v);
    expect(period).toEqual({ label, start: day(...start), end: day(...end) });
  });

  it.each<CellValue>([
    '',
    '   ',
    null,
    undefined,
    true,
    2026.5,
    1850,
    46082,
    new Date(Number.NaN),
    new Date(Date.UTC(1899, 11, 30, 9, 0)),
    'FY',
    'FY2026 budget',
    'H3 2026',
    'H0 2026',
    'Q5 2026',
    'Q0 2026',
    'Q3',
    'H1',
    'Mar',
    'Mar 26',
    'Marc 2026',
    '2026-13',
    '2026-00',
    '2026-02-30',
    '13/2026',
    '20 26',
    '26',
    '202',
    '20260',
    'Y26',
    'Y',
    'Q3 Y26',
    'YY2025',
    'Q3 2026 Q4',
    'Q3 2026 2027',
    '2026-Q3-01',
    'next year',
    'TBD',
    '2026:Q3',
    'Q3 H1 2026',
    // Edges of the forms: years out of range, a named month in a date, a month or day out of range.
    '1899',
    'FY 0999',
    'Q3 1800',
    '1800 Q3',
    '1800-03',
    'Mar 1800',
    '2026 Mar 15',
    'Q 2026',
    '2026 2027',
    '2026-02-00',
    '2026-1-32',
    '00 2026',
    'FY 202',
    'Mar 2026 15',
  ])('%j is not a period', (v) => {
    expect(parsePeriod(v)).toBeNull();
  });

  it('reads its own labels back', () => {
    for (const label of [
      'FY2026',
      'H1 2026',
      'H2 2026',
      'Q1 2026',
      'Q4 2026',
      'Jan 2026',
      'Sep 2026',
      'Dec 2026',
    ]) {
      expect(parsePeriod(label)?.label).toBe(label);
    }
  });

  it('gives the same answer when the text is seen again (remembered)', () => {
    const first = parsePeriod('Q2 2027');
    expect(parsePeriod('Q2 2027')).toEqual(first);
    expect(parsePeriod('bogus period')).toBeNull();
    expect(parsePeriod('bogus period')).toBeNull();
  });

  it('still parses correctly after many distinct texts (the memory is bounded)', () => {
    for (let y = 1900; y < 3000; y++) parsePeriod(`FY${y}`);
    expect(parsePeriod('FY2031')?.start).toBe(day(2031, 1, 1));
    expect(parsePeriod('Mar 2030')?.label).toBe('Mar 2030');
  });
});

describe('parseDay', () => {
  it.each<[string, number | null]>([
    ['2026-03-15', day(2026, 3, 15)],
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    [' 2026-12-31 ', day(2026, 12, 31)],
    ['2024-02-29', day(2024, 2, 29)],
    ['2026-02-29', null],
    ['2026-04-31', null],
    ['2026-13-01', null],
    ['2026-00-10', null],
    ['2026-01-00', null],
    ['2026-3-15', null],
    ['2026/03/15', null],
    ['15-03-2026', null],
    ['2026-03-15T00:00', null],
    ['', null],
    ['abcd-ef-gh', null],
  ])('%j -> %s', (text, expected) => {
    expect(parseDay(text)).toBe(expected);
  });
});

describe('dayOfDate', () => {
  it.each<[Date, number]>([
    [new Date(Date.UTC(2026, 2, 15)), day(2026, 3, 15)],
    [new Date(Date.UTC(2026, 2, 15, 23, 59, 59)), day(2026, 3, 15)],
    [new Date(Date.UTC(2026, 0, 1, 0, 0, 1)), day(2026, 1, 1)],
    [new Date(Date.UTC(1970, 0, 1)), 0],
  ])('%s -> %s', (d, expected) => {
    expect(dayOfDate(d)).toBe(expected);
  });
});

describe('elapsedShare', () => {
  // The day `today` counts as elapsed through its end.
  const fy = parsePeriod('FY2026') as Period;
  const q1 = parsePeriod('Q1 2026') as Period; // 90 days
  it.each<[Period, number, number]>([
    [fy, day(2025, 6, 1), 0],
    [fy, day(2025, 12, 31), 0],
    [fy, day(2026, 1, 1), 1 / 365],
    [fy, day(2026, 7, 2), 183 / 365],
    [fy, day(2026, 12, 30), 364 / 365],
    [fy, day(2026, 12, 31), 1],
    [fy, day(2027, 1, 1), 1],
    [fy, day(2030, 1, 1), 1],
    [q1, day(2026, 1, 1), 1 / 90],
    [q1, day(2026, 2, 14), 45 / 90],
    [q1, day(2026, 3, 31), 1],
  ])('%o on day %s -> %s', (period, today, expected) => {
    expect(elapsedShare(period, today)).toBeCloseTo(expected, 12);
  });
});
