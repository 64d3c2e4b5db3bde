// The History tab: dated check-ins of every goal, read and validated like a goal tab, written a day at a time, compacted, and read back as trends.
import { cellText, isBlank, isDate, normalizeHeader, parseNumber } from './cells';
import { FIELDS } from './fields';
import { idKey } from './graph';
import { goalPlace, type Issue, type IssueDetail, issueAt } from './issues';
import type { CascadeResults, CellValue, Goal, Grid, Status } from './model';
import { STATUSES } from './model';
import { dayOfDate, parseDay } from './period';

/** The columns of the History tab. */
export type HistoryColumn =
  | 'date'
  | 'id'
  | 'actual'
  | 'measured'
  | 'final'
  | 'status'
  | 'confidence'
  | 'note';

/** Each column's header as Record check-in writes it, and the names a hand-made header may use instead. */
const COLUMNS: { readonly [C in HistoryColumn]: readonly [label: string, headers: readonly string[]] } = {
  date: ['Date', ['Date', 'Day', 'Check-in date', 'Check-in', 'Checked in', 'As of']],
  id: ['ID', FIELDS.id.headers],
  actual: ['Actual', FIELDS.actual.headers],
  measured: ['Measured', ['Measured', 'Measured attainment']],
  final: ['Final', ['Final', 'Final attainment', 'Attainment']],
  status: ['Status', ['Status']],
  confidence: ['Confidence', FIELDS.confidence.headers],
  note: ['Note', FIELDS.note.headers],
};

const COLUMN_NAMES = Object.keys(COLUMNS) as HistoryColumn[];

/** The History tab's header row, as Record check-in writes it. */
export const HISTORY_HEADERS: readonly string[] = COLUMN_NAMES.map((c) => COLUMNS[c][0]);

const COLUMN_BY_HEADER: ReadonlyMap<string, HistoryColumn> = new Map(
  COLUMN_NAMES.flatMap((c) => COLUMNS[c][1].map((h): [string, HistoryColumn] => [normalizeHeader(h), c])),
);

/** How many rows from the top may hold the header row, as on goal tabs. */
const HEADER_SEARCH_ROWS = 10;

/** One goal's figures on one day. */
export interface CheckIn {
  /** UTC day number (days since 1970-01-01). */
  day: number;
  /** The ID as written, trimmed. */
  id: string;
  actual: number | null;
  measured: number | null;
  final: number | null;
  /** '' when blank or unreadable. */
  status: Status | '';
  /** 0 to 10. */
  confidence: number | null;
  note: string;
}

/** Where the History tab's header is: its 0-based row and each column it has, 0-based. */
export interface HistoryHeader {
  row: number;
  columns: Partial<Record<HistoryColumn, number>>;
  /** The headers as written, trimmed. */
  headers: string[];
}

export interface HistoryRead {
  tab: string;
  /** Every readable check-in, in sheet order; of two on the same day for the same goal, only the lower row's. */
  checkIns: CheckIn[];
  /** The 0-based grid row of each check-in. */
  rows: number[];
  /** Problems in the tab's cells: like a goal tab's, each with its cell and what to fix. */
  issues: Issue[];
  /** null when the tab has no header row with Date and ID (a `history-no-header` issue). */
  header: HistoryHeader | null;
  /** Each goal's check-ins: its ID, as IDs compare everywhere, to its positions in checkIns, oldest day first. */
  byGoal: Map<string, number[]>;
}

/** A UTC day number as an ISO day, `2026-03-31`. */
export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

/** The header row: the first of the top rows that has a Date and an ID column. */
function findHistoryHeader(grid: Grid): HistoryHeader | null {
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let row = 0; row < limit; row++) {
    const headers = Array.from(grid[row] ?? [], (v) => cellText(v));
    const columns: Partial<Record<HistoryColumn, number>> = {};
    headers.forEach((h, c) => {
      const column = h === '' ? undefined : COLUMN_BY_HEADER.get(normalizeHeader(h));
      if (column !== undefined && columns[column] === undefined) columns[column] = c;
    });
    if (columns.date !== undefined && columns.id !== undefined) return { row, columns, headers };
  }
  return null;
}

