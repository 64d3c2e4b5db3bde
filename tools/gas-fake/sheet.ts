// A fake Sheet: a grid of cells with Sheets' dimensions (1000 x 26 when new), ranges, rules, charts, visibility and developer metadata.
import type { SheetPort } from '../../src/sheets/gas';
import type { FakeConditionalFormatRule, FakeEmbeddedChart } from './builders';
import { FakeEmbeddedChartBuilder } from './builders';
import type { CallLog } from './calls';
import { blankCell, type FakeCell, isEmptyCell } from './cells';
import { FakeDeveloperMetadata, FakeDeveloperMetadataFinder } from './metadata';
import { FakeRange } from './range';
import type { FakeSpreadsheet } from './spreadsheet';

export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

/** What reads see where no cell was ever written. */
const BLANK: FakeCell = Object.freeze(blankCell()) as FakeCell;

export class FakeSheet implements SheetPort {
  /** Rows of cells, 0-based; a missing row or cell is blank. */
  readonly data: FakeCell[][] = [];
  maxRows: number;
  maxColumns: number;
  hidden = false;
  frozenRows = 0;
  deleted = false;
  readonly columnWidths = new Map<number, number>();
  conditionalRules: FakeConditionalFormatRule[] = [];
  readonly charts: FakeEmbeddedChart[] = [];
  /** Merged blocks, 1-based: Range.merge() adds one, Range.getMergedRanges() lists those it touches. */
  readonly merges: { row: number; column: number; numRows: number; numColumns: number }[] = [];
  /** Developer metadata on the sheet, in the order it was added. */
  readonly metadata: FakeDeveloperMetadata[] = [];

  constructor(
    private readonly spreadsheet: FakeSpreadsheet,
    private readonly log: CallLog,
    public name: string,
    rows = NEW_SHEET_ROWS,
    columns = NEW_SHEET_COLUMNS,
  ) {
    this.maxRows = rows;
    this.maxColumns = columns;
  }

  assertAlive(): void {
    if (this.deleted) throw new Error(`The sheet "${this.name}" has been deleted.`);
  }

  private call(method: string, kind: 'read' | 'write' = 'read'): void {
    this.assertAlive();
    this.log.record(`Sheet.${method}`, kind);
  }

  /** The cell at a 1-based position, created when missing (for writes). */
  cellAt(row: number, column: number): FakeCell {
    let line = this.data[row - 1];
    if (!line) line = this.data[row - 1] = [];
    let cell = line[column - 1];
    if (!cell) cell = line[column - 1] = blankCell();
    return cell;
  }

  /** The cell at a 1-based position without creating it. */
  peekCell(row: number, column: number): FakeCell {
    return this.data[row - 1]?.[column - 1] ?? BLANK;
  }

  /** The last row and column holding a value or formula (0 when the sheet is empty). */
  extent(): { rows: number; columns: number } {
    let rows = 0;
    let columns = 0;
    this.data.forEach((line, r) => {
      line?.forEach((cell, c) => {
        if (!isEmptyCell(cell)) {
          rows = Math.max(rows, r + 1);
          columns = Math.max(columns, c + 1);
        }
      });
    });
    return { rows, columns };
  }

  /** A range without counting a call; throws like Sheets outside the grid. */
  rangeAt(row: number, column: number, numRows = 1, numColumns = 1): FakeRange {
    const ok =
      Number.isInteger(row) &&
      Number.isInteger(column) &&
      Number.isInteger(numRows) &&
      Number.isInteger(numColumns);
    if (!ok || row < 1 || column < 1 || numRows < 1 || numColumns < 1) {
      throw new Error(`Invalid range (${row}, ${column}, ${numRows}, ${numColumns}) on "${this.name}".`);
    }
    if (row + numRows - 1 > this.maxRows || column + numColumns - 1 > this.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, this.log, row, column, numRows, numColumns);
  }

  selectRange(range: FakeRange): void {
    this.spreadsheet.select(this, range);
  }

  getName(): string {
    this.call('getName');
    return this.name;
  }

  setName(name: string): this {
    this.call('setName', 'write');
    this.spreadsheet.assertNameFree(name, this);
    this.name = name;
    return this;
  }

  getIndex(): number {
    this.call('getIndex');
    return this.spreadsheet.indexOf(this) + 1;
  }

