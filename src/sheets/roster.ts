// The Roster tab template: one row per scorecard owner, with Manager, Start, End, Target bonus and Currency to fill in.
import type { SheetPort, SpreadsheetPort } from './gas';
import { addFilledTab } from './new-tab';

export const ROSTER_TAB = 'Roster';
export const ROSTER_TEMPLATE_HEADERS = [
  'Owner',
  'Manager',
  'Start',
  'End',
  'Target bonus',
  'Currency',
] as const;
const DATE_FORMAT = 'yyyy-mm-dd';
const MONEY_FORMAT = '#,##0.00';

/**
 * Adds the Roster tab at the end, listing `owners` (every scorecard owner, once), with date and money formats.
 * Refuses when a Roster tab exists in any case: the core reads only that one. All or nothing.
 */
export function addRosterTab(spreadsheet: SpreadsheetPort, owners: readonly string[]): SheetPort {
  if (spreadsheet.getSheets().some((s) => s.getName().trim().toLowerCase() === ROSTER_TAB.toLowerCase())) {
    throw new Error(`This spreadsheet already has a ${ROSTER_TAB} tab: add people to it there.`);
  }
  const rows = [
    [...ROSTER_TEMPLATE_HEADERS] as string[],
    ...owners.map((owner) => [owner, '', '', '', '', '']),
  ];
  return addFilledTab(spreadsheet, ROSTER_TAB, rows, (sheet) => {
    const bodyRows = sheet.getMaxRows() - 1;
    const column = (header: (typeof ROSTER_TEMPLATE_HEADERS)[number]) =>
      sheet.getRange(2, ROSTER_TEMPLATE_HEADERS.indexOf(header) + 1, bodyRows, 1);
    column('Start').setNumberFormat(DATE_FORMAT);
    column('End').setNumberFormat(DATE_FORMAT);
    column('Target bonus').setNumberFormat(MONEY_FORMAT);
  });
}
