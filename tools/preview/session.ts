// One open workbook: the fake spreadsheet, the built bundle running over it (server and custom functions), and the formula engine.
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { CatalogEntry } from '../formula-engine';
import { enterValue, type FakeGas, type FakeSheet } from '../gas-fake';
import { type LoadedBundle, loadBundle } from '../load-bundle';
import { type RpcCall, type RpcReply, runScriptFunction, type ServerFunction } from '../script-run-bridge';
import { EngineSync } from './engine-sync';
import { fakeOfBook, moveDatesInto } from './fake-workbook';
import type { PreviewBook } from './preview-book';
import type { CellAddress, EditRequest, MenuEntry, Notice, SheetView, WorkbookState } from './protocol';
import { sheetView } from './sheet-view';

/** A request the user can fix (unknown tab, bad path…): answered with its message, not as a server fault. */
export class PreviewError extends Error {}

/** Sheets' limit on what one cell holds. */
const MAX_CELL_TEXT = 50_000;

export interface SessionOptions {
  /** dist/Sidebar.html as built: what HtmlService serves for the sidebar. */
  sidebarHtml: string;
  /** Relative save paths are read from here: the folder `npm start` was run in. */
  baseDir: string;
  /** The spreadsheet locale as Sheets names it (`de_DE`); en_US when absent. */
  locale?: string;
}

export class PreviewSession {
  readonly gas: FakeGas;
  readonly bundle: LoadedBundle;
  readonly sync: EngineSync;
  private currentVersion = 0;
  private signature = '';
  private edits = 0;
  private readonly notices: Notice[] = [];
  private alertsSeen = 0;
  private toastsSeen = 0;
  private readonly listeners = new Set<(version: number) => void>();

  constructor(
    readonly book: PreviewBook,
    private readonly options: SessionOptions,
  ) {
    this.gas = fakeOfBook(book, options.sidebarHtml, options.locale);
    const { SpreadsheetApp, LockService, HtmlService, Charts, Session, PropertiesService } = this.gas;
    this.bundle = loadBundle({
      SpreadsheetApp,
      LockService,
      HtmlService,
      Charts,
      Session,
      PropertiesService,
    });
    const makeDate = (epochMs: number) => this.bundle.evaluate(`new Date(${Number(epochMs)})`) as Date;
    moveDatesInto(this.gas, makeDate);
    const catalog = (this.bundle.context.MBO as { catalog: CatalogEntry[] }).catalog;
    this.sync = new EngineSync(this.gas.spreadsheet, {
      functions: this.bundle.functions,
      catalog,
      options: { createDate: makeDate },
    });
    // As when the file opens: A1 of the first tab selected, the trigger builds the menu, the user opens the sidebar.
    this.gas.spreadsheet.selectCell(this.gas.spreadsheet.sheets[0].name, 1, 1);
    this.serverFunction('onOpen')();
    this.serverFunction('showSidebar')();
    this.settle();
  }

  get version(): number {
    return this.currentVersion;
  }

