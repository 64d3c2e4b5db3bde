// Native dropdowns on every Parent column, fed by a hidden add-on tab listing every goal ID in the workbook.
import { idKey } from '../core/graph';
import { findHeader } from '../core/table';
import type { TabInput } from '../core/workbook';
import { safeGrid } from './cell-text';
import type { SheetPort, SpreadsheetAppPort, SpreadsheetPort } from './gas';
import { IDS_TAB } from './owned';
import { fitSheet } from './size';

export const PARENT_HELP =
  'The ID of the goal this one contributes to, on any tab; blank for a top-level goal.';

export interface DropdownWriter {
  spreadsheet: SpreadsheetPort;
  app: Pick<SpreadsheetAppPort, 'newDataValidation'>;
}

/**
 * Writes `ids` into the hidden ID tab (one setValues) and puts a dropdown over it on the body of
 * every goal tab's Parent column (a few calls per tab). A Parent cell is only ever validated, never
 * written. Invalid entries are allowed with a warning: the check reports unknown parents anyway,
 * and rejecting would block pasting goals in before their parents exist.
 */
export function writeParentDropdowns(
  writer: DropdownWriter,
  goalTabs: readonly TabInput[],
  ids: readonly string[],
): { columns: number } {
  const { spreadsheet, app } = writer;
  const selection = spreadsheet.getActiveRange();
  const list = idsSheet(spreadsheet);
  // Exactly one row per ID, so the dropdown lists no blanks.
  fitSheet(list, Math.max(ids.length, 1), 1);
  list.clearContents();
  if (ids.length > 0) list.getRange(1, 1, ids.length, 1).setValues(safeGrid(ids.map((id) => [id])));
  const source = list.getRange(1, 1, list.getMaxRows(), 1);
  const rule = app
    .newDataValidation()
    .requireValueInRange(source, true)
    .setAllowInvalid(true)
    .setHelpText(PARENT_HELP)
    .build();

  const byName = new Map(spreadsheet.getSheets().map((s): [string, SheetPort] => [s.getName(), s]));
  let columns = 0;
  for (const tab of goalTabs) {
    const header = findHeader(tab.grid);
    const sheet = byName.get(tab.name);
    if (!header || header.columns.parent === undefined || !sheet) continue;
    const firstBodyRow = header.row + 2;
    const bodyRows = sheet.getMaxRows() - firstBodyRow + 1;
    if (bodyRows < 1) continue;
    sheet.getRange(firstBodyRow, header.columns.parent + 1, bodyRows, 1).setDataValidation(rule);
    columns++;
  }
  // Inserting the ID tab moved the user's selection there: put it back.
  selection?.activate();
  return { columns };
}

function idsSheet(spreadsheet: SpreadsheetPort): SheetPort {
  const existing = spreadsheet.getSheetByName(IDS_TAB);
  if (existing) return existing;
  const sheet = spreadsheet.insertSheet(IDS_TAB, spreadsheet.getNumSheets());
  sheet.hideSheet();
  return sheet;
}

/** Each goal ID once (the first spelling of IDs equal but for case), in workbook order. */
export function uniqueIds(goals: readonly { id: string }[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const g of goals) {
    const key = idKey(g.id);
    if (!g.id || seen.has(key)) continue;
    seen.add(key);
    out.push(g.id);
  }
  return out;
}
