// Native dropdowns on every Parent column, fed by a hidden add-on tab listing every goal ID in the workbook.
import { idKey } from '../core/graph';
import { findHeader } from '../core/table';
import type { TabInput } from '../core/workbook';
import { TEXT_FORMAT } from './cell-text';
import type { SheetPort, SpreadsheetAppPort, SpreadsheetPort } from './gas';
import { freeName, IDS_TAB, markTab, tabRoles } from './owned';
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
  const rows = Math.max(ids.length, 1);
  fitSheet(list, rows, 1);
  list.clearContents();
  // Plain text before the IDs go in, as they are: `1.10`, `007` or `1/2` must stay the IDs they are.
  list.getRange(1, 1, rows, 1).setNumberFormat(TEXT_FORMAT);
  if (ids.length > 0) list.getRange(1, 1, ids.length, 1).setValues(ids.map((id) => [id]));
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

/**
 * Our ID list: the tab marked as it (under any name), else a new hidden one, marked, named `_mbo_ids`
 * or, if a tab of the user's has that name, `_mbo_ids (2)`, ...: a tab we did not make is never reused.
 */
function idsSheet(spreadsheet: SpreadsheetPort): SheetPort {
  const tabs = tabRoles(spreadsheet);
  const ours = tabs.find((tab) => tab.role === 'ids');
  if (ours) return ours.sheet;
  const name = freeName(
    tabs.map((tab) => tab.name),
    IDS_TAB,
  );
  const sheet = spreadsheet.insertSheet(name, spreadsheet.getNumSheets());
  markTab(sheet, 'ids');
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
