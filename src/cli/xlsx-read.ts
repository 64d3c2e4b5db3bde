// Reads an .xlsx with exceljs into the core's tabs (values from A1, as getValues() gives them), keeping the workbook for a round-trip.
import { stat } from 'node:fs/promises';
import type { Row, Workbook } from 'exceljs';
import type { CellValue } from '../core/model';
import type { Merge } from '../core/table';
import type { TabInput } from '../core/workbook';
import { plainCellValue } from './cell-value';
import { CliError } from './errors';
import { loadExcelJs } from './exceljs';
import { assertXlsxFile } from './input-file';
import { type Progress, SILENT_PROGRESS } from './progress';
import { reportSheets } from './report-mark';
import { openPackage } from './xlsx-package';

export interface LoadedWorkbook {
  /** The whole workbook, styles and formulas included, ready to be written back. */
  book: Workbook;
  /** The user's tabs in tab order, without the reports the command line or the add-on wrote. */
  tabs: TabInput[];
}

/** exceljs's ValueType.Merge: the hidden cells of a merged range (the module itself is loaded lazily). */
const MERGE_CELL = 1;

/** Shared by every blank row: a 100k-row sheet with gaps allocates nothing for them. */
const BLANK_ROW: readonly CellValue[] = Object.freeze([]);

/** Loads an .xlsx for reading and writing back; a file exceljs cannot open is a CliError. */
export async function loadWorkbook(
  path: string,
  progress: Progress = SILENT_PROGRESS,
): Promise<LoadedWorkbook> {
  await assertXlsxFile(path);
  // The package's structure first: a tab whose part is missing is an error, not a tab silently dropped.
  await (await openPackage(path)).zip.close();
  const { size } = await stat(path);
  // exceljs reports no progress while it parses: the size tells the user what to expect.
  progress.phase(`reading ${path} (${(size / 1e6).toFixed(1)} MB)`);
  const ExcelJS = await loadExcelJs();
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.readFile(path);
  } catch (error) {
    throw new CliError(
      `${path} could not be read as an .xlsx workbook (${(error as Error).message}): is it corrupt?`,
    );
  }
  return { book, tabs: tabsOfBook(book, progress) };
}

/** The user's tabs of an .xlsx, for analysis only. */
export async function readWorkbook(path: string, progress: Progress = SILENT_PROGRESS): Promise<TabInput[]> {
  return (await loadWorkbook(path, progress)).tabs;
}

/**
 * Every tab the user owns, in tab order, as the add-on's reader sees it: our report has ID and Goal
 * headers and would otherwise read as a second copy of every goal. A sheet of the user's is read
 * whatever its name, `Roll-up` included.
 */
export function tabsOfBook(book: Workbook, progress: Progress = SILENT_PROGRESS): TabInput[] {
  const reports = reportSheets(book);
  const sheets = book.worksheets.filter((sheet) => !reports.has(sheet.name));
  const totalRows = sheets.reduce((sum, sheet) => sum + sheet.actualRowCount, 0);
  progress.phase('reading cells', totalRows);
  let rowsDone = 0;
  return sheets.map((sheet) => {
    const grid: (readonly CellValue[])[] = [];
    const merges = new Map<string, Merge>();
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      while (grid.length < rowNumber - 1) grid.push(BLANK_ROW);
      grid.push(rowValues(row, rowNumber, merges));
      progress.advance(++rowsDone);
    });
    return { name: sheet.name, grid, merges: [...merges.values()] };
  });
}

/**
 * A row's values from column A to its last value; the hidden cells of a merge are blank, as in Sheets, and each
 * grows its block in `merges` (keyed by the top-left cell it points at): a merged Owner or Objective covers its rows.
 */
function rowValues(row: Row, rowNumber: number, merges: Map<string, Merge>): CellValue[] {
  const values: CellValue[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    while (values.length < col - 1) values.push('');
    if (cell.type !== MERGE_CELL) {
      values.push(plainCellValue(cell.value));
      return;
    }
    values.push('');
    const master = cell.master;
    const block = merges.get(master.address) ?? {
      row: Number(master.row),
      col: Number(master.col),
      rows: 1,
      cols: 1,
    };
    block.rows = Math.max(block.rows, rowNumber - block.row + 1);
    block.cols = Math.max(block.cols, col - block.col + 1);
    merges.set(master.address, block);
  });
  return values;
}
