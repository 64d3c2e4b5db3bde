// The files on the command line as one workbook: a single .xlsx (read by streaming, kept open for rollup), or CSV files (one tab each, or split by a Tab column).
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { TabInput } from '../core/workbook';
import { readCsvInput } from './csv-tabs';
import { CliError } from './errors';
import { type Progress, SILENT_PROGRESS } from './progress';
import { isUnmarkedReport } from './report-mark';
import type { XlsxPackage } from './xlsx-package';
import { loadWorkbook } from './xlsx-read';

export interface Input {
  files: readonly string[];
  /** The user's tabs, for the analysis. */
  tabs: TabInput[];
  /** The .xlsx package, open, for rollup to copy; null for CSV input. close() releases it. */
  pkg: XlsxPackage | null;
  /** The package's sheets that are our reports (not read as goals); empty for CSV, whose report files are left out of `tabs`. */
  reports: ReadonlySet<string>;
  /** The decimal separator the files suggest: a comma when every CSV is semicolon-separated, else null. */
  decimalSeparator: ',' | null;
  /** What the user should hear about how the files were read. */
  notes: string[];
  close(): Promise<void>;
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
    return {
      files,
      tabs,
      pkg: null,
      reports: new Set(),
      decimalSeparator,
      notes: read.notes,
      close: async () => {},
    };
  }
  if (csv.length > 0) throw new CliError('Give either one .xlsx workbook or CSV files, not both.');
  if (files.length > 1) throw new CliError('Give one .xlsx workbook at a time.');
  const { pkg, tabs, reports } = await loadWorkbook(files[0], progress);
  return { files, tabs, pkg, reports, decimalSeparator: null, notes: [], close: () => pkg.zip.close() };
}

/** The output must not be one of the inputs, by name or through a link: the input is never written to. */
export async function assertSeparateOutput(files: readonly string[], outPath: string): Promise<void> {
  // .xlsm too: a workbook with macros keeps its kind (rollup checks which once it has read the input).
  if (!/\.xls[xm]$/i.test(outPath)) throw new CliError(`The output ${outPath} must be an .xlsx file.`);
  const outStat = await stat(outPath).catch(() => null);
  for (const file of files) {
    const inStat = await stat(file).catch(() => null);
    const sameFile = inStat && outStat && inStat.dev === outStat.dev && inStat.ino === outStat.ino;
    if (resolve(file) === resolve(outPath) || sameFile)
      throw new CliError(`The output ${outPath} is the input ${file}: choose another file with -o.`);
  }
}

/** The output keeps the input's kind: a workbook with macros stays .xlsm (Excel refuses one named .xlsx), and the other way round. */
export function assertOutputKind(input: string, outPath: string, macros: boolean): void {
  const xlsm = outPath.toLowerCase().endsWith('.xlsm');
  if (macros && !xlsm)
    throw new CliError(
      `${input} holds macros (an .xlsm workbook): name the output .xlsm, so Excel opens it with its macros.`,
    );
  if (!macros && xlsm) throw new CliError(`${input} has no macros: name the output .xlsx.`);
}
