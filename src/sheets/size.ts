// Sizes a sheet to exactly the rows and columns a writer needs, with one call per dimension whatever the size.
import type { SheetPort } from './gas';

/**
 * A new sheet has 1000 x 26 cells and Sheets refuses ranges outside the grid: grow or shrink to fit.
 * Exact sizing also keeps the call count independent of how many rows the content has.
 */
export function fitSheet(sheet: SheetPort, rows: number, columns: number): void {
  const haveRows = sheet.getMaxRows();
  if (rows > haveRows) sheet.insertRowsAfter(haveRows, rows - haveRows);
  else if (rows < haveRows) sheet.deleteRows(rows + 1, haveRows - rows);
  const haveColumns = sheet.getMaxColumns();
  if (columns > haveColumns) sheet.insertColumnsAfter(haveColumns, columns - haveColumns);
  else if (columns < haveColumns) sheet.deleteColumns(columns + 1, haveColumns - columns);
}

/** Grows a sheet to at least this many rows (never shrinks: the rows below may be the user's). */
export function ensureRows(sheet: SheetPort, rows: number): void {
  const have = sheet.getMaxRows();
  if (rows > have) sheet.insertRowsAfter(have, rows - have);
}
