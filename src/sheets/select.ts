// Moves the user's selection to a cell the sidebar points at (an issue, a goal).
import type { SpreadsheetPort } from './gas';

/** Why a tab the sidebar points at cannot be used: someone deleted or renamed it since. */
export function noTabMessage(tab: string): string {
  return `There is no tab named "${tab}" any more: run Check workbook again to see the tabs as they are now.`;
}

/** row/col are 1-based; col 0 selects the whole row, row 0 just opens the tab. */
export function activateCell(
  spreadsheet: SpreadsheetPort,
  ref: { tab: string; row: number; col: number },
): void {
  const sheet = spreadsheet.getSheetByName(ref.tab);
  if (!sheet) throw new Error(noTabMessage(ref.tab));
  if (ref.row < 1) {
    sheet.activate();
    return;
  }
  if (ref.row > sheet.getMaxRows())
    throw new Error(
      `Tab "${ref.tab}" has no row ${ref.row} any more: run Check workbook again to see the rows as they are now.`,
    );
  const target =
    ref.col >= 1 ? sheet.getRange(ref.row, ref.col) : sheet.getRange(ref.row, 1, 1, sheet.getMaxColumns());
  target.activate();
}
