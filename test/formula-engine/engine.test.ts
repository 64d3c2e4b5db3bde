// The adapter itself, with stand-in functions: how arguments arrive, how results and errors show, spill sizes, plugin reuse, inline arrays.
import type { DetailedCellError } from 'hyperformula';
import { beforeEach, describe, expect, it } from 'vitest';
import { catalog, customFunctions } from '../../src/main';
import {
  type CatalogEntry,
  cellAt,
  createEngine,
  customFunctionsPlugin,
  type EngineOptions,
  type Implementation,
  OUTGROWN,
  readCell,
  readSpill,
  refreshArraySizes,
  type SheetContent,
  stackInlineArrays,
} from '../../tools/formula-engine';
import { matches } from '../functions/cases';

/** Arguments of every TEST_CAPTURE call, in order. */
let captured: unknown[][] = [];

const RETURNS: Record<string, () => unknown> = {
  thrown: () => {
    throw new Error('TEST_RETURN: kind "thrown" always fails.');
  },
  'not a number': () => Number.NaN,
  nothing: () => null,
  date: () => new Date(2026, 2, 1, 12, 0),
  object: () => ({ a: 1 }),
  ragged: () => [[1], [2, 3]],
  flat: () => [1, 2, 3],
  'one cell': () => [['only']],
};

const STAND_INS: Implementation = {
  TEST_CAPTURE: (...args) => {
    captured.push(args);
    return captured.length;
  },
  // No size rule: probed, so its spill is as big as the numbers it is given.
  TEST_GRID: (rows, cols) =>
    Array.from({ length: Number(rows) }, (_, r) =>
      Array.from({ length: Number(cols) }, (_, c) => r * 10 + c),
    ),
  TEST_RETURN: (kind) => RETURNS[String(kind)](),
};

const STAND_IN_CATALOG: CatalogEntry[] = [
  { name: 'TEST_CAPTURE', params: [{ name: 'values', optional: true, repeat: true }] },
  { name: 'TEST_GRID', params: [{ name: 'rows' }, { name: 'cols' }] },
  { name: 'TEST_RETURN', params: [{ name: 'kind' }] },
];

/** Row 1: number, text, blank, #DIV/0!, TRUE. Row 2: blank, a percent, a date, #N/A, text that starts with '='. */
// biome-ignore format: a table, one row per line
const DATA: SheetContent = [
  [5, 'x', '', '=1/0', true],
  ['', '10%', new Date(2026, 2, 1), '=NA()', "'=text"],
];

/** TEST_CAPTURE is one cell: sized by rule, so it runs once per evaluation (a probed function also runs to be sized). */
const ONE_CELL_CAPTURE = { TEST_CAPTURE: () => ({ rows: 1, cols: 1 }) };

function engineWith(formula: string, options: EngineOptions = {}) {
  return createEngine({ Data: DATA, Calc: [[formula]] }, STAND_INS, STAND_IN_CATALOG, {
    resultSizes: ONE_CELL_CAPTURE,
    ...options,
  });
}

beforeEach(() => {
  captured = [];
});

// biome-ignore format: a table, one row per line
const ARGUMENT_CASES: { name: string; formula: string; args: unknown[] | ((args: unknown[]) => boolean) }[] = [
  { name: 'a single cell arrives as its value', formula: '=TEST_CAPTURE(Data!A1)', args: [5] },
  { name: 'a range arrives as rows of cells', formula: '=TEST_CAPTURE(Data!A1:B2)', args: [[[5, 'x'], ['', 0.1]]] },
  { name: "an empty cell arrives as ''", formula: '=TEST_CAPTURE(Data!C1)', args: [''] },
  { name: 'an empty argument arrives as undefined', formula: '=TEST_CAPTURE(1,,3)', args: [1, undefined, 3] },
  { name: 'arguments not written do not arrive', formula: '=TEST_CAPTURE()', args: [] },
  { name: 'a percent cell arrives as a fraction', formula: '=TEST_CAPTURE(Data!B2)', args: [0.1] },
  { name: 'a percent literal arrives as a fraction', formula: '=TEST_CAPTURE(50%)', args: [0.5] },
  { name: 'a boolean arrives as a boolean', formula: '=TEST_CAPTURE(Data!E1)', args: [true] },
  { name: 'text typed with an apostrophe arrives as text', formula: '=TEST_CAPTURE(Data!E2)', args: ['=text'] },
  { name: 'an error cell arrives as its text', formula: '=TEST_CAPTURE(Data!D1)', args: ['#DIV/0!'] },
  { name: 'error cells in a range arrive as their text', formula: '=TEST_CAPTURE(Data!D1:D2)', args: [[['#DIV/0!'], ['#N/A']]] },
  { name: 'cells stacked with {;} arrive as one range', formula: '=TEST_CAPTURE({Data!A1;Data!B1})', args: [[[5], ['x']]] },
  { name: 'range arithmetic is evaluated as an array', formula: '=TEST_CAPTURE(Data!A1:A2*2)', args: [[[10], [0]]] },
  {
    name: 'a date cell arrives as a Date at local midnight',
    formula: '=TEST_CAPTURE(Data!C2)',
    args: ([d]) => d instanceof Date && d.getTime() === new Date(2026, 2, 1).getTime(),
  },
];

