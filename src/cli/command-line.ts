// The command line's grammar: commands, flags and the help text, parsed with node:util parseArgs.
import { parseArgs } from 'node:util';
import { parseDay, parsePeriod } from '../core/period';
import { CliError } from './errors';

/** What check and rollup share: the day status is judged at, how text numbers read, progress. */
interface RunFlags {
  files: string[];
  today: number | null;
  /** The decimal separator of numbers typed as text; null = what the files suggest (a comma for semicolon CSVs). */
  decimalSeparator: '.' | ',' | null;
  progress: boolean;
  /** --time-zone: the IANA zone dates and today are read in; null = this process's zone. */
  timeZone: string | null;
}

export type CommandLine =
  | { command: 'help' }
  | ({ command: 'check'; json: boolean } & RunFlags)
  | ({ command: 'rollup' | 'check-in'; output: string; force: boolean } & RunFlags)
  | ({ command: 'freeze'; output: string; force: boolean; period: string; by: string | null } & RunFlags);

export const HELP = `mbo-cascade: check MBO goal workbooks and roll them up, offline.

Usage:
  mbo-cascade check BOOK.xlsx [--json] [OPTIONS]
  mbo-cascade check TAB.csv [TAB.csv...] [--json] [OPTIONS]
  mbo-cascade rollup BOOK.xlsx -o OUT.xlsx [--force] [OPTIONS]
  mbo-cascade rollup TAB.csv [TAB.csv...] -o OUT.xlsx [--force] [OPTIONS]
  mbo-cascade check-in BOOK.xlsx -o OUT.xlsx [--force] [OPTIONS]
  mbo-cascade check-in TAB.csv [TAB.csv...] -o Check-ins.csv [--force] [OPTIONS]
  mbo-cascade freeze BOOK.xlsx --period PERIOD -o OUT.xlsx [--by NAME] [--force]
                     [OPTIONS]
  mbo-cascade freeze TAB.csv [TAB.csv...] --period PERIOD
                     -o "Frozen payouts.csv" [--by NAME] [--force] [OPTIONS]

Commands:
  check    Lists every issue: severity, cell (Tab!K3), goal ID and what to do.
           Exits 1 when any issue is an error.
  rollup   Writes a copy of the workbook with the Roll-up tab added (replaced if
           present): the same cells as the add-on's Roll up. The input is never
           written to. With a Check-ins tab, each goal's last check-in and
           30-day change; check validates that tab too. From CSV files, an
           old History.csv log becomes the tab Check-ins.
  check-in Writes a copy of the workbook with today's check-in of every goal
           (Date, ID, Actual, Measured, Final, Status, Confidence, Note)
           added to its Check-ins tab; the same day again replaces that day's
           rows. Only a Check-ins tab the command line or the add-on wrote is
           written to; a tab of yours of that name is left alone (the log goes
           to Check-ins (2)), and an old log named History is renamed
           Check-ins (Excel refuses a sheet named History). From CSV files it
           writes the whole log as one CSV file: give it with the others next
           time (Check-ins.csv is the tab Check-ins).
  freeze   Writes a copy of the workbook with the period's scorecards
           appended to its Frozen payouts tab (made if missing), as the
           add-on's Freeze period does: Period, Owner, Score, Payout, Payout
           amount, Currency, Input hash, Frozen at (UTC) and Frozen by. From
           then on check warns (frozen-period-changed) when a frozen
           scorecard changes. Freezing a period again appends new rows, which
           check compares with from then on. The log is the tab whose first
           row is its headers; a tab of yours named Frozen payouts is left
           alone (the log goes to Frozen payouts (2)). From CSV files it
           writes the whole log as one CSV file: give it with the goals'
           files next time. Exits 1 when no scorecard is for the period.

Options:
  --json               check: print one JSON document: files, today, goalTabs,
                       goals, counts and issues (code, severity, tab, row, col,
                       column, goalId, cell, message).
  --today YYYY-MM-DD   judge status on this day instead of today (check-in:
                       the day recorded).
  --time-zone ZONE     read dates, and today, in this IANA zone (Europe/Berlin)
                       instead of this computer's; the Roll-up's note and
                       the times of freezes in messages are in this zone too.
  --decimal-comma      numbers typed as text use a decimal comma (1.234,5).
                       The default for CSV files separated by semicolons.
  --locale TAG         numbers typed as text follow this locale's decimal
                       mark: --locale de-DE reads 1.234,5, en-US 1,234.5.
  --period PERIOD      freeze: the period to freeze, written as in the Period
                       column (FY2026, H1 2026, 2026-H1, Q3 2026, Mar 2026).
  --by NAME            freeze: who froze it, for Frozen by; default: this
                       computer's user name (the add-on writes the Google
                       account's e-mail address).
  -o, --output FILE    rollup, check-in, freeze: the .xlsx to write (check-in
                       and freeze from CSV files: the .csv); must not be the
                       input, and must not exist unless --force is given.
  --force              rollup, check-in, freeze: replace the output file if it
                       exists.
  --progress           show progress on stderr even when it is not a terminal.
  -h, --help           show this help.

Input:
  .xlsx   Every tab is read as the add-on reads it: formulas by their saved
          values, rich text and links as text, dates on their calendar day.
          The Roll-up and _mbo_ tabs are skipped. Sheets are streamed: a
          workbook at Sheets' ceiling (650,000 goal rows) fits in memory.
          An .xlsm is read the same way.
  .csv    One file per tab, named after the file (Goals.csv is the tab Goals),
          or one file with a Tab column naming each row's tab (rows keep their
          row numbers). Comma, semicolon or tab separated; UTF-8, or UTF-16
          with its byte-order mark; other bytes are read as Windows-1252 and
          a note says so. Numbers stay text and are read as the add-on reads
          typed text (1,200  $1.2M  12%), with a decimal comma (1.234,5) when
          every file is separated by semicolons.

Output of rollup:
  The input's file with one tab added: every other part is copied byte for
  byte (tabs, styles, formulas, charts, pivot tables, macros), and the
  workbook's tab list, relationships, content types and styles only gain the
  Roll-up's entries. A Roll-up written by mbo-cascade (marked by the defined
  name mbo_cascade_report) is replaced in its place; a tab of yours named
  Roll-up is kept, and the report goes to Roll-up (2) with a note.
  The Roll-up has the add-on's cells, percent formats, bold headers, frozen
  rows and status colours; its treemap is not drawn (its data is there, right
  of the goals). From CSV files, a new workbook: the CSV tabs as text, then
  the Roll-up. A workbook with macros must be written to an .xlsm.

Exit codes: 0 done; 1 check found errors, the workbook has no goal tab, or
freeze found no scorecard for the period; 2 the command could not run
(usage, or an input that cannot be read).
`;

