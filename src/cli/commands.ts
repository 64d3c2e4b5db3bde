// The two commands: check (issues out, exit 1 on errors) and rollup (a copy of the workbook with the Roll-up tab).

import { open } from 'node:fs/promises';
import { isFrozenLog } from '../core/freeze';
import { describeIssue } from '../core/issues';
import { dayOfDate } from '../core/period';
import { type Analysis, analyzeWorkbook, type TabInput } from '../core/workbook';
import type { TabChoice } from '../report/report-tab';
import { buildRollupReport, type RollupReport } from '../report/rollup-table';
import { loadLog, locateLog, tabsBesideLog, withLogIssues } from './check-in-log';
import { CliError, EXIT_FOUND_ERRORS, EXIT_OK } from './errors';
import { assertOutputKind, assertSeparateOutput, type Input, readInput } from './input';
import { checkJsonText, checkText, plural, severityCounts } from './issue-report';
import { type Progress, SILENT_PROGRESS } from './progress';
import { type CsvLog, writeCsvWithRollup, writeXlsxWithRollup } from './rollup-package';
import { assertWritableOutput, writeAtomically } from './save';
import { printable } from './terminal-text';
import { isMacroEnabled } from './xlsx-package';

/** The summary names the goal tabs up to this many, then only counts them. */
const LISTED_TABS = 5;

export interface RunOptions {
  /** UTC day number status is judged at; null = the local calendar day of `now`. */
  today: number | null;
  /** The clock: the Roll-up's "computed on" time and the default day. */
  now: Date;
  progress: Progress;
  /** The decimal separator of numbers typed as text; null or absent = what the files suggest, else a dot. */
  decimalSeparator?: '.' | ',' | null;
  /** rollup: replace the output file if it exists. */
  force?: boolean;
  /** Tells the user something that is not an error (an encoding guessed), on stderr. */
  warn?: (message: string) => void;
  /** The IANA time zone dates and today are read in; absent = this process's zone. */
  timeZone?: string;
}

/**
 * The analysis of tabs, as the add-on does it: status judged on `today`. A file has no time zone: dates arrive
 * as local wall-clock times (see serialToDate in sheet-xml.ts), so they, and the default day, are read in this process's zone.
 */
export function analyzeTabs(
  tabs: readonly TabInput[],
  options: Pick<RunOptions, 'today' | 'now' | 'timeZone'> & { decimalSeparator?: '.' | ',' | null },
): Analysis {
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const frozen = frozenLogTab(tabs);
  return analyzeWorkbook(
    tabs.filter((tab) => tab !== frozen),
    {
      today: options.today ?? dayOfDate(options.now, timeZone),
      decimalSeparator: options.decimalSeparator ?? '.',
      timeZone,
      frozen,
    },
  );
}

/**
 * The Frozen payouts log among the tabs (the add-on's, or freeze's): a file keeps no mark, so it is the first tab
 * headed as the log. It is compared with the scorecards, not read as goals; freeze appends to it.
 */
export function frozenLogTab(tabs: readonly TabInput[]): TabInput | null {
  return tabs.find((tab) => isFrozenLog(tab.grid)) ?? null;
}

/** Reads the files, passes on what the user should hear, and analyses them with the right decimal separator. */
export async function readAndAnalyze(
  files: readonly string[],
  options: RunOptions,
): Promise<{ input: Input; analysis: Analysis; decimalSeparator: '.' | ','; timeZone: string }> {
  const input = await readInput(files, options.progress);
  try {
    for (const note of input.notes) {
      options.progress.clear();
      options.warn?.(note);
    }
    options.progress.phase('analysing');
    const decimalSeparator = options.decimalSeparator ?? input.decimalSeparator ?? '.';
    const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    const analysis = analyzeTabs(tabsBesideLog(input), { ...options, decimalSeparator, timeZone });
    return { input, analysis, decimalSeparator, timeZone };
  } catch (error) {
    await input.close();
    throw error;
  }
}

export interface CheckResult {
  exitCode: number;
  /** What goes to stdout: the issue lines and a summary, or the JSON document. */
  output: string;
  analysis: Analysis;
}

export async function checkFiles(
  files: readonly string[],
  json: boolean,
  options: RunOptions,
): Promise<CheckResult> {
  const read = await readAndAnalyze(files, options);
  await read.input.close();
  // The check-in log is validated like a goal tab; its issues follow the goal tabs'.
  const analysis = withLogIssues(read.analysis, loadLog(read.input, read.analysis, read.decimalSeparator));
  options.progress.finish();
  const output = json ? checkJsonText(files, analysis) : checkText(files, analysis);
  // A tab that looks like goals but was not read leaves goals out: never exit 0 on that.
  const failed = analysis.issues.some((issue) => issue.severity === 'error' || issue.code === 'unread-tab');
  const exitCode = failed ? EXIT_FOUND_ERRORS : EXIT_OK;
  return { exitCode, output, analysis };
}

