// Which tab holds the check-in log: ours by mark, or by our header under our name (or the old name History); never a tab of the user's.
import { cellText, isBlank, normalizeHeader } from './cells';
import { HISTORY_HEADERS } from './history';
import { type Issue, issueAt, NOWHERE } from './issues';
import type { Grid } from './model';

/** The check-in log's name. Not `History`: Excel reserves that sheet name and refuses (or renames) a sheet so named. */
export const CHECK_INS_TAB = 'Check-ins';
/** What the log was called before: still read (and renamed when written) where it holds our header. */
export const LEGACY_CHECK_INS_TAB = 'History';

/**
 * The defined name (a named range in Sheets) the command line puts on the log it writes into an .xlsx, as it marks
 * its report (src/cli/report-mark.ts says why a name): the add-on reads it as a mark too.
 */
export const CHECK_INS_RANGE_NAME = 'mbo_cascade_check_ins';

/** How many rows from the top may hold the log's header row, as readHistory looks. */
const HEADER_ROWS = 10;

const OUR_HEADER = HISTORY_HEADERS.map((h) => normalizeHeader(h));

/**
 * True when a tab's first non-blank row (among the top 10) begins with the log's header exactly as Record check-in
 * writes it (Date, ID, Actual, Measured, Final, Status, Confidence, Note; any case, columns after it allowed): a
 * tab we wrote, even where the mark that says so is lost (an .xlsx or CSV download drops developer metadata).
 */
export function hasCheckInHeader(grid: Grid): boolean {
  const limit = Math.min(grid.length, HEADER_ROWS);
  for (let r = 0; r < limit; r++) {
    const cells = grid[r] ?? [];
    if (cells.every((v) => isBlank(v))) continue;
    return OUR_HEADER.every((h, c) => normalizeHeader(cellText(cells[c])) === h);
  }
  return false;
}

/** A tab as the chooser sees it. */
export interface LogCandidate {
  name: string;
  /** Marked as the add-on's (or the command line's) check-in log. */
  marked: boolean;
  /** Its top rows (at least the first 10), to see whether it holds our header; may be empty for marked tabs. */
  top: Grid;
}

export interface LogChoice {
  /** The tab to read check-ins from; null when the workbook has no log yet. */
  read: string | null;
  /** The tab a check-in goes to: `read`, or a new tab's name. */
  write: string;
  /** True when `write` is a new tab to make. */
  create: boolean;
  /** True when the tab written must be marked as ours (a new tab, or one that is ours by its header only). */
  mark: boolean;
  /** The name the log takes when it is written: `Check-ins` for an old `History` log; null to keep its name. */
  renameTo: string | null;
  /** '' unless something should be said: a tab of the user's left alone, or an old History log read. */
  note: string;
}

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.toLowerCase();

/** `Check-ins`, `Check-ins (2)`, ...: the names the log may take, its number (1 for the bare name) or null. */
function logNumber(name: string): number | null {
  const m = /^check-ins(?: \((\d+)\))?$/.exec(name.trim().toLowerCase());
  return m === null ? null : m[1] === undefined ? 1 : Number(m[1]);
}

/** The first of `Check-ins`, `Check-ins (2)`, ... that no tab holds. */
function freeLogName(tabs: readonly LogCandidate[]): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? CHECK_INS_TAB : `${CHECK_INS_TAB} (${n})`;
    if (!tabs.some((t) => sameName(t.name, name))) return name;
  }
}

/**
 * Where check-ins are read from and written to. In order:
 * 1. a tab marked as our log (the one named Check-ins when several are), whatever it is called now;
 * 2. an unmarked tab under the log's name (`Check-ins`, `Check-ins (2)`, ...) whose header is ours, the lowest
 *    number first: it is marked when written;
 * 3. an unmarked `History` tab whose header is ours (made before the log was renamed): read as it is, renamed to
 *    the first free log name and marked when written;
 * 4. otherwise a new tab, `Check-ins` or, when a tab of the user's holds that name, `Check-ins (2)`, ...
 * A tab that is neither marked nor in our header format is never read as the log nor written to.
 */
export function chooseCheckInTab(tabs: readonly LogCandidate[]): LogChoice {
  const marked = tabs.filter((t) => t.marked);
  if (marked.length > 0) {
    const tab = marked.find((t) => sameName(t.name, CHECK_INS_TAB)) ?? marked[0];
    return { read: tab.name, write: tab.name, create: false, mark: false, renameTo: null, note: '' };
  }
  const byHeader = tabs
    .filter((t) => logNumber(t.name) !== null && hasCheckInHeader(t.top))
    .sort((a, b) => logNumber(a.name)! - logNumber(b.name)!);
  if (byHeader.length > 0) {
    const tab = byHeader[0];
    return { read: tab.name, write: tab.name, create: false, mark: true, renameTo: null, note: '' };
  }
  const legacy = tabs.find((t) => sameName(t.name, LEGACY_CHECK_INS_TAB) && hasCheckInHeader(t.top));
  const free = freeLogName(tabs);
  if (legacy !== undefined) {
    return {
      read: legacy.name,
      write: legacy.name,
      create: false,
      mark: true,
      renameTo: free,
      note: `Your check-ins are in the tab "${legacy.name}", a name Excel refuses: the next check-in renames it to "${free}".`,
    };
  }
  const held = tabs.find((t) => sameName(t.name, CHECK_INS_TAB));
  return {
    read: null,
    write: free,
    create: true,
    mark: true,
    renameTo: null,
    note:
      held === undefined
        ? ''
        : `Your tab "${held.name}" is not a check-in log and is left alone: check-ins go to "${free}".`,
  };
}

/** True for a name the log may go by (`Check-ins`, `Check-ins (2)`, `History`): worth a look at its top rows. */
export function mayBeCheckInTab(name: string): boolean {
  return logNumber(name) !== null || sameName(name, LEGACY_CHECK_INS_TAB);
}

/** The tab check-ins are read from, or the one a first check-in makes. */
export const logName = (choice: LogChoice): string => choice.read ?? choice.write;

/** An old History log is read and will be renamed: a note where Check lists issues; null otherwise. */
export function legacyLogIssue(choice: LogChoice): Issue | null {
  if (choice.renameTo === null || choice.read === null) return null;
  return issueAt(
    { ...NOWHERE, tab: choice.read },
    { code: 'legacy-check-in-tab', renameTo: choice.renameTo },
  );
}
