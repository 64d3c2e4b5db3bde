// Opens .xlsx and CSV files for the preview (CSV through the command line's reader; .xlsx whole with exceljs, formulas and formats included) and saves copies.
import { basename } from 'node:path';
import type { Workbook, Worksheet } from 'exceljs';
import ExcelJS from 'exceljs';
import { readInput, sheetNameProblem, writeAtomically } from '../../src/cli';
import { CliError } from '../../src/cli/errors';
import { assertSeparateOutput } from '../../src/cli/input';
import { assertXlsxFile } from '../../src/cli/input-file';
import { openPackage } from '../../src/cli/xlsx-package';
import type { Merge } from '../../src/core/table';
import type { TabInput } from '../../src/core/workbook';
import { type FakeCellInput, valueInput } from '../gas-fake';
import { fixtureCell } from '../gas-fake/cells';
import { cellKeys } from './cell-key';
import { plainCellValue } from './cell-value';
import { typedCsvGrid } from './csv-cells';
import type { BlockFormat } from './demo-formulas';
import type { PreviewLocale } from './locale';
import type { PreviewBook, PreviewTab, SaveSource } from './preview-book';
import { reportMarks } from './report-marks';
import { PreviewError } from './session';
import { unwrapSheetsExport } from './sheets-export';
import { copyIntoBook } from './xlsx-save';

/** What each tab held when read, by `row:col`: a save writes only the cells that changed, so the rest keep their styles. */
export type OriginalCells = Map<string, Map<string, string>>;

/** A cell as the preview holds it: a formula (with the value the file saved for it) or a value. */
function cellInput(cell: ExcelJS.Cell): FakeCellInput {
  if (cell.type === ExcelJS.ValueType.Merge) return '';
  if (cell.type === ExcelJS.ValueType.Formula && cell.formula) {
    const exported = unwrapSheetsExport(cell.formula);
    if (exported === 'spilled') return ''; // the formula it belongs to fills it again
    return { formula: `=${exported.formula}`, value: plainCellValue(cell.value) ?? '' };
  }
  // A text cell that starts with '=' or an apostrophe stays that text (fixtureCell would read a formula, or eat the apostrophe).
  return valueInput(plainCellValue(cell.value));
}

function tabOfSheet(sheet: Worksheet, formats: BlockFormat[]): PreviewTab {
  const grid: FakeCellInput[][] = [];
  const merges = new Map<string, Merge>();
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    const line: FakeCellInput[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      line[c - 1] = cellInput(cell);
      if (cell.type === ExcelJS.ValueType.Merge) noteMerge(merges, cell, r, c);
      if (cell.numFmt && cell.numFmt !== 'General') {
        formats.push({ tab: sheet.name, row: r, column: c, rows: 1, columns: 1, format: cell.numFmt });
      }
    });
    grid[r - 1] = Array.from(line, (cell) => cell ?? '');
  });
  return {
    name: sheet.name,
    grid: Array.from(grid, (line) => line ?? []),
    hidden: sheet.state !== 'visible',
    merges: [...merges.values()],
  };
}

/**
 * Grows the merged block of `cell`'s master to cover it. Read from the cells (each covered cell names its master) rather
 * than from Worksheet.model, which would build a model of every row just to list the merges.
 */
function noteMerge(blocks: Map<string, Merge>, cell: ExcelJS.Cell, row: number, col: number): void {
  const master = cell.master;
  const key = master.address;
  const block = blocks.get(key) ?? { row: Number(master.row), col: Number(master.col), rows: 1, cols: 1 };
  block.rows = Math.max(block.rows, row - block.row + 1);
  block.cols = Math.max(block.cols, col - block.col + 1);
  blocks.set(key, block);
}

/**
 * The whole workbook, formulas and number formats included (the preview shows and saves them), after
 * the command line's checks of the file (an encrypted workbook, a missing sheet part...).
 */
async function loadExcelBook(path: string): Promise<Workbook> {
  await assertXlsxFile(path);
  await (await openPackage(path)).zip.close();
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.readFile(path);
  } catch (error) {
    throw new CliError(
      `${path} could not be read as an .xlsx workbook (${(error as Error).message}): is it corrupt?`,
    );
  }
  return book;
}

async function readFiles(files: readonly string[]): Promise<{ book: Workbook | null; csvTabs: TabInput[] }> {
  const csv = files.filter((file) => file.toLowerCase().endsWith('.csv'));
  if (csv.length === files.length) {
    const input = await readInput(files);
    await input.close();
    return { book: null, csvTabs: input.tabs };
  }
  if (csv.length > 0) throw new CliError('Give either one .xlsx workbook or CSV files, not both.');
  if (files.length > 1) throw new CliError('Give one .xlsx workbook at a time.');
  return { book: await loadExcelBook(files[0]), csvTabs: [] };
}

/** The files as the preview holds them; CSV cells are typed as Sheets imports them in `locale` (null: en_US). */
export async function readBookWithCli(
  files: readonly string[],
  locale: PreviewLocale | null = null,
): Promise<PreviewBook> {
  let read: Awaited<ReturnType<typeof readFiles>>;
  try {
    read = await readFiles(files);
  } catch (error) {
    if (error instanceof CliError) throw new PreviewError(error.message);
    throw error;
  }
  const label = files.map((file) => basename(file)).join(', ');
  if (!read.book) {
    const tabs = read.csvTabs.map((tab) => ({ name: tab.name, grid: typedCsvGrid(tab.grid, locale) }));
    return { label, files, tabs, formats: [], saveAs: xlsxSaver(files, null, new Map()) };
  }
  const formats: BlockFormat[] = [];
  const tabs = read.book.worksheets.map((sheet) => tabOfSheet(sheet, formats));
  const namedRanges = Object.fromEntries(reportMarks(read.book));
  return {
    label,
    files,
    tabs,
    formats,
    namedRanges,
    saveAs: xlsxSaver(files, read.book, originalCells(tabs)),
  };
}

/** The content keys of what was read, as the fake stores it. */
function originalCells(tabs: readonly PreviewTab[]): OriginalCells {
  return new Map(tabs.map((tab) => [tab.name, cellKeys(tab.grid.map((line) => line.map(fixtureCell)))]));
}

/** Saves to a new .xlsx: the loaded workbook with the changed cells (styles kept), or a new one. */
export function xlsxSaver(
  files: readonly string[],
  book: Workbook | null,
  original: OriginalCells,
): (outPath: string, source: SaveSource) => Promise<void> {
  return async (outPath, source) => {
    try {
      await assertSeparateOutput(files, outPath);
      for (const sheet of source.spreadsheet.sheets) {
        const problem = sheetNameProblem(sheet.name);
        if (problem)
          throw new CliError(`The tab name "${sheet.name}" cannot be used in an .xlsx: ${problem}.`);
      }
      const target = book ?? new ExcelJS.Workbook();
      copyIntoBook(target, source, original);
      await writeAtomically(outPath, (temporary) => target.xlsx.writeFile(temporary));
    } catch (error) {
      // The CLI's messages name its -o option; here the path comes from the Save as box.
      if (error instanceof CliError) throw new PreviewError(error.message.replace(' with -o', ''));
      throw error;
    }
  };
}