  getMaxRows(): number {
    this.call('getMaxRows');
    return this.maxRows;
  }

  getMaxColumns(): number {
    this.call('getMaxColumns');
    return this.maxColumns;
  }

  getLastRow(): number {
    this.call('getLastRow');
    return this.extent().rows;
  }

  getLastColumn(): number {
    this.call('getLastColumn');
    return this.extent().columns;
  }

  getDataRange(): FakeRange {
    this.call('getDataRange');
    const { rows, columns } = this.extent();
    return this.rangeAt(1, 1, Math.max(rows, 1), Math.max(columns, 1));
  }

  getRange(row: number, column: number, numRows?: number, numColumns?: number): FakeRange {
    this.call('getRange');
    return this.rangeAt(row, column, numRows ?? 1, numColumns ?? 1);
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.call('insertRowsAfter', 'write');
    if (afterPosition < 1 || afterPosition > this.maxRows || howMany < 1)
      throw new Error('Invalid row position.');
    this.data.splice(afterPosition, 0, ...Array.from({ length: howMany }, () => [] as FakeCell[]));
    if (this.data.length > this.maxRows + howMany) this.data.length = this.maxRows + howMany;
    this.maxRows += howMany;
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.call('insertColumnsAfter', 'write');
    if (afterPosition < 1 || afterPosition > this.maxColumns || howMany < 1)
      throw new Error('Invalid column position.');
    for (const line of this.data)
      if (line && line.length > afterPosition) line.splice(afterPosition, 0, ...new Array(howMany));
    this.maxColumns += howMany;
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.call('deleteRows', 'write');
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.maxRows)
      throw new Error('Those rows are out of bounds.');
    if (howMany >= this.maxRows) throw new Error("You can't delete all the rows on the sheet.");
    this.data.splice(rowPosition - 1, howMany);
    this.maxRows -= howMany;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.call('deleteColumns', 'write');
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this.maxColumns) {
      throw new Error('Those columns are out of bounds.');
    }
    if (howMany >= this.maxColumns) throw new Error("You can't delete all the columns on the sheet.");
    for (const line of this.data) line?.splice(columnPosition - 1, howMany);
    this.maxColumns -= howMany;
  }

  setFrozenRows(rows: number): void {
    this.call('setFrozenRows', 'write');
    this.frozenRows = rows;
  }

  getFrozenRows(): number {
    this.call('getFrozenRows');
    return this.frozenRows;
  }

  setColumnWidth(columnPosition: number, width: number): this {
    this.call('setColumnWidth', 'write');
    this.columnWidths.set(columnPosition, width);
    return this;
  }

  hideSheet(): this {
    this.call('hideSheet', 'write');
    this.hidden = true;
    return this;
  }

  isSheetHidden(): boolean {
    this.call('isSheetHidden');
    return this.hidden;
  }

  activate(): this {
    this.call('activate');
    this.spreadsheet.select(this, null);
    return this;
  }

  clearContents(): this {
    this.call('clearContents', 'write');
    for (const line of this.data) {
      for (const cell of line ?? []) {
        if (!cell) continue;
        cell.value = '';
        cell.formula = '';
      }
    }
    return this;
  }

  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    this.call('setConditionalFormatRules', 'write');
    this.conditionalRules = [...rules];
  }

  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    this.call('getConditionalFormatRules');
    return [...this.conditionalRules];
  }

  newChart(): FakeEmbeddedChartBuilder {
    this.call('newChart');
    return new FakeEmbeddedChartBuilder(this.log);
  }

  insertChart(chart: FakeEmbeddedChart): void {
    this.call('insertChart', 'write');
    this.charts.push(chart);
  }

  getCharts(): FakeEmbeddedChart[] {
    this.call('getCharts');
    return [...this.charts];
  }

  addDeveloperMetadata(key: string, value?: string): this {
    this.call('addDeveloperMetadata', 'write');
    this.metadata.push(new FakeDeveloperMetadata(this.log, this, key, value ?? null));
    return this;
  }

  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.call('getDeveloperMetadata');
    return [...this.metadata];
  }

  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    this.call('createDeveloperMetadataFinder');
    return new FakeDeveloperMetadataFinder(this.log, () => [this]);
  }
}
