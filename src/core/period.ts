// Goal periods (FY, halves, quarters, months) as spans of UTC day numbers, and how much of one has elapsed.
import { isDate } from './cells';
import type { CellValue } from './model';

/** A period as [start, end) in UTC day numbers (days since 1970-01-01); end is exclusive. */
export interface Period {
  /** Normalised label: `FY2026`, `H1 2026`, `Q3 2026` or `Mar 2026`. */
  readonly label: string;
  readonly start: number;
  readonly end: number;
}

const DAY_MS = 86_400_000;

/** Day number of a calendar date; month0 may run past 11 (Date.UTC carries it into the next year). */
function utcDay(year: number, month0: number, day: number): number {
  return Date.UTC(year, month0, day) / DAY_MS;
}

// Years before 1900 are refused: a time-only cell arrives as a Date on 1899-12-30.
const FIRST_YEAR = 1900;
const LAST_YEAR = 9999;

function isYear(y: number): boolean {
  return Number.isInteger(y) && y >= FIRST_YEAR && y <= LAST_YEAR;
}

/** Month names, upper-cased, January first. */
const MONTHS = 'JANUARY FEBRUARY MARCH APRIL MAY JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER'.split(' ');

/** Labels as periods are written: `Jan` ... `Dec`. */
const MONTH_LABELS = MONTHS.map((name) => name[0] + name.slice(1, 3).toLowerCase());

/** Month names and their three-letter abbreviations (and SEPT), upper-cased, to 0-based months. */
const MONTH_NAMES: ReadonlyMap<string, number> = new Map(
  MONTHS.flatMap((name, month0): [string, number][] => [
    [name, month0],
    [name.slice(0, 3), month0],
  ]).concat([['SEPT', 8]]),
);

function span(label: string, year: number, month0: number, months: number): Period {
  return Object.freeze({ label, start: utcDay(year, month0, 1), end: utcDay(year, month0 + months, 1) });
}

/** The calendar year: FY2026 runs from 2026-01-01 to 2027-01-01. */
function fiscalYear(year: number): Period {
  return span(`FY${year}`, year, 0, 12);
}

function monthPeriod(month0: number, year: number): Period {
  return span(`${MONTH_LABELS[month0]} ${year}`, year, month0, 1);
}

/** A half (H1, H2) or a quarter (Q1..Q4). */
function partPeriod(kind: 'H' | 'Q', n: number, year: number): Period {
  const months = kind === 'H' ? 6 : 3;
  return span(`${kind}${n} ${year}`, year, (n - 1) * months, months);
}

// Period texts are few and repeat on every row, so parsed texts are remembered (bounded).
const CACHE_LIMIT = 512;
const textCache = new Map<string, Period | null>();

/**
 * A Period cell: `FY2026`, `FY 2026`, `FY26`, `2026` (the calendar year); `H1 2026`, `2026 H2`,
 * `2026-H1`, `H1 FY26`; `Q3 2026`, `2026-Q3`, `Q3-2026`, `Q3'26`; `Mar 2026`, `March 2026`,
 * `2026-03`, `03/2026`, `2026-03-15` (that month); a Date (its month); a number 2026. Any case.
 * Anything else is null.
 */
export function parsePeriod(v: CellValue): Period | null {
  if (typeof v === 'number') return isYear(v) ? fiscalYear(v) : null;
  if (isDate(v)) {
    if (Number.isNaN(v.getTime())) return null;
    const year = v.getFullYear();
    return isYear(year) ? monthPeriod(v.getMonth(), year) : null;
  }
  if (typeof v !== 'string') return null;
  const cached = textCache.get(v);
  if (cached !== undefined) return cached;
  const tokens = tokenize(v);
  const period = tokens === null ? null : fromTokens(tokens);
  if (textCache.size >= CACHE_LIMIT) textCache.clear();
  textCache.set(v, period);
  return period;
}

