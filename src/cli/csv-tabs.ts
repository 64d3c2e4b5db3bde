// CSV inputs as the core's tabs: one file per tab (named after the file), or one file split by a Tab column.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { CellValue } from '../core/model';
import type { TabInput } from '../core/workbook';
import { CsvSyntaxError, type Delimiter, parseCsv, sniffDelimiter } from './csv';
import { CliError } from './errors';
import { assertTextFile } from './input-file';
import { type Progress, SILENT_PROGRESS } from './progress';
import { decodeText } from './text-encoding';

/** The header naming the tab each row belongs to, compared trimmed and case-insensitively. */
export const TAB_COLUMN = 'tab';

const BLANK_ROW: readonly CellValue[] = Object.freeze([]);

/** A file's tab name: its name without folder and extension. */
export function tabNameOfFile(path: string): string {
  return basename(path, extname(path));
}

export interface CsvInput {
  tabs: TabInput[];
  /** Each file's delimiter, in the order given. */
  delimiters: Delimiter[];
  /** What the user should hear about how the files were read (an encoding guessed). */
  notes: string[];
}

/** Reads every CSV into tabs, in the order given; two tabs with one name (any case) is a CliError. */
export async function readCsvTabs(
  paths: readonly string[],
  progress: Progress = SILENT_PROGRESS,
): Promise<TabInput[]> {
  return (await readCsvInput(paths, progress)).tabs;
}

export async function readCsvInput(
  paths: readonly string[],
  progress: Progress = SILENT_PROGRESS,
): Promise<CsvInput> {
  const input: CsvInput = { tabs: [], delimiters: [], notes: [] };
  const { tabs } = input;
  progress.phase('reading CSV', paths.length);
  for (const [i, path] of paths.entries()) {
    await assertTextFile(path);
    const decoded = decodeText(await readFile(path), path);
    if (decoded.how === 'guessed')
      input.notes.push(
        decoded.encoding === 'Windows-1252'
          ? `${path} is not UTF-8: read as Windows-1252 (Latin-1). If accents look wrong, save it as UTF-8 CSV.`
          : `${path} has no byte-order mark: read as ${decoded.encoding} text.`,
      );
    const delimiter = sniffDelimiter(decoded.text);
    input.delimiters.push(delimiter);
    const records = parseCsvFile(path, decoded.text, delimiter);
    for (const tab of splitByTabColumn(tabNameOfFile(path), records)) {
      const clash = tabs.find((t) => t.name.toLowerCase() === tab.name.toLowerCase());
      if (clash)
        throw new CliError(
          `Two tabs are named "${tab.name}" (the second from ${path}): tab names must differ.`,
        );
      tabs.push(tab);
    }
    progress.advance(i + 1);
  }
  return input;
}

function parseCsvFile(path: string, text: string, delimiter: Delimiter): string[][] {
  try {
    return parseCsv(text, delimiter);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new CliError(`${path} is not valid CSV: ${error.message}.`);
    throw error;
  }
}

/**
 * A CSV without a Tab column is one tab named after the file. With one, each row goes to the tab it
 * names (a blank name: the file's tab; names compared case-insensitively, as tab names are), every
 * tab gets the header row, and each row keeps its row number from the file: an issue at
 * `Content!K14` is on row 14 of the CSV as a spreadsheet opens it. The Tab column stays in place, so
 * column letters match the file's too.
 */
export function splitByTabColumn(fileTab: string, records: string[][]): TabInput[] {
  const header = records[0] ?? [];
  const tabCol = header.findIndex((h) => h.trim().toLowerCase() === TAB_COLUMN);
  if (tabCol < 0) return [{ name: fileTab, grid: records }];
  const tabs = new Map<string, { name: string; grid: (readonly CellValue[])[] }>();
  for (let r = 1; r < records.length; r++) {
    const record = records[r];
    if (record.every((field) => field.trim() === '')) continue;
    const name = record[tabCol]?.trim() || fileTab;
    let tab = tabs.get(name.toLowerCase());
    if (!tab) {
      tab = { name, grid: [header] };
      tabs.set(name.toLowerCase(), tab);
    }
    while (tab.grid.length < r) tab.grid.push(BLANK_ROW);
    tab.grid.push(record);
  }
  // Only a header: one empty tab, so the report says "0 goals" rather than "no goal tab".
  return tabs.size > 0 ? [...tabs.values()] : [{ name: fileTab, grid: [header] }];
}
