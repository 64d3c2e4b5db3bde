// MBO_ROLLUP against native formulas (AVERAGEIF, SUMPRODUCT, COUNTIFS) for the same roll-up, row by row: one level on the sample and generated workbooks, a deep cascade with a helper column per level.
import type { HyperFormula } from 'hyperformula';
import { beforeAll, describe, expect, it } from 'vitest';
import { cascadeRows, levelsBelowTop, type NativeFormula, nativeSheet } from '../../bench/rollup-workbooks';
import type { SheetContent } from '../../tools/formula-engine';
import { createEngine, sheetValues } from '../../tools/formula-engine';
import {
  generatedRollup,
  nativeRollupFormula,
  type RollupRow,
  SUBJECTS,
  type Subject,
  sampleSheets,
  stacked,
} from './workbooks';

const HEADER = ['ID', 'Parent', 'Attainment', 'Contribution', 'Native', 'MBO_ROLLUP'];
const MBO = 5;

/** A Rollup tab over rows 2..last: native formulas in E, one MBO_ROLLUP spilling down F. */
function rollupTab(last: number, inputs: (row: number) => SheetContent[number]): SheetContent {
  const grid: SheetContent = [HEADER];
  for (let row = 2; row <= last; row++) grid.push([...inputs(row), nativeRollupFormula(row, last), null]);
  grid[1][MBO] = `=MBO_ROLLUP(A2:A${last}, B2:B${last}, C2:C${last}, D2:D${last})`;
  return grid;
}

interface Comparison {
  mismatches: string[];
  /** Rows whose value came from their children, not their own measurement. */
  rolledUp: string[];
}

function compare(engine: HyperFormula): Comparison {
  const values = sheetValues(engine, 'Rollup').slice(1);
  const mismatches: string[] = [];
  const rolledUp: string[] = [];
  for (const row of values) {
    const [id, , measured, , native, mbo] = row;
    const agree =
      typeof native === 'number' && typeof mbo === 'number'
        ? Math.abs(native - mbo) <= 1e-9
        : native === '' && mbo === '';
    if (!agree) mismatches.push(`${String(id)}: native ${String(native)}, MBO_ROLLUP ${String(mbo)}`);
    if (typeof native === 'number' && typeof measured !== 'number') rolledUp.push(String(id));
  }
  return { mismatches, rolledUp };
}

const GENERATED = [
  { parents: 60, children: 300, seed: 1 },
  { parents: 10, children: 200, seed: 7 },
];

describe.each(SUBJECTS)(
  'a one-level roll-up: MBO_ROLLUP agrees with native formulas ($label)',
  ({ load }) => {
    let subject: Subject;
    beforeAll(() => {
      subject = load();
    });

    it('on the sample workbook, every tab stacked, attainment from MBO_ATTAINMENT', () => {
      const last = 32;
      const tab = rollupTab(last, () => [null, null, null, null]);
      // Columns A to D are spills of the goal tabs: IDs, parents, measured attainment, contributions.
      tab[1].splice(
        0,
        4,
        `=${stacked('A')}`,
        `=${stacked('D')}`,
        `=MBO_ATTAINMENT(${stacked('K')}, ${stacked('J')}, ${stacked('I')}, ${stacked('H')})`,
        `=${stacked('M')}`,
      );
      const engine = createEngine(
        sampleSheets({ Rollup: tab }),
        subject.functions,
        subject.catalog,
        subject.options,
      );
      const { mismatches, rolledUp } = compare(engine);
      expect(mismatches).toEqual([]);
      // DG-1 has no Actual of its own: the only goal of the sample whose attainment comes from its children.
      expect(rolledUp).toEqual(['DG-1']);
    });

    it.each(GENERATED)(
      'on a generated workbook of $parents parents and $children children',
      ({ parents, children, seed }) => {
        const rows = generatedRollup(parents, children, seed);
        const tab = rollupTab(rows.length + 1, (row) => {
          const r: RollupRow = rows[row - 2];
          return [r.id, r.parent, r.attainment, r.contribution];
        });
        const engine = createEngine({ Rollup: tab }, subject.functions, subject.catalog, subject.options);
        const { mismatches, rolledUp } = compare(engine);
        expect(mismatches).toEqual([]);
        // Both kinds of family must be among the roll-ups, or one of the native branches went untested.
        const weighted = new Set(rows.filter((r) => r.contribution !== '').map((r) => r.parent));
        expect(rolledUp.some((id) => weighted.has(id))).toBe(true);
        expect(rolledUp.some((id) => !weighted.has(id))).toBe(true);
      },
    );
  },
);

/** The bench's native sheet (ID, Parent, Attainment, roll-up columns) with one MBO_ROLLUP spilling down the column after them. */
function nativeAndMbo(subject: Subject, levels: number, formula: NativeFormula) {
  const rows = cascadeRows(200, 6);
  const last = rows.length + 1;
  const sheet = nativeSheet(rows, levels, formula) as SheetContent;
  sheet[0].push('MBO_ROLLUP');
  sheet[1].push(`=MBO_ROLLUP(A2:A${last}, B2:B${last}, C2:C${last})`);
  const engine = createEngine({ Rollup: sheet }, subject.functions, subject.catalog, subject.options);
  const values = sheetValues(engine, 'Rollup').slice(1);
  const differ = values
    .filter((r) => {
      const [native, mbo] = [r[2 + levels], r[3 + levels]];
      return typeof native === 'number' && typeof mbo === 'number'
        ? Math.abs(native - mbo) > 1e-9
        : native !== '' || mbo !== '';
    })
    .map((r) => String(r[0]));
  return { rows, values, differ };
}

describe.each(SUBJECTS)('a six-level cascade: native formulas against MBO_ROLLUP ($label)', ({ load }) => {
  let subject: Subject;
  beforeAll(() => {
    subject = load();
  });

  it('a helper column per level below the top, each averaging the one before, agrees row by row', () => {
    const { rows, values, differ } = nativeAndMbo(subject, 5, 'averageif');
    expect(levelsBelowTop(rows)).toBe(5);
    expect(differ).toEqual([]);
    // Some goals get their value only from a later helper column than the first: the depth is really needed.
    expect(values.filter((r) => r[7] !== r[3]).length).toBeGreaterThan(0);
  });

  it.each(['sumif-countifs', 'averageif'] as const)(
    'one %s column is wrong past one level: goals over unmeasured goals come out blank or partial',
    (formula) => {
      const { rows, differ } = nativeAndMbo(subject, 1, formula);
      const measured = new Set(rows.filter((r) => r.attainment !== null).map((r) => r.id));
      // Exactly the unmeasured goals with an unmeasured child (whose value it would need rolled up) go wrong.
      const needsDepth = rows.filter(
        (r) =>
          !measured.has(r.id) &&
          rows.some((c) => c.parent === r.id && !measured.has(c.id) && rows.some((g) => g.parent === c.id)),
      );
      expect(differ.length).toBeGreaterThan(0);
      expect(new Set(differ)).toEqual(new Set(needsDepth.map((r) => r.id)));
    },
  );
});
