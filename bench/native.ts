// Native spreadsheet roll-ups against MBO_ROLLUP / MBO_CASCADE: LibreOffice recalculating an .xlsx headless (the native anchor), and HyperFormula as a second engine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, type SheetContent, sheetValues } from '../tools/formula-engine';
import { ensureLibreOffice } from './libreoffice';
import { type RecalcJob, recalculate } from './libreoffice-run';
import { type BundleFunctions, bundleInMainContext, bundleInVmContext } from './main-context';
import { type Check, fmt, gc, type Section, timeMedian } from './measure';
import {
  cascadeRows,
  levelsBelowTop,
  type NativeFormula,
  nativeSheet,
  oneLevelRows,
  type RollupRow,
  resultColumn,
} from './rollup-workbooks';
import { writeXlsx } from './xlsx-writer';

type Ours = 'MBO_ROLLUP' | 'MBO_CASCADE';

interface Workload {
  label: string;
  rows: RollupRow[];
  /** Roll-up formula columns in the native sheet: 1 for one level, one per level below the top otherwise. */
  levels: number;
  formula: NativeFormula;
  /** Our functions to set against the same native recalculation. */
  ours: Ours[];
  /** The formula is known to be wrong on this workbook: its disagreeing rows are the finding, not a failure. */
  wrongOnPurpose?: boolean;
}

const FORMULA_LABEL: Record<NativeFormula, string> = {
  averageif: 'AVERAGEIF',
  'sumif-countifs': 'SUMIF / COUNTIFS',
};

function formulaLabel(w: Workload): string {
  if (w.wrongOnPurpose) return `${FORMULA_LABEL[w.formula]}, one column (wrong past one level)`;
  return w.levels > 1 ? `${FORMULA_LABEL[w.formula]}, ${w.levels} helper columns` : FORMULA_LABEL[w.formula];
}

/** The arguments Sheets hands a custom function: one column each, blanks as ''. */
function rollupArgs(rows: readonly RollupRow[]): unknown[][][] {
  return [rows.map((r) => [r.id]), rows.map((r) => [r.parent]), rows.map((r) => [r.attainment ?? ''])];
}

/** The same goals as one goal table for MBO_CASCADE: Actual against a Target of 1 is the attainment itself. */
function cascadeTable(rows: readonly RollupRow[]): unknown[][] {
  return [
    ['ID', 'Goal', 'Parent', 'Target', 'Actual'],
    ...rows.map((r) => [r.id, `Goal ${r.id}`, r.parent, 1, r.attainment ?? '']),
  ];
}

/** Our final attainment per row of `rows`, in their order. */
function ourValues(fn: Ours, functions: BundleFunctions['functions'], rows: readonly RollupRow[]): unknown[] {
  if (fn === 'MBO_ROLLUP') return (functions.MBO_ROLLUP(...rollupArgs(rows)) as unknown[][]).map((r) => r[0]);
  const out = functions.MBO_CASCADE(cascadeTable(rows)) as unknown[][];
  const idColumn = out[0].indexOf('ID');
  const attainment = out[0].indexOf('Attainment');
  const byId = new Map(out.slice(1).map((r) => [r[idColumn], r[attainment]]));
  return rows.map((r) => byId.get(r.id));
}

