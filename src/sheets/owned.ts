// Which tabs the add-on made (and so may replace or delete): the ones it marked with developer metadata. Every other tab belongs to the user, whatever its name.
import { CHECK_INS_RANGE_NAME, CHECK_INS_TAB } from '../core/check-in-tab';
import { FROZEN_LOG_NAME } from '../core/freeze';
import { chooseTab, REPORT_RANGE_NAME, REPORT_TAB } from '../report/report-tab';
import type { SheetPort, SpreadsheetPort } from './gas';

/** The report's usual name; it takes `Roll-up (2)`, ... when a tab of the user's holds it. */
export const ROLLUP_TAB = REPORT_TAB;
/** Usual name of the hidden list of every goal ID, the source of the Parent dropdowns. */
export const IDS_TAB = '_mbo_ids';
/** Prefix of the tabs a Roll up builds in and parks the old report under while it swaps them. */
export const WORK_TAB_PREFIX = '_mbo_';
/**
 * The check-in log Record check-in appends to: marked as ours when made (src/core/check-in-tab.ts says which tab it
 * is), but people may read and edit it (it is validated like a goal tab).
 */
export const HISTORY_TAB = CHECK_INS_TAB;
/**
 * The usual name of the log Freeze period appends to (issue 13). Ours by its mark, not by its name: a tab of the user's
 * named so is left alone and the log takes `Frozen payouts (2)`; our log renamed is still our log.
 */
export const FROZEN_TAB = FROZEN_LOG_NAME;
/** Where Settings lives; created by the add-on on first use, then the user's to edit. */
export const SETTINGS_TAB = 'Settings';

/**
 * The developer-metadata key on every tab the add-on makes; the value says what the tab is. Metadata
 * stays with its sheet through renames and moves, and goes when the sheet is deleted.
 */
export const OWNER_KEY = 'mbo-cascade:tab';

/** What a tab of ours is: a Roll-up report (or one being built or swapped out), the ID list, the check-in log, or the frozen-payouts log. */
export type OwnedRole = 'report' | 'ids' | 'check-ins' | 'frozen';

const ROLES: readonly string[] = ['report', 'ids', 'check-ins', 'frozen'] satisfies OwnedRole[];

/** Names the add-on keeps for its own tabs (`Roll-up` in any case, `_mbo_...`): a new goal tab may not take one. */
export function isReservedTabName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === ROLLUP_TAB.toLowerCase() || lower.startsWith(WORK_TAB_PREFIX);
}

/** Marks a tab the add-on has just made. */
export function markTab(sheet: SheetPort, role: OwnedRole): void {
  sheet.addDeveloperMetadata(OWNER_KEY, role);
}

/**
 * The tabs marked as ours, by name, with their role: one search of the spreadsheet's metadata (a few
 * calls per tab found), and the sheet of the named range the command line leaves on the report of an
 * .xlsx opened in Sheets.
 */
export function markedTabs(spreadsheet: SpreadsheetPort): Map<string, OwnedRole> {
  const roles = new Map<string, OwnedRole>();
  try {
    const fromFile = spreadsheet.getRangeByName(REPORT_RANGE_NAME);
    if (fromFile) roles.set(fromFile.getSheet().getName(), 'report');
  } catch {
    // Its sheet is gone (replaced by a Roll up here): the name points nowhere, and no tab is ours by it.
  }
  try {
    const log = spreadsheet.getRangeByName(CHECK_INS_RANGE_NAME);
    if (log) roles.set(log.getSheet().getName(), 'check-ins');
  } catch {
    // As above: a name that points nowhere marks nothing.
  }
  for (const metadata of spreadsheet.createDeveloperMetadataFinder().withKey(OWNER_KEY).find()) {
    const role = metadata.getValue();
    const sheet = role !== null && ROLES.includes(role) ? metadata.getLocation().getSheet() : null;
    if (sheet) roles.set(sheet.getName(), role as OwnedRole);
  }
  return roles;
}

/** A tab and what it is to the add-on (null: the user's). */
export interface TabRole {
  sheet: SheetPort;
  name: string;
  role: OwnedRole | null;
}

/** A name like `base` (`base (2)`, ...) that none of `names` holds, compared as Sheets compares tab names. */
export const freeName = (names: readonly string[], base: string): string =>
  chooseTab(
    names.map((name) => ({ name, ours: false })),
    base,
  ).name;

/** Every tab in order, with its role. */
export function tabRoles(spreadsheet: SpreadsheetPort): TabRole[] {
  const marked = markedTabs(spreadsheet);
  return spreadsheet.getSheets().map((sheet) => {
    const name = sheet.getName();
    return { sheet, name, role: marked.get(name) ?? null };
  });
}
