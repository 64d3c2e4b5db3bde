// Marks the Roll-up sheet the command line writes into an .xlsx with a workbook-level defined name, and finds the sheets it marked.
import type { Workbook } from 'exceljs';
import { looksLikeReport, REPORT_RANGE_NAME, REPORT_TAB } from '../report/report-tab';
import { GOAL_HEADERS } from '../report/rollup-table';
import { plainCellValue } from './cell-value';

/**
 * The defined name that points at our report sheet (its A1); Sheets keeps it as a named range, which
 * the add-on reads too (src/sheets/owned.ts). A defined name, because it:
 * - lives in the workbook and points at exactly one sheet: a copy the user makes of the report is
 *   not marked (a marker cell, a note or a hidden row would be copied with it and make the copy ours);
 * - follows the sheet when it is renamed in Excel, LibreOffice or Google Sheets (a document property
 *   would hold the sheet's name as plain text, which a rename breaks);
 * - survives saving in each of them (Sheets keeps it as a named range) and round-trips through exceljs;
 * - sits outside the cells, so the reader never sees it as data.
 */
export const REPORT_MARK = REPORT_RANGE_NAME;

/**
 * A report that carries no mark (written before reports were marked, or saved from Sheets, whose
 * .xlsx and CSV downloads drop developer metadata): a tab under a report name (`Roll-up`, `Roll-up
 * (2)`, ...) whose cells are the report's. It is ours to replace, and not goals.
 */
export function isUnmarkedReport(name: string, grid: readonly (readonly unknown[])[]): boolean {
  return name.toLowerCase().startsWith(REPORT_TAB.toLowerCase()) && looksLikeReport(grid);
}

/** `'Roll-up (2)'!$A$1` -> `Roll-up (2)`; `Goals!$A$1` -> `Goals`; null without a sheet. */
export function sheetOfRange(range: string): string | null {
  const quoted = /^'((?:[^']|'')*)'!/.exec(range);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const plain = /^([^!']+)!/.exec(range);
  return plain ? plain[1] : null;
}

/** Our marks: `mbo_cascade_report` on the live report, `mbo_cascade_report_2`, ... on reports the user renamed to keep. */
const isMark = (name: string): boolean =>
  name === REPORT_MARK || new RegExp(`^${REPORT_MARK}_\\d+$`).test(name);

/** Each of our marks with the sheet it points at, as [defined name, sheet name]. */
export function reportMarks(book: Workbook): [string, string][] {
  const marks: [string, string][] = [];
  for (const { name, ranges } of book.definedNames.model) {
    if (!isMark(name)) continue;
    for (const range of ranges) {
      const sheet = sheetOfRange(range);
      if (sheet !== null) marks.push([name, sheet]);
    }
  }
  return marks;
}

/** The names of the sheets our marks point at. */
export function markedSheets(book: Workbook): Set<string> {
  return new Set(reportMarks(book).map(([, sheet]) => sheet));
}

/**
 * Marks exactly these sheets as ours: `live` (the report just written) with `mbo_cascade_report`,
 * the name the add-on reads too, and `kept` (earlier reports the user renamed, still ours and still
 * not goals) with `mbo_cascade_report_2`, ... One name per sheet: Excel does not accept one name
 * over ranges of several sheets.
 */
export function markReportSheets(book: Workbook, live: string | null, kept: readonly string[] = []): void {
  book.definedNames.model = book.definedNames.model.filter(({ name }) => !isMark(name));
  const marks: [string, string][] = kept.map((sheet, i) => [`${REPORT_MARK}_${i + 2}`, sheet]);
  if (live !== null) marks.unshift([REPORT_MARK, live]);
  // Quoted, apostrophes doubled, as a formula names a sheet; its A1.
  for (const [name, sheet] of marks) book.definedNames.add(`'${sheet.replace(/'/g, "''")}'!$A$1`, name);
}

/** The sheets of a workbook that are our reports: the marked one, and unmarked ones (isUnmarkedReport). */
export function reportSheets(book: Workbook): Set<string> {
  const marked = markedSheets(book);
  const out = new Set<string>();
  for (const sheet of book.worksheets) {
    if (marked.has(sheet.name)) {
      out.add(sheet.name);
      continue;
    }
    if (!sheet.name.toLowerCase().startsWith(REPORT_TAB.toLowerCase())) continue; // read no cells
    // findRow and findCell read without creating rows or cells in a sheet that is written back.
    const head = [1, 2, 3].map((r) => {
      const row = sheet.findRow(r);
      return GOAL_HEADERS.map((_, c) => plainCellValue(row?.findCell(c + 1)?.value ?? null));
    });
    if (isUnmarkedReport(sheet.name, head)) out.add(sheet.name);
  }
  return out;
}
