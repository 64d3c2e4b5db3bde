// Reads the workbook for the core: every tab with one batched getValues, and the locale's decimal separator.

import { parseA1Block } from '../core/a1';
import type { Merge } from '../core/table';
import type { TabInput } from '../core/workbook';
import type { RangePort, SpreadsheetPort } from './gas';
import { decimalSeparatorOf } from './locale';
import { isOwnedTab } from './owned';

export interface WorkbookRead {
  /** Every tab the user owns, in tab order, values from A1. */
  tabs: TabInput[];
  locale: string;
  decimalSeparator: '.' | ',';
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
 * One getSheets, one locale lookup, and per tab getName + getDataRange + getValues + getMergedRanges: the number of
 * calls grows with the tabs, never with the rows. The add-on's own tabs (Roll-up, the ID list) are
 * skipped: the Roll-up has ID and Goal headers and would otherwise read as a second copy of every goal.
 */
export function readWorkbook(spreadsheet: SpreadsheetPort): WorkbookRead {
  const locale = spreadsheet.getSpreadsheetLocale();
  const tabs: TabInput[] = [];
  for (const sheet of spreadsheet.getSheets()) {
    const name = sheet.getName();
    if (isOwnedTab(name)) continue;
    const range = sheet.getDataRange();
    tabs.push({ name, grid: range.getValues(), merges: mergesOf(range) });
  }
  return { tabs, locale, decimalSeparator: decimalSeparatorOf(locale) };
}
