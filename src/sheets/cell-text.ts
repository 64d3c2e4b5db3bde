// The one gate every value passes before a writer hands it to Sheets: text stays exactly that text, never a number, date, boolean or formula.

import { TEXT_FORMAT } from '../report/rollup-table';

export { TEXT_FORMAT };

/** A value a writer may put in a cell. */
export type OutCell = string | number | boolean | Date | null;

/**
 * Text for a cell that is not plain text. Sheets reads written strings as if typed: `1.10` becomes
 * 1.1, `007` 7, `12%` 0.12, `1/2` a date, `TRUE` a boolean, and `=`, `+`, `-`, `@` start formulas (a
 * goal titled `=IMPORTXML(...)` would fetch a URL). A leading apostrophe makes Sheets keep the rest
 * as text and is not shown, so every non-empty text gets one: what would not have been converted
 * reads back the same either way.
 */
export function typedText(text: string): string {
  return text === '' ? '' : `'${text}`;
}

/** A value for a cell that is not plain text: text through typedText, other values as they are, null as blank. */
export function typedCell(value: OutCell | undefined): string | number | boolean | Date {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? typedText(value) : value;
}

/** A block of values for one setValues over cells that are not plain text. */
export function typedGrid(
  rows: readonly (readonly (OutCell | undefined)[])[],
): (string | number | boolean | Date)[][] {
  return rows.map((row) => row.map(typedCell));
}

/**
 * A value for a cell formatted as plain text (`@`): text goes in as it is (an apostrophe there might
 * be kept as a character), null as blank. Numbers and booleans stay what they are.
 */
export function plainTextCell(value: OutCell | undefined): string | number | boolean | Date {
  return value === null || value === undefined ? '' : value;
}

/** Text for one cell whose number format is `format`: as it is in a plain-text cell, else with an apostrophe. */
export function textFor(format: string, text: string): string {
  return format === TEXT_FORMAT ? text : typedText(text);
}
