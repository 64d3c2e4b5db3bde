// Reading single cells: blanks, text, numbers typed as text (leniently but exactly), done/not-done and header names.
import { isoDay, UTC } from './calendar';
import type { CellValue } from './model';

// Character codes the number scanner looks at.
const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const NBSP = 0xa0;
const THIN_SPACE = 0x2009;
const NARROW_NBSP = 0x202f;
const PERCENT = 37;
const LPAREN = 40;
const RPAREN = 41;
const PLUS = 43;
const COMMA = 44;
const HYPHEN = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const MINUS_SIGN = 0x2212;

/**
 * A Date from any realm: a Date made by another global scope (a test harness, a vm) fails
 * `instanceof Date` but still carries the Date tag.
 */
export function isDate(v: unknown): v is Date {
  return typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object Date]';
}

/** A fraction as a cell: null (blank or not applicable) becomes an empty cell. */
export const orBlank = (x: number | null): number | '' => (x === null ? '' : x);

/** True for '', whitespace-only text, null and undefined. */
export function isBlank(v: CellValue): boolean {
  if (v === '' || v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  const first = v.charCodeAt(0);
  // Printable ASCII first: certainly not blank, and no allocation for the common case.
  if (first > 32 && first < 127) return false;
  return v.trim() === '';
}

/**
 * The text of a cell, trimmed: numbers via String(), booleans as TRUE/FALSE, Dates as YYYY-MM-DD on the
 * calendar of `timeZone`, the spreadsheet's zone (Sheets hands a date over as the instant of its midnight
 * there); '' for an invalid Date.
 */
export function cellText(v: CellValue, timeZone: string = UTC): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDate(v)) return isoDay(v.getTime(), timeZone);
  return '';
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

// Past the end of the text charCodeAt gives NaN, which is no digit, space or character the scanner looks for:
// so it reads ahead without checking the length first.

function isDigitAt(s: string, i: number): boolean {
  return isDigit(s.charCodeAt(i));
}

/** The position of the first character at or after `i` that is not a space. */
function skipSpaces(s: string, i: number): number {
  let pos = i;
  while (isSpace(s.charCodeAt(pos))) pos++;
  return pos;
}

function isSpace(c: number): boolean {
  return (
    c === SPACE || c === NBSP || c === NARROW_NBSP || c === THIN_SPACE || c === TAB || c === LF || c === CR
  );
}

/** $, €, £, ¥, ₹: written before or after the number, never both. */
function isCurrency(c: number): boolean {
  return c === 36 || c === 0x20ac || c === 0xa3 || c === 0xa5 || c === 0x20b9;
}

/** Characters that only ever separate groups of thousands (never a decimal point). */
function isSpaceGroup(c: number): boolean {
  return c === NBSP || c === NARROW_NBSP || c === THIN_SPACE;
}

/**
 * A cell as a number: null for a blank, NaN for anything that is not exactly one number.
 * Numbers pass through (Infinity and NaN become NaN); booleans and Dates are NaN.
 * Text may carry a sign or accounting parentheses, a currency symbol before or after, thousands
 * separators in real groups of three, a decimal part, an exponent, and one of k, m/mn, b/bn or %.
 * The value is built by shifting the decimal exponent of the digit string, so `1.2M` is exactly
 * 1200000 and `12%` exactly 0.12, as the literals would be.
 */
export function parseNumber(v: CellValue, decimalSeparator: '.' | ',' = '.'): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : Number.NaN;
  if (typeof v !== 'string') return v === null || v === undefined ? null : Number.NaN;
  if (isBlank(v)) return null;
  return scanNumber(v, decimalSeparator === ',' ? COMMA : DOT);
}

