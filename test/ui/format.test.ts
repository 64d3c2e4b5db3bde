// The sidebar's cell names for people and screen readers, as Sheets writes them in formulas.
import { describe, expect, it } from 'vitest';
import { issuePlace, percent, sheetCell } from '../../src/ui/format';

describe('sheetCell', () => {
  it.each([
    ['Goals', 4, 2, 'Goals!B4'],
    ['Demand Gen', 12, 4, "'Demand Gen'!D12"],
    ["Dana's goals", 3, 27, "'Dana''s goals'!AA3"],
    ['2026', 5, 1, "'2026'!A5"],
    ['Field', 7, 0, 'Field row 7'],
  ])('%s row %i column %i is %s', (tab, row, col, expected) => {
    expect(sheetCell(tab, row, col)).toBe(expected);
  });
});

describe('issuePlace', () => {
  // A column the tab does not have (col 0) is said to be missing: "row 2 · Type" sent people looking for it.
  it.each([
    [{ row: 9, col: 4, column: 'Target', goalId: 'CT-6' }, 'D9 · Target · CT-6'],
    [{ row: 2, col: 0, column: 'Type', goalId: 'G-1' }, 'row 2 · no Type column · G-1'],
    [{ row: 2, col: 0, column: 'Type', goalId: '' }, 'row 2 · no Type column'],
    [{ row: 1, col: 9, column: 'Type', goalId: '' }, 'I1 · Type'],
    [{ row: 5, col: 0, column: '', goalId: 'G-2' }, 'row 5 · G-2'],
    [{ row: 0, col: 0, column: '', goalId: '' }, ''],
  ])('%o is %j', (issue, expected) => {
    expect(issuePlace(issue)).toBe(expected);
  });
});

describe('percent', () => {
  it.each([
    [0.823, '82%'],
    [(0.4 + 0.75) / 2, '58%'],
    [0.145, '15%'],
    [1.005, '101%'],
    [0.5749, '57%'],
    [0.125, '13%'],
    [0, '0%'],
    [-0.005, '0%'],
    [1.5, '150%'],
    [null, '—'],
    [Number.NaN, '—'],
  ])('%s is %s', (value, expected) => {
    expect(percent(value)).toBe(expected);
  });
});
