// A Type column that means something else: vendors' "Goal type" often holds measurement kinds (Dollar, Binary) or levels (Company, Individual).
import { cellText } from './cells';
import type { HeaderRow } from './header';
import type { Grid } from './model';
import { goalTypeOf } from './row-reader';

/** How many of the column's own words a foreign-type-column issue quotes. */
const EXAMPLES = 3;
/** Fewer filled cells than this are read as typos of our types, each with its own bad-type warning. */
const FEW = 3;

/**
 * The first distinct values of a tab's Type column (at most EXAMPLES) when none of its values is Outcome, Activity or
 * Collaboration: such a column says something else of each goal, and reading it as our Type would warn on every row.
 * Null when the tab has no Type column, when fewer than FEW of its cells are filled, or when any value reads as a type
 * (the others are typos).
 */
export function foreignTypeValues(grid: Grid, header: HeaderRow): string[] | null {
  const c = header.columns.type;
  if (c === undefined) return null;
  const examples: string[] = [];
  const seen = new Set<string>();
  let filled = 0;
  for (let r = header.row + 1; r < grid.length; r++) {
    const text = cellText(grid[r][c]).trim();
    if (text === '') continue;
    if (goalTypeOf(text) !== null) return null;
    filled++;
    const key = text.toLowerCase();
    if (examples.length < EXAMPLES && !seen.has(key)) examples.push(text);
    seen.add(key);
  }
  return filled >= FEW ? examples : null;
}

/** The header without its Type column: goals read from it are unclassified. */
export function withoutTypeColumn(header: HeaderRow): HeaderRow {
  const { type: _, ...columns } = header.columns;
  return { ...header, columns };
}
