// Reads the workbook for the core: every tab with one batched getValues and its merges, the locale's decimal separator and the time zone.

import { parseA1Block } from '../core/a1';
import { mayBeCheckInTab } from '../core/check-in-tab';
import { HEADER_SEARCH_ROWS, inspectTab } from '../core/header';
import { decimalSeparatorOf } from '../core/locale';
import type { Merge } from '../core/table';
import type { TabInput } from '../core/workbook';
import { readFrozen } from './frozen';
import type { RangePort, SheetPort, SpreadsheetPort } from './gas';
import { tabRoles } from './owned';

export interface WorkbookRead {
  /** Every tab the user owns, in tab order, values from A1. */
  tabs: TabInput[];
  /** The tabs the add-on made (reports, the ID list), left out of `tabs`. */
  ownTabs: string[];
  locale: string;
  decimalSeparator: '.' | ',';
  /** The spreadsheet's time zone (not the script's): Date cells and "today" are read on its calendar. */
  timeZone: string;
  /** Our Frozen payouts log (one of ownTabs), read in full by readWorkbook; null without one, or from readTopRows. */
  frozen: TabInput | null;
}

/**
 * The merged blocks of a tab (a merged Objective or Parent applies to every row it covers): one getMergedRanges,
 * then one getA1Notation per block, read as row, column and size.
 */
function mergesOf(range: RangePort): Merge[] {
  const merges: Merge[] = [];
  for (const merged of range.getMergedRanges()) {
    const block = parseA1Block(merged.getA1Notation());
    if (block !== null) merges.push(block);
  }
  return merges;
}

/**
 * One getSheets, one locale and one time zone lookup, one metadata search, and per tab getName + getDataRange +
 * getValues + getMergedRanges: the number of calls grows with the tabs, never with the rows. The
 * add-on's own tabs (marked as ours) are skipped: a report has ID and Goal headers and would
 * otherwise read as a second copy of every goal. A tab of the user's is read whatever its name,
 * `Roll-up` included. Unmarked tabs the check-in log may be (`Check-ins`, `History`: read apart, by
 * readHistoryTab, where check-ins are needed) are left out after a look at their top rows, unless they read as
 * goal tabs: those are someone's goals and are read as such.
 */
export function readWorkbook(spreadsheet: SpreadsheetPort): WorkbookRead {
  return readUserTabs(
    spreadsheet,
    (sheet, name) => {
      if (mayBeCheckInTab(name) && !holdsGoals(sheet)) return null;
      const range = sheet.getDataRange();
      return { name, grid: range.getValues(), merges: mergesOf(range) };
    },
    true,
  );
}

/**
 * The first `rows` rows of every tab the user owns (those `whole` names in full, such as Settings): enough to find
 * each tab's header row (the core looks no further), without fetching the rows below. Per tab getName,
 * getDataRange and its size, then one getValues of the top block; no merges.
 */
export function readTopRows(
  spreadsheet: SpreadsheetPort,
  rows: number,
  whole: (name: string) => boolean,
): WorkbookRead {
  return readUserTabs(spreadsheet, (sheet, name) => {
    const range = sheet.getDataRange();
    if (whole(name)) return { name, grid: range.getValues() };
    const top = sheet.getRange(1, 1, Math.min(rows, range.getNumRows()), range.getNumColumns());
    return { name, grid: top.getValues() };
  });
}

/**
 * The locale, the zone and each tab the add-on did not make, read by `read` (null leaves a tab out); ours listed apart,
 * and our Frozen payouts log read in full when `withFrozen`.
 */
function readUserTabs(
  spreadsheet: SpreadsheetPort,
  read: (sheet: SheetPort, name: string) => TabInput | null,
  withFrozen = false,
): WorkbookRead {
  const locale = spreadsheet.getSpreadsheetLocale();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const roles = tabRoles(spreadsheet);
  const tabs: TabInput[] = [];
  const ownTabs: string[] = [];
  for (const { sheet, name, role } of roles) {
    if (role !== null) {
      ownTabs.push(name);
      continue;
    }
    const tab = read(sheet, name);
    if (tab !== null) tabs.push(tab);
  }
  const frozen = withFrozen ? readFrozen(roles) : null;
  return { tabs, ownTabs, locale, decimalSeparator: decimalSeparatorOf(locale), timeZone, frozen };
}

/** Whether a tab's top rows read as a goal tab: the rows where a header may be, and no more. */
function holdsGoals(sheet: SheetPort): boolean {
  const rows = Math.min(HEADER_SEARCH_ROWS, sheet.getMaxRows());
  if (rows < 1) return false;
  return inspectTab(sheet.getRange(1, 1, rows, sheet.getMaxColumns()).getValues()).kind === 'goals';
}
