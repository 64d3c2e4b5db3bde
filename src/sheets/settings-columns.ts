// Saves a Columns map into the Settings tab in one write (or a new Settings tab holding it), headers kept as text.
import { type ColumnChoice, columnsAfter, planColumnRows } from '../core/columns';
import { type CellValue, DEFAULT_SETTINGS, type Grid } from '../core/model';
import { columnRow, settingsRows } from '../core/settings';
import type { TabInput } from '../core/workbook';
import { type OutCell, typedText } from './cell-text';
import type { SheetPort, SpreadsheetPort } from './gas';
import { addFilledTab } from './new-tab';
import { SETTINGS_TAB } from './owned';

/** A Column row spans the key, the header, the field and what it does: columns A to D. */
const ROW_WIDTH = 4;

export interface ColumnsSave {
  /** The Settings tab as it reads after the save; null when there is none (nothing needed one). */
  settings: TabInput | null;
  created: boolean;
  /** Rows written (0 when the tab already said it all). */
  rowsWritten: number;
}

/**
 * A new Settings tab's rows, its Column rows (the last `count`) with header and field as text: the tab writer keeps
 * every text as text (typedCell), so `1.10` stays `1.10`.
 */
function withLiteralColumns(rows: readonly (readonly (string | number)[])[], count: number): OutCell[][] {
  return rows.map((row, r) =>
    r < rows.length - count ? [...row] : row.map((cell, c) => (c === 1 || c === 2 ? String(cell) : cell)),
  );
}

/** A cell written back as it is: its formula, or its value with text kept as text. */
function asItIs(value: CellValue | undefined, formula: string | undefined): string | number | boolean | Date {
  if (formula) return formula;
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? typedText(value) : value;
}

/** The sheet's grid grown (blank rows and columns added after the last) until `rows` x `cols` fits. */
function ensureSize(sheet: SheetPort, rows: number, cols: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxCols = sheet.getMaxColumns();
  if (maxCols < cols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
}

/**
 * Saves the choices into `settings` (the Settings tab as read, or null when there is none). A new Settings tab gets
 * the defaults with the map, all or nothing (addFilledTab); none is made for a map that needs no Column row. An existing one gets one setValues over its rows from the
 * first that changes to the last added (columns A-D): changed Column rows take the new header and field, rows no
 * longer needed are cleared, new rows are added below, and any other row in that block is written back as it was
 * (formulas as formulas, text as text). One write: if it fails, the tab's values are as they were.
 */
export function saveColumnRows(
  spreadsheet: SpreadsheetPort,
  settings: TabInput | null,
  choices: readonly ColumnChoice[],
  decimalSeparator: '.' | ',',
): ColumnsSave {
  if (settings === null) {
    const columns = columnsAfter([], choices);
    if (columns.length === 0) return { settings: null, created: false, rowsWritten: 0 };
    const rows = settingsRows({ ...DEFAULT_SETTINGS, decimalSeparator, columns });
    const sheet = addFilledTab(spreadsheet, SETTINGS_TAB, withLiteralColumns(rows, columns.length));
    return {
      settings: { name: sheet.getName(), grid: sheet.getDataRange().getValues() },
      created: true,
      rowsWritten: rows.length,
    };
  }
  const plan = planColumnRows(settings.grid, choices);
  if (plan.changed.size === 0 && plan.added.length === 0) return { settings, created: false, rowsWritten: 0 };

  const sheet = spreadsheet.getSheetByName(settings.name);
  if (sheet === null) throw new Error(`The ${settings.name} tab was deleted meanwhile: try again.`);
  const grid: Grid = settings.grid;
  const formulas = plan.changed.size > 0 ? sheet.getDataRange().getFormulas() : [];
  const first = Math.min(...plan.changed.keys(), grid.length);
  const rows: (string | number | boolean | Date)[][] = [];
  for (let r = first; r < grid.length; r++) {
    const kept = Array.from({ length: ROW_WIDTH }, (_, c) => asItIs(grid[r][c], formulas[r]?.[c]));
    const change = plan.changed.get(r);
    if (change === undefined) rows.push(kept);
    else if (change === null) rows.push(Array(ROW_WIDTH).fill(''));
    else rows.push([kept[0], typedText(change[0]), typedText(change[1]), kept[3]]);
  }
  for (const mapping of plan.added) rows.push(columnRow(mapping).map(typedText));

  ensureSize(sheet, first + rows.length, ROW_WIDTH);
  sheet.getRange(first + 1, 1, rows.length, ROW_WIDTH).setValues(rows);
  return {
    settings: { ...settings, grid: sheet.getDataRange().getValues() },
    created: false,
    rowsWritten: rows.length,
  };
}