function scanNumber(s: string, dec: number): number {
  const group = dec === DOT ? COMMA : DOT;
  const end = s.length;
  let pos = 0;
  let negative = false;
  let signed = false;
  let paren = false;
  let currency = false;

  // Before the digits: spaces, at most one sign, one currency symbol and one '(' (a sign and
  // parentheses together are ambiguous, so they are refused).
  for (;;) {
    pos = skipSpaces(s, pos);
    if (pos >= end) return Number.NaN;
    const c = s.charCodeAt(pos);
    if (c === LPAREN && !paren && !signed) paren = true;
    else if ((c === HYPHEN || c === MINUS_SIGN) && !signed && !paren) negative = signed = true;
    else if (c === PLUS && !signed && !paren) signed = true;
    else if (isCurrency(c) && !currency) currency = true;
    else break;
    pos++;
  }

  // Integer part, with thousands separators only in real groups of three.
  const intStart = pos;
  while (isDigitAt(s, pos)) pos++;
  let digits = s.slice(intStart, pos);
  if (digits.length > 0 && pos + 1 < end) {
    const sep = s.charCodeAt(pos);
    const isGroupSep = sep === group || isSpaceGroup(sep) || (sep === SPACE && dec === COMMA);
    if (isGroupSep && isDigitAt(s, pos + 1)) {
      if (digits.length > 3 || s.charCodeAt(intStart) === ZERO) return Number.NaN;
      while (s.charCodeAt(pos) === sep) {
        if (
          !isDigitAt(s, pos + 1) ||
          !isDigitAt(s, pos + 2) ||
          !isDigitAt(s, pos + 3) ||
          isDigitAt(s, pos + 4)
        ) {
          return Number.NaN;
        }
        digits += s.slice(pos + 1, pos + 4);
        pos += 4;
      }
    }
  }

  // Decimal part: at least one digit after the separator.
  let exponent = 0;
  if (s.charCodeAt(pos) === dec) {
    const fracStart = ++pos;
    while (isDigitAt(s, pos)) pos++;
    if (pos === fracStart) return Number.NaN;
    digits += s.slice(fracStart, pos);
    exponent = fracStart - pos;
  }
  if (digits.length === 0) return Number.NaN;

  // Scientific notation, as Sheets shows very large or small numbers (1.5E+12).
  let c = s.charCodeAt(pos);
  if (c === 101 || c === 69) {
    let p = pos + 1;
    let expNegative = false;
    const sign = s.charCodeAt(p);
    if (sign === PLUS || sign === HYPHEN || sign === MINUS_SIGN) {
      expNegative = sign !== PLUS;
      p++;
    }
    const expStart = p;
    let written = 0;
    while (isDigitAt(s, p)) written = written * 10 + s.charCodeAt(p++) - ZERO;
    if (p === expStart || p - expStart > 4) return Number.NaN;
    exponent += expNegative ? -written : written;
    pos = p;
  }

  // One suffix: %, k, m/mn or b/bn, possibly after spaces.
  pos = skipSpaces(s, pos);
  c = pos < end ? s.charCodeAt(pos) | 0x20 : -1; // lower-cased ASCII letter
  let percent = false;
  if (c === PERCENT) {
    percent = true;
    exponent -= 2;
    pos++;
  } else if (c === 107) {
    exponent += 3;
    pos++;
  } else if (c === 109 || c === 98) {
    exponent += c === 109 ? 6 : 9;
    pos++;
    if ((s.charCodeAt(pos) | 0x20) === 110) pos++;
  }

  // After the digits: spaces, a currency symbol if none came before, and the closing ')'.
  let closed = false;
  for (;;) {
    pos = skipSpaces(s, pos);
    if (pos >= end) break;
    const after = s.charCodeAt(pos);
    if (isCurrency(after) && !currency) currency = true;
    else if (after === RPAREN && paren && !closed) closed = true;
    else return Number.NaN;
    pos++;
  }
  if (paren !== closed || (percent && currency)) return Number.NaN;

  const magnitude = exponent === 0 ? Number(digits) : Number(`${digits}e${exponent}`);
  if (!Number.isFinite(magnitude)) return Number.NaN;
  if (magnitude === 0) return 0;
  return negative || paren ? -magnitude : magnitude;
}

/** What counts as done for a binary goal, lower-cased (✔ also in its emoji form). */
const DONE_WORDS: ReadonlySet<string> = new Set([
  'done',
  'yes',
  'true',
  '1',
  'x',
  '✓',
  '✔',
  '✔\ufe0f',
  '✓\ufe0f',
]);

/** A done/not-done cell: 1 for done, yes, true, 1, x, ✓ (any case); 0 for any other non-blank value. */
export function parseBinary(v: CellValue): 0 | 1 | null {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v === 1 ? 1 : 0;
  if (isBlank(v)) return null;
  if (typeof v === 'string') return DONE_WORDS.has(v.trim().toLowerCase()) ? 1 : 0;
  return 0;
}

// No leading \s*: the spaces before "(%)" go with the punctuation below anyway, and a leading \s* made the
// regex quadratic on a long run of spaces (a 50,000-character cell took a second per lookup).
const TRAILING_PARENTHETICAL = /[([][^()[\]]*[)\]]\s*$/;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/** A header (or settings key) as compared: lower-case, no trailing "(%)", no spaces or punctuation. */
export function normalizeHeader(text: string): string {
  return text.toLowerCase().replace(TRAILING_PARENTHETICAL, '').replace(NOT_LETTER_OR_DIGIT, '');
}
