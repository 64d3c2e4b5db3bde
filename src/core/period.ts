// Goal periods (FY, halves, quarters, months) as spans of UTC day numbers, and how much of one has elapsed.
import { calendarDay, dayNumber, UTC } from './calendar';
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
const MONTHS = 'JANUARY FEBRUARY MARCH APRIL MAY JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER'.split(
  ' ',
);

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

// Period texts are few and repeat on every row, so parsed texts are remembered (bounded).
const CACHE_LIMIT = 512;
const textCache = new Map<string, Period | null>();

/**
 * A Period cell: `FY2026`, `FY 2026`, `FY26`, `Y2026`, `2026` (the calendar year); `H1 2026`, `2026 H2`,
 * `2026-H1`, `H1 FY26`; `Q3 2026`, `2026-Q3`, `Q3-2026`, `Q3'26`, `Q3 Y2026`; `Mar 2026`, `March 2026`,
 * `2026-03`, `03/2026`, `2026-03-15` (that month); a Date (its month on the calendar of `timeZone`, the
 * spreadsheet's zone); a number 2026. Any case. Anything else is null.
 */
export function parsePeriod(v: CellValue, timeZone: string = UTC): Period | null {
  if (typeof v === 'number') return isYear(v) ? fiscalYear(v) : null;
  if (isDate(v)) {
    const day = calendarDay(v.getTime(), timeZone);
    return day !== null && isYear(day.year) ? monthPeriod(day.month - 1, day.year) : null;
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

/** Runs of letters and runs of digits, upper-cased, separated by single spaces; null on any other character. */
function tokenize(text: string): string | null {
  const upper = text.toUpperCase();
  return PERIOD_CHARACTERS.test(upper) ? (upper.match(TOKEN) ?? []).join(' ') : null;
}

// The forms a period's tokens may take: `FY 2026` stands for FY2026, FY 2026 and FY-2026. `Y 2025` is a year as
// BigPicture names it (Y2025, Q3 Y2025), with four digits only.
/** A year alone: 2026, FY2026, FY26, Y2026. */
const YEAR = /^(?:F?Y )?(\d{4})$|^FY (\d\d)$/;
/** A half or quarter, then its year: H1 2026, Q3 FY26, Q3'26, Q3 Y2026. */
const PART_YEAR = /^([HQ]) (\d) (?:(?:F?Y )?(\d{4})|(?:FY )?(\d\d))$/;
/** A year, then a half or quarter: 2026 H1, FY26 Q3, Y2026 Q3. */
const YEAR_PART = /^(?:(?:F?Y )?(\d{4})|FY (\d\d)) ([HQ]) (\d)$/;
/** A month and a four-digit year either way round, by name or number, or a whole date (year, month, day). */
const MONTH_YEAR = /^([A-Z]+|\d\d?) (\d{4})$/;
const YEAR_MONTH = /^(\d{4}) ([A-Z]+|\d\d?)(?: (\d\d?))?$/;

/** A four-digit year if it is one (1900-9999), else a two-digit one in the 2000s; null when neither. */
function yearOf(four: string | undefined, two: string | undefined): number | null {
  const year = Number(four ?? `20${two}`);
  return four === undefined || isYear(year) ? year : null;
}

/** H1, H2, Q1..Q4 over `year`, or null. */
function part(kind: string, n: string, year: number | null): Period | null {
  const months = kind === 'H' ? 6 : 3;
  return year !== null && Number(n) >= 1 && Number(n) <= 12 / months
    ? span(`${kind}${n} ${year}`, year, (Number(n) - 1) * months, months)
    : null;
}

/** A month by name (`MAR`, `MARCH`, `SEPT`) or number (1-12), or null. */
function month(token: string, year: string): Period | null {
  const month0 = MONTH_NAMES.get(token) ?? Number(token) - 1;
  return month0 >= 0 && month0 < 12 && isYear(Number(year)) ? monthPeriod(month0, Number(year)) : null;
}

function fromTokens(s: string): Period | null {
  let m = YEAR.exec(s);
  if (m) {
    const year = yearOf(m[1], m[2]);
    return year === null ? null : fiscalYear(year);
  }
  if ((m = PART_YEAR.exec(s))) return part(m[1], m[2], yearOf(m[3], m[4]));
  if ((m = YEAR_PART.exec(s))) return part(m[3], m[4], yearOf(m[1], m[2]));
  if ((m = MONTH_YEAR.exec(s))) return month(m[1], m[2]);
  if (!(m = YEAR_MONTH.exec(s))) return null;
  const period = month(m[2], m[1]);
  // A whole date names its month, like a Date cell, when its day is in that month.
  if (m[3] === undefined || period === null) return period;
  const day = Number(m[3]);
  return /\d/.test(m[2]) && day >= 1 && day <= period.end - period.start ? period : null;
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

/**
 * The UTC day number of the calendar day an instant falls on in `timeZone` (the spreadsheet's zone: Sheets
 * hands a date over as the instant of its midnight there, and "today" is the day there); NaN when invalid.
 */
export function dayOfDate(d: Date, timeZone: string = UTC): number {
  return dayNumber(d.getTime(), timeZone) ?? Number.NaN;
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

/** The calendar periods a goal's dates or cadence can name, by their length in months. */
export type PeriodMonths = 1 | 3 | 6 | 12;

const DAY = /^(\d{4})-(\d\d)-\d\d/;

/** The label of the period of `months` months holding month `month` (1-12) of `year`: `Q2 2026` for 3. */
function holdingLabel(months: PeriodMonths, year: string, month: number): string {
  const part = Math.ceil(month / months);
  const text =
    months === 1
      ? `${year}-${String(month).padStart(2, '0')}`
      : months === 3
        ? `Q${part} ${year}`
        : months === 6
          ? `H${part} ${year}`
          : year;
  return parsePeriod(text)?.label ?? '';
}

/** The period of `months` months holding a day (`yyyy-mm-dd…` text): `Q2 2026` for 3; '' without a day. */
export function cadencePeriod(months: PeriodMonths, day: string): string {
  const d = DAY.exec(day);
  return d === null ? '' : holdingLabel(months, d[1], Number(d[2]));
}

/**
 * The period of a goal from its dates (`yyyy-mm-dd…` text, '' when blank): the smallest calendar month, quarter, half
 * or year holding both the start and the end, when both are read and in order within one year; else the end's year;
 * '' without an end.
 */
export function datesPeriod(start: string, end: string): string {
  const e = DAY.exec(end);
  if (e === null) return '';
  const [year, to] = [e[1], Number(e[2])];
  const s = DAY.exec(start);
  if (s === null || s[1] !== year || start.slice(0, 10) > end.slice(0, 10)) return holdingLabel(12, year, to);
  const from = Number(s[2]);
  const months = ([1, 3, 6, 12] as const).find((m) => Math.ceil(from / m) === Math.ceil(to / m))!;
  return holdingLabel(months, year, to);
}
