// The hand-made template against MBO_ROLLUP: the same one-level roll-up as native formulas and as one custom-function call, in the same engine.
import { catalog, customFunctions } from '../src/main';
import { createEngine, type SheetContent, sheetValues } from '../tools/formula-engine';
import { fmt, gc, type Section } from './measure';

interface RollupRow {
  id: string;
  parent: string;
  attainment: number | null;
}

/** Parents P-1..P-k with ~10 children each; one row in six unmeasured; shuffled, as tabs stacked in any order are. */
function rows(goals: number): RollupRow[] {
  let seed = 7;
  const random = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const parents = Math.max(1, Math.round(goals / 11));
  const out: RollupRow[] = [];
  for (let p = 1; p <= parents; p++) out.push({ id: `P-${p}`, parent: '', attainment: null });
  for (let c = 1; out.length < goals; c++) {
    out.push({
      id: `C-${c}`,
      parent: `P-${1 + Math.floor(random() * parents)}`,
      attainment: random() < 0.16 ? null : Math.round(random() * 150) / 100,
    });
  }
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** What a finance analyst writes by hand: the row's own attainment, else SUMIF / COUNTIFS over its children. */
function nativeFormula(row: number, last: number): string {
  const parents = `$B$2:$B$${last}`;
  const att = `$C$2:$C$${last}`;
  return `=IF(ISNUMBER(C${row}), C${row}, IFERROR(SUMIF(${parents}, A${row}, ${att}) / COUNTIFS(${parents}, A${row}, ${att}, "<>"), ""))`;
}

function sheet(data: RollupRow[], formulas: 'native' | 'mbo'): SheetContent {
  const last = data.length + 1;
  const grid: SheetContent = [['ID', 'Parent', 'Attainment', 'Roll-up']];
  data.forEach((r, i) => {
    const row = i + 2;
    const value =
      formulas === 'native'
        ? nativeFormula(row, last)
        : i === 0
          ? `=MBO_ROLLUP(A2:A${last}, B2:B${last}, C2:C${last})`
          : null;
    grid.push([r.id, r.parent || null, r.attainment, value]);
  });
  return grid;
}

function evaluate(data: RollupRow[], formulas: 'native' | 'mbo'): { ms: number; values: unknown[] } {
  gc();
  const start = performance.now();
  const engine = createEngine({ Rollup: sheet(data, formulas) }, customFunctions, catalog);
  const values = sheetValues(engine, 'Rollup')
    .slice(1)
    .map((r) => r[3]);
  const ms = performance.now() - start;
  engine.destroy();
  return { ms, values };
}

export function benchNative(): Section[] {
  const table: (string | number)[][] = [
    ['goals', 'native formulas (ms)', 'MBO_ROLLUP (ms)', 'MBO_ROLLUP faster by', 'rows that disagree'],
  ];
  let ratioAt10k = 0;
  for (const goals of [1_000, 10_000]) {
    const data = rows(goals);
    evaluate(rows(200), 'mbo');
    evaluate(rows(200), 'native');
    const native = evaluate(data, 'native');
    const mbo = evaluate(data, 'mbo');
    const disagree = native.values.filter((v, i) => {
      const m = mbo.values[i];
      return typeof v === 'number' && typeof m === 'number'
        ? Math.abs(v - m) > 1e-9
        : (v ?? '') !== (m ?? '');
    }).length;
    const ratio = native.ms / mbo.ms;
    if (goals === 10_000) ratioAt10k = ratio;
    table.push([fmt.int(goals), fmt.ms(native.ms), fmt.ms(mbo.ms), `${fmt.ratio(ratio)}×`, disagree]);
  }
  return [
    {
      title: 'Native-formula roll-up against MBO_ROLLUP, both in HyperFormula',
      table,
      checks: [
        {
          what: 'MBO_ROLLUP against native formulas at 10k goals',
          target: '≥ 100× faster',
          measured: `${fmt.ratio(ratioAt10k)}×`,
          pass: ratioAt10k >= 100,
        },
      ],
      notes: [
        'Native: one `IF(ISNUMBER(own), own, SUMIF(parents, id, att) / COUNTIFS(parents, id, att, "<>"))` per row, the hand-made template. MBO_ROLLUP: one call over the three columns, spilling down.',
        'Each time includes building the engine and evaluating every formula once; the values of both columns are compared row by row.',
      ],
    },
  ];
}
