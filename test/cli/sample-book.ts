// Test workbooks on disk: the marketing sample as an .xlsx (plus a styled, formula-holding user tab) and small broken files.
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../src/core/model';
import { marketingWorkbook } from '../../tools/samples/marketing';

/** The user tab that must survive a round-trip untouched. */
export const NOTES_TAB = 'Notes';
export const STYLED_FILL = 'FFFFEB9C';
export const NOTES_FORMULA = 'SUM(B2:B3)';

/**
 * The marketing sample, one sheet per tab, plus a Notes tab with a styled, number-formatted cell and a
 * formula whose cached result is saved, as a spreadsheet app saves it.
 */
export function sampleBook(): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  for (const tab of marketingWorkbook()) {
    const sheet = book.addWorksheet(tab.name);
    for (const row of tab.grid) sheet.addRow(row.map(excelValue));
  }
  const notes = book.addWorksheet(NOTES_TAB);
  notes.getCell('A1').value = 'Budget notes';
  notes.getCell('A1').font = { bold: true, color: { argb: 'FF9C5700' } };
  notes.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STYLED_FILL } };
  notes.getCell('B2').value = 1200.5;
  notes.getCell('B2').numFmt = '#,##0.00 "EUR"';
  notes.getCell('B3').value = 799.5;
  notes.getCell('B4').value = { formula: NOTES_FORMULA, result: 2000 };
  return book;
}

function excelValue(value: CellValue): ExcelJS.CellValue {
  return value === '' || value === undefined ? null : value;
}

export async function writeSampleBook(path: string, edit?: (book: ExcelJS.Workbook) => void): Promise<void> {
  const book = sampleBook();
  edit?.(book);
  await book.xlsx.writeFile(path);
}

/** An OLE compound-file header, as an encrypted .xlsx or an old .xls starts. */
export async function writeOleFile(path: string): Promise<void> {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  await writeFile(path, header);
}
