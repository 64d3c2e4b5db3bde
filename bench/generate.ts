// Generates large goal workbooks for benchmarks: N goals across T tabs, a forest of the given depth, deterministic.
import type { CellValue } from '../src/core/model';
import type { TabInput } from '../src/core/workbook';

export const BENCH_HEADER = ['ID', 'Goal', 'Owner', 'Parent', 'Type', 'Metric', 'Unit', 'Direction', 'Baseline', 'Target', 'Actual', 'Weight', 'Contribution', 'Rollup', 'Period'];

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
  const grids: CellValue[][][] = Array.from({ length: tabs }, () => [BENCH_HEADER.slice()]);
  const firstLeaf = Math.floor((n - roots) / fanout) + roots;
  for (let i = 0; i < n; i++) {
    const parent = i < roots ? '' : `G${Math.floor((i - roots) / fanout)}`;
    const leaf = i >= firstLeaf;
    // Owners hold five goals each: two activities, two outcomes and a teaming score, as a good scorecard does.
    const slot = i % 5;
    const teaming = i >= roots && slot === 4;
    const activity = leaf && slot < 2;
    const target = 1000 + Math.floor(random() * 9000);
    const actual = leaf ? Math.round(target * (0.5 + random() * 0.8)) : '';
    grids[i % tabs].push([
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
    ]);
  }
  return grids.map((grid, t) => ({ name: t === 0 ? 'Company' : `Team ${t}`, grid }));
}
