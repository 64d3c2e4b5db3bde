// Copies the preview's spreadsheet into an exceljs workbook: changed cells only, so untouched cells keep their styles and formulas.
import type { CellValue as ExcelValue, Workbook } from 'exceljs';
import { DetailedCellError } from 'hyperformula';
import type { StoredValue } from '../gas-fake';
import type { FakeCell } from '../gas-fake/cells';
import { cellKeys } from './cell-key';
import type { SaveSource } from './preview-book';
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
}
