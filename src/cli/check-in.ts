// The check-in command: today's check-in of every goal added to the workbook's log, in a copy of the .xlsx (package edited, every other part copied) or, from CSV files, as the log's CSV file.
import { type FileHandle, open, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type LogChoice, logName } from '../core/check-in-tab';
import { checkInsOf, isoDate, planCheckIn, readHistory } from '../core/history';
import { describeIssue, issueAt, NOWHERE } from '../core/issues';
import type { CellValue } from '../core/model';
import { dayOfDate } from '../core/period';
import { locateLog, logGrid } from './check-in-log';
import { type RunOptions, readAndAnalyze } from './commands';
import { CliError, EXIT_FOUND_ERRORS } from './errors';
import { assertSeparateOutput } from './input';
import { plural } from './issue-report';
import { withCheckInsMark } from './report-mark';
import { addWorksheet, mainNamespaceOf } from './rollup-package';
import { cellXml, columnName } from './rollup-part';
import { assertWritableOutput, writeAtomically } from './save';
import { printable } from './terminal-text';
import { isMacroEnabled, type XlsxPackage } from './xlsx-package';
import { escapeXmlAttribute, tags } from './xml';
import { ZipWriter } from './zip-write';

export interface CheckInResult {
  /** The tab written. */
  tab: string;
  day: string;
  goalCount: number;
  replaced: number;
  /** One line for stdout: what was written. */
  summary: string;
}

/**
 * The check-in command: reads the input once and writes `outPath`, the input's workbook with today's check-in (one row
 * per goal ID) in its log: after the last row, or over that day's earlier check-in. Today is `options.today`, else the
 * calendar day of `now` in `options.timeZone` (else this process's zone). Only a log of ours is written to (marked by
 * the defined name, or ours by its header under our name); a tab of the user's is left alone and the log goes to a
 * new `Check-ins` (or `Check-ins (2)`, ...). The input is never written to.
 */
export async function checkInFiles(
  files: readonly string[],
  outPath: string,
  options: RunOptions,
): Promise<CheckInResult> {
  const csv = files.length > 0 && files.every(isCsv);
  await assertOutput(files, outPath, csv);
  await assertWritableOutput(outPath, options.force ?? false);
  const { input, analysis, decimalSeparator, timeZone } = await readAndAnalyze(files, options);
  try {
    const pkg = input.pkg;
    if (pkg) assertOutputKind(files[0], outPath, isMacroEnabled(pkg));
    const today = options.today ?? dayOfDate(options.now, timeZone);
    const choice = locateLog(input);
    const tab = logName(choice);
    const grid = logGrid(input, choice) as CellValue[][];
    const checkIns = checkInsOf(analysis, today);
    if (checkIns.length === 0)
      throw new CliError(
        `${files.join(', ')}: no goal to record: a check-in needs goals with IDs on goal tabs. Nothing was written.`,
        EXIT_FOUND_ERRORS,
      );
    const write = planCheckIn(grid, readHistory(grid, tab, decimalSeparator), today, checkIns);
    if (write === null) {
      const issue = issueAt({ ...NOWHERE, tab }, { code: 'history-no-header' });
      throw new CliError(`${tab}: ${describeIssue(issue)} Nothing was written.`, EXIT_FOUND_ERRORS);
    }
    // The whole log after the write: the rows above the block as they were, then the block.
    const log: CellValue[][] = grid.slice(0, write.row - 1).map((cells) => cells.slice());
    while (log.length < write.row - 1) log.push([]);
    log.push(...write.values);
    const asText = (cells: readonly CellValue[]) => cells.map((v) => textOfDate(v, timeZone));
    const name = choice.renameTo ?? choice.write;
    await writeAtomically(
      outPath,
      async (temporary) => {
        if (pkg === null) {
          await writeFile(temporary, csvText(log.map(asText)));
          return;
        }
        const handle = await open(temporary, 'r+');
        try {
          await writeXlsxWithLog(pkg, choice, log.map(asText), handle, options.now);
        } finally {
          await handle.close();
        }
      },
      options.progress,
    );
    options.progress.finish();
    const replaced = write.replaced > 0 ? `, replacing the ${write.replaced} recorded earlier that day` : '';
    const day = isoDate(today);
    const recorded = `recorded ${plural(checkIns.length, 'goal')} for ${day}`;
    let summary: string;
    if (pkg === null) {
      // A CSV file is the log alone: its name is the tab's when it is read back with the goals' files.
      const legacy =
        choice.renameTo === null
          ? ''
          : ` It was read from ${choice.read}: Excel refuses a sheet named History, so name the file ${name}.csv.`;
      summary = `Wrote ${outPath}: the check-in log with ${recorded}${replaced}.${choice.renameTo === null && choice.note ? ` ${choice.note}` : ''}${legacy}`;
    } else {
      const note =
        choice.renameTo === null
          ? choice.note
          : `Renamed the tab "${choice.read}" to "${name}": Excel refuses a sheet named History.`;
      summary = `Wrote ${outPath}: ${recorded} in the ${name} tab${replaced}.${note ? ` ${note}` : ''}`;
    }
    return {
      tab: name,
      day,
      goalCount: checkIns.length,
      replaced: write.replaced,
      summary: printable(summary),
    };
  } finally {
    await input.close();
  }
}

