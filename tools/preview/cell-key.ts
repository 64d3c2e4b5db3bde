// A comparable key of what a fake cell holds, to find the cells that changed (for the engine, and for saving).
import type { FakeCell } from '../gas-fake/cells';

export const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** Formulas and values of different types never share a key; null for an empty cell. */
export function contentKey(cell: Pick<FakeCell, 'value' | 'formula'>): string | null {
  if (cell.formula) return `f${cell.formula}`;
  const value = cell.value;
  if (value === '') return null;
  if (isDate(value)) return `d${value.getTime()}`;
  return `${typeof value}${String(value)}`;
}

/** Keys of every non-empty cell of a grid of cells, by `row:col` (0-based). */
export function cellKeys(
  data: readonly (readonly (FakeCell | undefined)[] | undefined)[],
): Map<string, string> {
  const keys = new Map<string, string>();
  data.forEach((line, r) => {
    line?.forEach((cell, c) => {
      const key = cell ? contentKey(cell) : null;
      if (key !== null) keys.set(`${r}:${c}`, key);
    });
  });
  return keys;
}
