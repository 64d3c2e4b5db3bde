// The check-in log in Sheets: found (ours by mark or header, never a user's tab), read with one getValues, a day's check-in written with one setValues (a new tab made all or nothing).
import { chooseCheckInTab, type LogCandidate, type LogChoice, mayBeCheckInTab } from '../core/check-in-tab';
import { HEADER_SEARCH_ROWS } from '../core/header';
import type { HistoryWrite } from '../core/history';
import type { CellValue, Grid } from '../core/model';
import { type OutCell, plainTextCell, typedCell } from './cell-text';
import type { SheetPort, SpreadsheetPort } from './gas';
import { markedTabs, markTab } from './owned';
import { ensureRows, fitSheet } from './size';

/**
 * Which tab is the check-in log (see chooseCheckInTab): one metadata search, and the top rows of tabs whose name the
 * log may go by (Check-ins, Check-ins (2), History) and that are not marked; no other tab is read.
 */
export function locateCheckIns(spreadsheet: SpreadsheetPort): LogChoice {
  const marked = markedTabs(spreadsheet);
  const candidates: LogCandidate[] = [];
  for (const sheet of spreadsheet.getSheets()) {
    const name = sheet.getName();
    const role = marked.get(name);
    if (role === 'check-ins') candidates.push({ name, marked: true, top: [] });
    // Every other tab holds its name (a new log must not take it); only unmarked ones under a log name are looked into.
    else
      candidates.push({
        name,
        marked: false,
        top: role === undefined && mayBeCheckInTab(name) ? topRows(sheet) : [],
      });
  }
  return chooseCheckInTab(candidates);
}

/** The rows where a header may be, and no more. */
function topRows(sheet: SheetPort): Grid {
  const rows = Math.min(HEADER_SEARCH_ROWS, sheet.getMaxRows());
  if (rows < 1 || sheet.getMaxColumns() < 1) return [];
  return sheet.getRange(1, 1, rows, sheet.getMaxColumns()).getValues();
}

/** The check-in log's values from A1 (getDataRange: the rows and columns in use), or null when there is none. */
export function readHistoryTab(spreadsheet: SpreadsheetPort, choice: LogChoice): Grid | null {
  const sheet = choice.read === null ? null : spreadsheet.getSheetByName(choice.read);
  return sheet === null ? null : sheet.getDataRange().getValues();
}

/**
 * The log's header rows and its last `lastRows` rows only, as one grid (null without a log): what a view of recent
 * trends needs, read in two batched calls whatever the length of the log. Record check-in appends, so the latest
 * check-ins are at the bottom. Row numbers in the grid are not the sheet's: for views, never for writes or issue
 * places.
 */
export function readHistoryTail(
  spreadsheet: SpreadsheetPort,
  choice: LogChoice,
  lastRows: number,
): Grid | null {
  const sheet = choice.read === null ? null : spreadsheet.getSheetByName(choice.read);
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
 * Lays a planned write down on the tab `choice` names: marks it as ours and gives an old `History` log its new name
 * first, grows the tab to fit, keeps dates and IDs as text, then one setValues for the whole block. A new tab is made
 * first and removed again if anything fails, and a rename is undone, so a failed check-in leaves no half-made tab.
 * Returns the tab written.
 */
export function writeHistory(
  spreadsheet: SpreadsheetPort,
  write: HistoryWrite,
  choice: LogChoice,
): SheetPort {
  const existing = choice.create ? null : spreadsheet.getSheetByName(choice.write);
  if (!choice.create && existing === null)
    throw new Error(`The tab ${choice.write} is gone: record the check-in again.`);
  const sheet = existing ?? spreadsheet.insertSheet(choice.write, spreadsheet.getNumSheets());
  let renamed = false;
  try {
    if (choice.mark) markTab(sheet, 'check-ins');
    if (existing !== null && choice.renameTo !== null) {
      sheet.setName(choice.renameTo);
      renamed = true;
    }
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
    try {
      if (existing === null) spreadsheet.deleteSheet(sheet);
      else if (renamed) sheet.setName(choice.write);
    } catch {
      // The original error is what the user needs to see.
    }
    throw error;
  }
}

/**
 * Replaces the log with its compacted rows: one setValues over the rows it had (the kept rows moved up, blanks
 * below, see compactedGrid), then every row below the kept ones is deleted so its cells stop counting against the
 * Sheet's limit.
 * Should the deletion fail, the tab is still whole: it only keeps some blank rows.
 */
export function writeCompactedHistory(
  spreadsheet: SpreadsheetPort,
  tab: string,
  values: readonly (readonly CellValue[])[],
  keptRows: number,
  textColumns: readonly number[],
): void {
  const sheet = spreadsheet.getSheetByName(tab);
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
