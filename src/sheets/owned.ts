// Names of the tabs the add-on owns (it may replace or delete them); every other tab belongs to the user.

/** The roll-up report, replaced as a whole by each Roll up. */
export const ROLLUP_TAB = 'Roll-up';
/** Hidden list of every goal ID, the source of the Parent dropdowns. */
export const IDS_TAB = '_mbo_ids';
/** Prefix of the tabs a Roll up builds in and parks the old report under while it swaps them. */
export const WORK_TAB_PREFIX = '_mbo_';
/** Where Settings lives; created by the add-on on first use, then the user's to edit. */
export const SETTINGS_TAB = 'Settings';

/** True for tabs the add-on writes wholesale: never read as goal tabs, never shown as the user's. */
export function isOwnedTab(name: string): boolean {
  return name === ROLLUP_TAB || name.startsWith(WORK_TAB_PREFIX);
}
