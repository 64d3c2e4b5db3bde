// The Roster tab: each person's manager, employment dates, annual target bonus and currency, for payouts in money.

import { UTC } from './calendar';
import { cellText, isBlank, isDate, normalizeHeader, parseNumber } from './cells';
import { type Issue, type IssueDetail, issueAt } from './issues';
import type { CellValue, Grid } from './model';
import { dayOfDate, parseDay } from './period';

/** One person on the Roster. Days are UTC day numbers; end is the last day employed (inclusive). */
export interface RosterEntry {
  owner: string;
  manager: string;
  start: number | null;
  end: number | null;
  /** The annual target bonus, in `currency`. */
  targetBonus: number | null;
  /** Upper-cased as written (`USD`, `EUR`, `$`); '' when blank. */
  currency: string;
  /** 1-based row on the Roster tab. */
  row: number;
  /** True when a date or the target bonus is unreadable: no amount is computed for this person. */
  blocked: boolean;
}

export interface Roster {
  tab: string;
  entries: RosterEntry[];
  /** The entry of an owner, compared trimmed and case-insensitively (the first row for a name listed twice). */
  entry(owner: string): RosterEntry | null;
}

type RosterField = 'owner' | 'manager' | 'start' | 'end' | 'targetBonus' | 'currency';

/** The Roster's columns as people head them, as normalizeHeader writes them. */
const ROSTER_HEADERS: Readonly<Record<RosterField, readonly string[]>> = {
  owner: ['Owner', 'Employee', 'Person', 'Name', 'Full name', 'Employee name', 'Owner email', 'Email'],
  manager: ['Manager', 'Reports to', 'Line manager', 'Manager name', 'Manager email', 'Supervisor'],
  start: ['Start', 'Start date', 'Hire date', 'Joined', 'Join date'],
  end: ['End', 'End date', 'Leave date', 'Left', 'Termination date', 'Last day'],
  targetBonus: [
    'Target bonus',
    'Bonus target',
    'Target incentive',
    'On-target bonus',
    'Bonus',
    'Annual target bonus',
  ],
  currency: ['Currency', 'Ccy', 'Currency code'],
};

/** The label of each column, for issue places. */
const LABELS: Readonly<Record<RosterField, string>> = {
  owner: 'Owner',
  manager: 'Manager',
  start: 'Start',
  end: 'End',
  targetBonus: 'Target bonus',
  currency: 'Currency',
};

const FIELD_OF: ReadonlyMap<string, RosterField> = new Map(
  (Object.keys(ROSTER_HEADERS) as RosterField[]).flatMap((field) =>
    ROSTER_HEADERS[field].map((name): [string, RosterField] => [normalizeHeader(name), field]),
  ),
);

const HEADER_ROWS = 10;

/** True for the tab that holds the Roster: `Roster`, any case. */
export function isRosterTab(name: string): boolean {
  return name.trim().toLowerCase() === 'roster';
}

/**
 * The people of a Roster tab: its header is the first of its first 10 rows with an Owner column. A blank Start or
 * End means employed from the period's start or to its end. An unreadable date, an End before the Start or an
 * unreadable target bonus is a warning on its cell and blocks that person's amount (never a silent full payout);
 * a bonus with no currency is a warning; a name listed again is a warning, and its first row counts.
 */
export function readRoster(
  tab: string,
  grid: Grid,
  decimalSeparator: '.' | ',' = '.',
  timeZone: string = UTC,
): { roster: Roster | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const found = headerOf(grid);
  if (found === null) {
    issues.push(issueAt({ tab, row: 0, col: 0, column: '', goalId: '' }, { code: 'roster-no-owner' }));
    return { roster: null, issues };
  }
  const { row: headerRow, columns } = found;
  const entries: RosterEntry[] = [];
  const byKey = new Map<string, RosterEntry>();
  for (let r = headerRow + 1; r < grid.length; r++) {
    const cells = grid[r];
    const at = (field: RosterField): CellValue =>
      columns[field] === undefined ? undefined : cells[columns[field]!];
    const owner = cellText(at('owner'));
    if (owner === '') continue;
    const row = r + 1;
    let blocked = false;
    const report = (field: RosterField, detail: IssueDetail): void => {
      const col = columns[field] ?? -1;
      issues.push(
        issueAt({ tab, row, col: col + 1, column: col < 0 ? '' : LABELS[field], goalId: '' }, detail),
      );
    };
    const date = (field: 'start' | 'end'): number | null => {
      const day = rosterDay(at(field), timeZone);
      if (!Number.isNaN(day)) return day;
      blocked = true;
      report(field, { code: 'bad-date', text: cellText(at(field), timeZone), why: 'unreadable' });
      return null;
    };
    const start = date('start');
    const end = date('end');
    if (start !== null && end !== null && end < start) {
      blocked = true;
      report('end', { code: 'bad-date', text: cellText(at('end'), timeZone), why: 'before-start' });
    }
    let targetBonus = parseNumber(at('targetBonus'), decimalSeparator);
    if (targetBonus !== null && Number.isNaN(targetBonus)) {
      blocked = true;
      report('targetBonus', { code: 'not-a-number', text: cellText(at('targetBonus')) });
      targetBonus = null;
    }
    const currency = cellText(at('currency')).toUpperCase();
    if (targetBonus !== null && currency === '')
      report('currency', { code: 'missing-currency', person: owner });

    const entry: RosterEntry = {
      owner,
      manager: cellText(at('manager')),
      start,
      end,
      targetBonus,
      currency,
      row,
      blocked,
    };
    const key = owner.toLowerCase();
    const first = byKey.get(key);
    if (first !== undefined) {
      report('owner', { code: 'roster-duplicate', person: owner, otherRow: first.row });
      continue;
    }
    byKey.set(key, entry);
    entries.push(entry);
  }
  return {
    roster: { tab, entries, entry: (owner) => byKey.get(owner.trim().toLowerCase()) ?? null },
    issues,
  };
}

/** The header row: the first of the first rows with an Owner column, and where each column is. */
function headerOf(grid: Grid): { row: number; columns: Partial<Record<RosterField, number>> } | null {
  for (let r = 0; r < Math.min(HEADER_ROWS, grid.length); r++) {
    const columns: Partial<Record<RosterField, number>> = {};
    grid[r].forEach((v, c) => {
      if (typeof v !== 'string') return;
      const field = FIELD_OF.get(normalizeHeader(v));
      if (field !== undefined && columns[field] === undefined) columns[field] = c;
    });
    if (columns.owner !== undefined) return { row: r, columns };
  }
  return null;
}

/**
 * A date cell as a day number: a Date (the day it shows in the spreadsheet's zone), or ISO text `2026-03-01`; null
 * when blank; NaN when unreadable.
 */
function rosterDay(v: CellValue, timeZone: string): number | null {
  if (isBlank(v)) return null;
  if (isDate(v)) return Number.isNaN(v.getTime()) ? Number.NaN : dayOfDate(v, timeZone);
  return typeof v === 'string' ? (parseDay(v) ?? Number.NaN) : Number.NaN;
}