const isCsv = (path: string): boolean => path.toLowerCase().endsWith('.csv');

/** From an .xlsx, an .xlsx (the checks rollup makes); from CSV files, a .csv that is none of them. */
async function assertOutput(files: readonly string[], outPath: string, csv: boolean): Promise<void> {
  if (!csv) return assertSeparateOutput(files, outPath);
  if (!isCsv(outPath))
    throw new CliError(
      `From CSV files, check-in writes the check-in log as a CSV file: name the output .csv.`,
    );
  for (const file of files)
    if (resolve(file) === resolve(outPath))
      throw new CliError(`The output ${outPath} is the input ${file}: choose another file with -o.`);
}

/** A workbook with macros keeps its kind (.xlsm), as rollup's output does. */
function assertOutputKind(input: string, outPath: string, macros: boolean): void {
  const xlsm = outPath.toLowerCase().endsWith('.xlsm');
  if (macros && !xlsm)
    throw new CliError(
      `${input} holds macros (an .xlsm workbook): name the output .xlsm, so Excel opens it with its macros.`,
    );
  if (!macros && xlsm) throw new CliError(`${input} has no macros: name the output .xlsx.`);
}

/** A date cell read from the file (a row the write did not touch) as its ISO day, as Record check-in writes dates. */
function textOfDate(v: CellValue, timeZone: string): CellValue {
  return v instanceof Date && !Number.isNaN(v.getTime()) ? isoDate(dayOfDate(v, timeZone)) : v;
}

/** Rows as CSV: comma-separated, CRLF, fields quoted where they hold a comma, quote or line break, with a byte-order mark. */
export function csvText(rows: readonly (readonly CellValue[])[]): string {
  const field = (v: CellValue): string => {
    const text = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\ufeff${rows.map((cells) => cells.map(field).join(',')).join('\r\n')}\r\n`;
}

/**
 * The log's worksheet: numbers as numbers, text as inline strings (never read as a number, a date or a formula, so
 * `2026-03-31`, `1.10` and `=...` stay as written), the header row frozen.
 */
export function* logSheetXml(
  grid: readonly (readonly CellValue[])[],
  mainNamespace: string,
): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${escapeXmlAttribute(mainNamespace)}">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>';
  let piece = '';
  for (let r = 0; r < grid.length; r++) {
    const line = grid[r];
    let cells = '';
    for (let c = 0; c < line.length; c++) {
      const value = line[c];
      if (value === '' || value === null || value === undefined) continue;
      const cell = typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
      cells += cellXml(`${columnName(c + 1)}${r + 1}`, cell, 0);
    }
    if (cells) piece += `<row r="${r + 1}">${cells}</row>`;
    // In pieces of about a megabyte: five years of weekly check-ins is a few hundred of them.
    if (piece.length > PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

const PIECE_CHARS = 1 << 20;

/**
 * The package with the log: its sheet's part rewritten (or a new worksheet added last), an old `History` log renamed,
 * the mark (defined name mbo_cascade_check_ins) on it; every other part copied byte for byte.
 */
async function writeXlsxWithLog(
  pkg: XlsxPackage,
  choice: LogChoice,
  grid: readonly (readonly CellValue[])[],
  handle: FileHandle,
  now: Date,
): Promise<void> {
  const mainNamespace = mainNamespaceOf(pkg.workbookXml);
  const name = choice.renameTo ?? choice.write;
  let workbookXml = pkg.workbookXml;
  let relsXml = pkg.workbookRelsXml;
  let types = pkg.contentTypesXml;
  const taken = new Set(pkg.zip.entries.map((entry) => entry.name.toLowerCase()));
  let part: string;
  let isNew = false;
  if (choice.create) {
    ({ part, workbookXml, relsXml, types } = addWorksheet(pkg, { workbookXml, relsXml, types }, taken, name));
    isNew = true;
  } else {
    const sheet = pkg.sheets.find((s) => s.name === choice.read);
    if (sheet?.kind !== 'worksheet')
      throw new CliError(
        `The tab "${choice.read}" is not a sheet of cells: the check-in cannot be written to it.`,
      );
    part = sheet.part;
    if (choice.renameTo !== null) workbookXml = renameSheet(workbookXml, sheet.name, choice.renameTo);
  }
  workbookXml = withCheckInsMark(workbookXml, name);
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