export function usageError(message: string): CliError {
  return new CliError(`${message}\nRun mbo-cascade --help for usage.`);
}

export function parseCommandLine(argv: readonly string[]): CommandLine {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(argv);
  } catch (error) {
    throw usageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...files] = positionals;
  if (values.help || command === 'help') return { command: 'help' };
  if (command === undefined) throw usageError('Name a command: check, rollup, check-in or freeze.');
  if (command !== 'check' && command !== 'rollup' && command !== 'check-in' && command !== 'freeze')
    throw usageError(`Unknown command "${command}": use check, rollup, check-in or freeze.`);
  const today = values.today === undefined ? null : dayOf(values.today);
  const progress = values.progress ?? false;
  if (files.length === 0) throw usageError(`Name the workbook to ${command}: an .xlsx file or .csv files.`);
  const timeZone = values['time-zone'] === undefined ? null : zoneOf(values['time-zone']);
  const run: RunFlags = { files, today, decimalSeparator: decimalSeparatorOf(values), progress, timeZone };
  if (command === 'check') {
    if (values.output !== undefined)
      throw usageError('check writes nothing: -o is for rollup, check-in and freeze.');
    if (values.force) throw usageError('check writes nothing: --force is for rollup, check-in and freeze.');
    for (const flag of ['period', 'by'] as const)
      if (values[flag] !== undefined) throw usageError(`--${flag} is for freeze.`);
    return { command, json: values.json ?? false, ...run };
  }
  if (values.json) throw usageError('--json is for check.');
  if (command !== 'freeze') {
    for (const flag of ['period', 'by'] as const)
      if (values[flag] !== undefined) throw usageError(`--${flag} is for freeze.`);
  }
  if (values.output === undefined)
    throw usageError(`${command} needs -o OUT.xlsx: the input is never written to.`);
  const written = { output: values.output, force: values.force ?? false, ...run };
  if (command !== 'freeze') return { command, ...written };
  return { command, ...written, period: periodOf(values.period), by: values.by ?? null };
}

function parseFlags(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean' },
      today: { type: 'string' },
      'time-zone': { type: 'string' },
      'decimal-comma': { type: 'boolean' },
      locale: { type: 'string' },
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
      period: { type: 'string' },
      by: { type: 'string' },
      progress: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function dayOf(text: string): number {
  const day = parseDay(text);
  if (day === null) throw usageError(`--today needs a date like 2026-06-30, not "${text}".`);
  return day;
}

/** --period as the period's label (`2026-H1` -> `H1 2026`): required, and a period, before any file is read. */
function periodOf(text: string | undefined): string {
  if (text === undefined || text.trim() === '')
    throw usageError('freeze needs --period: the period to freeze, like FY2026, H1 2026 or Q3 2026.');
  const period = parsePeriod(text);
  if (period === null)
    throw usageError(`--period needs a period like FY2026, H1 2026, Q3 2026 or Mar 2026, not "${text}".`);
  return period.label;
}

/** An IANA time zone this Node knows, as it names it. */
function zoneOf(text: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    throw usageError(`--time-zone needs an IANA zone like Europe/Berlin or UTC, not "${text}".`);
  }
}

/** --decimal-comma, or the decimal mark of --locale's numbers; null when neither is given. */
function decimalSeparatorOf(values: { 'decimal-comma'?: boolean; locale?: string }): '.' | ',' | null {
  if (values.locale === undefined) return values['decimal-comma'] ? ',' : null;
  if (values['decimal-comma']) throw usageError('Give --decimal-comma or --locale, not both.');
  return localeDecimalSeparator(values.locale);
}

/** The decimal mark a locale writes numbers with: `de-DE` (or `de_DE`, as Sheets names it) -> `,`, `en-US` -> `.`. */
export function localeDecimalSeparator(tag: string): '.' | ',' {
  let supported: string[];
  try {
    supported = Intl.NumberFormat.supportedLocalesOf(tag.replace(/_/g, '-'));
  } catch {
    throw usageError(`--locale needs a language tag like de-DE or en-US, not "${tag}".`);
  }
  if (supported.length === 0) throw usageError(`--locale ${tag} is not a locale this Node knows.`);
  const decimal = new Intl.NumberFormat(supported[0])
    .formatToParts(1.5)
    .find((part) => part.type === 'decimal');
  // Locales with another mark (the Arabic decimal separator) write it rarely in spreadsheets: a dot is what is typed.
  return decimal?.value === ',' ? ',' : '.';
}