const STATUS_WORDS: ReadonlyMap<string, Status> = new Map(
  STATUSES.map((s): [string, Status] => [normalizeHeader(s), s]),
);

/**
 * The check-ins of a History tab, validated like a goal tab: a row without a readable date or an ID is left out
 * (an error at its cell); an unreadable number is left blank (an error); a confidence outside 0-10 and an unknown
 * status are warnings. Two rows for the same goal on the same day: the lower one counts, the upper one is a
 * warning. Dates may be ISO text (as Record check-in writes them) or date cells. Never throws on cell content.
 */
export function readHistory(grid: Grid, tab: string, decimalSeparator: '.' | ',' = '.'): HistoryRead {
  const issues: Issue[] = [];
  const header = findHistoryHeader(grid);
  if (header === null) {
    const hasData = grid.some((cells) => cells.some((v) => !isBlank(v)));
    if (hasData)
      issues.push(issueAt({ tab, row: 0, col: 0, column: '', goalId: '' }, { code: 'history-no-header' }));
    return { tab, checkIns: [], rows: [], issues, header, byGoal: new Map() };
  }
  const { columns, headers } = header;
  const col = (column: HistoryColumn): number => columns[column] ?? -1;
  const [dateCol, idCol, actualCol, measuredCol, finalCol, statusCol, confidenceCol, noteCol] =
    COLUMN_NAMES.map(col);
  const used = Object.values(columns) as number[];
  const report = (r: number, c: number, goalId: string, detail: IssueDetail): void => {
    issues.push(issueAt({ tab, row: r + 1, col: c + 1, column: c < 0 ? '' : headers[c], goalId }, detail));
  };
  // Dates and statuses repeat on every goal's row of a check-in: each distinct text is read once.
  const days = new Map<string, number | null>();
  const statuses = new Map<string, Status | null>();
  const number = (cells: readonly CellValue[], c: number, r: number, id: string): number | null => {
    if (c < 0) return null;
    const v = cells[c];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    const n = parseNumber(v, decimalSeparator);
    if (n === null || !Number.isNaN(n)) return n;
    report(r, c, id, { code: 'not-a-number', text: cellText(v) });
    return null;
  };

  const checkIns: CheckIn[] = [];
  const rows: number[] = [];
  const keys: string[] = [];
  for (let r = header.row + 1; r < grid.length; r++) {
    const cells = grid[r];
    let blank = true;
    for (const c of used) {
      if (!isBlank(cells[c])) {
        blank = false;
        break;
      }
    }
    if (blank) continue;

    const id = cellText(cells[idCol]);
    if (id === '') {
      report(r, idCol, '', { code: 'missing-id' });
      continue;
    }
    const date = cells[dateCol];
    let day: number | null | undefined;
    if (typeof date === 'string') {
      day = days.get(date);
      if (day === undefined) days.set(date, (day = dayOf(date)));
    } else day = dayOf(date);
    if (day === null) {
      report(r, dateCol, id, { code: 'bad-check-in-date', text: cellText(date) });
      continue;
    }
    let confidence = number(cells, confidenceCol, r, id);
    if (confidence !== null && !(confidence >= 0 && confidence <= 10)) {
      report(r, confidenceCol, id, { code: 'bad-confidence', text: cellText(cells[confidenceCol]) });
      confidence = null;
    }
    const statusText = statusCol < 0 ? '' : cellText(cells[statusCol]);
    let status: Status | '' = '';
    if (statusText !== '') {
      let known = statuses.get(statusText);
      if (known === undefined)
        statuses.set(statusText, (known = STATUS_WORDS.get(normalizeHeader(statusText)) ?? null));
      if (known === null) report(r, statusCol, id, { code: 'bad-check-in-status', text: statusText });
      else status = known;
    }
    checkIns.push({
      day,
      id,
      actual: number(cells, actualCol, r, id),
      measured: number(cells, measuredCol, r, id),
      final: number(cells, finalCol, r, id),
      status,
      confidence,
      note: noteCol < 0 ? '' : cellText(cells[noteCol]),
    });
    rows.push(r);
    keys.push(idKey(id));
  }

  // Each goal's check-ins by day; of two on one day, the lower row counts and the upper one is a warning.
  const byGoal = new Map<string, number[]>();
  keys.forEach((key, k) => {
    const list = byGoal.get(key);
    if (list === undefined) byGoal.set(key, [k]);
    else list.push(k);
  });
  const dropped = new Set<number>();
  for (const list of byGoal.values()) {
    if (list.length > 1) list.sort((a, b) => checkIns[a].day - checkIns[b].day || a - b);
    for (let j = 1; j < list.length; j++) {
      const [upper, lower] = [list[j - 1], list[j]];
      if (checkIns[upper].day !== checkIns[lower].day) continue;
      dropped.add(upper);
      report(rows[upper], dateCol, checkIns[upper].id, {
        code: 'duplicate-check-in',
        day: isoDate(checkIns[upper].day),
        otherRow: rows[lower] + 1,
      });
    }
  }
  if (dropped.size === 0) return { tab, checkIns, rows, issues: sortByRow(issues), header, byGoal };
  // Positions move up past the dropped check-ins.
  const moved = new Int32Array(checkIns.length);
  let kept = 0;
  for (let k = 0; k < checkIns.length; k++) moved[k] = dropped.has(k) ? -1 : kept++;
  for (const [key, list] of byGoal)
    byGoal.set(
      key,
      list.filter((k) => moved[k] >= 0).map((k) => moved[k]),
    );
  const keep = (_: unknown, k: number): boolean => moved[k] >= 0;
  return {
    tab,
    checkIns: checkIns.filter(keep),
    rows: rows.filter(keep),
    issues: sortByRow(issues),
    header,
    byGoal,
  };
}