// biome-ignore format: a table, one row per line
const RESULT_CASES: { name: string; formula: string; shown: unknown }[] = [
  { name: 'a probed grid spills at its size', formula: '=TEST_GRID(2, 3)', shown: [[0, 1, 2], [10, 11, 12]] },
  { name: 'null shows an empty cell', formula: '=TEST_RETURN("nothing")', shown: [[null]] },
  { name: 'a Date shows its serial number', formula: '=TEST_RETURN("date")', shown: [[46082.5]] },
  { name: 'ragged rows are padded with empty cells', formula: '=TEST_RETURN("ragged")', shown: [[1, null], [2, 3]] },
  { name: 'a flat array is one row', formula: '=TEST_RETURN("flat")', shown: [[1, 2, 3]] },
  { name: 'a one-cell array is one value', formula: '=TEST_RETURN("one cell")', shown: [['only']] },
  { name: 'a nested call hands its whole array on', formula: '=SUM(TEST_GRID(2, 2))', shown: [[22]] },
];

// biome-ignore format: a table, one row per line
const ERROR_CASES: { name: string; formula: string; value: string; message: RegExp }[] = [
  { name: 'a thrown Error shows #ERROR! with its message', formula: '=TEST_RETURN("thrown")', value: '#ERROR!', message: /^TEST_RETURN: kind "thrown" always fails\.$/ },
  { name: 'NaN shows #NUM!', formula: '=TEST_RETURN("not a number")', value: '#NUM!', message: /TEST_RETURN returned NaN/ },
  { name: 'an object shows #VALUE!', formula: '=TEST_RETURN("object")', value: '#VALUE!', message: /TEST_RETURN returned a object/ },
  { name: 'too many arguments show #N/A', formula: '=TEST_GRID(1, 2, 3)', value: '#N/A', message: /^TEST_GRID: takes at most 2 arguments, not 3\.$/ },
];

describe('formula engine: arguments as Sheets passes them', () => {
  it.each(ARGUMENT_CASES)('$name', ({ formula, args }) => {
    engineWith(formula);
    expect(captured).toHaveLength(1);
    if (typeof args === 'function') expect(args(captured[0])).toBe(true);
    else expect(matches(captured[0], args), JSON.stringify(captured[0])).toBe(true);
  });

  it("with inputErrors 'propagate', an error cell is the result and the function is not called", () => {
    const engine = engineWith('=TEST_CAPTURE(Data!A1, Data!D1:D2)', { inputErrors: 'propagate' });
    expect((readCell(engine, 'Calc!A1') as DetailedCellError).value).toBe('#DIV/0!');
    expect(captured).toEqual([]);
  });
});

describe('formula engine: results', () => {
  it.each(RESULT_CASES)('$name', ({ formula, shown }) => {
    const values = readSpill(engineWith(formula), 'Calc!A1');
    expect(matches(values, shown), JSON.stringify(values)).toBe(true);
  });

  it.each(ERROR_CASES)('$name', ({ formula, value, message }) => {
    const shown = readCell(engineWith(formula), 'Calc!A1') as DetailedCellError;
    expect(shown.value).toBe(value);
    expect(shown.message).toMatch(message);
  });

  it('a probed spill that outgrows its cells says so until refreshArraySizes sizes it again', () => {
    const engine = createEngine(
      { Data: [[2]], Calc: [['=TEST_GRID(Data!A1, 1)']] },
      STAND_INS,
      STAND_IN_CATALOG,
    );
    expect(readSpill(engine, 'Calc!A1')).toEqual([[0], [10]]);
    engine.setCellContents(cellAt(engine, 'Data!A1'), [[4]]);
    expect((readCell(engine, 'Calc!A1') as DetailedCellError).message).toContain(OUTGROWN);
    expect(refreshArraySizes(engine)).toBe(1);
    expect(readSpill(engine, 'Calc!A1')).toEqual([[0], [10], [20], [30]]);
    // Shrinking needs nothing: the cells it no longer uses are empty.
    engine.setCellContents(cellAt(engine, 'Data!A1'), [[1]]);
    expect(refreshArraySizes(engine)).toBe(0);
    expect(readSpill(engine, 'Calc!A1')).toEqual([[0]]);
  });
});

