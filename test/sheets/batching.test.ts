// Service calls grow with the number of tabs, never with the number of rows: one batched read per tab, one write per block.
import { describe, expect, it, vi } from 'vitest';
import { getColumns, saveColumns } from '../../src/server/columns';
import type { ServerContext } from '../../src/server/context';
import { checkWorkbook } from '../../src/server/reports';
import { rollUp } from '../../src/server/rollup';
import { addParentDropdowns } from '../../src/server/setup';
import { readWorkbook } from '../../src/sheets/read';
import { createFakeGas, FakeRange, fakeServerContext } from '../../tools/gas-fake';
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
  ['getColumns', (ctx) => getColumns(ctx, [{ header: 'Notes', field: 'metric' }])],
  ['saveColumns', (ctx) => saveColumns(ctx, [{ header: 'Notes', field: 'metric' }])],
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
    expect(perTab).toBeLessThanOrEqual(10);
    expect(ten).toBeLessThanOrEqual(2 * five);
  });
});

it('reads each tab with one getDataRange().getValues() and one getMergedRanges(), after one search for the tabs the add-on made', () => {
  const calls = callsOf(OPERATIONS[0][1], 7, 50);
  expect(calls).toEqual({
    'DeveloperMetadataFinder.find': 1,
    'DeveloperMetadataFinder.withKey': 1,
    'Spreadsheet.createDeveloperMetadataFinder': 1,
    // The named ranges an .xlsx from the command line marks its report and its check-in log with.
    'Spreadsheet.getRangeByName': 2,
    'Range.getMergedRanges': 7,
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

it('getColumns (asked on every dropdown change) fetches the rows where a header row can be, and Settings whole', () => {
  const gas = createFakeGas({
    tabs: {
      ...scaledWorkbook(3, 1000),
      Settings: [['Setting', 'Value'], ...Array.from({ length: 30 }, () => ['Cap', 1.5])],
    },
  });
  const fetched: [string, number][] = [];
  const spy = vi.spyOn(FakeRange.prototype, 'getValues').mockImplementation(function (this: FakeRange) {
    fetched.push([this.owner.name, this.numRows]);
    return readCells(this) as never;
  });
  try {
    getColumns(fakeServerContext(gas));
  } finally {
    spy.mockRestore();
  }
  expect(fetched.filter(([name]) => name !== 'Settings').every(([, rows]) => rows <= 10)).toBe(true);
  expect(fetched.length).toBe(4);
  expect(fetched.find(([name]) => name === 'Settings')?.[1]).toBe(31);
});

/** What getValues returns, read without the spied method. */
function readCells(range: FakeRange): unknown[][] {
  return Array.from({ length: range.numRows }, (_, r) =>
    Array.from(
      { length: range.numColumns },
      (_, c) => range.owner.peekCell(range.row + r, range.column + c).value,
    ),
  );
}
