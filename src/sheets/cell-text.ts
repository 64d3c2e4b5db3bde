// The one gate every value passes before a writer hands it to Sheets: text can never turn into a formula.

/** Text that must stay exactly this text, even where Sheets would read a number, a date or TRUE (`1.10`, `12%`). */
export interface LiteralText {
  readonly literal: string;
}

/** A value a writer may put in a cell. */
export type OutCell = string | number | boolean | Date | null | LiteralText;

/**
 * Text as a cell value that Sheets stores as that same text. Sheets reads written strings as if
 * typed: `=`, `+`, `-` and `@` start formulas (a goal titled `=IMPORTXML(...)` would fetch a URL),
 * and a leading apostrophe is eaten. A leading apostrophe forces text and is not displayed, so any
 * text starting with one of those characters (after leading spaces) gets one.
 */
export function safeText(text: string): string {
  const first = text.trimStart().charAt(0);
  return first === '=' || first === '+' || first === '-' || first === '@' || first === "'"
    ? `'${text}`
    : text;
}

/**
 * Text as a cell value that Sheets keeps as that exact text, whatever it looks like: setValue(s) reads a string
 * as if typed (`1.10` becomes 1.1, `007` becomes 7, `=x` a formula), and a leading apostrophe, which Sheets
 * hides, is the one way to say "text" without changing the cell's number format.
 */
export function literalText(text: string): string {
  return text === '' ? '' : `'${text}`;
}

/** A cell value made safe: text through safeText, literal text through literalText, other values as they are, null as blank. */
export function safeCell(value: OutCell | undefined): string | number | boolean | Date {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return safeText(value);
  if (typeof value === 'object' && 'literal' in value) return literalText(value.literal);
  return value;
}

/** A block of values made safe for one setValues call. */
export function safeGrid(
  rows: readonly (readonly (OutCell | undefined)[])[],
): (string | number | boolean | Date)[][] {
  return rows.map((row) => row.map(safeCell));
}
