// The History tab: frozen periods appended as rows (values, time, user, input hash), never rewritten.
import { HISTORY_HEADERS } from '../core/freeze';
import { safeGrid } from './cell-text';
import type { SheetPort, SpreadsheetPort } from './gas';
import { addFilledTab } from './new-tab';

export const HISTORY_TAB = 'History';

/**
 * Appends frozen rows below what the History tab holds (found in any case), or adds the tab with its headers
 * first. One setValues either way; earlier freezes are never touched, so the tab reads as a log.
 */
export function appendHistory(spreadsheet: SpreadsheetPort, rows: readonly (string | number)[][]): SheetPort {
  const existing = spreadsheet.getSheets().find((s) => s.getName().trim().toLowerCase() === HISTORY_TAB.toLowerCase());
  if (existing === undefined) return addFilledTab(spreadsheet, HISTORY_TAB, [HISTORY_HEADERS, ...rows]);
  const last = existing.getDataRange().getNumRows();
  const missing = last + rows.length - existing.getMaxRows();
  if (missing > 0) existing.insertRowsAfter(existing.getMaxRows(), missing);
  existing.getRange(last + 1, 1, rows.length, HISTORY_HEADERS.length).setValues(safeGrid(rows));
  return existing;
}
