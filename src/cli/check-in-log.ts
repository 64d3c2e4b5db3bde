// The command line's check-in log: which tab of an .xlsx or CSV set it is (ours by mark or header), read for check and rollup.
import { CHECK_INS_RANGE_NAME, chooseCheckInTab, type LogChoice, legacyLogIssue } from '../core/check-in-tab';
import { analyzeHistory, type HistoryAnalysis, readHistory } from '../core/history';
import type { CellValue } from '../core/model';
import type { Analysis } from '../core/workbook';
import type { Input } from './input';
import { definedNamesOf, sheetOfRange } from './report-mark';

/** How many rows a header may sit under, as the core looks. */
const TOP_ROWS = 10;

/** The sheets the defined name mbo_cascade_check_ins points at in a workbook.xml. */
export function markedLogSheetsOf(workbookXml: string): Set<string> {
  const sheets = new Set<string>();
  for (const { name, ranges } of definedNamesOf(workbookXml)) {
    if (name !== CHECK_INS_RANGE_NAME) continue;
    for (const range of ranges) {
      const sheet = sheetOfRange(range);
      if (sheet !== null) sheets.add(sheet);
    }
  }
  return sheets;
}

/** The input's marked log sheets (none for CSV, which carries no mark). */
function markedLogSheets(input: Input): Set<string> {
  return input.pkg === null ? new Set() : markedLogSheetsOf(input.pkg.workbookXml);
}

/** Where the input's check-in log is (see chooseCheckInTab): marked by the defined name, or ours by its header. */
export function locateLog(input: Input): LogChoice {
  const marked = markedLogSheets(input);
  const names = new Set(input.tabs.map((tab) => tab.name));
  const tabs = input.tabs.map((tab) => ({
    name: tab.name,
    marked: marked.has(tab.name),
    top: tab.grid.slice(0, TOP_ROWS),
  }));
  // Sheets left out of the tabs (our reports) still hold their names.
  for (const sheet of input.pkg?.sheets ?? [])
    if (!names.has(sheet.name)) tabs.push({ name: sheet.name, marked: false, top: [] });
  return chooseCheckInTab(tabs);
}

/** The log's grid as read (empty when there is none). */
export function logGrid(input: Input, choice: LogChoice): readonly (readonly CellValue[])[] {
  return choice.read === null ? [] : (input.tabs.find((tab) => tab.name === choice.read)?.grid ?? []);
}

/**
 * The input's check-ins against the analysis, as Check and Roll up read them in the add-on: the log's own issues,
 * orphans, falling confidence, and a note for an old History log; null when the input has no log.
 */
export function loadLog(
  input: Input,
  analysis: Analysis,
  decimalSeparator: '.' | ',',
): HistoryAnalysis | null {
  const choice = locateLog(input);
  if (choice.read === null) return null;
  const history = analyzeHistory(
    readHistory(logGrid(input, choice) as CellValue[][], choice.read, decimalSeparator),
    analysis.goals,
  );
  const legacy = legacyLogIssue(choice);
  if (legacy !== null) history.issues.unshift(legacy);
  return history;
}

/** The analysis with the log's issues after its own, as Check lists them. */
export function withLogIssues(analysis: Analysis, log: HistoryAnalysis | null): Analysis {
  return log === null || log.issues.length === 0
    ? analysis
    : { ...analysis, issues: [...analysis.issues, ...log.issues] };
}

/** The tabs to analyse as goals: all but the marked log (renamed, it would read as a tab that looks like goals). */
export function tabsBesideLog(input: Input): Input['tabs'] {
  const marked = markedLogSheets(input);
  return marked.size === 0 ? input.tabs : input.tabs.filter((tab) => !marked.has(tab.name));
}
