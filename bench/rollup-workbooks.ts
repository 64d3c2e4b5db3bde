// The roll-up workbooks the native engines recalculate: goals with ID, Parent and attainment, and the best native formulas for one level and for many.

export interface RollupRow {
  id: string;
  parent: string;
  /** Measured attainment as a fraction; null = not measured. */
  attainment: number | null;
}

/** Deterministic pseudo-random numbers (Park–Miller), so every run measures the same workbook. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 16807) % 2147483647) - 1) / 2147483646;
}

function shuffle<T>(rows: T[], next: () => number): T[] {
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows;
}

/** One level: parents P-1..P-k with ~10 children each, one child in six unmeasured; shuffled, as tabs stacked in any order are. */
export function oneLevelRows(goals: number): RollupRow[] {
  const next = random(7);
  const parents = Math.max(1, Math.round(goals / 11));
  const out: RollupRow[] = [];
  for (let p = 1; p <= parents; p++) out.push({ id: `P-${p}`, parent: '', attainment: null });
  for (let c = 1; out.length < goals; c++) {
    out.push({
      id: `C-${c}`,
      parent: `P-${1 + Math.floor(next() * parents)}`,
      attainment: next() < 0.16 ? null : Math.round(next() * 150) / 100,
    });
  }
  return shuffle(out, next);
}

/** Levels a breadth-first tree of `goals` under `roots` top goals with `fanout` children each fills. */
function filledLevels(goals: number, roots: number, fanout: number): number {
  let levels = 0;
  for (let placed = 0, width = roots; placed < goals; width *= fanout) {
    placed += width;
    levels++;
  }
  return levels;
}

/**
 * A cascade exactly `depth` levels deep (when `goals` allows), numbered breadth-first under up to 10 top goals:
 * goal i's parent is goal floor((i - roots) / fanout). Leaves measured but one in six, one goal in ten above
 * the leaves measured itself (its own attainment wins); shuffled. Attainment stays within 0..150%, inside
 * the default cap, so MBO_CASCADE's attainment is the plain average too.
 */
export function cascadeRows(goals: number, depth: number): RollupRow[] {
  const next = random(11);
  const shape = (roots: number) => ({
    roots,
    fanout: Math.max(2, Math.ceil(((goals - roots) / roots) ** (1 / Math.max(1, depth - 1)))),
  });
  // Fewer top goals where ten would leave the last level empty (a 1,000-goal tree under 10 tops is 5 deep).
  let { roots, fanout } = shape(Math.max(1, Math.min(10, goals)));
  while (roots > 1 && filledLevels(goals, roots, fanout) < depth) ({ roots, fanout } = shape(roots - 1));
  // Goal p has children when its first child, roots + p * fanout, is a goal.
  const firstLeaf = Math.max(0, Math.floor((goals - 1 - roots) / fanout) + 1);
  const out: RollupRow[] = [];
  for (let i = 0; i < goals; i++) {
    const measured = i >= firstLeaf ? next() >= 1 / 6 : next() < 0.1;
    out.push({
      id: `G${i}`,
      parent: i < roots ? '' : `G${Math.floor((i - roots) / fanout)}`,
      attainment: measured ? Math.round(next() * 15_000) / 10_000 : null,
    });
  }
  return shuffle(out, next);
}

/** Levels below the top of the tree the rows form: 1 for a one-level roll-up. */
export function levelsBelowTop(rows: readonly RollupRow[]): number {
  const parentOf = new Map(rows.map((r) => [r.id, r.parent]));
  let most = 0;
  for (const r of rows) {
    let levels = 0;
    for (let p = r.parent; p; p = parentOf.get(p) ?? '') levels++;
    most = Math.max(most, levels);
  }
  return most;
}

export const column = (index: number): string => String.fromCharCode(65 + index);

/**
 * One roll-up step over columns A (ID), B (Parent) and C (measured attainment), rows 2..last: the row's own
 * attainment where measured, else the average of its children's values in column `from` (AVERAGEIF skips
 * blanks and text), blank when none is measured. With `from` = C it is the whole one-level roll-up.
 */
export function averageIfStep(row: number, last: number, from: string): string {
  return `=IF(ISNUMBER(C${row}),C${row},IFERROR(AVERAGEIF($B$2:$B$${last},A${row},$${from}$2:$${from}$${last}),""))`;
}

/**
 * The hand-made one-level template: own attainment, else SUMIF / COUNTIFS over the children's measured
 * attainment. Past one level it is wrong: a goal whose children are not measured themselves but rolled up
 * gets blank, since column C holds measured values only, and pointing it at its own column is circular.
 */
export function sumIfCountIfsFormula(row: number, last: number): string {
  const parents = `$B$2:$B$${last}`;
  const att = `$C$2:$C$${last}`;
  return `=IF(ISNUMBER(C${row}),C${row},IFERROR(SUMIF(${parents},A${row},${att})/COUNTIFS(${parents},A${row},${att},"<>"),""))`;
}

export type NativeFormula = 'averageif' | 'sumif-countifs';

/**
 * The sheet's rows, header first: ID, Parent, Attainment, then the roll-up. One level needs one formula
 * column. Deeper cascades need a helper column per level (each averages the one before it, the first averages
 * C), since a formula cannot average a column it belongs to: `levels` columns, the last being the result.
 */
export function nativeSheet(
  rows: readonly RollupRow[],
  levels: number,
  formula: NativeFormula = 'averageif',
): (string | number | null)[][] {
  const last = rows.length + 1;
  const steps = Math.max(1, levels);
  const header: (string | number | null)[] = ['ID', 'Parent', 'Attainment'];
  for (let s = 1; s <= steps; s++) header.push(s === steps ? 'Roll-up' : `Level ${s}`);
  const grid = [header];
  rows.forEach((r, i) => {
    const row = i + 2;
    const cells: (string | number | null)[] = [r.id, r.parent || null, r.attainment];
    for (let s = 1; s <= steps; s++) {
      cells.push(
        formula === 'sumif-countifs' && steps === 1
          ? sumIfCountIfsFormula(row, last)
          : averageIfStep(row, last, column(1 + s)),
      );
    }
    grid.push(cells);
  });
  return grid;
}

/** The column letter of the sheet's result: the last helper column. */
export function resultColumn(levels: number): string {
  return column(2 + Math.max(1, levels));
}