function sortByRow(issues: Issue[]): Issue[] {
  return issues
    .map((issue, seq) => ({ issue, seq }))
    .sort((a, b) => a.issue.row - b.issue.row || a.seq - b.seq)
    .map((x) => x.issue);
}

/** A check-in date: a date cell (its calendar day) or ISO text; null for anything else. */
function dayOf(v: CellValue): number | null {
  if (isDate(v)) return Number.isNaN(v.getTime()) ? null : dayOfDate(v);
  return typeof v === 'string' ? parseDay(v) : null;
}

/** What a check-in reads from the analysis: the goals and their results. */
export interface CheckInSource {
  goals: readonly Goal[];
  results: CascadeResults;
}

/**
 * Today's check-in: one per goal with an ID (the first of goals sharing one, as links name it), in workbook order,
 * with its Actual, measured, final attainment, status, Confidence and Note as they are now.
 */
export function checkInsOf(source: CheckInSource, day: number): CheckIn[] {
  const seen = new Set<string>();
  const out: CheckIn[] = [];
  for (const g of source.goals) {
    const key = idKey(g.id);
    if (g.id === '' || seen.has(key)) continue;
    seen.add(key);
    const r = source.results.at(g.index);
    out.push({
      day,
      id: g.id,
      actual: g.actual,
      measured: r.measured,
      final: r.final,
      status: r.status,
      confidence: g.confidence,
      note: g.note,
    });
  }
  return out;
}

/** The header Record check-in gives a new History tab: the columns in order from A. */
export const NEW_HISTORY_HEADER: HistoryHeader = {
  row: 0,
  columns: Object.fromEntries(COLUMN_NAMES.map((c, i) => [c, i])),
  headers: HISTORY_HEADERS.slice(),
};

