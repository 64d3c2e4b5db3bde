// Reads an .xlsx into the core's tabs by streaming each sheet's XML out of the zip: values from A1, as getValues() gives them, in bounded memory.
import type { CellValue } from '../core/model';
import type { Merge } from '../core/table';
import type { TabInput } from '../core/workbook';
import { CliError } from './errors';
import { assertXlsxFile } from './input-file';
import { plural } from './issue-report';
import { type Progress, SILENT_PROGRESS } from './progress';
import { hasReportName, isUnmarkedReport, markedSheetsOf } from './report-mark';
import { cellAddress, SharedStringsParser, type SheetContext, WorksheetParser } from './sheet-xml';
import { openPackage, type PackageSheet, type XlsxPackage } from './xlsx-package';
import { readDateStyles } from './xlsx-styles';
import { ZipError } from './zip-read';

export interface LoadedWorkbook {
  /** The package, open: rollup copies its parts into the output. Close it when done. */
  pkg: XlsxPackage;
  /** The user's tabs in tab order, without the reports the command line or the add-on wrote. */
  tabs: TabInput[];
  /** The sheets that are our reports (marked, or unmarked ones found by their cells): not goals, ours to replace or keep. */
  reports: Set<string>;
}

/** Opens an .xlsx and reads its user tabs; a file that cannot be read is a CliError. */
export async function loadWorkbook(
  path: string,
  progress: Progress = SILENT_PROGRESS,
): Promise<LoadedWorkbook> {
  await assertXlsxFile(path);
  const pkg = await openPackage(path);
  try {
    return { pkg, ...(await readTabs(pkg, progress)) };
  } catch (error) {
    await pkg.zip.close();
    if (error instanceof ZipError)
      throw new CliError(`${path} could not be read as an .xlsx workbook (${error.message}): is it corrupt?`);
    throw error;
  }
}

/** The user's tabs of an .xlsx, for analysis only. */
export async function readWorkbook(path: string, progress: Progress = SILENT_PROGRESS): Promise<TabInput[]> {
  const { pkg, tabs } = await loadWorkbook(path, progress);
  await pkg.zip.close();
  return tabs;
}

async function partText(pkg: XlsxPackage, part: string | null): Promise<string | null> {
  const entry = part ? pkg.zip.entry(part) : undefined;
  return entry ? (await pkg.zip.read(entry)).toString('utf8') : null;
}

/**
 * Every grid tab the user owns, in tab order, as the add-on's reader sees it, and which sheets are our
 * reports. Chart sheets have no cells; our report has ID and Goal headers and would otherwise read as a
 * second copy of every goal. A sheet of the user's is read whatever its name, `Roll-up` included.
 */
export async function readTabs(
  pkg: XlsxPackage,
  progress: Progress = SILENT_PROGRESS,
): Promise<{ tabs: TabInput[]; reports: Set<string> }> {
  const sharedEntry = pkg.sharedStringsPart ? pkg.zip.entry(pkg.sharedStringsPart) : undefined;
  let sharedStrings: readonly string[] = [];
  if (sharedEntry) {
    progress.phase(
      `reading ${pkg.path} (shared strings, ${(sharedEntry.size / 1e6).toFixed(0)} MB of XML)`,
      sharedEntry.size,
    );
    let read = 0;
    const parser = new SharedStringsParser('');
    for await (const chunk of pkg.zip.stream(sharedEntry)) {
      parser.push(chunk);
      progress.advance((read += chunk.length));
    }
    parser.end();
    sharedStrings = parser.strings;
  }
  const context: SheetContext = {
    sharedStrings,
    dateStyles: readDateStyles(await partText(pkg, pkg.stylesPart)),
    date1904: pkg.date1904,
  };
  const reports = await reportSheets(pkg, context);
  const sheets = pkg.sheets.filter((sheet) => sheet.kind === 'worksheet' && !reports.has(sheet.name));
  const entries = sheets.map((sheet) => pkg.zip.entry(sheet.part)!);
  const total = entries.reduce((sum, entry) => sum + entry.size, 0);
  progress.phase(
    `reading ${pkg.path} (${plural(sheets.length, 'tab')}, ${(total / 1e6).toFixed(0)} MB of XML)`,
    total,
  );
  let done = 0;
  const tabs: TabInput[] = [];
  for (const [i, sheet] of sheets.entries()) {
    const parser = new WorksheetParser(context);
    for await (const chunk of pkg.zip.stream(entries[i])) {
      parser.push(chunk);
      progress.advance((done += chunk.length));
    }
    parser.end();
    tabs.push({
      name: sheet.name,
      grid: parser.grid as (readonly CellValue[])[],
      merges: mergeBlocks(parser.merges),
    });
  }
  return { tabs, reports };
}

/** The report's note and its header row lie in the first three rows: all an unmarked report is known by. */
const REPORT_HEAD_ROWS = 3;

/**
 * The sheets of the package that are our reports: the ones our marks (defined names) point at, and
 * sheets under a report name whose first rows are the report's (isUnmarkedReport). Only those few
 * sheets are read, and only their first rows.
 */
async function reportSheets(pkg: XlsxPackage, context: SheetContext): Promise<Set<string>> {
  const marked = markedSheetsOf(pkg.workbookXml);
  const reports = new Set<string>();
  for (const sheet of pkg.sheets) {
    if (marked.has(sheet.name)) reports.add(sheet.name);
    else if (sheet.kind === 'worksheet' && hasReportName(sheet.name)) {
      if (isUnmarkedReport(sheet.name, await headOf(pkg, sheet, context))) reports.add(sheet.name);
    }
  }
  return reports;
}

/** The first rows of a sheet, read from the start of its part only. */
async function headOf(pkg: XlsxPackage, sheet: PackageSheet, context: SheetContext): Promise<CellValue[][]> {
  const parser = new WorksheetParser(context);
  const entry = pkg.zip.entry(sheet.part)!;
  let ended = true;
  for await (const chunk of pkg.zip.stream(entry)) {
    parser.push(chunk);
    if (parser.lastRowRead >= REPORT_HEAD_ROWS) {
      ended = false;
      break; // the stream is closed as the loop leaves it
    }
  }
  if (ended) parser.end();
  return parser.grid.slice(0, REPORT_HEAD_ROWS).map((row) => [...(row ?? [])]);
}

/**
 * Merged ranges (`B5:C6`) as the core's blocks: 1-based top-left cell and size, as exceljs and Sheets
 * report them. A one-cell "merge" hides nothing and is left out, as exceljs leaves it out.
 */
export function mergeBlocks(ranges: readonly string[]): Merge[] {
  const blocks: Merge[] = [];
  for (const range of ranges) {
    const [from, to] = range.split(':').map(cellAddress);
    if (!from || !to || from.row < 1 || from.column < 1) continue;
    const top = Math.min(from.row, to.row);
    const left = Math.min(from.column, to.column);
    const rows = Math.abs(to.row - from.row) + 1;
    const cols = Math.abs(to.column - from.column) + 1;
    if (rows * cols > 1) blocks.push({ row: top, col: left, rows, cols });
  }
  return blocks;
}
