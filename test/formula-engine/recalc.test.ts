// Editing an input cell recomputes every dependent MBO_ formula, and a probed spill that outgrows its cells is sized again.
import type { DetailedCellError } from 'hyperformula';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/model';
import {
  cellAt,
  createEngine,
  OUTGROWN,
  readCell,
  readSpill,
  refreshArraySizes,
} from '../../tools/formula-engine';
import { matches } from '../functions/cases';
import {
  allTables,
  CURVE_VALUES,
  SUBJECTS,
  type Subject,
  sampleGrids,
  sampleSheets,
  stacked,
} from './workbooks';

/** The inputs the formulas read, as Sheets would pass them to a direct call. */
interface Inputs {
  tables: CellValue[][][];
  curve: CellValue[][];
}

type Call = (name: string, ...args: unknown[]) => unknown;

const column = (tables: CellValue[][][], letter: string): CellValue[][] =>
  tables.flatMap((grid) => grid.slice(1).map((row) => [row[letter.charCodeAt(0) - 65]]));

const attainment = `MBO_ATTAINMENT(${stacked('K')}, ${stacked('J')}, ${stacked('I')}, ${stacked('H')})`;
const rollup = `MBO_ROLLUP(${stacked('A')}, ${stacked('D')}, ${attainment}, ${stacked('M')})`;

/** Each formula of the workbook, where it sits, and the direct call it must always agree with. */
// biome-ignore format: a table, one row per line
const FORMULAS: { at: string; formula: string; direct: (call: Call, inputs: Inputs) => unknown }[] = [
  {
    at: 'Calc!A1',
    formula: `=${rollup}`,
    direct: (call, { tables }) =>
      call(
        'MBO_ROLLUP',
        column(tables, 'A'),
        column(tables, 'D'),
        call(
          'MBO_ATTAINMENT',
          column(tables, 'K'),
          column(tables, 'J'),
          column(tables, 'I'),
          column(tables, 'H'),
        ),
        column(tables, 'M'),
      ),
  },
  {
    at: 'Calc!C1',
    formula: `=MBO_CASCADE(${allTables})`,
    direct: (call, { tables }) => call('MBO_CASCADE', ...tables),
  },
  {
    at: 'Calc!N1',
    formula: `=MBO_SCORE(${stacked('C')}, ${stacked('L')}, ${rollup}, "Sam Patel")`,
    direct: (call, inputs) =>
      call(
        'MBO_SCORE',
        column(inputs.tables, 'C'),
        column(inputs.tables, 'L'),
        FORMULAS[0].direct(call, inputs),
        'Sam Patel',
      ),
  },
  {
    at: 'Calc!P1',
    formula: '=MBO_PAYOUT({0.9;1.1}, Settings!A2:B4)',
    direct: (call, { curve }) => call('MBO_PAYOUT', [[0.9], [1.1]], curve.slice(1)),
  },
  {
    at: 'Checks!A1',
    formula: `=MBO_VALIDATE(${allTables})`,
    direct: (call, { tables }) => call('MBO_VALIDATE', ...tables),
  },
];

interface Edit {
  name: string;
  cell: string;
  value: CellValue;
  apply: (inputs: Inputs) => void;
  /** Whether MBO_VALIDATE finds more issues after the edit, so its probed spill outgrows its cells. */
  moreIssues: boolean;
}

/** Demand Gen is the second tab; row 3 holds DG-2, row 4 DG-3. */
// biome-ignore format: a table, one row per line
const EDITS: Edit[] = [
  {
    name: 'an Actual',
    cell: "'Demand Gen'!K3",
    value: 10_000_000,
    apply: ({ tables }) => void (tables[1][2][10] = 10_000_000),
    moreIssues: false,
  },
  {
    name: 'a Parent moved to another tab',
    cell: "'Demand Gen'!D4",
    value: 'CT-1',
    apply: ({ tables }) => void (tables[1][3][3] = 'CT-1'),
    moreIssues: false,
  },
  {
    name: 'a Contribution',
    cell: "'Demand Gen'!M3",
    value: 3,
    apply: ({ tables }) => void (tables[1][2][12] = 3),
    moreIssues: false,
  },
  {
    name: 'a payout point',
    cell: 'Settings!B3',
    value: '90%',
    apply: ({ curve }) => void (curve[2][1] = '90%'),
    moreIssues: false,
  },
  {
    name: 'an Actual typed as junk',
    cell: "'Demand Gen'!K4",
    value: 'lots',
    apply: ({ tables }) => void (tables[1][3][10] = 'lots'),
    moreIssues: true,
  },
];

const asGrid = (result: unknown): unknown => (Array.isArray(result) ? result : [[result]]);

describe.each(SUBJECTS)('editing an input cell ($label)', ({ load }) => {
  let subject: Subject;
  beforeAll(() => {
    subject = load();
  });
  const call: Call = (name, ...args) => subject.functions[name](...args);

  function workbook() {
    const calc: (string | null)[][] = [[]];
    const checks: (string | null)[][] = [[]];
    for (const { at, formula } of FORMULAS) {
      const [tab, ref] = at.split('!');
      const col = ref.charCodeAt(0) - 65;
      (tab === 'Calc' ? calc : checks)[0][col] = formula;
    }
    return createEngine(
      sampleSheets({ Calc: calc, Checks: checks }),
      subject.functions,
      subject.catalog,
      subject.options,
    );
  }

  it.each(EDITS)('recomputes every dependent formula: $name', ({ cell, value, apply, moreIssues }) => {
    const engine = workbook();
    const inputs: Inputs = { tables: sampleGrids(), curve: CURVE_VALUES.map((row) => row.slice()) };
    const before = FORMULAS.map(({ direct }) => JSON.stringify(direct(call, inputs)));
    apply(inputs);
    const after = FORMULAS.map(({ direct }) => JSON.stringify(direct(call, inputs)));
    // The edit must change some result, or agreement after it would prove nothing.
    expect(after.some((a, i) => a !== before[i])).toBe(true);

    engine.setCellContents(cellAt(engine, cell), [[value]]);
    const validate = readCell(engine, 'Checks!A1');
    if (moreIssues) {
      expect((validate as DetailedCellError).message).toContain(OUTGROWN);
      expect(refreshArraySizes(engine)).toBe(1);
    } else {
      expect(refreshArraySizes(engine)).toBe(0);
    }
    for (const { at, direct } of FORMULAS) {
      const shown = readSpill(engine, at);
      expect(matches(shown, asGrid(direct(call, inputs))), `${at}: ${JSON.stringify(shown)}`).toBe(true);
    }
  });
});
