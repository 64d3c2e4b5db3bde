// Shared by the formula-engine tests: the two implementations under test, the sample workbook as sheets, a generated roll-up workbook.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CellValue } from '../../src/core/model';
import { catalog, customFunctions } from '../../src/main';
import type { CatalogEntry, EngineOptions, Implementation, SheetContent } from '../../tools/formula-engine';
import { fromValues } from '../../tools/formula-engine';
import { loadBundle } from '../../tools/load-bundle';
import { marketingWorkbook } from '../../tools/samples/marketing';

/** One implementation of the custom functions, as the engine and a direct call see it. */
export interface Subject {
  label: string;
  functions: Implementation;
  catalog: readonly CatalogEntry[];
  options: EngineOptions;
}

export function sourcesSubject(): Subject {
  return { label: 'sources', functions: customFunctions, catalog, options: {} };
}

/** The built files in a vm, as Apps Script runs them; builds dist/ first when a lone test run finds none. */
export function bundleSubject(): Subject {
  const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../..');
  if (!existsSync(join(root, 'dist/mbo.js')))
    execFileSync('node', [join(root, 'tools/build.mjs')], { cwd: root });
  const bundle = loadBundle();
  const mbo = bundle.context.MBO as { catalog: CatalogEntry[] };
  return {
    label: 'bundle',
    functions: bundle.functions,
    catalog: mbo.catalog,
    // Dates must come from the vm's own Date, or the bundle's instanceof checks fail.
    options: { createDate: (ms) => bundle.evaluate(`new Date(${ms})`) as Date },
  };
}

export const SUBJECTS = [
  { label: 'sources', load: sourcesSubject },
  { label: 'bundle', load: bundleSubject },
];

/** Goal tabs of the sample, in order, with the rows their goals fill (row 1 is the header). */
export const GOAL_TABS = [
  { ref: 'CMO', last: 5 },
  { ref: "'Demand Gen'", last: 11 },
  { ref: 'Content', last: 7 },
  { ref: 'Field', last: 6 },
  { ref: "'Product Marketing'", last: 7 },
];
export const GOAL_COUNT = GOAL_TABS.reduce((n, t) => n + t.last - 1, 0);

/** One column of every goal tab, stacked with an array literal: {CMO!A2:A5; 'Demand Gen'!A2:A11; ...}. */
export const stacked = (column: string): string =>
  `{${GOAL_TABS.map((t) => `${t.ref}!${column}2:${column}${t.last}`).join(';')}}`;

/** The same stack with VSTACK. */
export const vstacked = (column: string): string =>
  `VSTACK(${GOAL_TABS.map((t) => `${t.ref}!${column}2:${column}${t.last}`).join(',')})`;

/** Every whole goal table with its header, as separate arguments. */
export const allTables = GOAL_TABS.map((t) => `${t.ref}!A1:P${t.last}`).join(', ');

export const CURVE_VALUES: CellValue[][] = [
  ['Attainment', 'Payout'],
  ['80%', '50%'],
  ['100%', '100%'],
  ['120%', '150%'],
];

export const SURVEY_VALUES: CellValue[][] = [['Answer'], [10], [9], [9], [8], [7], [6], [3], [10]];

/** The sample marketing workbook as engine sheets, plus a payout curve (typed as percents) and a survey. */
export function sampleSheets(extra: Record<string, SheetContent> = {}): Record<string, SheetContent> {
  const sheets: Record<string, SheetContent> = {};
  for (const tab of marketingWorkbook()) sheets[tab.name] = fromValues(tab.grid);
  sheets.Settings = fromValues(CURVE_VALUES);
  sheets.Survey = fromValues(SURVEY_VALUES);
  return { ...sheets, ...extra };
}

/** The sample's goal grids, as Sheets would pass each whole table (header included) to a function. */
export function sampleGrids(): CellValue[][][] {
  return marketingWorkbook().map((t) => t.grid);
}

/** One column (by letter) of every goal, stacked in tab order, as a Sheets range of one column. */
export function sampleColumn(letter: string): CellValue[][] {
  const index = letter.charCodeAt(0) - 65;
  return sampleGrids().flatMap((grid) => grid.slice(1).map((row) => [row[index]]));
}

/** Deterministic pseudo-random numbers (mulberry32), so a generated workbook is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RollupRow {
  id: string;
  parent: string;
  attainment: number | '';
  contribution: number | '';
}

/**
 * A one-level cascade: top-level parents (a few measured themselves, some with no children) and leaf
 * children with measured attainment (some blank). Each family's contributions are either all given
 * (a weighted average) or all blank (a plain average). Rows are shuffled so families interleave.
 */
export function generatedRollup(parents: number, children: number, seed: number): RollupRow[] {
  const random = seededRandom(seed);
  const rows: RollupRow[] = [];
  const weighted: boolean[] = [];
  for (let p = 1; p <= parents; p++) {
    weighted.push(random() < 0.6);
    rows.push({
      id: `P-${p}`,
      parent: '',
      attainment: random() < 0.15 ? round(random() * 1.4) : '',
      contribution: '',
    });
  }
  for (let c = 1; c <= children; c++) {
    // Skewed so that some parents get many children and a few none.
    const p = Math.floor(random() ** 1.3 * parents);
    rows.push({
      id: `C-${c}`,
      parent: `P-${p + 1}`,
      attainment: random() < 0.15 ? '' : round(random() * 1.6),
      contribution: weighted[p] ? round(0.05 + random() * 2) : '',
    });
  }
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows;
}

const round = (x: number): number => Math.round(x * 10_000) / 10_000;

/**
 * The native formula for one row of a one-level roll-up over columns A (ID), B (Parent), C (attainment) and
 * D (contribution), rows 2..last: the row's own attainment where measured; else, when no child gives a
 * contribution, the plain average of the children's measured attainment (AVERAGEIF skips blanks and text);
 * else their contribution-weighted average over the measured ones; blank when nothing is measured.
 */
export function nativeRollupFormula(row: number, last: number): string {
  const parents = `$B$2:$B$${last}`;
  const att = `$C$2:$C$${last}`;
  const share = `$D$2:$D$${last}`;
  const mine = `(${parents}=A${row})*ISNUMBER(${att})`;
  const plain = `AVERAGEIF(${parents}, A${row}, ${att})`;
  // SUMPRODUCT needs array arithmetic for the comparison, as in Sheets' ARRAYFORMULA.
  const weighted = `ARRAYFORMULA(SUMPRODUCT(${mine}, ${share}, ${att}) / SUMPRODUCT(${mine}, ${share}))`;
  return `=IF(ISNUMBER(C${row}), C${row}, IFERROR(IF(COUNTIFS(${parents}, A${row}, ${share}, "<>")=0, ${plain}, ${weighted}), ""))`;
}
