// A fake Range: a rectangle of a fake sheet, with Sheets' value, formula, format and validation semantics.
import type { DataValidationPort, RangePort } from '../../src/sheets/gas';
import type { CallLog } from './calls';
import { enterValue, type FakeCell, type StoredValue } from './cells';
import type { FakeSheet } from './sheet';

export class FakeRange implements RangePort {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly log: CallLog,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  private call(method: string, kind: 'read' | 'write' = 'read'): void {
    this.sheet.assertAlive();
    this.log.record(`Range.${method}`, kind);
  }

  /** Every cell of the range, row by row (created on demand). */
  private cells(): FakeCell[][] {
    const out: FakeCell[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const line: FakeCell[] = [];
      for (let c = 0; c < this.numColumns; c++) line.push(this.sheet.cellAt(this.row + r, this.column + c));
      out.push(line);
    }
    return out;
  }

  private read<T>(pick: (cell: FakeCell) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < this.numColumns; c++)
        line.push(pick(this.sheet.peekCell(this.row + r, this.column + c)));
      out.push(line);
    }
    return out;
  }

  getValues(): StoredValue[][] {
    this.call('getValues');
    return this.read((cell) => (cell.value instanceof Date ? new Date(cell.value.getTime()) : cell.value));
  }

  getFormulas(): string[][] {
    this.call('getFormulas');
    return this.read((cell) => cell.formula);
  }

  /** The top-left cell's format; 'General' where none was set, as Sheets answers. */
  getNumberFormat(): string {
    this.call('getNumberFormat');
    return this.sheet.peekCell(this.row, this.column).numberFormat || 'General';
  }

  getNumberFormats(): string[][] {
    this.call('getNumberFormats');
    return this.read((cell) => cell.numberFormat || 'General');
  }

  getFontWeights(): string[][] {
    this.call('getFontWeights');
    return this.read((cell) => (cell.bold ? 'bold' : 'normal'));
  }

  getDataValidations(): (unknown | null)[][] {
    this.call('getDataValidations');
    return this.read((cell) => cell.validation);
  }

  getRow(): number {
    this.call('getRow');
    return this.row;
  }

  getColumn(): number {
    this.call('getColumn');
    return this.column;
  }

  getNumRows(): number {
    this.call('getNumRows');
    return this.numRows;
  }

  getNumColumns(): number {
    this.call('getNumColumns');
    return this.numColumns;
  }

  getMergedRanges(): FakeRange[] {
    this.call('getMergedRanges');
    const overlaps = (start: number, size: number, from: number, count: number) =>
      start < from + count && from < start + size;
    return this.sheet.merges
      .filter(
        (m) =>
          overlaps(m.row, m.numRows, this.row, this.numRows) &&
          overlaps(m.column, m.numColumns, this.column, this.numColumns),
      )
      .map((m) => new FakeRange(this.sheet, this.log, m.row, m.column, m.numRows, m.numColumns));
  }

  /** Merges the range into one block (only the top-left value stays), as Sheets does. */
  merge(): this {
    this.call('merge', 'write');
    const { row, column, numRows, numColumns } = this;
    for (let r = 0; r < numRows; r++) {
      for (let c = 0; c < numColumns; c++)
        if (r > 0 || c > 0) this.sheet.cellAt(row + r, column + c).value = '';
    }
    this.sheet.merges.push({ row, column, numRows, numColumns });
    return this;
  }

  getA1Notation(): string {
    this.call('getA1Notation');
    return this.a1();
  }

  /** The A1 notation without counting a call (for snapshots and messages). */
  a1(): string {
    const start = `${columnLetters(this.column)}${this.row}`;
    if (this.numRows === 1 && this.numColumns === 1) return start;
    return `${start}:${columnLetters(this.column + this.numColumns - 1)}${this.row + this.numRows - 1}`;
  }

  getSheet(): FakeSheet {
    this.call('getSheet');
    return this.sheet;
  }

  /** The sheet without counting a call. */
  get owner(): FakeSheet {
    return this.sheet;
  }

  setValues(values: unknown[][]): this {
    if (!Array.isArray(values) || values.length !== this.numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values?.length ?? 0} but the range has ${this.numRows}.`,
      );
    }
    for (const line of values) {
      if (!Array.isArray(line) || line.length !== this.numColumns) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line?.length ?? 0} but the range has ${this.numColumns}.`,
        );
      }
    }
    this.call('setValues', 'write');
    const cells = this.cells();
    values.forEach((line, r) => {
      line.forEach((v, c) => {
        Object.assign(cells[r][c], enterValue(v, cells[r][c].numberFormat));
      });
    });
    return this;
  }

  setValue(value: unknown): this {
    this.call('setValue', 'write');
    for (const line of this.cells())
      for (const cell of line) Object.assign(cell, enterValue(value, cell.numberFormat));
    return this;
  }

  setNumberFormat(numberFormat: string): this {
    this.call('setNumberFormat', 'write');
    for (const line of this.cells()) for (const cell of line) cell.numberFormat = numberFormat;
    return this;
  }

  setFontWeight(fontWeight: string | null): this {
    this.call('setFontWeight', 'write');
    for (const line of this.cells()) for (const cell of line) cell.bold = fontWeight === 'bold';
    return this;
  }

  setDataValidation(rule: DataValidationPort | null): this {
    this.call('setDataValidation', 'write');
    for (const line of this.cells()) for (const cell of line) cell.validation = rule;
    return this;
  }

  clearContent(): this {
    this.call('clearContent', 'write');
    for (const line of this.cells()) {
      for (const cell of line) {
        cell.value = '';
        cell.formula = '';
      }
    }
    return this;
  }

  activate(): this {
    this.call('activate');
    this.sheet.selectRange(this);
    return this;
  }
}

export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
