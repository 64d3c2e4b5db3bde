// One tab as the grid shows it: stored values from the fake, computed ones (formulas and their spills) from the engine.

import type { CellValue as EngineValue } from 'hyperformula';
import { DetailedCellError } from 'hyperformula';
import type { FakeSheet } from '../gas-fake';
import { formatValue, type ShownValue, typedInput } from './cell-format';
import type { EngineSync } from './engine-sync';
import type { CellView, SheetView } from './protocol';

/** Beyond this, a tab is sent in part: a browser table of millions of cells helps nobody. */
export const MAX_ROWS_SENT = 2000;
export const MAX_COLUMNS_SENT = 100;

function shownOf(value: EngineValue): ShownValue | null {
  if (value === null || value === undefined) return null;
  if (value instanceof DetailedCellError) return { error: value.value, message: value.message };
  return value;
}

function computedCell(value: ShownValue, numberFormat: string, extra: Partial<CellView>): CellView {
  const { text, kind, note } = formatValue(value, numberFormat);
  return { text, kind, ...(note ? { note } : {}), ...extra };
}

export function sheetView(sheet: FakeSheet, sync: EngineSync, version: number): SheetView {
  const computed = sync.engine.getSheetValues(sync.sheetId(sheet.name));
  const stored = sheet.extent();
  const usedRows = Math.max(stored.rows, computed.length, 1);
  const usedColumns = Math.max(stored.columns, ...computed.map((line) => line.length), 1);
  const rows = Math.min(usedRows, MAX_ROWS_SENT);
  const columns = Math.min(usedColumns, MAX_COLUMNS_SENT);
  const cells: Record<string, CellView> = {};
  for (let r = 1; r <= rows; r++) {
    for (let c = 1; c <= columns; c++) {
      const cell = sheet.peekCell(r, c);
      const result = shownOf(computed[r - 1]?.[c - 1] ?? null);
      let view: CellView | null = null;
      if (cell.formula) {
        view = computedCell(result ?? '', cell.numberFormat, { formula: true, input: cell.formula });
      } else if (cell.value !== '') {
        view = computedCell(cell.value, cell.numberFormat, { input: typedInput(cell.value) });
      } else if (result !== null) {
        view = computedCell(result, cell.numberFormat, { spill: true });
      }
      if (view) cells[`${r}:${c}`] = view;
    }
  }
  return {
    version,
    tab: sheet.name,
    rows,
    columns,
    truncated: rows < usedRows || columns < usedColumns,
    frozenRows: sheet.frozenRows,
    cells,
  };
}
