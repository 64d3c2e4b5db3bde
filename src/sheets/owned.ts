// Names of the tabs the add-on owns (it may replace or delete them); every other tab belongs to the user.

/** The roll-up report, replaced as a whole by each Roll up. */
export const ROLLUP_TAB = 'Roll-up';
/** Hidden list of every goal ID, the source of the Parent dropdowns. */
export const IDS_TAB = '_mbo_ids';
/** Prefix of the tabs a Roll up builds in and parks the old report under while it swaps them. */
export const WORK_TAB_PREFIX = '_mbo_';
/**
 * The check-in log Record check-in appends to; the add-on's by name, like Roll-up, but people may read and edit it
 * (it is validated like a goal tab). A tab of that name that reads as a goal tab is still read as goals.
 */
export const HISTORY_TAB = 'History';
/** Where Settings lives; created by the add-on on first use, then the user's to edit. */
export const SETTINGS_TAB = 'Settings';

/** True for tabs the add-on writes wholesale: never read as goal tabs, never shown as the user's. */
export function isOwnedTab(name: string): boolean {
  return name === ROLLUP_TAB || name.startsWith(WORK_TAB_PREFIX);
}

/** True for the check-in log's tab, whatever the case and spacing of its name. */
export function isHistoryTab(name: string): boolean {
  return name.trim().toLowerCase() === HISTORY_TAB.toLowerCase();
}
