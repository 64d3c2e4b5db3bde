// An ID column left blank on every row (an import template's "blank creates a new goal"): read as no ID column at all.
import { isBlank } from './cells';
import type { HeaderRow } from './header';
import type { Grid } from './model';

/**
 * The header without its ID column when no cell below the header holds an ID: each goal then gets its tab-and-row ID,
 * as on a tab without one, instead of a missing-id error that drops every goal. A column with some IDs is kept, and
 * its blank cells stay errors (a goal whose ID was forgotten).
 */
export function withoutBlankIdColumn(grid: Grid, header: HeaderRow): HeaderRow {
  const c = header.columns.id;
  if (c === undefined) return header;
  for (let r = header.row + 1; r < grid.length; r++) if (!isBlank(grid[r][c])) return header;
  const { id: _, ...columns } = header.columns;
  return { ...header, columns };
}
