// Service calls grow with the number of tabs, never with the number of rows: one batched read per tab, one write per block.
import { describe, expect, it } from 'vitest';
import type { ServerContext } from '../../src/server/context';
import { checkWorkbook } from '../../src/server/reports';
import { rollUp } from '../../src/server/rollup';
import { addParentDropdowns } from '../../src/server/setup';
import { readWorkbook } from '../../src/sheets/read';
import { createFakeGas, fakeServerContext } from '../../tools/gas-fake';
import { scaledWorkbook } from '../fixtures/marketing-cascade';

/** Service calls one operation makes on a fresh workbook of `tabs` tabs x `rows` goals. */
function callsOf(
  operation: (ctx: ServerContext) => unknown,
  tabs: number,
  rows: number,
): Record<string, number> {
  const gas = createFakeGas({ tabs: scaledWorkbook(tabs, rows) });
  gas.log.reset();
  operation(fakeServerContext(gas));
  return gas.log.snapshot();
}

const total = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);

const OPERATIONS: [string, (ctx: ServerContext) => unknown][] = [
  ['read', (ctx) => readWorkbook(ctx.spreadsheetApp().getActiveSpreadsheet())],
  ['checkWorkbook', checkWorkbook],
  ['rollUp', rollUp],
  ['addParentDropdowns', addParentDropdowns],
];

describe.each(OPERATIONS)('%s', (_name, operation) => {
  it('makes as many calls for 5 tabs x 1000 rows as for 5 tabs x 10 rows', () => {
    expect(total(callsOf(operation, 5, 1000))).toBe(total(callsOf(operation, 5, 10)));
  });

  it('grows linearly with the tabs, a few calls per tab (10 tabs: at most double 5)', () => {
    const five = total(callsOf(operation, 5, 10));
    const ten = total(callsOf(operation, 10, 10));
    const fifteen = total(callsOf(operation, 15, 10));
    const perTab = (ten - five) / 5;
    expect(fifteen - ten).toBe(ten - five);
    expect(perTab).toBeGreaterThanOrEqual(3);
    expect(perTab).toBeLessThanOrEqual(8);
    expect(ten).toBeLessThanOrEqual(2 * five);
  });
});

it('reads each tab with exactly one getDataRange().getValues()', () => {
  const calls = callsOf(OPERATIONS[0][1], 7, 50);
  expect(calls).toEqual({
    'Range.getValues': 7,
    'Sheet.getDataRange': 7,
    'Sheet.getName': 7,
    'SpreadsheetApp.getActiveSpreadsheet': 1,
    'Spreadsheet.getSheets': 1,
    'Spreadsheet.getSpreadsheetLocale': 1,
    'Spreadsheet.getSpreadsheetTimeZone': 1,
  });
});

it('writes each Roll-up block with one setValues, whatever the row count', () => {
  expect(callsOf(rollUp, 5, 1000)['Range.setValues']).toBe(4);
  expect(callsOf(rollUp, 5, 10)['Range.setValues']).toBe(4);
});
