// Every custom function from formulas in the sample workbook (cross-tab ranges, stacks, omitted arguments, spills), for the sources and the bundle.
import type { DetailedCellError } from 'hyperformula';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/model';
import { cellAt, createEngine, readCell, readSpill } from '../../tools/formula-engine';
import { matches } from '../functions/cases';
import {
  allTables,
  GOAL_COUNT,
  SUBJECTS,
  type Subject,
  sampleColumn,
  sampleGrids,
  sampleSheets,
  stacked,
  vstacked,
} from './workbooks';

type Call = (name: string, ...args: unknown[]) => unknown;

interface FormulaCase {
  name: string;
  formula: string;
  /** What the formula shows (a grid; one value reads as [[value]]): numbers to 1e-9, RegExps against text, predicates. */
  expect?: unknown;
  /** The same call made directly, with ranges as Sheets passes them: the spill must show exactly its result. */
  direct?: (call: Call) => unknown;
}

interface ErrorCase {
  name: string;
  formula: string;
  /** The error value shown in the cell. */
  value: string;
  /** The message it carries: ours, naming the function and the argument. */
  message: RegExp;
}

const col = (...values: CellValue[]): CellValue[][] => values.map((v) => [v]);

/** One column of one sample tab's goals, as a range of that tab's goal rows. */
const tabColumn = (tab: number, letter: string): CellValue[][] =>
  sampleGrids()
    [tab].slice(1)
    .map((row) => [row[letter.charCodeAt(0) - 65]]);

const measuredFormula = (stack: (c: string) => string): string =>
  `MBO_ATTAINMENT(${stack('K')}, ${stack('J')}, ${stack('I')}, ${stack('H')})`;
const rollupFormula = `MBO_ROLLUP(${stacked('A')}, ${stacked('D')}, ${measuredFormula(stacked)})`;

const measuredDirect = (call: Call): unknown =>
  call('MBO_ATTAINMENT', sampleColumn('K'), sampleColumn('J'), sampleColumn('I'), sampleColumn('H'));
const rollupDirect = (call: Call): unknown =>
  call('MBO_ROLLUP', sampleColumn('A'), sampleColumn('D'), measuredDirect(call));

/** Row of a goal in the stacked columns: CMO's four goals come first, then Demand Gen's. */
const DG_1 = 4;

/** A History range typed inline: two check-ins of DG-1 in Q3 2026. */
const HISTORY = '{"Date","ID","Final";"2026-07-31","DG-1",0.31;"2026-08-31","DG-1",0.62}';