/** A check-in as a row of cells under `header`, `width` cells wide: the date as ISO text, blanks for nulls. */
export function checkInCells(checkIn: CheckIn, header: HistoryHeader, width: number): CellValue[] {
  const cells: CellValue[] = new Array(width).fill('');
  const values: Record<HistoryColumn, CellValue> = {
    date: isoDate(checkIn.day),
    id: checkIn.id,
    actual: checkIn.actual ?? '',
    measured: checkIn.measured ?? '',
    final: checkIn.final ?? '',
    status: checkIn.status,
    confidence: checkIn.confidence ?? '',
    note: checkIn.note,
  };
  for (const column of COLUMN_NAMES) {
    const c = header.columns[column];
    if (c !== undefined && c < width) cells[c] = values[column];
  }
  return cells;
}

/** One batched write to the History tab: rows from `row` down, all in one block. */
export interface HistoryWrite {
  /** 1-based sheet row of the block's first row. */
  row: number;
  /** Kept rows as they were, the day's check-ins, then blank rows over what is left of the rows replaced. */
  values: CellValue[][];
  /** 1-based columns holding dates and IDs, to keep as plain text (so `2026-03-31` and `1.10` stay as written). */
  textColumns: number[];
  /** How many earlier check-ins of the same day the write replaces. */
  replaced: number;
}

/**
 * Where a day's check-ins go: after the last row, or, when the tab already has check-ins for that day, in place of
 * them (the rows below them move up, so the write starts at the first of them and stays one block). Blank rows
 * cover whatever the block no longer needs. `grid` is the tab as read (empty for a new tab); null when the tab
 * has content but no header row, which Record check-in refuses to guess at.
 */
export function planCheckIn(
  grid: Grid,
  read: HistoryRead,
  day: number,
  checkIns: readonly CheckIn[],
): HistoryWrite | null {
  const empty = grid.every((cells) => cells.every((v) => isBlank(v)));
  if (empty) {
    const width = HISTORY_HEADERS.length;
    return {
      row: 1,
      values: [HISTORY_HEADERS.slice(), ...checkIns.map((c) => checkInCells(c, NEW_HISTORY_HEADER, width))],
      textColumns: textColumns(NEW_HISTORY_HEADER),
      replaced: 0,
    };
  }
  const header = read.header;
  if (header === null) return null;
  // Every row dated that day goes: its check-ins, and rows the reader left out (a duplicate, a row without an ID).
  const dateCol = header.columns.date!;
  const sameDay = new Set<number>();
  let first = grid.length;
  let width = Math.max(HISTORY_HEADERS.length, grid[header.row].length);
  for (let r = header.row + 1; r < grid.length; r++) {
    width = Math.max(width, grid[r].length);
    if (dayOf(grid[r][dateCol]) !== day) continue;
    sameDay.add(r);
    if (r < first) first = r;
  }
  const values: CellValue[][] = [];
  for (let r = first; r < grid.length; r++) {
    if (sameDay.has(r)) continue;
    const cells = grid[r].slice();
    while (cells.length < width) cells.push('');
    // The date column is written as text: a date cell moved up becomes its ISO day.
    const date = cells[dateCol];
    if (isDate(date) && !Number.isNaN(date.getTime())) cells[dateCol] = isoDate(dayOfDate(date));
    values.push(cells);
  }
  for (const c of checkIns) values.push(checkInCells(c, header, width));
  while (values.length < grid.length - first) values.push(new Array(width).fill(''));
  return { row: first + 1, values, textColumns: textColumns(header), replaced: sameDay.size };
}

/** The 1-based columns of dates and IDs, kept as plain text in Sheets. */
export function textColumns(header: HistoryHeader): number[] {
  return [header.columns.date, header.columns.id].filter((c) => c !== undefined).map((c) => c! + 1);
}

/**
 * How History is compacted: check-ins of the last `weeks` weeks stay as they are; older ones within the last
 * `months` months keep the last check-in of each calendar month; older still, the last of each calendar quarter.
 */
export interface CompactionPolicy {
  weeks: number;
  months: number;
}

