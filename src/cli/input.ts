// The files on the command line as one workbook: a single .xlsx, or CSV files (one tab each, or split by a Tab column).
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Workbook } from 'exceljs';
import type { TabInput } from '../core/workbook';
import { readCsvInput } from './csv-tabs';
import { CliError } from './errors';
import { loadExcelJs } from './exceljs';
import { type Progress, SILENT_PROGRESS } from './progress';
import { isUnmarkedReport } from './report-mark';
import { loadWorkbook } from './xlsx-read';

export interface Input {
  files: readonly string[];
  /** The user's tabs, for the analysis. */
  tabs: TabInput[];
  /** The .xlsx as loaded, for a round-trip; null for CSV input. */
  book: Workbook | null;
  /** The decimal separator the files suggest: a comma when every CSV is semicolon-separated, else null. */
  decimalSeparator: ',' | null;
  /** What the user should hear about how the files were read. */
  notes: string[];
}

const isCsv = (path: string): boolean => path.toLowerCase().endsWith('.csv');

/** Any file not named .csv is read as an .xlsx, so a workbook saved under another name still opens. */
export async function readInput(
  files: readonly string[],
  progress: Progress = SILENT_PROGRESS,
): Promise<Input> {
  if (files.length === 0) throw new CliError('Name a workbook: an .xlsx file, or one or more .csv files.');
  const csv = files.filter(isCsv);
  if (csv.length === files.length) {
    const read = await readCsvInput(files, progress);
    // A CSV carries no mark: only a report's own cells under a report name make a tab ours.
    const tabs = read.tabs.filter((tab) => !isUnmarkedReport(tab.name, tab.grid));
    // Spreadsheet apps in decimal-comma locales save CSV with semicolons (the comma is taken).
    const decimalSeparator = read.delimiters.every((d) => d === ';') ? ',' : null;
    return { files, tabs, book: null, decimalSeparator, notes: read.notes };
  }
  if (csv.length > 0) throw new CliError('Give either one .xlsx workbook or CSV files, not both.');
  if (files.length > 1) throw new CliError('Give one .xlsx workbook at a time.');
  const { book, tabs } = await loadWorkbook(files[0], progress);
  return { files, tabs, book, decimalSeparator: null, notes: [] };
}

/** The workbook a Roll-up is added to: the loaded .xlsx, or a new one holding the CSV tabs as text. */
export async function workbookOf(input: Input): Promise<Workbook> {
  return input.book ?? bookOfTabs(input.tabs);
}

export async function bookOfTabs(tabs: readonly TabInput[]): Promise<Workbook> {
  const ExcelJS = await loadExcelJs();
  const book = new ExcelJS.Workbook();
  for (const tab of tabs) {
    const problem = sheetNameProblem(tab.name);
    if (problem) throw new CliError(`The tab name "${tab.name}" cannot be used in an .xlsx: ${problem}.`);
    const sheet = book.addWorksheet(tab.name);
    tab.grid.forEach((line, r) => {
      line.forEach((value, c) => {
        if (value !== '' && value !== null && value !== undefined)
          sheet.getRow(r + 1).getCell(c + 1).value = value;
      });
    });
  }
  return book;
}

/** What Excel refuses in a sheet name; null when the name is fine. */
export function sheetNameProblem(name: string): string | null {
  if (name.length > 31) return 'it is longer than 31 characters';
  if (/[*?:/\\[\]]/.test(name)) return 'it holds one of * ? : / \\ [ ]';
  if (name.startsWith("'") || name.endsWith("'")) return 'it starts or ends with an apostrophe';
  if (name.toLowerCase() === 'history') return '"History" is reserved by Excel';
  return null;
}

/** The output must not be one of the inputs, by name or through a link: the input is never written to. */
export async function assertSeparateOutput(files: readonly string[], outPath: string): Promise<void> {
  if (!outPath.toLowerCase().endsWith('.xlsx'))
    throw new CliError(`The output ${outPath} must be an .xlsx file.`);
  const outStat = await stat(outPath).catch(() => null);
  for (const file of files) {
    const inStat = await stat(file).catch(() => null);
    const sameFile = inStat && outStat && inStat.dev === outStat.dev && inStat.ino === outStat.ino;
    if (resolve(file) === resolve(outPath) || sameFile)
      throw new CliError(`The output ${outPath} is the input ${file}: choose another file with -o.`);
  }
}
