// The check-in command: today's check-in of every goal added to the workbook's log, in a copy of the .xlsx (package edited, every other part copied) or, from CSV files, as the log's CSV file.
import { CHECK_INS_RANGE_NAME, logName } from '../core/check-in-tab';
import { checkInsOf, isoDate, planCheckIn, readHistory } from '../core/history';
import { describeIssue, issueAt, NOWHERE } from '../core/issues';
import type { CellValue } from '../core/model';
import { dayOfDate } from '../core/period';
import { locateLog, logGrid } from './check-in-log';
import { type RunOptions, readAndAnalyze } from './commands';
import { CliError, EXIT_FOUND_ERRORS } from './errors';
import { assertOutputKind, assertSeparateOutput } from './input';
import { plural } from './issue-report';
import { allCsv, assertCsvLogOutput, saveLogCopy } from './log-copy';
import { assertWritableOutput } from './save';
import { printable } from './terminal-text';
import { isMacroEnabled } from './xlsx-package';

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
  if (allCsv(files)) assertCsvLogOutput(files, outPath, 'check-in', 'the check-in log');
  else await assertSeparateOutput(files, outPath);
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
    const sheet = { existing: choice.create ? null : choice.read, name, mark: CHECK_INS_RANGE_NAME };
    await saveLogCopy(input, outPath, sheet, log.map(asText), options);
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

/** A date cell read from the file (a row the write did not touch) as its ISO day, as Record check-in writes dates. */
function textOfDate(v: CellValue, timeZone: string): CellValue {
  return v instanceof Date && !Number.isNaN(v.getTime()) ? isoDate(dayOfDate(v, timeZone)) : v;
}
