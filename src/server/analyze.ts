// Reads the active spreadsheet and analyses it: the one path from Sheets to the core for every endpoint.
import { dayOfDate } from '../core/period';
import { type Analysis, analyzeWorkbook, type TabInput } from '../core/workbook';
import { readWorkbook, type WorkbookRead } from '../sheets/read';
import type { ServerContext } from './context';

export interface Loaded {
  read: WorkbookRead;
  analysis: Analysis;
}

const SETTINGS_NAME = 'settings';
const SEPARATOR_KEY = 'Decimal separator';

/**
 * The spreadsheet's locale decides how text numbers are read unless the Settings tab names a
 * separator. analyzeWorkbook reads Settings itself and takes no separator option, so the locale's
 * separator goes in as a first Settings row, which any row of the user's later in the tab overrides
 * (the last readable value of a key wins); issue rows are shifted back to the user's rows.
 */
export function withLocaleSeparator(tabs: readonly TabInput[], separator: '.' | ','): TabInput[] {
  if (separator === '.') return [...tabs];
  const at = tabs.findIndex((t) => t.name.trim().toLowerCase() === SETTINGS_NAME);
  const localeRow = [SEPARATOR_KEY, separator];
  if (at < 0) return [...tabs, { name: 'Settings', grid: [localeRow] }];
  return tabs.map((t, i) => (i === at ? { ...t, grid: [localeRow, ...t.grid] } : t));
}

export function analyzeRead(read: WorkbookRead, now: Date): Analysis {
  const analysis = analyzeWorkbook(withLocaleSeparator(read.tabs, read.decimalSeparator), {
    today: dayOfDate(now),
  });
  if (read.decimalSeparator === '.') return analysis;
  const settingsTab = read.tabs.find((t) => t.name.trim().toLowerCase() === SETTINGS_NAME)?.name;
  for (const issue of analysis.issues) {
    if (issue.code === 'bad-setting' && issue.tab === settingsTab && issue.row > 0) issue.row -= 1;
  }
  return analysis;
}

/** One batched read of the active spreadsheet and its analysis, judged at `now`. */
export function loadAnalysis(ctx: ServerContext, now: Date): Loaded {
  const read = readWorkbook(ctx.spreadsheetApp().getActiveSpreadsheet());
  return { read, analysis: analyzeRead(read, now) };
}
