// Reads the workbook for the core: every tab with one batched getValues, the locale's decimal separator and the time zone.
import type { TabInput } from '../core/workbook';
import type { SpreadsheetPort } from './gas';
import { decimalSeparatorOf } from '../core/locale';
import { isOwnedTab } from './owned';

export interface WorkbookRead {
  /** Every tab the user owns, in tab order, values from A1. */
  tabs: TabInput[];
  locale: string;
  decimalSeparator: '.' | ',';
  /** The spreadsheet's time zone (not the script's): Date cells and "today" are read on its calendar. */
  timeZone: string;
}

/**
 * One getSheets, one locale and one time zone lookup, and per tab getName + getDataRange + getValues: the number of
 * calls grows with the tabs, never with the rows. The add-on's own tabs (Roll-up, the ID list) are
 * skipped: the Roll-up has ID and Goal headers and would otherwise read as a second copy of every goal.
 */
export function readWorkbook(spreadsheet: SpreadsheetPort): WorkbookRead {
  const locale = spreadsheet.getSpreadsheetLocale();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const tabs: TabInput[] = [];
  for (const sheet of spreadsheet.getSheets()) {
    const name = sheet.getName();
    if (isOwnedTab(name)) continue;
    tabs.push({ name, grid: sheet.getDataRange().getValues() });
  }
  return { tabs, locale, decimalSeparator: decimalSeparatorOf(locale), timeZone };
}
