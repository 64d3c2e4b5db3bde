// Reads the workbook for the core: every tab with one batched getValues, and the locale's decimal separator.
import type { TabInput } from '../core/workbook';
import type { SpreadsheetPort } from './gas';
import { decimalSeparatorOf } from './locale';
import { isOwnedTab } from './owned';

export interface WorkbookRead {
  /** Every tab the user owns, in tab order, values from A1. */
  tabs: TabInput[];
  locale: string;
  decimalSeparator: '.' | ',';
}

/**
 * One getSheets, one locale lookup, and per tab getName + getDataRange + getValues: the number of
 * calls grows with the tabs, never with the rows. The add-on's own tabs (Roll-up, the ID list) are
 * skipped: the Roll-up has ID and Goal headers and would otherwise read as a second copy of every goal.
 */
export function readWorkbook(spreadsheet: SpreadsheetPort): WorkbookRead {
  const locale = spreadsheet.getSpreadsheetLocale();
  const tabs: TabInput[] = [];
  for (const sheet of spreadsheet.getSheets()) {
    const name = sheet.getName();
    if (isOwnedTab(name)) continue;
    tabs.push({ name, grid: sheet.getDataRange().getValues() });
  }
  return { tabs, locale, decimalSeparator: decimalSeparatorOf(locale) };
}
