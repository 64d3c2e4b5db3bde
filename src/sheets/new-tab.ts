// Adds a tab all or nothing: if filling it fails, the half-built tab is removed again.
import type { SheetPort, SpreadsheetPort } from './gas';

/** Inserts `name` at the end, fills it, and deletes it again (best effort) when filling throws. */
export function addFilledTab(
  spreadsheet: SpreadsheetPort,
  name: string,
  fill: (sheet: SheetPort) => void,
): SheetPort {
  const sheet = spreadsheet.insertSheet(name, spreadsheet.getNumSheets());
  try {
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