export const DEFAULT_COMPACTION: CompactionPolicy = { weeks: 13, months: 24 };

/** The rows a compacted History keeps. */
export interface Compaction {
  /** 0-based grid rows to keep, top-down: everything above and in the header, rows that did not read, and the check-ins kept. */
  keep: number[];
  /** How many check-ins go. */
  dropped: number;
}

/**
 * Which rows to keep when compacting (see CompactionPolicy), judged on `today`. Per goal (IDs compared as
 * everywhere) and bucket, the latest check-in stays. Rows that did not read as check-ins stay as they are: a
 * compaction never loses what someone typed and we could not read.
 */
export function compactHistory(
  grid: Grid,
  read: HistoryRead,
  today: number,
  policy: CompactionPolicy = DEFAULT_COMPACTION,
): Compaction {
  const weeklyFrom = today - 7 * policy.weeks;
  const monthlyFrom = monthStart(today, -policy.months);
  /** Latest check-in (position in read.checkIns) per goal and bucket. */
  const latest = new Map<string, number>();
  read.checkIns.forEach((c, k) => {
    if (c.day > weeklyFrom) return;
    const bucket = c.day >= monthlyFrom ? `m${monthIndex(c.day)}` : `q${Math.floor(monthIndex(c.day) / 3)}`;
    const key = `${bucket}\u0000${idKey(c.id)}`;
    const held = latest.get(key);
    if (held === undefined || read.checkIns[held].day <= c.day) latest.set(key, k);
  });
  const keptCheckIns = new Set<number>(latest.values());
  const checkInAt = new Map<number, number>(read.rows.map((r, k) => [r, k]));
  const keep: number[] = [];
  let dropped = 0;
  for (let r = 0; r < grid.length; r++) {
    const k = checkInAt.get(r);
    if (k === undefined || read.checkIns[k].day > weeklyFrom || keptCheckIns.has(k)) keep.push(r);
    else dropped++;
  }
  return { keep, dropped };
}

/**
 * The tab's rows after a compaction, from A1, as long as before: the rows kept, moved up, then blank rows over the
 * rest (so one write replaces the tab and a failure in between cannot leave a row twice). Date cells in the Date
 * column become ISO text, as Record check-in writes dates.
 */
export function compactedGrid(grid: Grid, read: HistoryRead, compaction: Compaction): CellValue[][] {
  let width = 0;
  for (const cells of grid) width = Math.max(width, cells.length);
  const dateCol = read.header?.columns.date ?? -1;
  const firstCheckIn = (read.header?.row ?? grid.length) + 1;
  const out = compaction.keep.map((r) => {
    const cells = grid[r].slice();
    while (cells.length < width) cells.push('');
    const date = cells[dateCol];
    if (r >= firstCheckIn && isDate(date) && !Number.isNaN(date.getTime()))
      cells[dateCol] = isoDate(dayOfDate(date));
    return cells;
  });
  while (out.length < grid.length) out.push(new Array(width).fill(''));
  return out;
}

