// The command line's grammar: commands, flags and the help text, parsed with node:util parseArgs.
import { parseArgs } from 'node:util';
import { parseDay } from '../core/period';
import { CliError } from './errors';

export type CommandLine =
  | { command: 'help' }
  | { command: 'check'; files: string[]; json: boolean; today: number | null; progress: boolean }
  | { command: 'rollup'; files: string[]; output: string; today: number | null; progress: boolean };

export const HELP = `mbo-cascade: check MBO goal workbooks and roll them up, offline.

Usage:
  mbo-cascade check BOOK.xlsx [--json] [--today YYYY-MM-DD] [--progress]
  mbo-cascade check TAB.csv [TAB.csv...] [--json] [--today YYYY-MM-DD] [--progress]
  mbo-cascade rollup BOOK.xlsx -o OUT.xlsx [--today YYYY-MM-DD] [--progress]
  mbo-cascade rollup TAB.csv [TAB.csv...] -o OUT.xlsx [--today YYYY-MM-DD] [--progress]

Commands:
  check    Lists every issue: severity, cell (Tab!K3), goal ID and what to do.
           Exits 1 when any issue is an error.
  rollup   Writes a copy of the workbook with the Roll-up tab added (replaced if
           present): the same cells as the add-on's Roll up. The input is never
           written to.

Options:
  --json               check: print one JSON document: files, today, goalTabs,
                       goals, counts and issues (code, severity, tab, row, col,
                       column, goalId, cell, message).
  --today YYYY-MM-DD   judge status on this day instead of today.
  -o, --output FILE    rollup: the .xlsx to write; must not be the input.
  --progress           show progress on stderr even when it is not a terminal.
  -h, --help           show this help.

Input:
  .xlsx   Every tab is read as the add-on reads it: formulas by their saved
          values, rich text and links as text. The Roll-up and _mbo_ tabs are skipped.
  .csv    One file per tab, named after the file (Goals.csv is the tab Goals),
          or one file with a Tab column naming each row's tab (rows keep their
          row numbers). UTF-8; comma, semicolon or tab separated. Numbers stay
          text and are read as the add-on reads typed text (1,200  $1.2M  12%).

Output of rollup:
  The workbook's own tabs, styles, number formats and formulas are kept as
  exceljs round-trips them (it drops charts and pivot tables). The Roll-up has
  the add-on's cells, percent formats, bold headers, frozen rows and status
  colours; its treemap is not drawn (its data is there, right of the goals).

Exit codes: 0 done; 1 check found errors, or the workbook has no goal tab;
2 the command could not run (usage, or an input that cannot be read).
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
  if (command === undefined) throw usageError('Name a command: check or rollup.');
  const today = values.today === undefined ? null : dayOf(values.today);
  const progress = values.progress ?? false;
  if (files.length === 0) throw usageError(`Name the workbook to ${command}: an .xlsx file or .csv files.`);
  if (command === 'check') {
    if (values.output !== undefined) throw usageError('check writes nothing: -o is for rollup.');
    return { command, files, json: values.json ?? false, today, progress };
  }
  if (command === 'rollup') {
    if (values.json) throw usageError('--json is for check.');
    if (values.output === undefined)
      throw usageError('rollup needs -o OUT.xlsx: the input is never written to.');
    return { command, files, output: values.output, today, progress };
  }
  throw usageError(`Unknown command "${command}": use check or rollup.`);
}

function parseFlags(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean' },
      today: { type: 'string' },
      output: { type: 'string', short: 'o' },
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