  /** Called with the new version whenever anything the page shows changed. */
  onChange(listener: (version: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  state(): WorkbookState {
    const { spreadsheet } = this.gas;
    const range = spreadsheet.activeRange;
    const active = spreadsheet.activeSheet;
    return {
      version: this.currentVersion,
      label: this.book.label,
      tabs: spreadsheet.sheets.filter((sheet) => !sheet.hidden).map((sheet) => sheet.name),
      active: active && range ? { tab: active.name, row: range.row, col: range.column } : null,
      menu: this.menu(),
      sidebarOpened: this.gas.ui.sidebars.length,
      notices: this.notices.slice(-20),
      canSave: this.book.saveAs !== null,
    };
  }

  view(tab: string): SheetView {
    return sheetView(this.sheet(tab), this.sync, this.currentVersion);
  }

  /** The sidebar page the add-on last showed. */
  sidebarHtml(): string {
    const shown = this.gas.ui.sidebars.at(-1);
    if (!shown) throw new PreviewError('The add-on has not opened a sidebar.');
    return shown.getContent();
  }

  /** The user types into a cell and presses Enter. */
  edit(request: EditRequest): void {
    const sheet = this.sheet(request.tab);
    this.assertInside(sheet, request);
    if (typeof request.input !== 'string') throw new PreviewError('input must be text.');
    if (request.input.length > MAX_CELL_TEXT)
      throw new PreviewError(`A cell holds at most ${MAX_CELL_TEXT} characters.`);
    // As in Sheets, a plain-text cell keeps what is typed as it is; any other reads it (007 -> 7, 1/2 -> a date).
    const cell = sheet.cellAt(request.row, request.col);
    Object.assign(cell, enterValue(request.input, cell.numberFormat));
    this.edits++;
    this.sync.syncCell(sheet, request.row, request.col);
    this.settle();
  }

  /** The user clicks a cell: the sidebar's Link panel reads the selection. */
  select(address: CellAddress): void {
    const sheet = this.sheet(address.tab);
    this.assertInside(sheet, address);
    this.gas.spreadsheet.selectCell(sheet.name, address.row, address.col);
    this.settle();
  }

  /** A google.script.run call from the sidebar, run by the bundle as Apps Script would. */
  async rpc(call: RpcCall): Promise<RpcReply> {
    return this.runServer(() =>
      runScriptFunction(this.bundle.functions as Record<string, ServerFunction>, call),
    );
  }

  /** A click on an item of the add-on menu. */
  async runMenu(functionName: string): Promise<void> {
    const known = this.menu().some((entry) => 'functionName' in entry && entry.functionName === functionName);
    if (!known) throw new PreviewError(`The add-on menu has no item that runs ${functionName}.`);
    await this.runServer(async () => this.serverFunction(functionName)());
  }

  /** Writes a copy to a new .xlsx; the files the preview was opened from are never written. */
  async saveAs(path: string): Promise<string> {
    const save = this.book.saveAs;
    if (!save)
      throw new PreviewError('Saving needs the CLI’s workbook writer (src/cli), which is not available.');
    if (typeof path !== 'string' || path.trim() === '')
      throw new PreviewError('Give a path for the new file.');
    const target = isAbsolute(path.trim()) ? path.trim() : resolve(this.options.baseDir, path.trim());
    if (this.book.files.some((file) => resolve(this.options.baseDir, file) === target)) {
      throw new PreviewError(`${target} is the file this preview was opened from: save to a new file.`);
    }
    if (existsSync(target)) throw new PreviewError(`${target} already exists: save to a new file.`);
    await save(target, {
      spreadsheet: this.gas.spreadsheet,
      shownValue: (tab, row, column) =>
        this.sync.engine.getCellValue({ sheet: this.sync.sheetId(tab), row: row - 1, col: column - 1 }),
    });
    this.notices.push({ seq: this.notices.length + 1, kind: 'toast', text: `Saved a copy to ${target}` });
    this.settle();
    return target;
  }

  private async runServer<T>(run: () => Promise<T>): Promise<T> {
    const writes = this.gas.log.writes;
    try {
      return await run();
    } finally {
      // A failed call may have written part of its work, as in Sheets: show what is there.
      if (this.gas.log.writes !== writes) this.sync.syncAll();
      this.settle();
    }
  }

  private serverFunction(name: string): () => unknown {
    const fn = this.bundle.functions[name];
    if (typeof fn !== 'function') throw new Error(`The bundle has no top-level function ${name}.`);
    return fn;
  }

  private menu(): MenuEntry[] {
    const items = this.gas.ui.menus.at(-1)?.items ?? [];
    return items.map((item) => (item === 'separator' ? { separator: true } : { ...item }));
  }

  private sheet(tab: unknown): FakeSheet {
    const sheet = this.gas.spreadsheet.sheets.find((s) => s.name === tab);
    if (!sheet) throw new PreviewError(`There is no tab named ${JSON.stringify(tab)}.`);
    return sheet;
  }

  private assertInside(sheet: FakeSheet, { row, col }: { row: unknown; col: unknown }): void {
    const inside = (n: unknown, max: number) =>
      Number.isInteger(n) && (n as number) >= 1 && (n as number) <= max;
    if (!inside(row, sheet.maxRows) || !inside(col, sheet.maxColumns)) {
      throw new PreviewError(`Row ${row}, column ${col} is outside the tab ${sheet.name}.`);
    }
  }

  /** Collects new alerts and toasts, and moves to a new version when anything the page shows changed. */
  private settle(): void {
    const { ui, spreadsheet, log } = this.gas;
    for (const text of ui.alerts.slice(this.alertsSeen))
      this.notices.push({ seq: this.notices.length + 1, kind: 'alert', text });
    for (const toast of spreadsheet.toasts.slice(this.toastsSeen)) {
      this.notices.push({ seq: this.notices.length + 1, kind: 'toast', text: toast.message });
    }
    this.alertsSeen = ui.alerts.length;
    this.toastsSeen = spreadsheet.toasts.length;
    const range = spreadsheet.activeRange;
    const signature = [
      log.writes,
      this.edits,
      spreadsheet.activeSheet?.name,
      range ? `${range.row}:${range.column}` : '',
      ui.sidebars.length,
      this.notices.length,
    ].join('|');
    if (signature === this.signature) return;
    this.signature = signature;
    this.currentVersion++;
    for (const listener of this.listeners) listener(this.currentVersion);
  }
}
