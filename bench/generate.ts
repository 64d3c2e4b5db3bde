// Generates large goal workbooks for benchmarks: N goals across T tabs, a forest of the given depth, deterministic.
import type { CellValue } from '../src/core/model';
import type { TabInput } from '../src/core/workbook';

export const BENCH_HEADER = [
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
  'Actual',
  'Weight',
  'Contribution',
  'Rollup',
  'Period',
];

export interface Shape {
  goals: number;
  tabs: number;
  /** Levels of the tree, the top outcomes being level 1. */
  depth: number;
  roots?: number;
}

/** A small fast PRNG so every run measures the same workbook. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Goals numbered breadth-first: goal i's parent is goal floor((i - roots) / fanout), so the tree has
 * `depth` levels. Goals spread round-robin over the tabs (parents usually sit on another tab), leaves
 * carry actuals (some typed as text like "$1.2k"), parents roll up, one goal in 20 is a Collaboration goal.
 */
export function generateWorkbook(shape: Shape, seed = 42): TabInput[] {
  const { goals: n, tabs, depth } = shape;
  const roots = shape.roots ?? Math.max(1, Math.min(10, n));
  const fanout = Math.max(2, Math.ceil(((n - roots) / roots) ** (1 / Math.max(1, depth - 1))));
  const random = mulberry32(seed);
  const firstLeaf = Math.floor((n - roots) / fanout) + roots;
  // Random values are drawn in goal order, so the workbook does not depend on how rows are laid out.
  const targets = new Float64Array(n);
  const actuals = new Float64Array(n).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    targets[i] = 1000 + Math.floor(random() * 9000);
    if (i >= firstLeaf) actuals[i] = Math.round(targets[i] * (0.5 + random() * 0.8));
  }
  // Built tab by tab, row by row, as getValues() hands each tab over: one tab's cells lie together in
  // memory, as they do in Sheets and in a parsed .xlsx (building all tabs at once interleaves them).
  const grids: CellValue[][][] = [];
  for (let t = 0; t < tabs; t++) {
    const grid: CellValue[][] = [BENCH_HEADER.slice()];
    for (let i = t; i < n; i += tabs) grid.push(goalRow(i, roots, fanout, firstLeaf, targets[i], actuals[i]));
    grids.push(grid);
  }
  return grids.map((grid, t) => ({ name: t === 0 ? 'Company' : `Team ${t}`, grid }));
}

/** Goal i's row: owners hold five goals each (two activities, two outcomes and a teaming score, as a good scorecard does). */
function goalRow(
  i: number,
  roots: number,
  fanout: number,
  firstLeaf: number,
  target: number,
  measured: number,
): CellValue[] {
  const parent = i < roots ? '' : `G${Math.floor((i - roots) / fanout)}`;
  const leaf = i >= firstLeaf;
  const slot = i % 5;
  const teaming = i >= roots && slot === 4;
  const activity = leaf && slot < 2;
  const actual = Number.isNaN(measured) ? '' : measured;
  return [
    `G${i}`,
    `Goal number ${i}`,
    `Owner ${Math.floor(i / 5)}`,
    parent,
    teaming ? 'Collaboration' : activity ? 'Activity' : 'Outcome',
    teaming ? 'Peer NPS' : 'Pipeline',
    '$',
    'higher',
    '',
    i % 7 === 0 ? `$${(target / 1000).toFixed(1)}k` : target,
    i % 11 === 0 && actual !== '' ? `${actual}` : actual,
    0.2,
    '',
    '',
    'FY2026',
  ];
}