function timeOurs(fn: Ours, functions: BundleFunctions['functions'], rows: readonly RollupRow[]): number {
  // Short calls are noisy on a shared machine: more of them.
  const runs = rows.length >= 100_000 ? 3 : rows.length >= 10_000 ? 7 : 31;
  if (fn === 'MBO_ROLLUP') {
    const args = rollupArgs(rows);
    return timeMedian(runs, () => functions.MBO_ROLLUP(...args));
  }
  const table = cascadeTable(rows);
  return timeMedian(runs, () => functions.MBO_CASCADE(table));
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function disagreements(native: readonly unknown[], ours: readonly unknown[]): number {
  let count = 0;
  for (let i = 0; i < native.length; i++) {
    const a = native[i];
    const b = ours[i];
    const same =
      typeof a === 'number' && typeof b === 'number'
        ? Math.abs(a - b) <= 1e-9
        : (a ?? '') === '' && (b ?? '') === '';
    if (!same) count++;
  }
  return count;
}

const LIBREOFFICE_WORKLOADS = (quick: boolean): Workload[] => {
  const depth6 = cascadeRows(quick ? 1_000 : 10_000, 6);
  const levels = levelsBelowTop(depth6);
  return [
    ...(quick ? [1_000] : [1_000, 10_000, 100_000]).map(
      (n): Workload => ({
        label: 'one level',
        rows: oneLevelRows(n),
        levels: 1,
        formula: 'averageif',
        ours: ['MBO_ROLLUP'],
      }),
    ),
    ...(quick ? [1_000] : [1_000, 10_000]).map(
      (n): Workload => ({
        label: 'one level',
        rows: oneLevelRows(n),
        levels: 1,
        formula: 'sumif-countifs',
        ours: ['MBO_ROLLUP'],
      }),
    ),
    { label: 'depth 6', rows: depth6, levels, formula: 'averageif', ours: ['MBO_ROLLUP', 'MBO_CASCADE'] },
    {
      label: 'depth 6',
      rows: depth6,
      levels: 1,
      formula: 'sumif-countifs',
      ours: ['MBO_ROLLUP'],
      wrongOnPurpose: true,
    },
  ];
};

/** LibreOffice Calc headless: the .xlsx loaded, hard-recalculated, read back; our functions from the bundle in the main realm. */
export async function benchNative(quick = false, env: NodeJS.ProcessEnv = process.env): Promise<Section[]> {
  const title = 'Native formulas in LibreOffice against MBO_ROLLUP / MBO_CASCADE';
  const office = ensureLibreOffice((line) => process.stderr.write(`bench: ${line}\n`), env);
  if (!office.ok) {
    process.stderr.write(`bench: LibreOffice comparison skipped: ${office.reason}\n`);
    return [{ title, table: [['LibreOffice'], [`not measured: ${office.reason}`]], checks: [] }];
  }
  const main = bundleInMainContext();
  const vm = bundleInVmContext();
  // Both realms' functions run a few times first, so the first workbook is not timed while V8 is still optimising.
  const warmRows = cascadeRows(10_000, 6);
  for (const functions of [main.functions, vm.functions])
    for (const fn of ['MBO_ROLLUP', 'MBO_CASCADE'] as const) timeOurs(fn, functions, warmRows);
  const vmSlowdown: number[] = [];
  const ourTimes = new Map<string, number>();
  const vmTimes = new Map<string, number>();
  const threadpoolFailures: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'mbo-bench-native-'));
  const table: (string | number)[][] = [
    [
      'workbook',
      'goals',
      'native formula',
      'LibreOffice load (ms)',
      'LibreOffice hard recalc (ms)',
      'our function',
      'ours, main realm (ms)',
      'ours, vm context (ms)',
      'ours faster by (recalc ÷ main realm)',
      'rows that disagree',
    ],
  ];
  const wrongRows: string[] = [];
  let correctDisagree = 0;
  let measuredRows = 0;
  let slowest = Number.POSITIVE_INFINITY;
  try {
    const warmup: RecalcJob = writeJob(dir, 'warmup', {
      label: 'warm-up',
      rows: oneLevelRows(200),
      levels: 1,
      formula: 'averageif',
      ours: [],
    });
    for (const w of LIBREOFFICE_WORKLOADS(quick)) {
      const job = writeJob(dir, `${w.label}-${w.rows.length}-${w.formula}-${w.levels}`, w);
      process.stderr.write(
        `bench: LibreOffice, ${w.label}, ${fmt.int(w.rows.length)} goals, ${formulaLabel(w)}…\n`,
      );
      gc();
      let native = await recalculate(office, warmup, job, 45 * 60_000);
      if (!native.ok && native.error.includes('threadpool')) {
        // LibreOffice 7.4 gives up on a threaded group calculation that runs too long ("timeout waiting for
        // threadpool tasks"): the same workbook again with threaded calculation off.
        threadpoolFailures.push(`${w.label}, ${fmt.int(w.rows.length)} goals: ${native.error}`);
        process.stderr.write(
          `bench: LibreOffice's threaded calculation failed (${native.error}); again single-threaded…\n`,
        );
        native = await recalculate(office, warmup, job, 45 * 60_000, false);
      }
      for (const fn of w.ours) {
        // The same goals give the same timing whichever native formula they are set against.
        const key = `${w.label}/${w.rows.length}/${fn}`;
        const ourMs = ourTimes.get(key) ?? timeOurs(fn, main.functions, w.rows);
        const vmMs = vmTimes.get(key) ?? timeOurs(fn, vm.functions, w.rows);
        ourTimes.set(key, ourMs);
        vmTimes.set(key, vmMs);
        if (w.rows.length >= 10_000) vmSlowdown.push(vmMs / ourMs);
        const cells = [w.label, fmt.int(w.rows.length), formulaLabel(w)];
        if (!native.ok) {
          table.push([...cells, '—', `failed: ${native.error}`, fn, fmt.ms(ourMs), fmt.ms(vmMs), '—', '—']);
          continue;
        }
        const disagree = disagreements(native.columns[0], ourValues(fn, main.functions, w.rows));
        const ratio = native.recalcMs / ourMs;
        if (w.wrongOnPurpose) wrongRows.push(`${fmt.int(disagree)} of ${fmt.int(w.rows.length)}`);
        else {
          correctDisagree += disagree;
          measuredRows += w.rows.length;
          slowest = Math.min(slowest, ratio);
        }
        table.push([
          ...cells,
          fmt.ms(native.loadMs),
          native.threaded ? fmt.ms(native.recalcMs) : `${fmt.ms(native.recalcMs)} (one thread)`,
          fn,
          fmt.ms(ourMs),
          fmt.ms(vmMs),
          w.wrongOnPurpose ? '(wrong values)' : `${fmt.ratio(ratio)}×`,
          fmt.int(disagree),
        ]);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const checks: Check[] = [
    {
      what: 'LibreOffice and our functions agree row by row (correct native formulas)',
      target: '0 rows differ',
      measured: `${fmt.int(correctDisagree)} of ${fmt.int(measuredRows)}`,
      pass: measuredRows > 0 && correctDisagree === 0,
    },
    {
      what: 'our functions against LibreOffice’s recalc, every workbook',
      target: 'faster',
      measured: Number.isFinite(slowest) ? `${fmt.ratio(slowest)}× at the least` : 'not measured',
      pass: Number.isFinite(slowest) && slowest > 1,
    },
  ];
  return [
    {
      title,
      table,
      checks,
      notes: [
        `${office.version}${office.installed ? ', installed by this run (Debian libreoffice-calc-nogui, python3-uno)' : ''}, headless, driven through Python-UNO over a named pipe; default settings (threaded formula-group calculation on) unless a row says "one thread".`,
        'Each workbook is one sheet written as .xlsx with no cached results: ID, Parent, Attainment, then the roll-up formula filled down every row. One level: `IF(ISNUMBER(own), own, IFERROR(AVERAGEIF(parents, id, attainment), ""))`, AVERAGEIF being the best native formula (it skips blanks and text); the SUMIF / COUNTIFS rows are the hand-made template `own, else SUMIF(...) / COUNTIFS(..., "<>")`.',
        'Past one level a formula cannot average the column it sits in (circular), so the depth-6 workbook has one helper column per level below the top: column k averages the children’s values in column k−1, starting from the measured attainment; the last column is the roll-up. The one-column formula on that workbook shows the old template’s error: a goal whose children are rolled up, not measured, gets blank or a partial average.',
        'LibreOffice load = loadComponentFromURL of the .xlsx with recalculation on load set to never (nothing is computed). Hard recalc = XCalculatable.calculateAll(), every formula evaluated anew (Ctrl+Shift+F9), the only time in the ratio. Reading the result column back and closing are not counted. A 200-row workbook is loaded and recalculated first in the same soffice, untimed.',
        `Ours: the uploaded files (dist/mbo.js, dist/globals.js) evaluated once in the main realm through one Function, then the function called on the columns as Sheets passes them (2-D arrays, blanks as ""), median of repeated calls. The vm-context column runs the same files in a node:vm context, as the tests and older bench rows do: ${vmSlowdown.length ? `${fmt.ratio(median(vmSlowdown))}× slower in this run (median over the workbooks of 10,000 goals or more; ${fmt.ratio(Math.min(...vmSlowdown))}-${fmt.ratio(Math.max(...vmSlowdown))}×)` : 'slower'}, a cost of Node’s vm contexts (every global lookup goes through the context’s interceptors), not of the code, so the ratios use the main realm.`,
        'MBO_CASCADE reads the same goals as a goal table (ID, Goal, Parent, Target 1, Actual = attainment) and does the whole cascade (validation, paths, status); its Attainment column is compared by ID.',
        ...threadpoolFailures.map(
          (f) =>
            `Threaded calculation failed here and the workbook was recalculated with it off ("one thread"): ${f}.`,
        ),
        ...(wrongRows.length
          ? [
              `The one-level formula on the depth-6 workbook disagrees on ${wrongRows.join(', ')} rows: the error the helper columns fix.`,
            ]
          : []),
        'LibreOffice and the bench share 2 cores with other work; the ratios compare times from this one run.',
      ],
    },
  ];
}

function writeJob(dir: string, name: string, w: Workload): RecalcJob {
  const file = join(dir, `${name.replace(/[^\w-]+/g, '-')}.xlsx`);
  writeXlsx(file, 'Rollup', nativeSheet(w.rows, w.levels, w.formula));
  const col = resultColumn(w.levels);
  return { file, ranges: [`${col}2:${col}${w.rows.length + 1}`] };
}

/** Engine build plus evaluation of every cell, in HyperFormula, with our functions plugged in from the bundle. */
function evaluateInHyperFormula(
  sheet: SheetContent,
  bundle: BundleFunctions,
  column: number,
): { ms: number; values: unknown[] } {
  gc();
  const start = performance.now();
  const engine = createEngine({ Rollup: sheet }, bundle.functions, bundle.catalog);
  const values = sheetValues(engine, 'Rollup')
    .slice(1)
    .map((r) => r[column]);
  const ms = performance.now() - start;
  engine.destroy();
  return { ms, values };
}

/** The goals with one MBO_ROLLUP in D2, spilling down, in place of the native formulas. */
function mboSheet(rows: readonly RollupRow[]): SheetContent {
  const last = rows.length + 1;
  return [
    ['ID', 'Parent', 'Attainment', 'Roll-up'],
    ...rows.map((r, i) => [
      r.id,
      r.parent || null,
      r.attainment,
      i === 0 ? `=MBO_ROLLUP(A2:A${last}, B2:B${last}, C2:C${last})` : null,
    ]),
  ];
}

/** HyperFormula (a JavaScript engine): native formulas and MBO_ROLLUP both evaluated inside it. */
export function benchHyperFormula(quick = false): Section[] {
  const bundle = bundleInMainContext();
  const depth6 = cascadeRows(1_000, 6);
  const all: Workload[] = [
    { label: 'one level', rows: oneLevelRows(1_000), levels: 1, formula: 'averageif', ours: ['MBO_ROLLUP'] },
    {
      label: 'one level',
      rows: oneLevelRows(1_000),
      levels: 1,
      formula: 'sumif-countifs',
      ours: ['MBO_ROLLUP'],
    },
    {
      label: 'depth 6',
      rows: depth6,
      levels: levelsBelowTop(depth6),
      formula: 'averageif',
      ours: ['MBO_ROLLUP'],
    },
  ];
  const workloads = quick ? all.slice(0, 1) : all;
  const warm = oneLevelRows(200);
  evaluateInHyperFormula(nativeSheet(warm, 1) as SheetContent, bundle, 3);
  evaluateInHyperFormula(mboSheet(warm), bundle, 3);
  const table: (string | number)[][] = [
    [
      'workbook',
      'goals',
      'native formula',
      'native formulas (ms)',
      'MBO_ROLLUP (ms)',
      'MBO_ROLLUP faster by',
      'rows that disagree',
    ],
  ];
  let disagreeing = 0;
  for (const w of workloads) {
    process.stderr.write(
      `bench: HyperFormula, ${w.label}, ${fmt.int(w.rows.length)} goals, ${formulaLabel(w)}…\n`,
    );
    const native = evaluateInHyperFormula(
      nativeSheet(w.rows, w.levels, w.formula) as SheetContent,
      bundle,
      2 + w.levels,
    );
    const mbo = evaluateInHyperFormula(mboSheet(w.rows), bundle, 3);
    const disagree = disagreements(native.values, mbo.values);
    disagreeing += disagree;
    table.push([
      w.label,
      fmt.int(w.rows.length),
      formulaLabel(w),
      fmt.ms(native.ms),
      fmt.ms(mbo.ms),
      `${fmt.ratio(native.ms / mbo.ms)}×`,
      disagree,
    ]);
  }
  return [
    {
      title: 'Native formulas in HyperFormula against MBO_ROLLUP in HyperFormula',
      table,
      checks: [
        {
          what: 'HyperFormula’s native formulas and MBO_ROLLUP agree row by row',
          target: '0 rows differ',
          measured: fmt.int(disagreeing),
          pass: disagreeing === 0,
        },
      ],
      notes: [
        'The same sheets as the LibreOffice section, in HyperFormula (the JavaScript engine the tests use): the native formulas, or one `MBO_ROLLUP` in D2 spilling down, with our functions from the bundle in the main realm.',
        'Each time is one engine build plus the evaluation of every formula, both sides in the same engine. HyperFormula’s conditional sums scan the whole range for every row (quadratic, and far slower than LibreOffice’s), so these ratios say how slow HyperFormula is, not how slow a native spreadsheet is: the LibreOffice section is the native anchor. For that reason it runs at 1,000 goals only.',
      ],
    },
  ];
}
