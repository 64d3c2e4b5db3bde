// Which tab the Roll-up report goes to: its usual name unless a tab we did not create holds it. Shared by the add-on and the command line.
import { GOAL_HEADERS, REPORT_NOTE_START } from './rollup-table';

/** The name the report takes when no tab of the user's holds it. */
export const REPORT_TAB = 'Roll-up';

/**
 * The defined name (a named range in Sheets) the command line puts on the report sheet it writes
 * into an .xlsx: the file's mark of which sheet is ours (src/cli/report-mark.ts says why a name).
 * Sheets keeps it as a named range when the file is opened there, so the add-on knows that sheet too.
 */
export const REPORT_RANGE_NAME = 'mbo_cascade_report';

/** A tab as the chooser sees it: its name, and whether the add-on (or the command line) made it. */
export interface TabOwnership {
  name: string;
  ours: boolean;
}

export interface TabChoice {
  /** The tab to write. */
  name: string;
  /** True when `name` is a tab of ours, to be replaced; false when no tab has that name yet. */
  replacesOurs: boolean;
  /** '' unless a tab we did not create holds the usual name: then it says so and where the report went. */
  note: string;
}

/** The n-th name the report may take: `Roll-up`, then `Roll-up (2)`, `Roll-up (3)`, ... */
export function numberedName(base: string, n: number): string {
  return n === 1 ? base : `${base} (${n})`;
}

/**
 * Where to write a tab of ours among `tabs` (names compare case-insensitively, as Sheets and Excel
 * compare them). Of the names `base`, `base (2)`, `base (3)`, ..., the first that a tab of ours holds
 * is replaced, so the report stays where it went last time; without one, the first name no tab
 * holds is taken. A tab we did not create is never chosen; a tab of ours renamed to anything else
 * is the user's to keep.
 */
export function chooseTab(tabs: readonly TabOwnership[], base: string = REPORT_TAB): TabChoice {
  // Sheets and Excel refuse two tabs whose names differ only in case.
  const holders = new Map(tabs.map((tab) => [tab.name.toLowerCase(), tab]));
  let choice = { name: '', replacesOurs: false };
  // tabs.length + 1 names: at least one of them is free.
  for (let n = 1; n <= tabs.length + 1; n++) {
    const name = numberedName(base, n);
    const holder = holders.get(name.toLowerCase());
    if (holder?.ours) {
      choice = { name: holder.name, replacesOurs: true };
      break;
    }
    if (!holder && !choice.name) choice.name = name;
  }
  const theirs = holders.get(base.toLowerCase())?.ours === false;
  return {
    ...choice,
    note: theirs ? `Your tab "${base}" is left alone: the report is in "${choice.name}".` : '',
  };
}

/**
 * True for a grid that is one of our reports: its note in A1 and the goal headers on row 3. The
 * command line uses it for reports that carry no mark (written before reports were marked, or saved
 * from Sheets, whose .xlsx and CSV downloads drop developer metadata).
 */
export function looksLikeReport(grid: readonly (readonly unknown[])[]): boolean {
  const note = grid[0]?.[0];
  const headers = grid[2];
  return (
    typeof note === 'string' &&
    note.startsWith(REPORT_NOTE_START) &&
    headers !== undefined &&
    GOAL_HEADERS.every((header, i) => headers[i] === header)
  );
}
