// The Frozen payouts tab: Freeze period appends each frozen scorecard as a row (values, time, user, input hash), never rewriting one.
import { FROZEN_HEADERS } from '../core/freeze';
import type { TabInput } from '../core/workbook';
import { typedGrid } from './cell-text';
import type { SheetPort, SpreadsheetPort } from './gas';
import { addFilledTab } from './new-tab';
import { FROZEN_TAB, freeName, markTab, type TabRole, tabRoles } from './owned';

/** Our log: the first tab marked as it, under whatever name it now has; null before the first freeze. */
export function frozenLog(tabs: readonly TabRole[]): TabRole | null {
  return tabs.find((tab) => tab.role === 'frozen') ?? null;
}

/**
 * Appends frozen rows below what our log holds, or adds the log (marked as ours, named `Frozen payouts`, or
 * `Frozen payouts (2)`, ... when a tab of the user's has that name) with its headers first. One setValues either way;
 * earlier freezes are never touched, so the tab reads as a log. A tab of the user's is never written, whatever its name.
 */
export function appendFrozen(spreadsheet: SpreadsheetPort, rows: readonly (string | number)[][]): SheetPort {
  const tabs = tabRoles(spreadsheet);
  const ours = frozenLog(tabs);
  if (ours === null) {
    const name = freeName(
      tabs.map((tab) => tab.name),
      FROZEN_TAB,
    );
    // Marked inside the fill: if anything fails, the half-made tab goes, mark and all.
    return addFilledTab(spreadsheet, name, [FROZEN_HEADERS, ...rows], (sheet) => markTab(sheet, 'frozen'));
  }
  const log = ours.sheet;
  const last = log.getDataRange().getNumRows();
  const missing = last + rows.length - log.getMaxRows();
  if (missing > 0) log.insertRowsAfter(log.getMaxRows(), missing);
  log.getRange(last + 1, 1, rows.length, FROZEN_HEADERS.length).setValues(typedGrid(rows));
  return log;
}

/** Our log's values from A1, for the analysis to compare with today's scorecards; null when there is none. */
export function readFrozen(tabs: readonly TabRole[]): TabInput | null {
  const ours = frozenLog(tabs);
  return ours === null ? null : { name: ours.name, grid: ours.sheet.getDataRange().getValues() };
}