/** Months since January 1970 of a day number. */
function monthIndex(day: number): number {
  const d = new Date(day * DAY_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** The first day of the month `offset` months from the month of `day`. */
function monthStart(day: number, offset: number): number {
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1) / DAY_MS;
}

/** Check-ins grouped by goal: each ID (compared as everywhere) to its positions in read.checkIns, oldest day first. */
export function checkInsByGoal(read: HistoryRead): Map<string, number[]> {
  return read.byGoal;
}

/** A goal's progress over time, as the Cascade panel and the Roll-up show it. */
export interface GoalTrend {
  /** Final attainment at each check-in that has one, oldest first. */
  finals: number[];
  /** The latest check-in's day; null when the goal has none. */
  lastDay: number | null;
  /** Final attainment now minus at the latest check-in before today; null when either is missing. */
  sinceLast: number | null;
  /** Final attainment now minus at the latest check-in at least 30 days ago; null when either is missing. */
  change30: number | null;
}

/** The trend of one goal from its check-ins (oldest first), its final attainment now, and today. */
export function trendOf(checkIns: readonly CheckIn[], now: number | null, today: number): GoalTrend {
  const finals: number[] = [];
  let before: number | null = null;
  let monthAgo: number | null = null;
  for (const c of checkIns) {
    if (c.final === null) continue;
    finals.push(c.final);
    if (c.day < today) before = c.final;
    if (c.day <= today - 30) monthAgo = c.final;
  }
  const lastDay = checkIns.length === 0 ? null : checkIns[checkIns.length - 1].day;
  const change = (then: number | null): number | null => (now === null || then === null ? null : now - then);
  return { finals, lastDay, sinceLast: change(before), change30: change(monthAgo) };
}

/** What History says about the workbook's goals. */
export interface HistoryAnalysis {
  read: HistoryRead;
  /** Each goal's check-ins, oldest first, by goal index (an empty list for a goal with none). */
  checkIns: (i: number) => CheckIn[];
  /** The tab's own issues, then orphans (info) and goals whose confidence keeps falling (warnings). */
  issues: Issue[];
}

/** Cells of History past which Check suggests compacting it: a fifth of a Sheet's 10 million. */
export const LARGE_HISTORY_CELLS = 2_000_000;

/** How many confidence readings in a row must each fall for a warning: two falls. */
const FALLS = 2;

/**
 * History read against the workbook: orphans (IDs in History that no goal has now: renamed or deleted), one
 * info issue per ID at its last row; a note when History passes LARGE_HISTORY_CELLS (compact it); and a warning on
 * every goal whose confidence fell at each of its last two check-ins with a confidence.
 */
export function analyzeHistory(read: HistoryRead, goals: readonly Goal[]): HistoryAnalysis {
  const byGoal = checkInsByGoal(read);
  const issues = read.issues.slice();
  const known = new Set<string>();
  for (const g of goals) if (g.id !== '') known.add(idKey(g.id));
  for (const [key, list] of byGoal) {
    if (known.has(key)) continue;
    const last = list.reduce((a, b) => (read.rows[a] > read.rows[b] ? a : b));
    const c = read.header?.columns.id ?? -1;
    issues.push(
      issueAt(
        {
          tab: read.tab,
          row: read.rows[last] + 1,
          col: c + 1,
          column: c < 0 ? '' : read.header!.headers[c],
          goalId: read.checkIns[last].id,
        },
        { code: 'orphan-history', checkIns: list.length },
      ),
    );
  }
  const cells =
    read.rows.length === 0 ? 0 : (read.rows[read.rows.length - 1] + 1) * (read.header?.headers.length ?? 0);
  if (cells > LARGE_HISTORY_CELLS) {
    issues.push(
      issueAt(
        { tab: read.tab, row: 0, col: 0, column: '', goalId: '' },
        { code: 'history-large', checkIns: read.checkIns.length, cells },
      ),
    );
  }
  const EMPTY: CheckIn[] = [];
  const checkIns = (i: number): CheckIn[] => {
    const g = goals[i];
    const list = g === undefined || g.id === '' ? undefined : byGoal.get(idKey(g.id));
    return list === undefined ? EMPTY : list.map((k) => read.checkIns[k]);
  };
  for (const g of goals) {
    const list = g.id === '' ? undefined : byGoal.get(idKey(g.id));
    if (list === undefined || list.length <= FALLS) continue;
    // The last FALLS + 1 confidence readings, newest first.
    const values: number[] = [];
    for (let j = list.length - 1; j >= 0 && values.length <= FALLS; j--) {
      const confidence = read.checkIns[list[j]].confidence;
      if (confidence !== null) values.push(confidence);
    }
    values.reverse();
    if (values.length === FALLS + 1 && values.every((v, k) => k === 0 || v < values[k - 1])) {
      issues.push(issueAt(goalPlace(g, 'confidence'), { code: 'confidence-falling', values }));
    }
  }
  return { read, checkIns, issues };
}
