// The properties the build renames (tools/internal-props.mjs): internal by every test we can make, and the code that
// uses them answering through the built bundle exactly as it does from the sources.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CellValue } from '../../src/core/model';
import { customFunctions } from '../../src/main';
import { endpoints } from '../../src/server/endpoints';
import { onOpen } from '../../src/server/menu';
import { createFakeGas, type FakeGas } from '../../tools/gas-fake';
import { snapshotSpreadsheet } from '../../tools/gas-fake/snapshot';
import { INTERNAL_PROPS } from '../../tools/internal-props.mjs';
import { loadBundle } from '../../tools/load-bundle';

const root = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(path, 'utf8');
const filesUnder = (dir: string, ending: RegExp): string[] =>
  (readdirSync(join(root, dir), { recursive: true }) as string[])
    .filter((f) => ending.test(f))
    .map((f) => join(root, dir, f));
const words = (text: string) => new Set(text.match(/[A-Za-z_$][\w$]*/g) ?? []);

/** Every string and template literal of a TypeScript file, comments and module paths (`from './texts'`) left out. */
function literals(source: string): string {
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|\s)\/\/.*$/gm, '$1')
    .replace(/\bfrom\s*(['"])[^'"\n]*\1/g, '');
  return (code.match(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g) ?? []).join('\n');
}

describe('renamed properties', () => {
  const src = filesUnder('src', /\.ts$/);
  const used = INTERNAL_PROPS.filter((name) => src.some((f) => new RegExp(`\\b${name}\\b`).test(read(f))));

  it('are plain identifiers, each listed once, most of them used by src', () => {
    expect(new Set(INTERNAL_PROPS).size).toBe(INTERNAL_PROPS.length);
    for (const name of INTERNAL_PROPS) expect(name).toMatch(/^[A-Za-z]\w+$/);
    expect(used.length).toBeGreaterThan(INTERNAL_PROPS.length / 2);
  });

  it('are named nowhere that could read them by name', () => {
    // A string could reach a property by name (obj[name], a key list); the sidebar is built apart, not renamed; the
    // API and port types cross into the browser and Apps Script; the declarations are JavaScript's and Apps Script's.
    const inStrings = words(src.map((f) => literals(read(f))).join('\n'));
    const sidebar = words(
      filesUnder('src/ui', /\.(ts|html)$/)
        .map(read)
        .join('\n'),
    );
    const boundary = words(
      ['src/server/api.ts', 'src/sheets/gas.ts', 'src/main.ts'].map((f) => read(join(root, f))).join('\n'),
    );
    const declarations = [
      ...filesUnder('node_modules/@typescript', /[\\/]lib[\\/]lib\.[\w.]+\.d\.ts$/),
      ...filesUnder('node_modules/@types/google-apps-script', /\.d\.ts$/),
    ];
    expect(declarations.length).toBeGreaterThan(20);
    const declared = words(declarations.map(read).join('\n'));
    for (const name of INTERNAL_PROPS) {
      expect(inStrings.has(name), `${name} in a string in src`).toBe(false);
      expect(sidebar.has(name), `${name} in the sidebar`).toBe(false);
      expect(boundary.has(name), `${name} in an API or port type`).toBe(false);
      expect(declared.has(name), `${name} in a JavaScript or Apps Script declaration`).toBe(false);
    }
  });

  it('are renamed in dist/mbo.js', () => {
    const mbo = read(join(root, 'dist/mbo.js'));
    for (const name of used) expect(mbo, name).not.toMatch(new RegExp(`[.{,]${name}\\b`));
  });
});

/** A goal table that takes every reader path: each field, text and Date periods, ranges, binary, bad values, links. */
const HEADERS = [
  'ID',
  'Goal',
  'Owner',
  'Parent',
  'Type',
  'Metric',
  'Unit',
  'Direction',
  'Baseline',
  'Target',
  'Min',
  'Max',
  'Actual',
  'Weight',
  'Contribution',
  'Rollup',
  'Period',
  'Cap',
  'Floor',
  'Gate',
];
const row = (values: Partial<Record<(typeof HEADERS)[number], CellValue>>): CellValue[] =>
  HEADERS.map((h) => values[h] ?? '');
const TABLE: CellValue[][] = [
  HEADERS,
  row({
    ID: 'O-1',
    Goal: 'Revenue',
    Owner: 'Dana',
    Type: 'Outcome',
    Unit: '$',
    Target: 1000,
    Actual: 800,
    Weight: 0.5,
    Rollup: 'avg',
    Period: 'Q3 2026',
  }),
  row({
    ID: 'A-1',
    Goal: 'Webinars',
    Owner: 'Lee',
    Parent: 'O-1',
    Type: 'Activity',
    Metric: 'Leads',
    Direction: 'lower',
    Baseline: 100,
    Target: 50,
    Actual: '60',
    Weight: 0.3,
    Contribution: 0.5,
    Period: '2026-07',
  }),
  row({
    ID: 'A-2',
    Goal: 'Events',
    Owner: 'Lee',
    Parent: 'o-1 ',
    Type: 'activities',
    Metric: 'clicks',
    Direction: 'range',
    Target: '40-60',
    Actual: 50,
    Weight: 0.2,
    Rollup: 'min',
    Period: new Date(2026, 6, 1),
  }),
  row({
    ID: 'A-3',
    Goal: 'Launch',
    Owner: 'Ava',
    Parent: 'O-1',
    Type: 'Collaboration',
    Direction: 'binary',
    Target: 'x',
    Actual: 'done',
    Rollup: 'own',
    Period: 'FY2026',
    Gate: 0.5,
  }),
  row({
    ID: 'A-4',
    Goal: 'Band',
    Owner: 'Ava',
    Parent: 'O-1',
    Type: 'Outcome',
    Direction: 'range',
    Min: 10,
    Max: 20,
    Actual: 15,
    Period: 'H2 2026',
    Cap: 2,
    Floor: 0,
  }),
  row({
    ID: 'B-1',
    Goal: 'Bad values',
    Owner: 'Kim',
    Parent: 'A-1',
    Type: 'weird',
    Direction: 'sideways',
    Target: 'abc',
    Actual: 5,
    Weight: -1,
    Rollup: 'foo',
    Period: 'soon',
  }),
  row({ ID: 'B-2', Goal: 'No target', Owner: 'Kim', Parent: 'O-1', Type: 'Outcome', Actual: 7 }),
  row({
    ID: 'B-3',
    Goal: 'Bad range',
    Owner: 'Kim',
    Parent: 'O-1',
    Direction: 'range',
    Target: 'x-y',
    Actual: 3,
  }),
  row({}),
  row({ ID: 'O-1', Goal: 'Duplicate', Owner: 'Zed', Type: 'Outcome' }),
  row({ ID: 'C-1', Goal: 'Cycle one', Owner: 'Zed', Parent: 'C-2', Actual: 1, Target: 2 }),
  row({ ID: 'C-2', Goal: 'Cycle two', Owner: 'Zed', Parent: 'C-1' }),
  row({ ID: 'U-1', Goal: 'Lost', Owner: 'Zed', Parent: 'NOPE', Actual: 1, Target: 1 }),
  row({
    ID: 'S-1',
    Goal: 'Sum',
    Owner: 'Dana',
    Type: 'Outcome',
    Unit: '$',
    Target: 100,
    Rollup: 'sum',
    Period: 'Mar 2026',
  }),
  row({ ID: 'S-2', Goal: 'Part', Owner: 'Dana', Parent: 'S-1', Unit: '$', Target: 50, Actual: 40 }),
  row({ ID: 'S-3', Goal: 'Other unit', Owner: 'Dana', Parent: 'S-1', Unit: '€', Target: 50, Actual: 10 }),
];
const ids = TABLE.slice(1).map((r) => [r[0]]);
const parents = TABLE.slice(1).map((r) => [r[3]]);

describe('the code that uses them, through the bundle', () => {
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

describe('the server globals that use them, through the bundle', () => {
  afterEach(() => vi.unstubAllGlobals());
  const services = (gas: FakeGas) => ({
    SpreadsheetApp: gas.SpreadsheetApp,
    LockService: gas.LockService,
    HtmlService: gas.HtmlService,
    Charts: gas.Charts,
    PropertiesService: gas.PropertiesService,
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