describe('formula engine: plugins', () => {
  it('makes one plugin per implementation table and options, and reuses it', () => {
    const plugin = customFunctionsPlugin(STAND_INS, STAND_IN_CATALOG);
    expect(customFunctionsPlugin(STAND_INS, STAND_IN_CATALOG)).toBe(plugin);
    expect(customFunctionsPlugin(STAND_INS, STAND_IN_CATALOG, { inputErrors: 'propagate' })).not.toBe(plugin);
    expect(customFunctionsPlugin({ ...STAND_INS }, STAND_IN_CATALOG)).not.toBe(plugin);
  });

  it('lets engines over two implementations of the same names live side by side', () => {
    const survey = { Survey: [[10], [10], [3]], Calc: [['=MBO_NPS(Survey!A1:A3)']] };
    const first = createEngine(survey, customFunctions, catalog);
    const second = createEngine(survey, { ...customFunctions, MBO_NPS: () => 42 }, catalog);
    first.setCellContents(cellAt(first, 'Survey!A3'), [[9]]);
    expect(readCell(first, 'Calc!A1')).toBe(100);
    expect(readCell(second, 'Calc!A1')).toBe(42);
  });

  it('runs a probed function once to size its spill and once to evaluate it, not while the engine is built', () => {
    const runs: unknown[][] = [];
    const counted: Implementation = {
      ...STAND_INS,
      TEST_GRID: (...args) => {
        runs.push(args);
        return STAND_INS.TEST_GRID(...args);
      },
    };
    const engine = createEngine(
      { Data: [[2]], Calc: [['=TEST_GRID(Data!A1, 2)']] },
      counted,
      STAND_IN_CATALOG,
    );
    expect(runs).toEqual([
      [2, 2],
      [2, 2],
    ]);
    expect(readSpill(engine, 'Calc!A1')).toEqual([
      [0, 1],
      [10, 11],
    ]);
  });

  it('refuses a catalogue entry with no function', () => {
    expect(() => customFunctionsPlugin({}, [{ name: 'TEST_MISSING', params: [] }])).toThrow(
      'TEST_MISSING is in the catalogue but not among the functions given.',
    );
  });
});

describe('formula engine: inline arrays', () => {
  it.each([
    { formula: '=SUM({A1;B1})', stacked: '=SUM(VSTACK(A1, B1))' },
    { formula: '={1,2;3,4}', stacked: '=VSTACK(HSTACK(1, 2), HSTACK(3, 4))' },
    { formula: "={'My; tab, 2'!A1:A2;B1}", stacked: "=VSTACK('My; tab, 2'!A1:A2, B1)" },
    { formula: '="{a;b}"&{A1}', stacked: '="{a;b}"&VSTACK(A1)' },
    { formula: '={SUM(A1,B1);2}', stacked: '=VSTACK(SUM(A1,B1), 2)' },
    { formula: '={A1;{B1,C1}}', stacked: '=VSTACK(A1, VSTACK(HSTACK(B1, C1)))' },
    { formula: '=A1', stacked: '=A1' },
    { formula: 'text {a;b}', stacked: 'text {a;b}' },
    { formula: '={A1;B1', stacked: '={A1;B1' },
  ])('$formula reads as $stacked', ({ formula, stacked }) => {
    expect(stackInlineArrays(formula)).toBe(stacked);
  });

  // HyperFormula's own behaviour, pinned: if it starts tracking inline arrays, the rewrite can go.
  it.each([
    { stackInlineArrays: true, after: 14 },
    { stackInlineArrays: false, after: 10 },
  ])(
    'an inline array over an edited cell recomputes only when rewritten (rewrite: $stackInlineArrays)',
    ({ stackInlineArrays, after }) => {
      const engine = createEngine(
        { Data: [[5]], Calc: [['=SUM({Data!A1;Data!A1})']] },
        STAND_INS,
        STAND_IN_CATALOG,
        { stackInlineArrays },
      );
      expect(readCell(engine, 'Calc!A1')).toBe(10);
      engine.setCellContents(cellAt(engine, 'Data!A1'), [[7]]);
      expect(readCell(engine, 'Calc!A1')).toBe(after);
    },
  );

  it('open-ended ranges such as A2:A, which Sheets reads to the last row, do not parse', () => {
    const shown = readCell(engineWith('=TEST_CAPTURE(Data!A2:A)'), 'Calc!A1') as DetailedCellError;
    expect(shown.value).toBe('#ERROR!');
    expect(shown.message).toMatch(/^Parsing error/);
  });
});