/** Letters, digits and the separators: space, tab, line breaks, no-break space, - / _ . , ' ’ and en dash. */
const PERIOD_CHARACTERS = /^[A-Z0-9 \t\n\r\u00a0\-/_.,'\u2019\u2013]*$/;
const TOKEN = /[A-Z]+|[0-9]+/g;

/** Runs of letters and runs of digits, upper-cased; separators dropped; null on any other character. */
function tokenize(text: string): string[] | null {
  const upper = text.toUpperCase();
  return PERIOD_CHARACTERS.test(upper) ? (upper.match(TOKEN) ?? []) : null;
}

function isDigits(token: string | undefined, minLength: number, maxLength: number): token is string {
  if (token === undefined || token.length < minLength || token.length > maxLength) return false;
  const c = token.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/**
 * A year at tokens[i]: `2026`, `FY2026`, `FY26`, or (when shortOk) a bare `26`.
 * Returns the year and the number of tokens it used, or null.
 */
function yearAt(tokens: string[], i: number, shortOk: boolean): [number, number] | null {
  const token = tokens[i];
  if (token === 'FY') {
    const next = tokens[i + 1];
    if (isDigits(next, 2, 2)) return [2000 + Number(next), 2];
    if (isDigits(next, 4, 4) && isYear(Number(next))) return [Number(next), 2];
    return null;
  }
  if (isDigits(token, 4, 4) && isYear(Number(token))) return [Number(token), 1];
  if (shortOk && isDigits(token, 2, 2)) return [2000 + Number(token), 1];
  return null;
}

/** A half or quarter at tokens[i]: H1, H2, Q1..Q4. */
function partAt(tokens: string[], i: number): ['H' | 'Q', number] | null {
  const kind = tokens[i];
  const n = tokens[i + 1];
  if (kind !== 'H' && kind !== 'Q') return null;
  if (n === undefined || n.length !== 1) return null;
  const number = n.charCodeAt(0) - 48;
  return number >= 1 && number <= (kind === 'H' ? 2 : 4) ? [kind, number] : null;
}

function fromTokens(t: string[]): Period | null {
  const n = t.length;
  if (n === 0) return null;

  // A year on its own: 2026, FY2026, FY26.
  const year = yearAt(t, 0, false);
  if (year !== null && year[1] === n) return fiscalYear(year[0]);

  // A half or quarter, before or after its year.
  const partFirst = partAt(t, 0);
  if (partFirst !== null) {
    const y = yearAt(t, 2, true);
    return y !== null && 2 + y[1] === n ? partPeriod(partFirst[0], partFirst[1], y[0]) : null;
  }
  if (year !== null) {
    const part = partAt(t, year[1]);
    if (part !== null) return year[1] + 2 === n ? partPeriod(part[0], part[1], year[0]) : null;
  }

  // A month by name, before or after a four-digit year.
  const named = MONTH_NAMES.get(t[0]);
  if (named !== undefined) return n === 2 && isFullYear(t[1]) ? monthPeriod(named, Number(t[1])) : null;
  if (n === 2 && isFullYear(t[0])) {
    const after = MONTH_NAMES.get(t[1]);
    if (after !== undefined) return monthPeriod(after, Number(t[0]));
  }

  // Numeric months: 2026-03, 03/2026, and a whole date 2026-03-15 (its month, like a Date cell).
  if (n === 2 && isFullYear(t[0])) return numericMonth(t[1], t[0]);
  if (n === 2 && isFullYear(t[1])) return numericMonth(t[0], t[1]);
  if (n === 3 && isFullYear(t[0]) && isDigits(t[2], 1, 2)) {
    const month = numericMonth(t[1], t[0]);
    const day = Number(t[2]);
    return month !== null && day >= 1 && day <= month.end - month.start ? month : null;
  }
  return null;
}

function isFullYear(token: string | undefined): token is string {
  return isDigits(token, 4, 4) && isYear(Number(token));
}

function numericMonth(monthToken: string, yearToken: string): Period | null {
  if (!isDigits(monthToken, 1, 2)) return null;
  const month = Number(monthToken);
  return month >= 1 && month <= 12 ? monthPeriod(month - 1, Number(yearToken)) : null;
}

const ISO_DIGIT_POSITIONS: readonly number[] = [0, 1, 2, 3, 5, 6, 8, 9];

/** An ISO date `YYYY-MM-DD` (trimmed) as a UTC day number; null when not a real date in that form. */
export function parseDay(text: string): number | null {
  const s = text.trim();
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  for (const i of ISO_DIGIT_POSITIONS) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return null;
  const first = utcDay(year, month - 1, 1);
  if (day > utcDay(year, month, 1) - first) return null;
  return first + day - 1;
}

/** The UTC day number of a Date's local calendar day (Sheets hands dates over at local midnight). */
export function dayOfDate(d: Date): number {
  return utcDay(d.getFullYear(), d.getMonth(), d.getDate());
}

/**
 * Share of the period elapsed on day `today`, 0..1. The day `today` counts as elapsed through its
 * end: on a period's first day 1/length has passed, on its last day all of it, so a goal checked
 * on the last day is judged against the full target.
 */
export function elapsedShare(period: Period, today: number): number {
  const length = period.end - period.start;
  const done = today + 1 - period.start;
  if (done <= 0) return 0;
  return done >= length ? 1 : done / length;
}
