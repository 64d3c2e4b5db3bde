// The one gate every value passes before a writer hands it to Sheets: text can never turn into a formula.

/** A value a writer may put in a cell. */
export type OutCell = string | number | boolean | Date | null;

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

/** A cell value made safe: text through safeText, other values as they are, null as blank. */
export function safeCell(value: OutCell | undefined): string | number | boolean | Date {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? safeText(value) : value;
}

/** A block of values made safe for one setValues call. */
export function safeGrid(
  rows: readonly (readonly (OutCell | undefined)[])[],
): (string | number | boolean | Date)[][] {
  return rows.map((row) => row.map(safeCell));
}
