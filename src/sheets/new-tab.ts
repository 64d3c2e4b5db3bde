// Adds a tab all or nothing: if filling it fails, the half-built tab is removed again.
import { type OutCell, typedGrid } from './cell-text';
import type { SheetPort, SpreadsheetPort } from './gas';

/**
 * Inserts `name` at the end with `rows` from A1 (every row as wide as the first, which is a bold, frozen header),
 * then `fill`s it; deletes it again (best effort) when anything throws. Text goes in as text (typedGrid):
 * a note like `=MBO_NPS of the peer survey` or a value like `1/2` reads back as written.
 */
export function addFilledTab(
  spreadsheet: SpreadsheetPort,
  name: string,
  rows: readonly (readonly OutCell[])[],
  fill: (sheet: SheetPort) => void = () => {},
): SheetPort {
  const sheet = spreadsheet.insertSheet(name, spreadsheet.getNumSheets());
  try {
    const width = rows[0].length;
    sheet.getRange(1, 1, rows.length, width).setValues(typedGrid(rows));
    sheet.getRange(1, 1, 1, width).setFontWeight('bold');
    sheet.setFrozenRows(1);
    fill(sheet);
  } catch (error) {
    try {
      spreadsheet.deleteSheet(sheet);
    } catch {
      // The original error is what the user needs to see.
    }
    throw error;
  }
  return sheet;
}
