// One fake cell and how Sheets stores what is typed or written into it: formulas, apostrophe text, plain-text cells, numbers, percentages, dates, booleans.

/** What getValues() can hand back for a cell. */
export type StoredValue = string | number | boolean | Date;

export interface FakeCell {
  value: StoredValue;
  /** '' unless the cell holds a formula (always starting with '='). */
  formula: string;
  numberFormat: string;
  bold: boolean;
  validation: unknown | null;
}

/** A cell in a fixture: a value as getValues() returns it, or a formula with the value it shows. */
export type FakeCellInput = StoredValue | null | undefined | { formula: string; value?: StoredValue };

export function blankCell(): FakeCell {
  return { value: '', formula: '', numberFormat: '', bold: false, validation: null };
}

/** Sheets' plain-text number format: a cell with it keeps what is written as it is. */
export const PLAIN_TEXT_FORMAT = '@';

/** The year Sheets gives a date typed without one (`1/2`): fixed here, as the fake has no clock. */
export const TYPED_DATE_YEAR = 2026;

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** A number as an en_US Sheets reads typed text: `1.10`, `007`, `1e3`, `1,200`, `-5`. */
function typedNumber(text: string): number | null {
  if (PLAIN_NUMBER.test(text)) return Number(text);
  if (GROUPED_NUMBER.test(text)) return Number(text.replace(/,/g, ''));
  return null;
}

/** 1-12 for a month's English name or its first three letters (`Sept` too), else 0. */
function monthOf(word: string): number {
  const lower = word.toLowerCase().replace(/\.$/, '');
  const short = MONTHS.indexOf(lower.slice(0, 3)) + 1;
  if (short === 0) return 0;
  return lower.length === 3 || MONTH_NAMES[short - 1] === lower || lower === 'sept' ? short : 0;
}

/** A calendar date as Sheets hands it to scripts (midnight; UTC here, so tests agree on every machine), or null. */
function calendarDate(year: number, month: number, day: number): Date | null {
  const fullYear = year < 100 ? (year < 30 ? 2000 + year : 1900 + year) : year;
  const date = new Date(Date.UTC(fullYear, month - 1, day));
  const real =
    date.getUTCFullYear() === fullYear && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return month >= 1 && month <= 12 && real ? date : null;
}

/** Typed text an en_US Sheets reads as a date: `1/2`, `1/2/26`, `2026-03-01`, `2026/3/1`, `Mar 2026`, `Mar 1, 2026`, `1 Mar 2026`. */
function typedDate(text: string): Date | null {
  let m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(text);
  if (m) return calendarDate(m[3] === undefined ? TYPED_DATE_YEAR : Number(m[3]), Number(m[1]), Number(m[2]));
  m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
  if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^([a-z]+\.?)\s+(\d{4})$/i.exec(text);
  if (m && monthOf(m[1])) return calendarDate(Number(m[2]), monthOf(m[1]), 1);
  m = /^([a-z]+\.?)\s+(\d{1,2}),?\s+(\d{4})$/i.exec(text);
  if (m && monthOf(m[1])) return calendarDate(Number(m[3]), monthOf(m[1]), Number(m[2]));
  m = /^(\d{1,2})\s+([a-z]+\.?)\s+(\d{4})$/i.exec(text);
  if (m && monthOf(m[2])) return calendarDate(Number(m[3]), monthOf(m[2]), Number(m[1]));
  return null;
}

/** What typed text becomes in a cell that is not plain text, when it is not a formula: a number, boolean or date, or null (it stays text). */
function typedValue(text: string): number | boolean | Date | null {
  const number = typedNumber(text);
  if (number !== null) return number;
  if (text.endsWith('%')) {
    const share = typedNumber(text.slice(0, -1));
    if (share !== null) return share / 100;
  }
  const money = /^([+-]?)\$([+-]?)(.*)$/.exec(text);
  if (money && !(money[1] && money[2])) {
    const amount = typedNumber(money[3]);
    if (amount !== null && !/^[+-]/.test(money[3])) return (money[1] || money[2]) === '-' ? -amount : amount;
  }
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  return typedDate(text);
}

/**
 * What Sheets stores when a script writes `input` with setValue(s) into a cell with `numberFormat`,
 * read as if typed (USER_ENTERED) in an en_US spreadsheet:
 * - in a plain-text cell (`@`) a string is kept exactly as written: no formula, no conversion, and a
 *   leading apostrophe stays (whether Sheets keeps it there is not documented; keeping it makes a
 *   writer that adds one to plain-text cells fail its tests);
 * - elsewhere, text starting with `'` is kept as text, without the apostrophe;
 * - text starting with `=` is a formula; so is text starting with `+` or `-` that is not a number
 *   (Sheets reads `-A1` as `=-A1`);
 * - numbers (`1.10` -> 1.1, `007` -> 7, `1e3`, `1,200`), percentages (`12%` -> 0.12), dollar amounts
 *   (`$1,200.50`), TRUE/FALSE in any case and dates (`1/2`, `2026-03-01`, `Mar 2026`) are converted;
 *   times of day and other currencies are not modelled;
 * - null/undefined clear the cell.
 * Formulas are not evaluated: they show '' (or the value a fixture gave them).
 */
export function enterValue(input: unknown, numberFormat = ''): { value: StoredValue; formula: string } {
  if (input === null || input === undefined) return { value: '', formula: '' };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input, formula: '' };
  if (input instanceof Date) return { value: new Date(input.getTime()), formula: '' };
  const text = String(input);
  if (numberFormat === PLAIN_TEXT_FORMAT) return { value: text, formula: '' };
  if (text.startsWith("'")) return { value: text.slice(1), formula: '' };
  const trimmed = text.trim();
  if (trimmed.startsWith('=')) return { value: '', formula: trimmed };
  const typed = typedValue(trimmed);
  if (typed !== null) return { value: typed, formula: '' };
  if (trimmed.length > 1 && (trimmed.startsWith('+') || trimmed.startsWith('-')))
    return { value: '', formula: `=${trimmed}` };
  return { value: text, formula: '' };
}

/**
 * A fixture cell as stored: strings are text cells as they are, except that, as when typing,
 * `=...` is a formula (showing '') and a leading apostrophe makes the rest text (`'=A1` is the text `=A1`).
 */
export function fixtureCell(input: FakeCellInput): FakeCell {
  const cell = blankCell();
  if (input === null || input === undefined) return cell;
  if (typeof input === 'object' && !(input instanceof Date)) {
    cell.formula = input.formula;
    cell.value = input.value ?? '';
  } else if (typeof input === 'string' && input.startsWith('=')) {
    cell.formula = input;
  } else if (typeof input === 'string' && input.startsWith("'")) {
    cell.value = input.slice(1);
  } else {
    cell.value = input instanceof Date ? new Date(input.getTime()) : input;
  }
  return cell;
}

/**
 * A fixture cell holding exactly `value`, as getValues() returns it: text starting with `=` or `'`
 * gets the apostrophe fixtureCell reads as "text", so a note like `=MBO_NPS of the peer survey`
 * stays a note instead of becoming a formula.
 */
export function valueInput(value: StoredValue | null | undefined): FakeCellInput {
  return typeof value === 'string' && (value.startsWith('=') || value.startsWith("'")) ? `'${value}` : value;
}

export function isEmptyCell(cell: FakeCell | undefined): boolean {
  return !cell || (cell.value === '' && cell.formula === '');
}
