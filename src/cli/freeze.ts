// The freeze command: a period's scorecards appended to the Frozen payouts log (the rows the add-on's Freeze period writes), in a copy of the .xlsx or, from CSV files, as the log's CSV file.
import { readableTime } from '../core/calendar';
import { FROZEN_HEADERS, FROZEN_LOG_NAME } from '../core/freeze';
import { planFreeze } from '../core/freeze-plan';
import type { CellValue } from '../core/model';
import { chooseTab } from '../report/report-tab';
import { frozenLogTab, type RunOptions, readAndAnalyze } from './commands';
import { CliError, EXIT_CANNOT_RUN, EXIT_FOUND_ERRORS } from './errors';
import { assertOutputKind, assertSeparateOutput, type Input } from './input';
import { plural, severityCounts } from './issue-report';
import { allCsv, assertCsvLogOutput, saveLogCopy } from './log-copy';
import { assertWritableOutput } from './save';
import { printable } from './terminal-text';
import { isMacroEnabled } from './xlsx-package';

export interface FreezeOptions extends RunOptions {
  /** The period to freeze, as typed (`H1 2026`, `2026-H1`, `FY2026`). */
  period: string;
  /** Frozen by: --by, else the computer's user name. */
  by: string;
}

export interface FreezeResult {
  /** The tab written (for CSV input, the tab the log's file stands for). */
  tab: string;
  period: string;
  cards: number;
  /** One line for stdout: what was written. */
  summary: string;
}

/**
 * Reads the input once and writes `outPath`: the input's workbook with the period's scorecards appended to its Frozen
 * payouts log (the tab headed as the log, wherever it is; else a new `Frozen payouts`, or `Frozen payouts (2)`, ...
 * when a tab of the user's has that name), stamped `now` (ISO, UTC) and `by`. A period frozen before is frozen again,
 * as in the add-on: check compares with the latest freeze. The input is never written to.
 */
export async function freezeFiles(
  files: readonly string[],
  outPath: string,
  options: FreezeOptions,
): Promise<FreezeResult> {
  if (allCsv(files)) assertCsvLogOutput(files, outPath, 'freeze', 'the Frozen payouts log');
  else await assertSeparateOutput(files, outPath);
  await assertWritableOutput(outPath, options.force ?? false);
  const { input, analysis, timeZone } = await readAndAnalyze(files, options);
  try {
    if (input.pkg) assertOutputKind(files[0], outPath, isMacroEnabled(input.pkg));
    const found = frozenLogTab(input.tabs);
    const frozenAt = options.now.toISOString();
    const plan = planFreeze(analysis, options.period, frozenAt, options.by, found?.grid ?? null);
    if (!plan.ok)
      throw new CliError(
        `${files.join(', ')}: ${plan.message}`,
        plan.why === 'not-a-period' ? EXIT_CANNOT_RUN : EXIT_FOUND_ERRORS,
      );
    const target = found === null ? newLogName(input) : { name: found.name, note: '' };
    const log: CellValue[][] = found === null ? [FROZEN_HEADERS] : logAsStored(found.grid);
    log.push(...plan.rows);
    await saveLogCopy(
      input,
      outPath,
      { existing: found?.name ?? null, name: target.name, mark: null },
      log,
      options,
    );
    const what = `${plan.period} (${plural(plan.rows.length, 'scorecard')})`;
    const when = `on ${readableTime(frozenAt, timeZone)}${options.by ? ` by ${options.by}` : ''}`;
    const where =
      input.pkg === null
        ? `the Frozen payouts log, with ${what} frozen ${when}`
        : `froze ${what} in the ${target.name} tab, ${when}`;
    const before = plan.supersedes;
    const again =
      before === null
        ? ''
        : ` ${plan.period} was frozen before (${readableTime(before.frozenAt, timeZone)}${before.frozenBy ? ` by ${before.frozenBy}` : ''}): check compares with this freeze from now on, and the earlier rows stay as a log.`;
    // Errors block goals' attainment, so they shape the scores frozen: worth a word. Warnings are routine.
    const errors = severityCounts(analysis.issues).error;
    const issues =
      errors === 0 ? '' : ` The workbook has ${plural(errors, 'error')} (mbo-cascade check lists them).`;
    const next = input.pkg === null ? ' Give that file with the goals’ files to check and rollup.' : '';
    const note = target.note ? ` ${target.note}` : '';
    return {
      tab: target.name,
      period: plan.period,
      cards: plan.rows.length,
      summary: printable(`Wrote ${outPath}: ${where}.${again}${issues}${note}${next}`),
    };
  } finally {
    await input.close();
  }
}

/** A name for a new log: `Frozen payouts`, or the first of `Frozen payouts (2)`, ... no sheet holds, saying why. */
function newLogName(input: Input): { name: string; note: string } {
  const names =
    input.pkg === null ? input.tabs.map((tab) => tab.name) : input.pkg.sheets.map((sheet) => sheet.name);
  const { name } = chooseTab(
    names.map((n) => ({ name: n, ours: false })),
    FROZEN_LOG_NAME,
  );
  const note =
    name === FROZEN_LOG_NAME
      ? ''
      : `Your tab "${FROZEN_LOG_NAME}" is not a Frozen payouts log (its first row is not the log's headers) and is left alone.`;
  return { name, note };
}

/**
 * The log's rows as the file holds them, to be written back with the new rows below: trailing blank rows dropped (the
 * new rows go under the last one written, as the add-on appends under its last row), a date (a time a spreadsheet
 * read as one) as the ISO text the comparison reads it as.
 */
function logAsStored(grid: readonly (readonly CellValue[])[]): CellValue[][] {
  const blank = (v: CellValue): boolean => v === '' || v === null || v === undefined;
  let end = grid.length;
  while (end > 0 && grid[end - 1].every(blank)) end--;
  return grid
    .slice(0, end)
    .map((cells) =>
      cells.map((v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString() : v)),
    );
}
