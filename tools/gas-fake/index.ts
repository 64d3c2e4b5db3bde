// An in-memory fake of the Apps Script services the add-on uses: build one from {tab: grid}, run code over it, dump it back.
import { CallLog } from './calls';
import { type FakeCellInput, fixtureCell, type StoredValue } from './cells';
import {
  type DocumentLockState,
  FakeHtmlService,
  FakeLockService,
  FakeProperties,
  FakePropertiesService,
  FakeSession,
  FakeSpreadsheetApp,
  FakeUi,
  fakeCharts,
} from './services';
import { type FakeSheet, NEW_SHEET_COLUMNS, NEW_SHEET_ROWS } from './sheet';
import { FakeSpreadsheet } from './spreadsheet';

export {
  FakeConditionalFormatRule,
  FakeDataValidation,
  FakeEmbeddedChart,
} from './builders';
export { CallLog, InjectedFault } from './calls';
export type { FakeCellInput, StoredValue } from './cells';
export { enterValue, PLAIN_TEXT_FORMAT, valueInput } from './cells';
export { FakeDeveloperMetadata } from './metadata';
export { columnLetters, FakeRange } from './range';
export {
  FAKE_USER,
  FakeHtmlOutput,
  FakeLockService,
  FakeMenu,
  FakeProperties,
  FakePropertiesService,
  FakeSession,
  FakeUi,
  fakeCharts,
} from './services';
export { FakeSheet } from './sheet';
export { type SheetSnapshot, snapshotSpreadsheet } from './snapshot';
export { FakeSpreadsheet } from './spreadsheet';

/** A fixture: tab name -> rows of cells from A1, in tab order. */
export type FakeTabs = Record<string, readonly (readonly FakeCellInput[])[]>;

export interface FakeGasOptions {
  tabs?: FakeTabs;
  /** Spreadsheet locale, e.g. 'de_DE' for a decimal comma. Default 'en_US'. */
  locale?: string;
  /** The spreadsheet's time zone, e.g. 'Europe/Berlin', separate from the process's (TZ). Default: the process's. */
  timeZone?: string;
  /** HTML project files by name (without .html), for HtmlService.createHtmlOutputFromFile. */
  htmlFiles?: Record<string, string>;
}

export interface FakeGas {
  /** Every call made through the fakes below, by method name; also arms faults. */
  log: CallLog;
  spreadsheet: FakeSpreadsheet;
  ui: FakeUi;
  SpreadsheetApp: FakeSpreadsheetApp;
  LockService: FakeLockService;
  HtmlService: FakeHtmlService;
  Charts: typeof fakeCharts;
  Session: FakeSession;
  /** Document properties, shared by every execution (the onEdit trigger's and the sidebar's). */
  PropertiesService: FakePropertiesService;
  /** LockService as another user's execution sees it (shares the document lock). */
  otherExecution(): FakeLockService;
}

export function createFakeGas(options: FakeGasOptions = {}): FakeGas {
  const log = new CallLog();
  const spreadsheet = fakeSpreadsheet(options.tabs ?? { Sheet1: [] }, {
    log,
    locale: options.locale,
    timeZone: options.timeZone,
  });
  const ui = new FakeUi(log);
  const lockState: DocumentLockState = { holder: null };
  return {
    log,
    spreadsheet,
    ui,
    SpreadsheetApp: new FakeSpreadsheetApp(log, spreadsheet, ui),
    LockService: new FakeLockService(log, lockState),
    HtmlService: new FakeHtmlService(
      log,
      options.htmlFiles ?? { Sidebar: '<!doctype html><title>Sidebar</title>' },
    ),
    Charts: fakeCharts,
    Session: new FakeSession(log),
    PropertiesService: new FakePropertiesService(log, new FakeProperties(log)),
    otherExecution: () => new FakeLockService(log, lockState),
  };
}

/** A fake spreadsheet holding the fixture's tabs; building it counts no calls. */
export function fakeSpreadsheet(
  tabs: FakeTabs,
  options: { log?: CallLog; locale?: string; timeZone?: string } = {},
): FakeSpreadsheet {
  const spreadsheet = new FakeSpreadsheet(
    options.log ?? new CallLog(),
    options.locale ?? 'en_US',
    options.timeZone,
  );
  for (const [name, grid] of Object.entries(tabs)) fillSheet(spreadsheet, name, grid);
  return spreadsheet;
}

function fillSheet(
  spreadsheet: FakeSpreadsheet,
  name: string,
  grid: readonly (readonly FakeCellInput[])[],
): FakeSheet {
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  const sheet = spreadsheet.addSheet(
    name,
    Math.max(NEW_SHEET_ROWS, grid.length),
    Math.max(NEW_SHEET_COLUMNS, width),
  );
  grid.forEach((row, r) => {
    row.forEach((input, c) => {
      const cell = fixtureCell(input);
      if (cell.value === '' && cell.formula === '') return;
      sheet.data[r] ??= [];
      sheet.data[r][c] = cell;
    });
  });
  return sheet;
}

/** Every tab's values from A1 to its last used cell, as getValues() would return them (counts no calls). */
export function dumpValues(spreadsheet: FakeSpreadsheet): Record<string, StoredValue[][]> {
  const out: Record<string, StoredValue[][]> = {};
  for (const sheet of spreadsheet.sheets) {
    const { rows, columns } = sheet.extent();
    out[sheet.name] = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => sheet.peekCell(r + 1, c + 1).value),
    );
  }
  return out;
}

/** Every tab's formulas from A1 to its last used cell ('' where none), like getFormulas(). */
export function dumpFormulas(spreadsheet: FakeSpreadsheet): Record<string, string[][]> {
  const out: Record<string, string[][]> = {};
  for (const sheet of spreadsheet.sheets) {
    const { rows, columns } = sheet.extent();
    out[sheet.name] = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => sheet.peekCell(r + 1, c + 1).formula),
    );
  }
  return out;
}
export { FIXED_NOW, fakeServerContext } from './context';