// biome-ignore format: a table, one row per line
const CASES: FormulaCase[] = [
  {
    name: 'MBO_ATTAINMENT: single cells, optional arguments left out',
    formula: '=MBO_ATTAINMENT(CMO!K2, CMO!J2)',
    expect: [[0.7875]],
  },
  {
    name: 'MBO_ATTAINMENT: columns of another tab, every argument',
    formula:
      "=MBO_ATTAINMENT('Demand Gen'!K2:K11, 'Demand Gen'!J2:J11, 'Demand Gen'!I2:I11, 'Demand Gen'!H2:H11)",
    expect: col('', 0.82, 0.85, 0.8625, 0.625, 1.125, 1.22, 1.3, 0.875, 1.175),
    direct: (call) =>
      call('MBO_ATTAINMENT', tabColumn(1, 'K'), tabColumn(1, 'J'), tabColumn(1, 'I'), tabColumn(1, 'H')),
  },
  {
    name: 'MBO_ATTAINMENT: empty arguments count as left out',
    formula: '=MBO_ATTAINMENT(200, 100, , , 2)',
    expect: [[2]],
  },
  {
    name: 'MBO_ATTAINMENT: a percent typed as text',
    formula: '=MBO_ATTAINMENT(200, 100, , , "120%")',
    expect: [[1.2]],
  },
  {
    name: 'MBO_ROLLUP: five tabs stacked with {;}, attainment from a nested call',
    formula: `=${rollupFormula}`,
    expect: (grid: unknown[][]) =>
      grid.length === GOAL_COUNT && Math.abs((grid[DG_1][0] as number) - (0.82 + 0.85 + 0.8625) / 3) < 1e-9,
    direct: rollupDirect,
  },
  {
    name: 'MBO_ROLLUP: stacked with VSTACK, contributions and a method given',
    formula: `=MBO_ROLLUP(${vstacked('A')}, ${vstacked('D')}, ${measuredFormula(vstacked)}, ${vstacked('M')}, "min")`,
    expect: (grid: unknown[][]) => grid[DG_1][0] === 0.82,
    direct: (call) =>
      call(
        'MBO_ROLLUP',
        sampleColumn('A'),
        sampleColumn('D'),
        measuredDirect(call),
        sampleColumn('M'),
        'min',
      ),
  },
  {
    name: 'MBO_CASCADE: five whole tables',
    formula: `=MBO_CASCADE(${allTables})`,
    expect: (grid: unknown[][]) =>
      grid.length === 1 + GOAL_COUNT && grid[0][0] === 'ID' && grid[1][0] === 'CMO-1',
    direct: (call) => call('MBO_CASCADE', ...sampleGrids()),
  },
  {
    name: 'MBO_CASCADE: one table, the repeating ones left out',
    formula: '=MBO_CASCADE(CMO!A1:P5)',
    direct: (call) => call('MBO_CASCADE', sampleGrids()[0]),
  },
  {
    name: 'MBO_VALIDATE: five tables, sized to its issues',
    formula: `=MBO_VALIDATE(${allTables})`,
    expect: (grid: unknown[][]) => grid.length > 1 && grid.some((row) => row[4] === 'vanity-metric'),
    direct: (call) => call('MBO_VALIDATE', ...sampleGrids()),
  },
  {
    name: "MBO_SCORE: every owner's score from the roll-up",
    formula: `=MBO_SCORE(${stacked('C')}, ${stacked('L')}, ${rollupFormula})`,
    expect: (grid: unknown[][]) => grid[0][0] === 'Dana Reyes',
    direct: (call) => call('MBO_SCORE', sampleColumn('C'), sampleColumn('L'), rollupDirect(call)),
  },
  {
    name: 'MBO_SCORE: one owner',
    formula: `=MBO_SCORE(${stacked('C')}, ${stacked('L')}, ${rollupFormula}, "Dana Reyes")`,
    direct: (call) =>
      call('MBO_SCORE', sampleColumn('C'), sampleColumn('L'), rollupDirect(call), 'Dana Reyes'),
  },
  {
    name: 'MBO_SCORE: the owner named in a cell',
    formula: `=MBO_SCORE(${stacked('C')}, ${stacked('L')}, ${rollupFormula}, CMO!C2)`,
    direct: (call) =>
      call('MBO_SCORE', sampleColumn('C'), sampleColumn('L'), rollupDirect(call), 'Dana Reyes'),
  },
  {
    name: 'MBO_SCORE: the owner cell blank lists every owner',
    formula: `=MBO_SCORE(${stacked('C')}, ${stacked('L')}, ${rollupFormula}, Settings!D1)`,
    direct: (call) => call('MBO_SCORE', sampleColumn('C'), sampleColumn('L'), rollupDirect(call), ''),
  },
  {
    name: 'MBO_PAYOUT: a curve typed as percents on another tab',
    formula: '=MBO_PAYOUT({0.7;0.9;1.1;2}, Settings!A2:B4)',
    expect: col(0, 0.75, 1.25, 1.5),
  },
  { name: 'MBO_NPS: a survey tab', formula: '=MBO_NPS(Survey!A2:A9)', expect: [[25]] },
  {
    name: 'MBO_PATH: one id through stacked tabs',
    formula: `=MBO_PATH("DG-6", ${stacked('A')}, ${stacked('D')})`,
    expect: [['CMO-1 › DG-1 › DG-2 › DG-6']],
  },
  {
    name: 'MBO_PATH: a column of ids',
    formula: `=MBO_PATH('Demand Gen'!A2:A4, ${stacked('A')}, ${stacked('D')})`,
    expect: col('CMO-1 › DG-1', 'CMO-1 › DG-1 › DG-2', 'CMO-1 › DG-1 › DG-3'),
  },
  {
    name: 'MBO_STATUS: nested attainment against a percent literal',
    formula: '=MBO_STATUS(MBO_ATTAINMENT(CMO!K2:K5, CMO!J2:J5, CMO!I2:I5), 90%)',
    expect: col('at risk', 'at risk', 'at risk', 'on track'),
  },
  {
    name: 'MBO_TREND: a History range, one row to feed SPARKLINE',
    formula: `=MBO_TREND(${HISTORY}, "dg-1")`,
    expect: [[0.31, 0.62]],
  },
  {
    name: 'MBO_FORECAST: the run rate to the end of Q3, paid on a curve from another tab',
    formula: `=MBO_FORECAST(${HISTORY}, "DG-1", "Q3 2026", Settings!A2:B4)`,
    expect: [[0.92, 0.8]],
  },
  {
    name: 'MBO_REQUIRED: what each goal under CMO-1 needs, across five tables',
    formula: `=MBO_REQUIRED("CMO-1", 100%, ${allTables})`,
    expect: (grid: unknown[][]) => grid.length > 1 && grid[0][0] === 'ID' && grid[0][4] === 'Actual needed',
    direct: (call) => call('MBO_REQUIRED', 'CMO-1', 1, ...sampleGrids()),
  },
];

