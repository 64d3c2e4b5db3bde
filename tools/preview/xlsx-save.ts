// Copies the preview's spreadsheet into an exceljs workbook: changed cells only, so untouched cells keep their styles and formulas; our report tabs marked as the command line marks them.
import type { CellValue as ExcelValue, Workbook } from 'exceljs';
import { DetailedCellError } from 'hyperformula';
import { chooseTab } from '../../src/report/report-tab';
import { OWNER_KEY, WORK_TAB_PREFIX } from '../../src/sheets/owned';
import type { FakeSpreadsheet, StoredValue } from '../gas-fake';
import type { FakeCell } from '../gas-fake/cells';
import { cellKeys } from './cell-key';
import type { SaveSource } from './preview-book';
import { markReportSheets } from './report-marks';
import type { OriginalCells } from './xlsx-book';

/** A formula's cached result, as Excel and Sheets show it before they recompute. */
function resultOf(value: unknown): ExcelValue {
  if (value instanceof DetailedCellError) return { error: value.value as '#N/A' };
  if (value === null || value === undefined) return null;
  return value as ExcelValue;
}

function storedOf(value: StoredValue): ExcelValue {
  if (value === '') return null;
  // Dates from the bundle's vm are remade here: exceljs checks instanceof Date.
  if (Object.prototype.toString.call(value) === '[object Date]') return new Date((value as Date).getTime());
  return value as ExcelValue;
}

function excelValue(cell: FakeCell, result: () => unknown): ExcelValue {
  if (cell.formula) return { formula: cell.formula.slice(1), result: resultOf(result()) } as ExcelValue;
  return storedOf(cell.value);
}

function isShared(value: ExcelValue): boolean {
  return typeof value === 'object' && value !== null && ('sharedFormula' in value || 'shareType' in value);
}

/**
 * The report tabs of the spreadsheet, as the add-on sees them (marked with developer metadata, or
 * named by one of the command line's marks), without work tabs: the live report (the one the next
 * Roll up replaces) and the others the user kept. Read from the fake's state, with no service calls.
 */
function reportTabs(spreadsheet: FakeSpreadsheet): { live: string | null; kept: string[] } {
  const named = new Set(
    [...spreadsheet.namedRanges.values()].filter((r) => !r.owner.deleted).map((r) => r.owner),
  );
  const reports = spreadsheet.sheets.filter(
    (sheet) =>
      !sheet.name.startsWith(WORK_TAB_PREFIX) &&
      (named.has(sheet) || sheet.metadata.some((m) => m.key === OWNER_KEY && m.value === 'report')),
  );
  const reportNames = new Set(reports.map((sheet) => sheet.name));
  const choice = chooseTab(
    spreadsheet.sheets.map((sheet) => ({ name: sheet.name, ours: reportNames.has(sheet.name) })),
  );
  const live = choice.replacesOurs ? choice.name : null;
  return { live, kept: [...reportNames].filter((name) => name !== live) };
}

export function copyIntoBook(book: Workbook, source: SaveSource, original: OriginalCells): void {
  const names = new Set(source.spreadsheet.sheets.map((sheet) => sheet.name));
  for (const sheet of [...book.worksheets]) if (!names.has(sheet.name)) book.removeWorksheet(sheet.id);
  for (const sheet of source.spreadsheet.sheets) {
    const target = book.getWorksheet(sheet.name) ?? book.addWorksheet(sheet.name);
    target.state = sheet.hidden ? 'hidden' : 'visible';
    const before = original.get(sheet.name) ?? new Map<string, string>();
    const now = cellKeys(sheet.data);
    for (const at of before.keys()) {
      if (now.has(at)) continue;
      const [r, c] = at.split(':').map(Number);
      target.getCell(r + 1, c + 1).value = null;
    }
    for (const [at, key] of now) {
      const [r, c] = at.split(':').map(Number);
      const out = target.getCell(r + 1, c + 1);
      // An unchanged formula is written again for its new result, unless it shares its text with others:
      // rewriting one cell of a shared formula would break the rest.
      if (before.get(at) === key && (!key.startsWith('f') || isShared(out.value))) continue;
      const cell = sheet.peekCell(r + 1, c + 1);
      out.value = excelValue(cell, () => source.shownValue(sheet.name, r + 1, c + 1));
      if (cell.numberFormat) out.numFmt = cell.numberFormat;
    }
  }
  // The file marks our reports as the command line does, so neither it nor Sheets reads them as goals.
  const { live, kept } = reportTabs(source.spreadsheet);
  markReportSheets(book, live, kept);
}
