// The sidebar's cell names for people and screen readers, as Sheets writes them in formulas.
import { describe, expect, it } from 'vitest';
import { sheetCell } from '../../src/ui/format';

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
