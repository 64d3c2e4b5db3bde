// The JSON the preview page and its server exchange: workbook state, one tab's cells, and the requests that change them.

export type CellKind = 'number' | 'text' | 'bool' | 'date' | 'error';

/** One non-empty cell as the grid shows it. Every text here reaches the page through textContent only. */
export interface CellView {
  /** What the cell shows, formatted. */
  text: string;
  kind: CellKind;
  /** What the editor starts with: the formula, or the value as it would be typed. Absent on spilled cells. */
  input?: string;
  /** The cell holds a formula (its first cell, for a spilled result). */
  formula?: boolean;
  /** The cell shows part of another cell's spilled result. */
  spill?: boolean;
  /** An error's message, shown as a tooltip. */
  note?: string;
}

export interface SheetView {
  version: number;
  tab: string;
  /** Rows and columns in use (at least 1 x 1); the page adds empty ones to type into. */
  rows: number;
  columns: number;
  /** Only part of a very large tab is sent. */
  truncated: boolean;
  frozenRows: number;
  /** Non-empty cells by `row:col`, 1-based. */
  cells: Record<string, CellView>;
}

export interface CellAddress {
  tab: string;
  row: number;
  col: number;
}

export type MenuEntry = { caption: string; functionName: string } | { separator: true };

/** An alert or toast the add-on showed; `seq` grows, so the page shows each once. */
export interface Notice {
  seq: number;
  kind: 'alert' | 'toast';
  text: string;
}

export interface WorkbookState {
  version: number;
  /** The workbook's name: a file name or the sample. */
  label: string;
  /** Visible tabs in order (hidden ones, like the add-on's ID list, are left out as Sheets does). */
  tabs: string[];
  active: CellAddress | null;
  /** The add-on menu onOpen built (Extensions → MBO Cascade). */
  menu: MenuEntry[];
  /** How many times the add-on opened a sidebar: the page reloads the sidebar when it grows. */
  sidebarOpened: number;
  notices: Notice[];
  canSave: boolean;
}

export interface EditRequest extends CellAddress {
  /** As typed: `=...` is a formula, `'...` text, numbers and TRUE/FALSE become values, '' clears. */
  input: string;
}

export interface SaveRequest {
  path: string;
}

export interface MenuRequest {
  functionName: string;
}

/** Every error reply: a message to show. */
export interface ErrorReply {
  error: string;
}
