// Writes a copy of the input with one log tab rewritten or added (the check-in log, the Frozen payouts log): in an .xlsx by editing its package, every other part copied byte for byte; from CSV files, the log alone as a CSV file.
import { type FileHandle, open, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CellValue } from '../core/model';
import { CliError } from './errors';
import type { Input } from './input';
import type { Progress } from './progress';
import { withSheetMark } from './report-mark';
import { addWorksheet, mainNamespaceOf } from './rollup-package';
import { sheetOfCellsXml } from './rollup-part';
import { writeAtomically } from './save';
import type { XlsxPackage } from './xlsx-package';
import { escapeXmlAttribute, tags } from './xml';
import { ZipWriter } from './zip-write';

/** Where the log goes in an .xlsx. */
export interface LogSheet {
  /** The sheet the log is read from and rewritten; null to add a new sheet, last. */
  existing: string | null;
  /** Its name after the write: `existing` renamed when they differ. */
  name: string;
  /** A defined name that marks the log as ours, pointed at its A1 (any other range of that name goes); null for none. */
  mark: string | null;
}

const isCsv = (path: string): boolean => path.toLowerCase().endsWith('.csv');

/** True when every input is a CSV file: then the log is written as one CSV file. */
export const allCsv = (files: readonly string[]): boolean => files.length > 0 && files.every(isCsv);

/**
 * From CSV files, the output is the log as a .csv that is none of the inputs (`what` says what it holds); from an
 * .xlsx, nothing to check here (assertSeparateOutput does).
 */
export function assertCsvLogOutput(
  files: readonly string[],
  outPath: string,
  command: string,
  what: string,
): void {
  if (!isCsv(outPath))
    throw new CliError(`From CSV files, ${command} writes ${what} as a CSV file: name the output .csv.`);
  for (const file of files)
    if (resolve(file) === resolve(outPath))
      throw new CliError(`The output ${outPath} is the input ${file}: choose another file with -o.`);
}

/**
 * Writes `outPath` through a temporary file: the input's package with `grid` as the log (see LogSheet), or for CSV
 * input the grid alone as CSV. The grid is the whole log after the write, cells as they are to be stored.
 */
export async function saveLogCopy(
  input: Input,
  outPath: string,
  sheet: LogSheet,
  grid: readonly (readonly CellValue[])[],
  { now, progress }: { now: Date; progress: Progress },
): Promise<void> {
  const pkg = input.pkg;
  await writeAtomically(
    outPath,
    async (temporary) => {
      if (pkg === null) {
        await writeFile(temporary, csvText(grid));
        return;
      }
      const handle = await open(temporary, 'r+');
      try {
        await writeXlsxWithLog(pkg, sheet, grid, handle, now);
      } finally {
        await handle.close();
      }
    },
    progress,
  );
  progress.finish();
}

/** Rows as CSV: comma-separated, CRLF, fields quoted where they hold a comma, quote or line break, with a byte-order mark. */
export function csvText(rows: readonly (readonly CellValue[])[]): string {
  const field = (v: CellValue): string => {
    const text = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\ufeff${rows.map((cells) => cells.map(field).join(',')).join('\r\n')}\r\n`;
}

/** The log's worksheet: numbers as numbers, text as text, the header row frozen. */
function logSheetXml(grid: readonly (readonly CellValue[])[], mainNamespace: string): Generator<string> {
  return sheetOfCellsXml(grid, mainNamespace, { numbers: true, frozenHeader: true });
}

/**
 * The package with the log: its sheet's part rewritten (or a new worksheet added last), renamed if asked, marked if
 * asked; every other part copied byte for byte.
 */
async function writeXlsxWithLog(
  pkg: XlsxPackage,
  sheet: LogSheet,
  grid: readonly (readonly CellValue[])[],
  handle: FileHandle,
  now: Date,
): Promise<void> {
  const mainNamespace = mainNamespaceOf(pkg.workbookXml);
  const { name, mark } = sheet;
  let workbookXml = pkg.workbookXml;
  let relsXml = pkg.workbookRelsXml;
  let types = pkg.contentTypesXml;
  const taken = new Set(pkg.zip.entries.map((entry) => entry.name.toLowerCase()));
  let part: string;
  const isNew = sheet.existing === null;
  if (sheet.existing === null) {
    ({ part, workbookXml, relsXml, types } = addWorksheet(pkg, { workbookXml, relsXml, types }, taken, name));
  } else {
    const found = pkg.sheets.find((s) => s.name === sheet.existing);
    if (found?.kind !== 'worksheet')
      throw new CliError(
        `The tab "${sheet.existing}" is not a sheet of cells: the log cannot be written to it.`,
      );
    part = found.part;
    if (name !== found.name) workbookXml = renameSheet(workbookXml, found.name, name);
  }
  if (mark !== null) workbookXml = withSheetMark(workbookXml, mark, name);
  const replaced = new Map<string, string>([
    [pkg.workbookPart, workbookXml],
    [pkg.contentTypesPart, types],
  ]);
  const relsExisted = taken.has(pkg.workbookRelsPart.toLowerCase());
  if (relsExisted) replaced.set(pkg.workbookRelsPart, relsXml);
  const writer = new ZipWriter(handle, now);
  for (const entry of pkg.zip.entries) {
    if (entry.name === part) {
      await writer.addStream(part, logSheetXml(grid, mainNamespace));
      continue;
    }
    const content = replaced.get(entry.name);
    if (content === undefined) await writer.copy(pkg.zip, entry);
    else await writer.add(entry.name, content);
  }
  if (!relsExisted) await writer.add(pkg.workbookRelsPart, relsXml);
  if (isNew) await writer.addStream(part, logSheetXml(grid, mainNamespace));
  await writer.finish();
}

/** workbook.xml with the sheet `from` named `to`. */
function renameSheet(workbookXml: string, from: string, to: string): string {
  const tag = tags(workbookXml, 'sheet').find((t) => t.attributes.get('name') === from);
  if (!tag) throw new CliError(`The tab "${from}" is not in the workbook's list of sheets.`);
  const text = workbookXml
    .slice(tag.start, tag.end)
    .replace(/(\sname=)("[^"]*"|'[^']*')/, `$1"${escapeXmlAttribute(to)}"`);
  return workbookXml.slice(0, tag.start) + text + workbookXml.slice(tag.end);
}
