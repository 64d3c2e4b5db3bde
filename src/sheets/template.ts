// Sets up a workbook: a goal tab with the recognised headers, dropdowns and formats, and the Settings tab on first use.

import { DEFAULT_SETTINGS } from '../core/model';
import { ROLLUP_NAMES } from '../core/rollups';
import { settingsRows } from '../core/settings';
import type { SheetPort, SpreadsheetAppPort, SpreadsheetPort } from './gas';
import { addFilledTab } from './new-tab';
import { isReservedTabName, SETTINGS_TAB } from './owned';

/** The headers of a new goal tab, in the order people fill them in. */
export const TEMPLATE_HEADERS = [
  'ID',
  'Goal',
  'Owner',
  'Parent',
  'Type',
  'Metric',
  'Unit',
  'Direction',
  'Baseline',
  'Target',
  'Actual',
  'Weight',
  'Contribution',
  'Rollup',
  'Period',
] as const;

type Header = (typeof TEMPLATE_HEADERS)[number];

/** Dropdown choices; other spellings the core accepts (`up`, `avg`) still go in, with a warning. */
export const TEMPLATE_CHOICES: Readonly<Partial<Record<Header, readonly string[]>>> = {
  Type: ['Outcome', 'Activity', 'Collaboration'],
  Direction: ['higher', 'lower', 'range', 'binary'],
  Rollup: ROLLUP_NAMES,
};

/**
 * Number formats: IDs, parents and periods as plain text (so `1.10` stays `1.10`, not the number
 * 1.1, and a Parent matches the ID it names); weights and contributions as percentages.
 */
export const TEMPLATE_FORMATS: Readonly<Partial<Record<Header, string>>> = {
  ID: '@',
  Parent: '@',
  Period: '@',
  Weight: '0%',
  Contribution: '0%',
};

export const DEFAULT_GOAL_TAB = 'Goals';

export interface SetupWriter {
  spreadsheet: SpreadsheetPort;
  app: Pick<SpreadsheetAppPort, 'newDataValidation'>;
}

/** A name for a new goal tab: the one asked for (trimmed), or `Goals`, `Goals 2`, ... when blank. */
export function goalTabName(spreadsheet: SpreadsheetPort, asked: string): string {
  const taken = new Set(spreadsheet.getSheets().map((s) => s.getName().toLowerCase()));
  const name = asked.trim();
  if (name) {
    if (isReservedTabName(name) || name.toLowerCase() === SETTINGS_TAB.toLowerCase()) {
      throw new Error(`"${name}" is a name MBO Cascade uses for its own tabs: choose another name.`);
    }
    if (taken.has(name.toLowerCase()))
      throw new Error(`A tab named "${name}" already exists: choose another name.`);
    if (name.length > 100)
      throw new Error('A tab name can have at most 100 characters: choose a shorter name.');
    return name;
  }
  let candidate = DEFAULT_GOAL_TAB;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${DEFAULT_GOAL_TAB} ${n}`;
  return candidate;
}

/** Inserts a goal tab at the end, with headers, dropdowns, formats and a frozen header row. */
export function insertTemplateTab(writer: SetupWriter, asked: string): SheetPort {
  const { spreadsheet, app } = writer;
  const name = goalTabName(spreadsheet, asked);
  return addFilledTab(spreadsheet, name, [TEMPLATE_HEADERS], (sheet) => {
    const bodyRows = sheet.getMaxRows() - 1;
    const column = (header: Header) => sheet.getRange(2, TEMPLATE_HEADERS.indexOf(header) + 1, bodyRows, 1);
    for (const [header, choices] of Object.entries(TEMPLATE_CHOICES) as [Header, readonly string[]][]) {
      const rule = app
        .newDataValidation()
        .requireValueInList([...choices], true)
        .setAllowInvalid(true)
        .setHelpText(`${header}: one of ${choices.join(', ')}.`)
        .build();
      column(header).setDataValidation(rule);
    }
    for (const [header, format] of Object.entries(TEMPLATE_FORMATS) as [Header, string][]) {
      column(header).setNumberFormat(format);
    }
    sheet.setColumnWidth(TEMPLATE_HEADERS.indexOf('Goal') + 1, 280);
  });
}

/**
 * Creates the Settings tab with the defaults (and the spreadsheet's decimal separator) unless a
 * tab of that name exists in any case. Returns whether it created one.
 */
export function ensureSettingsTab(spreadsheet: SpreadsheetPort, decimalSeparator: '.' | ','): boolean {
  const exists = spreadsheet
    .getSheets()
    .some((s) => s.getName().trim().toLowerCase() === SETTINGS_TAB.toLowerCase());
  if (exists) return false;
  // Every row has the header's four cells (Setting, Value, Payout, What it does).
  addFilledTab(spreadsheet, SETTINGS_TAB, settingsRows({ ...DEFAULT_SETTINGS, decimalSeparator }));
  return true;
}
