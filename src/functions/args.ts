// Argument shapes for custom functions: a single cell or a range, omitted arguments, and errors that say what to fix.
import { isDate } from '../core/cells';
import type { CellValue } from '../core/model';
import { quoted } from '../core/quote';

/** A range as Sheets passes it: rows of columns. */
export type Matrix = CellValue[][];

/**
 * A bad argument: the message names the argument and what to fix; define() puts the function's name in front,
 * and it becomes the cell's #ERROR! tooltip.
 */
export class ArgumentError extends Error {
  constructor(arg: string, problem: string) {
    super(`${arg} ${problem}`);
    this.name = 'ArgumentError';
  }
}

/** Sheets passes an omitted argument as undefined, and an empty cell as '' (or null, as some report). */
export function isOmitted(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

/** A cell's text, trimmed; '' when omitted. */
export function trimmed(v: unknown): string {
  return isOmitted(v) ? '' : String(v).trim();
}

export function isRange(v: unknown): v is Matrix {
  return Array.isArray(v);
}

/** Any argument as a matrix: a single cell becomes 1×1. Rejects values no cell can hold. */
export function toMatrix(arg: string, v: unknown): Matrix {
  if (isRange(v)) {
    if (v.length === 0) return [];
    if (!Array.isArray(v[0])) return [v as unknown as CellValue[]];
    return v as Matrix;
  }
  if (v !== null && typeof v === 'object' && !isDate(v)) {
    throw new ArgumentError(arg, 'must be a cell or a range, not a list or an object.');
  }
  return [[v as CellValue]];
}

/** A range's size as people write it: rows×columns. */
const size = (m: Matrix): string => `${m.length}×${m[0]?.length ?? 0}`;

/** A single cell's value; a range of more than one cell is an error. */
export function toScalar(arg: string, v: unknown): CellValue {
  const m = toMatrix(arg, v);
  if (m.length === 1 && m[0].length === 1) return m[0][0];
  throw new ArgumentError(arg, `must be a single cell or value, not a ${size(m)} range.`);
}

/** One column (or one row) of values, read top to bottom. */
export function toColumn(arg: string, v: unknown): CellValue[] {
  const m = toMatrix(arg, v);
  if (m.length === 0) return [];
  if (m[0].length === 1) return m.map((row) => row[0]);
  if (m.length === 1) return m[0].slice();
  throw new ArgumentError(arg, `must be a single column or row, not a ${size(m)} range.`);
}

/**
 * Maps every cell of the leading argument (`original`, read as the matrix `m`), keeping its shape as native functions
 * do: a range gives a range of the same size, a single value (not a range) gives a single value.
 */
export function mapCells<T>(
  original: unknown,
  m: Matrix,
  each: (value: CellValue, r: number, c: number) => T,
): T | T[][] {
  const out = m.map((line, r) => line.map((v, c) => each(v, r, c)));
  return out.length === 1 && out[0].length === 1 && !isRange(original) ? out[0][0] : out;
}

/**
 * An argument that is either one value for every cell or a range the same size as the leading one (`lead`),
 * as native array formulas behave. Returns a reader by row and column.
 */
export function spread(arg: string, v: unknown, lead: Matrix): (r: number, c: number) => CellValue {
  // A single value is a 1×1 matrix here.
  const m = toMatrix(arg, v);
  if (m.length === 1 && m[0].length === 1) {
    const only = m[0][0];
    return () => only;
  }
  if (size(m) === size(lead)) return (r, c) => m[r][c];
  throw new ArgumentError(
    arg,
    `must be one value or a range the same size as the first argument (${size(lead)}), not ${size(m)}.`,
  );
}

/** Several columns that must line up row by row. */
export function alignedColumns(named: Record<string, unknown>): Record<string, CellValue[]> {
  const out: Record<string, CellValue[]> = {};
  let first: { name: string; length: number } | null = null;
  for (const [name, v] of Object.entries(named)) {
    const col = toColumn(name, v);
    if (first && col.length !== first.length) {
      throw new ArgumentError(
        name,
        `has ${col.length} rows but ${first.name} has ${first.length}; give ranges of the same height.`,
      );
    }
    first ??= { name, length: col.length };
    out[name] = col;
  }
  return out;
}

/** Text of an option argument such as a direction or method, lower-cased; '' when omitted. */
export function optionText(arg: string, v: unknown): string {
  const value = toScalar(arg, v);
  if (isOmitted(value)) return '';
  if (typeof value !== 'string') throw new ArgumentError(arg, `must be text, not ${describeValue(value)}.`);
  return value.trim().toLowerCase();
}

export function describeValue(v: CellValue): string {
  if (isDate(v)) return 'a date';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(v);
  if (isOmitted(v)) return 'a blank';
  return quoted(String(v));
}
