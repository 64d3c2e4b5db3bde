// Lays the Roll-up report out in an exceljs workbook: the same cells as the add-on's tab, with its formats where .xlsx has them, in a sheet marked as ours.
import type { Style, Workbook, Worksheet } from 'exceljs';
import { chooseTab, type TabChoice } from '../report/report-tab';
import { type Box, PERCENT_FORMAT, type RollupReport, reportGrid } from '../report/rollup-table';
import { type Progress, SILENT_PROGRESS } from './progress';
import { markReportSheets, reportSheets } from './report-mark';

/** exceljs orders tabs by this field (missing from its typings): the new tab takes the old one's place. */
type OrderedSheet = Worksheet & { orderNo: number };

/**
 * Writes the report into our report sheet, as the add-on does: the sheet the mark (a defined name,
 * see report-mark.ts) points at, or an unmarked report under a report name, is replaced in its place;
 * otherwise a new sheet goes last. Its name comes from chooseTab, which the add-on shares: `Roll-up`,
 * or `Roll-up (2)`, ... when a sheet we did not write holds that name; `tab.note` then says so. A sheet
 * we did not write is never removed or written. The new sheet is marked.
 * Text goes in raw: exceljs stores a string as text, never as a number, date or formula, so the
 * apostrophe the Sheets writer adds is not needed here and would show as a character.
 */
export function putRollupSheet(
  book: Workbook,
  report: RollupReport,
  progress: Progress = SILENT_PROGRESS,
): { sheet: Worksheet; tab: TabChoice } {
  const ours = reportSheets(book);
  const tab = chooseTab(book.worksheets.map((sheet) => ({ name: sheet.name, ours: ours.has(sheet.name) })));
  const old = tab.replacesOurs ? book.worksheets.find((sheet) => sheet.name === tab.name) : undefined;
  const position = old ? (old as OrderedSheet).orderNo : undefined;
  if (old) book.removeWorksheet(old.id);
  const sheet = book.addWorksheet(tab.name, { views: [{ state: 'frozen', ySplit: report.frozenRows }] });
  if (position !== undefined) (sheet as OrderedSheet).orderNo = position;
  // Earlier reports of ours that the user renamed stay ours: marked, and not read as goals.
  markReportSheets(
    book,
    tab.name,
    [...ours].filter((name) => name !== tab.name),
  );
  fillRollupSheet(sheet, report, progress);
  return { sheet, tab };
}

function fillRollupSheet(sheet: Worksheet, report: RollupReport, progress: Progress): void {
  // exceljs first looks a style up by object identity when writing: one shared object per look,
  // rather than one per cell, saves hashing a million style objects on a 100k-goal report.
  const plain: Partial<Style> = {};
  const percent: Partial<Style> = { numFmt: PERCENT_FORMAT };
  const bold: Partial<Style> = { font: { bold: true } };
  const grid = reportGrid(report);
  progress.phase('laying out Roll-up', grid.length);
  grid.forEach((line, r) => {
    const row = sheet.getRow(r + 1);
    line.forEach((value, c) => {
      // Blank cells stay absent, as in a sheet where nothing was written.
      if (value === '') return;
      const cell = row.getCell(c + 1);
      cell.value = value;
      cell.style = plain;
    });
    progress.advance(r + 1);
  });
  for (const box of report.percent) eachCell(sheet, box, (cell) => (cell.style = percent));
  for (const { box, format } of report.formats) {
    const style: Partial<Style> = { numFmt: format };
    eachCell(sheet, box, (cell) => (cell.style = style));
  }
  for (const box of report.bold) eachCell(sheet, box, (cell) => (cell.style = bold));
  for (const { col, width } of report.widths) sheet.getColumn(col).width = characterWidth(width);
  if (report.status) {
    const ref = `${sheet.getCell(report.status.row, report.status.col).address}:${
      sheet.getCell(report.status.row + report.status.numRows - 1, report.status.col).address
    }`;
    sheet.addConditionalFormatting({
      ref,
      rules: Object.entries(report.statusColors).map(([text, { background, font }], i) => ({
        type: 'cellIs',
        operator: 'equal',
        formulae: [`"${text}"`],
        priority: i + 1,
        style: {
          fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(background) } },
          font: { color: { argb: argb(font) } },
        },
      })),
    });
  }
  // report.treemap is not drawn: exceljs cannot write charts. Its data block is in the grid above.
}

function eachCell(sheet: Worksheet, box: Box, set: (cell: ReturnType<Worksheet['getCell']>) => void): void {
  for (let r = box.row; r < box.row + box.numRows; r++) {
    const row = sheet.getRow(r);
    for (let c = box.col; c < box.col + box.numCols; c++) set(row.getCell(c));
  }
}

/** `#d9ead3` -> `FFD9EAD3`: .xlsx colours carry an alpha byte first. */
function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/**
 * Sheets sizes columns in pixels, .xlsx in characters of the default font's digit width (7 px for
 * Calibri 11, plus 5 px of padding): 360 px is about 50.7 characters.
 */
export function characterWidth(pixels: number): number {
  return Math.round(((pixels - 5) / 7) * 100) / 100;
}
