// Loops and chains of parents at scale, as goal tables and as ID/Parent columns: the shapes that once made quadratic outputs.
import type { CellValue } from '../../src/core/model';

export const GOAL_HEADER = ['ID', 'Goal', 'Owner', 'Parent', 'Target', 'Actual'];

/** n goals G0..G(n-1): a loop (each names the next as parent, the last the first) or a chain (each under the one before). */
export function longTree(shape: 'loop' | 'chain', n: number): CellValue[][] {
  const rows: CellValue[][] = [GOAL_HEADER.slice()];
  for (let i = 0; i < n; i++) {
    const parent = shape === 'loop' ? `G${(i + 1) % n}` : i === 0 ? '' : `G${i - 1}`;
    rows.push([`G${i}`, `Goal ${i}`, `Owner ${i % 7}`, parent, 100, i % 3 === 0 ? '' : 50]);
  }
  return rows;
}

/** A goal table's ID and Parent columns, as MBO_ROLLUP and MBO_PATH take them, and an attainment column. */
export function columnsOf(table: CellValue[][]): {
  ids: CellValue[][];
  parents: CellValue[][];
  attainment: CellValue[][];
} {
  const body = table.slice(1);
  return {
    ids: body.map((r) => [r[0]]),
    parents: body.map((r) => [r[3]]),
    attainment: body.map((r) => [r[5] === '' ? '' : 0.5]),
  };
}

/** Every text in a value (a cell or nested arrays), for measuring. */
export function texts(value: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'string') out.push(v);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  return out;
}

export const longest = (value: unknown): number => texts(value).reduce((m, t) => Math.max(m, t.length), 0);
export const totalLength = (value: unknown): number => texts(value).reduce((sum, t) => sum + t.length, 0);
