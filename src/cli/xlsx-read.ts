// Reads an .xlsx into the core's tabs by streaming each sheet's XML out of the zip: values from A1, as getValues() gives them, in bounded memory.
import type { CellValue } from '../core/model';
import type { TabInput } from '../core/workbook';
import { isOwnedTab } from '../sheets/owned';
import { CliError } from './errors';
import { assertXlsxFile } from './input-file';
import { type Progress, SILENT_PROGRESS } from './progress';
import { SharedStringsParser, type SheetContext, WorksheetParser } from './sheet-xml';
import { openPackage, type XlsxPackage } from './xlsx-package';
import { readDateStyles } from './xlsx-styles';
import { ZipError } from './zip-read';

export interface LoadedWorkbook {
  /** The package, open: rollup copies its parts into the output. Close it when done. */
  pkg: XlsxPackage;
  /** The user's tabs in tab order, without the ones the add-on owns (Roll-up, _mbo_*). */
  tabs: TabInput[];
}

/** Opens an .xlsx and reads its user tabs; a file that cannot be read is a CliError. */
export async function loadWorkbook(
  path: string,
  progress: Progress = SILENT_PROGRESS,
): Promise<LoadedWorkbook> {
  await assertXlsxFile(path);
  const pkg = await openPackage(path);
  try {
    return { pkg, tabs: await readTabs(pkg, progress) };
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
 * Every grid tab the user owns, in tab order, as the add-on's reader sees it. Chart sheets have no
 * cells; the Roll-up has ID and Goal headers and would otherwise read as a second copy of every goal.
 */
export async function readTabs(pkg: XlsxPackage, progress: Progress = SILENT_PROGRESS): Promise<TabInput[]> {
  const sheets = pkg.sheets.filter((sheet) => sheet.kind === 'worksheet' && !isOwnedTab(sheet.name));
  const sharedEntry = pkg.sharedStringsPart ? pkg.zip.entry(pkg.sharedStringsPart) : undefined;
  const entries = sheets.map((sheet) => pkg.zip.entry(sheet.part)!);
  const total = entries.reduce((sum, entry) => sum + entry.size, sharedEntry?.size ?? 0);
  progress.phase(`reading ${pkg.path} (${(total / 1e6).toFixed(0)} MB of XML)`, total);
  let done = 0;
  const advance = (bytes: number) => progress.advance((done += bytes));

  let sharedStrings: readonly string[] = [];
  if (sharedEntry) {
    const parser = new SharedStringsParser('');
    for await (const chunk of pkg.zip.stream(sharedEntry)) {
      parser.push(chunk);
      advance(chunk.length);
    }
    parser.end();
    sharedStrings = parser.strings;
  }
  const context: SheetContext = {
    sharedStrings,
    dateStyles: readDateStyles(await partText(pkg, pkg.stylesPart)),
    date1904: pkg.date1904,
  };
  const tabs: TabInput[] = [];
  for (const [i, sheet] of sheets.entries()) {
    const parser = new WorksheetParser(context);
    for await (const chunk of pkg.zip.stream(entries[i])) {
      parser.push(chunk);
      advance(chunk.length);
    }
    parser.end();
    tabs.push({ name: sheet.name, grid: parser.grid as (readonly CellValue[])[] });
  }
  return tabs;
}
