// The built bundle answers as the sources do: the same goal table read, linked, checked and cascaded through
// dist/mbo.js and through src, and the same workbook written by the server globals of each.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CellValue } from '../../src/core/model';
import { customFunctions } from '../../src/main';
import { endpoints } from '../../src/server/endpoints';
import { onOpen } from '../../src/server/menu';
import { createFakeGas, type FakeGas } from '../../tools/gas-fake';
import { snapshotSpreadsheet } from '../../tools/gas-fake/snapshot';
import { loadBundle } from '../../tools/load-bundle';

/** A goal table that takes every reader path: each field, text and Date periods, ranges, binary, bad values, links. */
// biome-ignore format: a table, one row per line
const HEADERS = ['ID', 'Goal', 'Owner', 'Parent', 'Type', 'Metric', 'Unit', 'Direction', 'Baseline', 'Target', 'Min', 'Max', 'Actual', 'Weight', 'Contribution', 'Rollup', 'Period', 'Cap', 'Floor', 'Gate'];
const row = (values: Partial<Record<(typeof HEADERS)[number], CellValue>>): CellValue[] =>
  HEADERS.map((h) => values[h] ?? '');
// biome-ignore format: a table, one row per line
const TABLE: CellValue[][] = [
  HEADERS,
  row({ ID: 'O-1', Goal: 'Revenue', Owner: 'Dana', Type: 'Outcome', Unit: '$', Target: 1000, Actual: 800, Weight: 0.5, Rollup: 'avg', Period: 'Q3 2026' }),
  row({ ID: 'A-1', Goal: 'Webinars', Owner: 'Lee', Parent: 'O-1', Type: 'Activity', Metric: 'Leads', Direction: 'lower', Baseline: 100, Target: 50, Actual: '60', Weight: 0.3, Contribution: 0.5, Period: '2026-07' }),
  row({ ID: 'A-2', Goal: 'Events', Owner: 'Lee', Parent: 'o-1 ', Type: 'activities', Metric: 'clicks', Direction: 'range', Target: '40-60', Actual: 50, Weight: 0.2, Rollup: 'min', Period: new Date(2026, 6, 1) }),
  row({ ID: 'A-3', Goal: 'Launch', Owner: 'Ava', Parent: 'O-1', Type: 'Collaboration', Direction: 'binary', Target: 'x', Actual: 'done', Rollup: 'own', Period: 'FY2026', Gate: 0.5 }),
  row({ ID: 'A-4', Goal: 'Band', Owner: 'Ava', Parent: 'O-1', Type: 'Outcome', Direction: 'range', Min: 10, Max: 20, Actual: 15, Period: 'H2 2026', Cap: 2, Floor: 0 }),
  row({ ID: 'B-1', Goal: 'Bad values', Owner: 'Kim', Parent: 'A-1', Type: 'weird', Direction: 'sideways', Target: 'abc', Actual: 5, Weight: -1, Rollup: 'foo', Period: 'soon' }),
  row({ ID: 'B-2', Goal: 'No target', Owner: 'Kim', Parent: 'O-1', Type: 'Outcome', Actual: 7 }),
  row({ ID: 'B-3', Goal: 'Bad range', Owner: 'Kim', Parent: 'O-1', Direction: 'range', Target: 'x-y', Actual: 3 }),
  row({}),
  row({ ID: 'O-1', Goal: 'Duplicate', Owner: 'Zed', Type: 'Outcome' }),
  row({ ID: 'C-1', Goal: 'Cycle one', Owner: 'Zed', Parent: 'C-2', Actual: 1, Target: 2 }),
  row({ ID: 'C-2', Goal: 'Cycle two', Owner: 'Zed', Parent: 'C-1' }),
  row({ ID: 'U-1', Goal: 'Lost', Owner: 'Zed', Parent: 'NOPE', Actual: 1, Target: 1 }),
  row({ ID: 'S-1', Goal: 'Sum', Owner: 'Dana', Type: 'Outcome', Unit: '$', Target: 100, Rollup: 'sum', Period: 'Mar 2026' }),
  row({ ID: 'S-2', Goal: 'Part', Owner: 'Dana', Parent: 'S-1', Unit: '$', Target: 50, Actual: 40 }),
  row({ ID: 'S-3', Goal: 'Other unit', Owner: 'Dana', Parent: 'S-1', Unit: '€', Target: 50, Actual: 10 }),
];
const ids = TABLE.slice(1).map((r) => [r[0]]);
const parents = TABLE.slice(1).map((r) => [r[3]]);

describe('custom functions, through the bundle', () => {
  const bundle = loadBundle();
  const same = (fn: string, ...args: unknown[]) =>
    expect(JSON.stringify(bundle.functions[fn](...args))).toBe(JSON.stringify(customFunctions[fn](...args)));

  it('reads, links, checks and cascades a goal table as the sources do', () => {
    same('MBO_VALIDATE', TABLE);
    same('MBO_CASCADE', TABLE);
    same('MBO_PATH', [['A-2'], ['S-3'], ['C-1'], ['nope']], ids, parents);
    same(
      'MBO_ROLLUP',
      ids,
      parents,
      TABLE.slice(1).map((r) => [r[12]]),
    );
  });
});

describe('server globals, through the bundle', () => {
  afterEach(() => vi.unstubAllGlobals());
  const services = (gas: FakeGas) => ({
    SpreadsheetApp: gas.SpreadsheetApp,
    LockService: gas.LockService,
    HtmlService: gas.HtmlService,
    Charts: gas.Charts,
  });
  const fromSources = () => {
    const gas = createFakeGas({ tabs: { Goals: TABLE } });
    for (const [name, service] of Object.entries(services(gas))) vi.stubGlobal(name, service);
    return gas;
  };
  const fromBundle = () => {
    const gas = createFakeGas({ tabs: { Goals: TABLE } });
    return { gas, globals: loadBundle(services(gas)).functions };
  };

  it('build the same menu, separators included', () => {
    const { gas, globals } = fromBundle();
    globals.onOpen();
    const expected = fromSources();
    onOpen();
    expect(gas.ui.menus[0].items).toEqual(expected.ui.menus[0].items);
    expect(gas.ui.menus[0].items).toContain('separator');
  });

  it('check, roll up and set up the workbook as the sources do (scorecards, periods judged at today)', () => {
    const { gas, globals } = fromBundle();
    const check = globals.checkWorkbook() as { issues: unknown[] };
    globals.rollUp();
    globals.insertGoalTab('');
    globals.addParentDropdowns();
    const expected = fromSources();
    const expectedCheck = endpoints.checkWorkbook();
    endpoints.rollUp();
    endpoints.insertGoalTab('');
    endpoints.addParentDropdowns();
    expect(check.issues.length).toBeGreaterThan(10);
    expect(JSON.stringify(check.issues)).toBe(JSON.stringify(expectedCheck.issues));
    // The Roll-up's note (R1C1) says when it ran.
    const picture = (g: FakeGas) =>
      snapshotSpreadsheet(g.spreadsheet).map((tab) =>
        tab.name === 'Roll-up' ? { ...tab, cells: { ...tab.cells, R1C1: 'note' } } : tab,
      );
    expect(picture(gas)).toEqual(picture(expected));
    // Options reach Apps Script by their names.
    const chartOptions = (g: FakeGas) =>
      g.spreadsheet.sheets.flatMap((tab) => tab.charts.map((chart) => chart.options));
    expect(chartOptions(gas)).toEqual(chartOptions(expected));
    expect(chartOptions(gas)).toHaveLength(1);
  });
});
