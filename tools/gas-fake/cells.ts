// One fake cell and how Sheets stores what is typed or written into it: formulas, apostrophe text, numbers, booleans.

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

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * What Sheets stores when a script writes `input` with setValue(s), as if typed (USER_ENTERED):
 * - text starting with `'` is kept as text, without the apostrophe;
 * - text starting with `=` is a formula; so is text starting with `+` or `-` that is not a number
 *   (Sheets reads `-A1` as `=-A1`), which is why writers must escape such text;
 * - plain numbers and TRUE/FALSE become numbers and booleans;
 * - null/undefined clear the cell.
 * Formulas are not evaluated: they show '' (or the value a fixture gave them).
 */
export function enterValue(input: unknown): { value: StoredValue; formula: string } {
  if (input === null || input === undefined) return { value: '', formula: '' };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input, formula: '' };
  if (input instanceof Date) return { value: new Date(input.getTime()), formula: '' };
  const text = String(input);
  if (text.startsWith("'")) return { value: text.slice(1), formula: '' };
  const trimmed = text.trim();
  if (trimmed.startsWith('=')) return { value: '', formula: trimmed };
  if (PLAIN_NUMBER.test(trimmed)) return { value: Number(trimmed), formula: '' };
  if (trimmed.startsWith('+') || trimmed.startsWith('-')) return { value: '', formula: `=${trimmed}` };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true', formula: '' };
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

export function isEmptyCell(cell: FakeCell | undefined): boolean {
  return !cell || (cell.value === '' && cell.formula === '');
}