export interface RollupResult {
  analysis: Analysis;
  report: RollupReport;
  /** The sheet the report went to (`Roll-up`, or `Roll-up (2)`, ... when one of the user's holds that name). */
  tab: string;
  /** One line for stdout: what was written. */
  summary: string;
}

/**
 * Reads the input once, analyses it, and writes `outPath`: the input's workbook with the Roll-up.
 * Refuses an output that is the input or that exists (without `force`), and a workbook without goal
 * tabs (there is nothing to roll up).
 */
export async function rollupFiles(
  files: readonly string[],
  outPath: string,
  options: RunOptions,
): Promise<RollupResult> {
  const { now, progress } = options;
  await assertSeparateOutput(files, outPath);
  await assertWritableOutput(outPath, options.force ?? false);
  const { input, analysis, decimalSeparator } = await readAndAnalyze(files, options);
  let report: RollupReport;
  let tab: TabChoice;
  let csvLog: CsvLog | null = null;
  try {
    assertOutputKind(files.join(', '), outPath, input.pkg ? isMacroEnabled(input.pkg) : false);
    if (analysis.goalTabs.length === 0) {
      const noGoalTab = analysis.issues.find((issue) => issue.code === 'no-goal-tabs');
      const reason = noGoalTab ? describeIssue(noGoalTab) : 'it has no goal tab.';
      throw new CliError(`${files.join(', ')}: ${reason} Nothing was written.`, EXIT_FOUND_ERRORS);
    }
    // The grids are the largest thing in memory, and an .xlsx's parts are copied from its file:
    // let them go before the report is laid out (CSV tabs are written from them).
    // With a check-in log, each goal's last check-in and 30-day change, as the add-on's Roll up has them.
    const log = loadLog(input, analysis, decimalSeparator);
    // From CSV, the log goes into the new workbook: an old History log under the name Excel allows.
    const choice = input.pkg ? null : locateLog(input);
    if (choice && choice.read !== null) csvLog = { tab: choice.read, sheet: choice.renameTo ?? choice.read };
    if (input.pkg) input.tabs = [];
    report = buildRollupReport(analysis, now.toISOString(), log);
    tab = await saveWithRollup(input, report, outPath, { now, progress, log: csvLog });
  } finally {
    await input.close();
  }
  // A tab of the user's holds the report's name: said on stderr too, where a note reaches the user when stdout is piped.
  if (tab.note) options.warn?.(tab.note);
  const counts = severityCounts(analysis.issues);
  const tabs =
    analysis.goalTabs.length <= LISTED_TABS
      ? analysis.goalTabs.join(', ')
      : `${analysis.goalTabs.length} goal tabs`;
  const summary = printable(
    `Wrote ${outPath}: ${tab.name} of ${plural(report.goalCount, 'goal')} and ${plural(report.scorecardCount, 'scorecard')} ` +
      `from ${tabs}; ${plural(counts.error, 'error')} and ${plural(counts.warning, 'warning')} ` +
      '(mbo-cascade check lists them).' +
      (tab.note ? ` ${tab.note}` : '') +
      (csvLog !== null && csvLog.sheet !== csvLog.tab
        ? ` The check-in log ${csvLog.tab} is the tab "${csvLog.sheet}": Excel refuses a sheet named ${csvLog.tab}.`
        : ''),
  );
  return { analysis, report, tab: tab.name, summary };
}

/**
 * For callers that already hold an analysis (benchmarks): reads `files` again for the workbook,
 * adds its Roll-up and writes `outPath`.
 */
export async function writeRollup(
  files: string | readonly string[],
  outPath: string,
  analysis: Analysis,
  { now = new Date(), progress = SILENT_PROGRESS }: Partial<Pick<RunOptions, 'now' | 'progress'>> = {},
): Promise<RollupReport> {
  const list = typeof files === 'string' ? [files] : files;
  await assertSeparateOutput(list, outPath);
  const input = await readInput(list, progress);
  try {
    const report = buildRollupReport(analysis, now.toISOString());
    await saveWithRollup(input, report, outPath, { now, progress });
    return report;
  } finally {
    await input.close();
  }
}

/**
 * The input's package (or a new one for CSV) with the report in our report tab, written to `outPath`
 * through a temporary file: the input's other parts are copied byte for byte. Returns where it went.
 */
async function saveWithRollup(
  input: Input,
  report: RollupReport,
  outPath: string,
  { now, progress, log = null }: { now: Date; progress: Progress; log?: CsvLog | null },
): Promise<TabChoice> {
  const plan = await writeAtomically(
    outPath,
    async (temporary) => {
      const handle = await open(temporary, 'r+');
      try {
        return input.pkg
          ? await writeXlsxWithRollup(input.pkg, report, handle, { now, progress, reports: input.reports })
          : await writeCsvWithRollup(input.tabs, report, handle, { now, progress, log });
      } finally {
        await handle.close();
      }
    },
    progress,
  );
  progress.finish();
  return plan.tab;
}
