// The History tab in Sheets: read with one getValues, a day's check-in written with one setValues (a new tab made all or nothing).
import { HEADER_SEARCH_ROWS } from '../core/header';
import type { HistoryWrite } from '../core/history';
import type { CellValue, Grid } from '../core/model';
import { type OutCell, plainTextCell, typedCell } from './cell-text';
import type { SheetPort, SpreadsheetPort } from './gas';
import { HISTORY_TAB } from './owned';
import { ensureRows, fitSheet } from './size';

/** The History tab's values from A1 (getDataRange: the rows and columns in use), or null when there is no such tab. */
export function readHistoryTab(spreadsheet: SpreadsheetPort): Grid | null {
  const sheet = spreadsheet.getSheetByName(HISTORY_TAB);
  return sheet === null ? null : sheet.getDataRange().getValues();
}

/**
 * The History tab's header rows and its last `lastRows` rows only, as one grid (null without the tab): what a view of
 * recent trends needs, read in two batched calls whatever the length of History. Record check-in appends, so the
 * latest check-ins are at the bottom. Row numbers in the grid are not the sheet's: for views, never for writes or
 * issue places.
 */
export function readHistoryTail(spreadsheet: SpreadsheetPort, lastRows: number): Grid | null {
  const sheet = spreadsheet.getSheetByName(HISTORY_TAB);
  if (sheet === null) return null;
  const range = sheet.getDataRange();
  const total = range.getNumRows();
  const width = range.getNumColumns();
  const top = Math.min(total, HEADER_SEARCH_ROWS);
  if (total <= top + lastRows) return range.getValues();
  const head = sheet.getRange(1, 1, top, width).getValues();
  return head.concat(sheet.getRange(total - lastRows + 1, 1, lastRows, width).getValues());
}

/** Dates and IDs stay text: `2026-03-31` would become a date, `1.10` the number 1.1. */
const TEXT_FORMAT = '@';

/**
 * Lays a planned write down: grows the tab to fit, keeps dates and IDs as text, then one setValues for the whole
 * block. On a new tab (none named History yet), the tab is made first and removed again if anything fails, so a
 * failed check-in leaves no half-made tab. Returns the tab written.
 */
export function writeHistory(spreadsheet: SpreadsheetPort, write: HistoryWrite): SheetPort {
  const existing = spreadsheet.getSheetByName(HISTORY_TAB);
  const sheet = existing ?? spreadsheet.insertSheet(HISTORY_TAB, spreadsheet.getNumSheets());
  try {
    const rows = write.values.length;
    const width = write.values[0]?.length ?? 0;
    if (rows === 0 || width === 0) return sheet;
    const lastRow = write.row + rows - 1;
    if (existing === null) fitSheet(sheet, lastRow, width);
    else {
      ensureRows(sheet, lastRow);
      if (sheet.getMaxColumns() < width)
        sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    }
    for (const col of write.textColumns) sheet.getRange(write.row, col, rows, 1).setNumberFormat(TEXT_FORMAT);
    sheet.getRange(write.row, 1, rows, width).setValues(historyGrid(write.values, write.textColumns));
    if (existing === null) {
      sheet.getRange(1, 1, 1, width).setFontWeight('bold');
      sheet.setFrozenRows(1);
    }
    return sheet;
  } catch (error) {
    if (existing === null) {
      try {
        spreadsheet.deleteSheet(sheet);
      } catch {
        // The original error is what the user needs to see.
      }
    }
    throw error;
  }
}

/**
 * Replaces the History tab with its compacted rows: one setValues over the rows it had (the kept rows moved up, blanks
 * below, see compactedGrid), then every row below the kept ones is deleted so its cells stop counting against the
 * Sheet's limit.
 * Should the deletion fail, the tab is still whole: it only keeps some blank rows.
 */
export function writeCompactedHistory(
  spreadsheet: SpreadsheetPort,
  values: readonly (readonly CellValue[])[],
  keptRows: number,
  textColumns: readonly number[],
): void {
  const sheet = spreadsheet.getSheetByName(HISTORY_TAB);
  if (sheet === null || values.length === 0) return;
  const width = values[0].length;
  for (const col of textColumns) sheet.getRange(1, col, values.length, 1).setNumberFormat(TEXT_FORMAT);
  sheet.getRange(1, 1, values.length, width).setValues(historyGrid(values, textColumns));
  // Every row below the kept ones is blank now (getDataRange covered all content).
  const blank = sheet.getMaxRows() - keptRows;
  if (blank > 0 && keptRows > 0) sheet.deleteRows(keptRows + 1, blank);
}

/**
 * History rows for one setValues: text in the plain-text (`@`) columns goes in as it is (an apostrophe there would be
 * kept as a character); in every other column text gets the apostrophe that keeps it text (`=…` stays a note).
 */
function historyGrid(
  rows: readonly (readonly (OutCell | undefined)[])[],
  textColumns: readonly number[],
): (string | number | boolean | Date)[][] {
  const plain = new Set(textColumns);
  return rows.map((row) => row.map((v, c) => (plain.has(c + 1) ? plainTextCell(v) : typedCell(v))));
}
