// Keeps a HyperFormula engine in step with the fake spreadsheet, which stays the one source of truth for what cells hold.
import type { CellValue as EngineValue, HyperFormula, RawCellContent } from 'hyperformula';
import { DetailedCellError } from 'hyperformula';
import {
  type CatalogEntry,
  createEngine,
  type EngineOptions,
  type Implementation,
  refreshArraySizes,
  stackInlineArrays,
} from '../formula-engine';
import type { FakeSpreadsheet, StoredValue } from '../gas-fake';
import type { FakeCell } from '../gas-fake/cells';
import type { FakeSheet } from '../gas-fake/sheet';
import { cellKeys, contentKey, isDate } from './cell-key';

/** The custom functions formulas may call: the vm-loaded bundle's, so the preview runs what is uploaded. */
export interface FormulaRuntime {
  functions: Implementation;
  catalog: readonly CatalogEntry[];
  options: EngineOptions;
}

const HYPERFORMULA_DEFAULT_ROWS = 40_000;

/** What the engine is given for a cell: its formula, or its value (text that reads as a formula marked as text). */
function engineInput(cell: FakeCell): RawCellContent {
  if (cell.formula) return cell.formula;
  const value = cell.value;
  if (value === '') return null;
  if (typeof value === 'string' && value.startsWith('=')) return `'${value}`;
  // The fake may hold the bundle's Dates (another realm); HyperFormula recognises only its own.
  if (isDate(value)) return new Date(value.getTime());
  return value;
}

/** A formula's value as getValues() would give it to the server: errors as their text, blank as ''. */
export function storedValueOf(value: EngineValue): StoredValue {
  if (value === null || value === undefined) return '';
  if (value instanceof DetailedCellError) return value.value;
  return value;
}

export class EngineSync {
  engine!: HyperFormula;
  /** What the engine was last given, per sheet name: content keys by `row:col`. */
  private mirror = new Map<string, Map<string, string>>();

  constructor(
    private readonly spreadsheet: FakeSpreadsheet,
    private readonly runtime: FormulaRuntime,
  ) {
    this.rebuild();
  }

  /** Builds the engine afresh from the spreadsheet: when tabs were added, removed or renamed. */
  private rebuild(): void {
    const sheets: Record<string, RawCellContent[][]> = {};
    let tallest = 0;
    for (const sheet of this.spreadsheet.sheets) {
      const { rows, columns } = sheet.extent();
      tallest = Math.max(tallest, rows);
      sheets[sheet.name] = Array.from({ length: rows }, (_, r) =>
        Array.from({ length: columns }, (_, c) => engineInput(sheet.peekCell(r + 1, c + 1))),
      );
    }
    const { functions, catalog, options } = this.runtime;
    const config = { ...options.config, maxRows: Math.max(HYPERFORMULA_DEFAULT_ROWS, tallest + 1) };
    const previous = this.engine as HyperFormula | undefined;
    this.engine = createEngine(sheets, functions, catalog, { ...options, config });
    previous?.destroy();
    this.mirror = new Map(this.spreadsheet.sheets.map((sheet) => [sheet.name, cellKeys(sheet.data)]));
    this.storeFormulaValues();
  }

  private sameTabs(): boolean {
    const names = this.spreadsheet.sheets.map((sheet) => sheet.name);
    return names.length === this.mirror.size && names.every((name) => this.mirror.has(name));
  }

  /** Gives the engine every cell that changed since the last sync (anything may have: the server wrote). */
  syncAll(): void {
    if (!this.sameTabs()) {
      this.rebuild();
      return;
    }
    this.engine.batch(() => {
      for (const sheet of this.spreadsheet.sheets) {
        const before = this.mirror.get(sheet.name)!;
        const after = cellKeys(sheet.data);
        for (const [at, key] of after) if (before.get(at) !== key) this.enter(sheet, at);
        for (const at of before.keys()) if (!after.has(at)) this.enter(sheet, at);
        this.mirror.set(sheet.name, after);
      }
    });
    this.settle();
  }

  /** Gives the engine one edited cell (1-based): cheaper than syncAll after a user's edit. */
  syncCell(sheet: FakeSheet, row: number, column: number): void {
    if (!this.sameTabs()) {
      this.rebuild();
      return;
    }
    const at = `${row - 1}:${column - 1}`;
    const keys = this.mirror.get(sheet.name)!;
    const key = contentKey(sheet.peekCell(row, column));
    if (keys.get(at) === (key ?? undefined)) return;
    if (key === null) keys.delete(at);
    else keys.set(at, key);
    this.enter(sheet, at);
    this.settle();
  }

  private enter(sheet: FakeSheet, at: string): void {
    const [row, col] = at.split(':').map(Number);
    const input = engineInput(sheet.peekCell(row + 1, col + 1));
    const content = typeof input === 'string' && input.startsWith('=') ? stackInlineArrays(input) : input;
    this.engine.setCellContents({ sheet: this.sheetId(sheet.name), row, col }, [[content]]);
  }

  /** Spills that outgrew their cells are sized again, then formula cells take their new values. */
  private settle(): void {
    refreshArraySizes(this.engine);
    this.storeFormulaValues();
  }

  /**
   * Stores each formula's value in its fake cell, as Sheets does: the server reads formula cells with
   * getValues() and must see what they show. Spilled neighbours are not stored (they would turn into
   * typed values); the server only sees each formula's first cell.
   */
  private storeFormulaValues(): void {
    for (const sheet of this.spreadsheet.sheets) {
      const id = this.sheetId(sheet.name);
      for (const [at, key] of this.mirror.get(sheet.name) ?? []) {
        if (!key.startsWith('f')) continue;
        const [row, col] = at.split(':').map(Number);
        sheet.cellAt(row + 1, col + 1).value = storedValueOf(
          this.engine.getCellValue({ sheet: id, row, col }),
        );
      }
    }
  }

  sheetId(name: string): number {
    const id = this.engine.getSheetId(name);
    if (id === undefined) throw new Error(`The formula engine has no tab named "${name}".`);
    return id;
  }
}
