// Outline numbers (1, 1.1, 1.2.1) in an Order or Level column: each goal's depth in the tree, as BigPicture's OKR import writes it.
import { cellText, isBlank, normalizeHeader } from './cells';
import type { ColumnMap, HeaderRow } from './header';
import type { CellValue, Grid } from './model';

/**
 * Headers of a column that gives the hierarchy when it holds outline numbers (BigPicture's `Order`). Only then: an
 * Order column of 1, 2, 3 is a sort order, and reading it as levels would chain every goal under the one above.
 */
const OUTLINE_NUMBER_HEADERS: ReadonlySet<string> = new Set(['order']);

/** `1`, `1.2`, `1.2.1` (a trailing dot allowed): numbers joined by dots. */
const OUTLINE_NUMBER = /^\d+(?:\.\d+)*\.?$/;

/** The depth an outline number gives (1 for `2`, 2 for `1.1`, 3 for `1.2.1`); null for anything else. */
export function outlineDepth(v: CellValue): number | null {
  const text = cellText(v);
  if (!OUTLINE_NUMBER.test(text)) return null;
  let parts = 1;
  for (let i = 0; i < text.length - 1; i++) if (text.charCodeAt(i) === 46) parts++;
  return parts;
}

/**
 * The 0-based column of outline numbers on a goal tab: the Level column, else an Order column (unless Settings maps
 * it), when every filled cell below the header is an outline number and some has two parts or more (`1.1`; Sheets
 * turns a typed 1.1 into a number, which reads the same). Null when there is none: a Level column of 1, 2, 3 or L1, L2
 * keeps its plain reading. Decided once per tab, so the rows pay nothing.
 */
export function outlineNumberColumn(grid: Grid, header: HeaderRow, map: ColumnMap): number | null {
  const c = header.columns.level ?? orderColumn(header, map);
  if (c === undefined) return null;
  let nested = false;
  for (let r = header.row + 1; r < grid.length; r++) {
    const v = grid[r][c];
    if (isBlank(v)) continue;
    const depth = outlineDepth(v);
    if (depth === null) return null;
    if (depth > 1) nested = true;
  }
  return nested ? c : null;
}

function orderColumn(header: HeaderRow, map: ColumnMap): number | undefined {
  const c = header.headers.findIndex((h) => {
    const key = normalizeHeader(h);
    return OUTLINE_NUMBER_HEADERS.has(key) && !map.has(key);
  });
  return c === -1 ? undefined : c;
}

/** The header reading its outline numbers as the Level: the depth of each goal whose Parent is blank. */
export function withOutlineNumbers(header: HeaderRow, col: number): HeaderRow {
  return { ...header, columns: { ...header.columns, level: col }, outlineNumbers: true };
}