// biome-ignore format: a table, one row per line
const ERROR_CASES: ErrorCase[] = [
  {
    name: 'required argument missing',
    formula: '=MBO_ROLLUP(CMO!A2:A5)',
    value: '#ERROR!',
    message: /^MBO_ROLLUP: parents is missing/,
  },
  {
    name: 'columns of different heights',
    formula: '=MBO_ROLLUP(CMO!A2:A5, CMO!D2:D4, CMO!K2:K5)',
    value: '#ERROR!',
    message: /^MBO_ROLLUP: parents has 3 rows but ids has 4/,
  },
  {
    name: 'table without its header',
    formula: '=MBO_CASCADE(CMO!A2:P5)',
    value: '#ERROR!',
    message: /^MBO_CASCADE: table has no header row/,
  },
  {
    name: 'a repeated table without its header',
    formula: "=MBO_CASCADE(CMO!A1:P5, 'Demand Gen'!A2:P11)",
    value: '#ERROR!',
    message: /^MBO_CASCADE: table2 has no header row/,
  },
  {
    name: 'probed function, bad table',
    formula: '=MBO_VALIDATE(Survey!A1:A3)',
    value: '#ERROR!',
    message: /^MBO_VALIDATE: table has no header row/,
  },
  {
    name: 'probed function, nothing given',
    formula: '=MBO_VALIDATE()',
    value: '#ERROR!',
    message: /^MBO_VALIDATE: table is missing/,
  },
  {
    name: 'unknown direction',
    formula: '=MBO_ATTAINMENT(CMO!K2:K5, CMO!J2:J5, , "sideways")',
    value: '#ERROR!',
    message: /^MBO_ATTAINMENT: direction must be higher, lower, range or binary, not "sideways"/,
  },
  { name: 'elapsed out of range', formula: '=MBO_STATUS(0.5, 150%)', value: '#ERROR!', message: /^MBO_STATUS: elapsed must be the share/ },
  { name: 'curve of one column', formula: '=MBO_PAYOUT(1, Settings!A2:A4)', value: '#ERROR!', message: /^MBO_PAYOUT: curve must be a range of two columns/ },
  {
    name: 'unknown owner',
    formula: '=MBO_SCORE(CMO!C2:C5, CMO!L2:L5, CMO!K2:K5, "Zed")',
    value: '#ERROR!',
    message: /^MBO_SCORE: owner "Zed" does not appear in owners/,
  },
  {
    name: 'too many arguments',
    formula: '=MBO_NPS(Survey!A2:A9, 1)',
    value: '#N/A',
    message: /^MBO_NPS: takes at most 1 argument, not 2/,
  },
];

/** A direct call's result as a grid, as the cells show it. */
function asGrid(result: unknown): unknown {
  return Array.isArray(result) ? result : [[result]];
}

describe.each(SUBJECTS)('custom functions in formulas ($label)', ({ load }) => {
  let subject: Subject;
  beforeAll(() => {
    subject = load();
  });

  const engineWith = (formula: string) =>
    createEngine(sampleSheets({ Calc: [[formula]] }), subject.functions, subject.catalog, subject.options);
  const call: Call = (name, ...args) => subject.functions[name](...args);

  it('covers every function of the catalogue', () => {
    const used = new Set(CASES.flatMap((c) => [...c.formula.matchAll(/MBO_[A-Z]+/g)].map((m) => m[0])));
    expect([...used].sort()).toEqual(subject.catalog.map((f) => f.name).sort());
  });

  it.each(CASES)('$name', ({ formula, expect: expected, direct }) => {
    const shown = readSpill(engineWith(formula), 'Calc!A1');
    if (expected !== undefined) expect(matches(shown, expected), JSON.stringify(shown)).toBe(true);
    if (direct) expect(matches(shown, asGrid(direct(call))), JSON.stringify(shown)).toBe(true);
  });

  it.each(ERROR_CASES)('shows our message: $name', ({ formula, value, message }) => {
    const shown = readCell(engineWith(formula), 'Calc!A1') as DetailedCellError;
    expect(shown?.value).toBe(value);
    expect(shown.message).toMatch(message);
  });

  it('sizes a probed spill to its result exactly, even when built before its data tabs', () => {
    // Calc comes first, so while the engine is built its formula's ranges are still empty.
    const sheets = { Calc: [[`=MBO_VALIDATE(${allTables})`]], ...sampleSheets() };
    const engine = createEngine(sheets, subject.functions, subject.catalog, subject.options);
    const issues = call('MBO_VALIDATE', ...sampleGrids()) as unknown[][];
    expect(matches(readSpill(engine, 'Calc!A1'), issues)).toBe(true);
    expect(engine.isCellPartOfArray(cellAt(engine, `Calc!A${issues.length}`))).toBe(true);
    expect(engine.isCellPartOfArray(cellAt(engine, `Calc!A${issues.length + 1}`))).toBe(false);
  });
});
