// A fake Spreadsheet: ordered tabs with Sheets' naming rules, the active selection, locale, time zone and toasts.
import type { SpreadsheetPort } from '../../src/sheets/gas';
import type { CallLog } from './calls';
import { FakeDeveloperMetadataFinder } from './metadata';
import type { FakeRange } from './range';
import { FakeSheet } from './sheet';

export class FakeSpreadsheet implements SpreadsheetPort {
  readonly sheets: FakeSheet[] = [];
  readonly toasts: { message: string; title: string }[] = [];
  /** Named ranges by name (Sheets compares them case-insensitively; the fake keeps them as set). */
  readonly namedRanges = new Map<string, FakeRange>();
  activeSheet: FakeSheet | null = null;
  activeRange: FakeRange | null = null;

  constructor(
    readonly log: CallLog,
    public locale = 'en_US',
    /** The spreadsheet's own zone, separate from the process's (TZ): Date cells are instants of midnight there. */
    public timeZone = processTimeZone(),
  ) {}

  private call(method: string, kind: 'read' | 'write' = 'read'): void {
    this.log.record(`Spreadsheet.${method}`, kind);
  }

  /** Adds a tab without counting a call (for building fixtures). */
  addSheet(name: string, rows?: number, columns?: number, index = this.sheets.length): FakeSheet {
    this.assertNameFree(name, null);
    const sheet = new FakeSheet(this, this.log, name, rows, columns);
    this.sheets.splice(index, 0, sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  /** Sheets refuses a second tab whose name differs only in case. */
  assertNameFree(name: string, except: FakeSheet | null): void {
    if (name.trim() === '') throw new Error('A sheet name cannot be empty.');
    if (name.length > 100) throw new Error('A sheet name cannot be longer than 100 characters.');
    const clash = this.sheets.find((s) => s !== except && s.name.toLowerCase() === name.toLowerCase());
    if (clash) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }

  indexOf(sheet: FakeSheet): number {
    return this.sheets.indexOf(sheet);
  }

  /** Makes a tab (and optionally a range on it) the user's selection, as clicking would. */
  select(sheet: FakeSheet, range: FakeRange | null): void {
    this.activeSheet = sheet;
    this.activeRange = range ?? sheet.rangeAt(1, 1);
  }

  /** Test helper: the user clicks a cell. */
  selectCell(tab: string, row: number, column: number): void {
    const sheet = this.sheet(tab);
    this.select(sheet, sheet.rangeAt(row, column));
  }

  /** The tab with this exact name, without counting a call; throws when missing. */
  sheet(name: string): FakeSheet {
    const found = this.sheets.find((s) => s.name === name);
    if (!found) throw new Error(`No tab named "${name}"`);
    return found;
  }

  getSheets(): FakeSheet[] {
    this.call('getSheets');
    return [...this.sheets];
  }

  getSheetByName(name: string): FakeSheet | null {
    this.call('getSheetByName');
    return this.sheets.find((s) => s.name === name) ?? null;
  }

  getNumSheets(): number {
    this.call('getNumSheets');
    return this.sheets.length;
  }

  getSpreadsheetLocale(): string {
    this.call('getSpreadsheetLocale');
    return this.locale;
  }

  getSpreadsheetTimeZone(): string {
    this.call('getSpreadsheetTimeZone');
    return this.timeZone;
  }

  getActiveRange(): FakeRange | null {
    this.call('getActiveRange');
    return this.activeRange;
  }

  getActiveSheet(): FakeSheet {
    this.call('getActiveSheet');
    if (!this.activeSheet) throw new Error('No active sheet.');
    return this.activeSheet;
  }

  insertSheet(sheetName: string, sheetIndex: number): FakeSheet {
    this.call('insertSheet', 'write');
    if (sheetIndex < 0 || sheetIndex > this.sheets.length)
      throw new Error(`Sheet index ${sheetIndex} is out of range.`);
    const sheet = this.addSheet(sheetName, undefined, undefined, sheetIndex);
    this.select(sheet, null);
    return sheet;
  }

  deleteSheet(sheet: FakeSheet): void {
    this.call('deleteSheet', 'write');
    const at = this.sheets.indexOf(sheet);
    if (at < 0) throw new Error('That sheet is not in this spreadsheet.');
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets.splice(at, 1);
    sheet.deleted = true;
    if (this.activeSheet === sheet) this.select(this.sheets[Math.max(0, at - 1)], null);
  }

  /** The named range, or null when there is none or its sheet was deleted (the name then points nowhere). */
  getRangeByName(name: string): FakeRange | null {
    this.call('getRangeByName');
    const range = this.namedRanges.get(name);
    return range && !range.owner.deleted ? range : null;
  }

  setNamedRange(name: string, range: FakeRange): void {
    this.call('setNamedRange', 'write');
    this.namedRanges.set(name, range);
  }

  /** Finds metadata on every sheet, in tab order (the fake keeps none on the spreadsheet itself). */
  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    this.call('createDeveloperMetadataFinder');
    return new FakeDeveloperMetadataFinder(this.log, () => this.sheets);
  }

  toast(message: string, title = '', _timeoutSeconds?: number | null): void {
    this.call('toast');
    this.toasts.push({ message, title });
  }
}

/** The zone of this process (TZ), read when a fake is made: the default, as when a spreadsheet's zone is the script's. */
export function processTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
