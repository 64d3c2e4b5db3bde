// The check-in command: today's check-in of every goal appended to the workbook's log, written to a copy.
import type { Workbook, Worksheet } from 'exceljs';
import { CHECK_INS_RANGE_NAME, type LogChoice, logName } from '../core/check-in-tab';
import { checkInsOf, type HistoryWrite, isoDate, planCheckIn, readHistory } from '../core/history';
import { describeIssue, issueAt, NOWHERE } from '../core/issues';
import type { CellValue } from '../core/model';
import { dayOfDate } from '../core/period';
import { locateLog, logGrid } from './check-in-log';
import { type RunOptions, readAndAnalyze } from './commands';
import { CliError, EXIT_FOUND_ERRORS } from './errors';
import { assertSeparateOutput, workbookOf } from './input';
import { plural } from './issue-report';
import { assertWritableOutput, saveWorkbook } from './save';
import { printable } from './terminal-text';

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
  await assertSeparateOutput(files, outPath);
  await assertWritableOutput(outPath, options.force ?? false);
  const { input, analysis, decimalSeparator, timeZone } = await readAndAnalyze(files, options);
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
  const name = choice.renameTo ?? choice.write;
  // A CSV set becomes a new workbook, where a tab named History cannot be: the old log takes its new name first.
  const book = await workbookOf(
    input.book === null && choice.renameTo !== null
      ? { ...input, tabs: input.tabs.map((t) => (t.name === choice.read ? { ...t, name } : t)) }
      : input,
  );
  const sheet = putCheckIn(book, choice, write);
  markLog(book, sheet.name);
  options.progress.phase(`writing ${outPath}`);
  await saveWorkbook(book, outPath, options.progress);
  options.progress.finish();
  const replaced = write.replaced > 0 ? `, replacing the ${write.replaced} recorded earlier that day` : '';
  const note =
    choice.renameTo === null
      ? choice.note
      : `Renamed the tab "${choice.read}" to "${name}": Excel refuses a sheet named History.`;
  const day = isoDate(today);
  return {
    tab: name,
    day,
    goalCount: checkIns.length,
    replaced: write.replaced,
    summary: printable(
      `Wrote ${outPath}: recorded ${plural(checkIns.length, 'goal')} for ${day} in the ${name} tab${replaced}.${note ? ` ${note}` : ''}`,
    ),
  };
}

/**
 * Lays the planned rows down in the log's sheet (made last when new, renamed when it is an old History log): values
 * from `write.row`, blank cells cleared, dates and IDs as text (`@`), so `2026-03-31` and `1.10` stay as written.
 * exceljs stores a string as text, never as a number, date or formula: a note that starts with `=` stays a note.
 */
function putCheckIn(book: Workbook, choice: LogChoice, write: HistoryWrite): Worksheet {
  const name = choice.renameTo ?? choice.write;
  // A CSV set's old log was renamed before its workbook was made; an .xlsx's is renamed here.
  const existing = choice.create
    ? undefined
    : (book.worksheets.find((s) => s.name === choice.read) ?? book.worksheets.find((s) => s.name === name));
  const sheet = existing ?? book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  if (sheet.name !== name) sheet.name = name;
  const text = new Set(write.textColumns);
  write.values.forEach((cells, k) => {
    const row = sheet.getRow(write.row + k);
    cells.forEach((value, c) => {
      const blank = value === '' || value === null || value === undefined;
      // Cells that are blank and stay blank are not made.
      if (blank && row.findCell(c + 1) === undefined) return;
      const cell = row.getCell(c + 1);
      cell.value = blank ? null : (value as Exclude<CellValue, undefined>);
      if (text.has(c + 1)) cell.numFmt = '@';
    });
  });
  if (existing === undefined) sheet.getRow(1).font = { bold: true };
  return sheet;
}

/** Marks `sheet` as the log with the defined name the add-on reads too (one sheet only). */
function markLog(book: Workbook, sheet: string): void {
  book.definedNames.model = book.definedNames.model.filter(({ name }) => name !== CHECK_INS_RANGE_NAME);
  book.definedNames.add(`'${sheet.replace(/'/g, "''")}'!$A$1`, CHECK_INS_RANGE_NAME);
}
