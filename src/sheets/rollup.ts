// Writes the Roll-up report: built complete in a fresh work tab, then swapped in for our previous report; on any failure every tab stays as it was, and a tab the user made is never written or deleted.

import { chooseTab, type TabChoice } from '../report/report-tab';
import { type Box, PERCENT_FORMAT, type RollupReport, TEXT_FORMAT } from '../report/rollup-table';
import type {
  ChartsPort,
  ConditionalFormatRulePort,
  LockPort,
  SheetPort,
  SpreadsheetAppPort,
  SpreadsheetPort,
} from './gas';
import { withDocumentLock } from './lock';
import { freeName, markTab, type TabRole, tabRoles, WORK_TAB_PREFIX } from './owned';
import { fitSheet } from './size';

/** The new report is built under this name (or `... (2)` if a tab of the user's holds it), then renamed. */
export const ROLLUP_BUILD_TAB = `${WORK_TAB_PREFIX}rollup_new`;
/** The old report waits under this name while the new one takes its name, then is deleted. */
export const ROLLUP_OLD_TAB = `${WORK_TAB_PREFIX}rollup_old`;

export interface RollupWriter {
  spreadsheet: SpreadsheetPort;
  app: Pick<SpreadsheetAppPort, 'newConditionalFormatRule' | 'flush'>;
  charts: ChartsPort;
  /** The document lock; null runs unguarded. */
  lock: LockPort | null;
}

/** The report as written, and where. */
export interface RollupWritten {
  report: RollupReport;
  /** The tab the report is in, and a note for the user when it could not take its usual name. */
  tab: TabChoice;
}

/**
 * Writes the report `build` makes into our report tab: `Roll-up`, or `Roll-up (2)`, ... when a tab
 * the user made holds that name (see chooseTab). `build` runs under the document lock, so it reads
 * the workbook after any other Roll up has finished: two presses give one consistent tab.
 */
export function replaceRollupTab(writer: RollupWriter, build: () => RollupReport): RollupWritten {
  return withDocumentLock(
    writer.lock,
    () => writer.app.flush(),
    () => {
      const report = build();
      return { report, tab: swapIn(writer, report) };
    },
  );
}

const isWorkTab = (tab: TabRole): boolean => tab.name.toLowerCase().startsWith(`${WORK_TAB_PREFIX}rollup_`);

/**
 * Builds the report in a work tab (marked as ours before anything is written to it), then swaps it
 * for our old report; undoes every step on failure. Only tabs of ours (marked, or unmarked reports)
 * are renamed or deleted, and work-named tabs that hold nothing.
 */
function swapIn(writer: RollupWriter, report: RollupReport): TabChoice {
  const { spreadsheet } = writer;
  const tabs = tabRoles(spreadsheet);
  const live = tabs.filter((tab) => !isWorkTab(tab));
  const choice = chooseTab(live.map((tab) => ({ name: tab.name, ours: tab.role === 'report' })));
  const old = choice.replacesOurs ? live.find((tab) => tab.name === choice.name)! : null;
  const names = live.map((tab) => tab.name);
  // A run killed mid-way (Apps Script stops at 6 minutes, where `finally` never runs) can leave work
  // tabs behind; we hold the lock, so nobody else is using them. Ours go (this run writes the report
  // again); so does a work-named tab holding nothing (one whose marking failed). Any other is the user's.
  for (const tab of tabs.filter(isWorkTab)) {
    if (tab.role === 'report' || tab.sheet.getLastRow() === 0) spreadsheet.deleteSheet(tab.sheet);
    else names.push(tab.name);
  }
  const buildName = freeName(names, ROLLUP_BUILD_TAB);
  const parkName = freeName([...names, buildName], ROLLUP_OLD_TAB);
  // Before the old report, so the new one takes its place in the tab bar; else last.
  const position = old ? old.sheet.getIndex() - 1 : spreadsheet.getNumSheets();
  const fresh = spreadsheet.insertSheet(buildName, position);
  let parked = false;
  let renamed = false;
  try {
    markTab(fresh, 'report');
    fillReport(writer, fresh, report);
    if (old) {
      old.sheet.setName(parkName);
      parked = true;
    }
    fresh.setName(choice.name);
    renamed = true;
    if (old) spreadsheet.deleteSheet(old.sheet);
  } catch (error) {
    // Undo in reverse; each step on its own, so one failing undo does not stop the others.
    attempt(() => renamed && fresh.setName(buildName));
    attempt(() => parked && old?.sheet.setName(old.name));
    attempt(() => spreadsheet.deleteSheet(fresh));
    throw error;
  }
  return choice;
}

function attempt(step: () => unknown): void {
  try {
    step();
  } catch {
    // Best effort: the original error is what the user needs to see.
  }
}

const range = (sheet: SheetPort, box: Box) => sheet.getRange(box.row, box.col, box.numRows, box.numCols);

/** Formats, then every value block with one setValues: a fixed number of calls whatever the row count. */
function fillReport(writer: RollupWriter, sheet: SheetPort, report: RollupReport): void {
  fitSheet(sheet, report.rows, report.columns);
  // Formats first: Sheets reads what is written by the format of the cell it lands in. Every text
  // cell of the report is in a plain-text box (test/sheets/rollup-table.test.ts), so it goes in as
  // it is and stays that text: `1.10` is not 1.1, `1/2` not a date, `=X` not a formula.
  for (const box of report.text) range(sheet, box).setNumberFormat(TEXT_FORMAT);
  for (const box of report.percent) range(sheet, box).setNumberFormat(PERCENT_FORMAT);
  for (const block of [report.note, report.goals, report.scorecards, report.chartData])
    range(sheet, block).setValues(block.values);
  for (const box of report.bold) range(sheet, box).setFontWeight('bold');
  sheet.setFrozenRows(report.frozenRows);
  for (const { col, width } of report.widths) sheet.setColumnWidth(col, width);
  if (report.status) sheet.setConditionalFormatRules(statusRules(writer, sheet, report, report.status));
  if (report.treemap) {
    const { data, anchorRow, anchorCol, options } = report.treemap;
    let chart = sheet
      .newChart()
      .setChartType(writer.charts.ChartType.TREEMAP)
      .addRange(range(sheet, data))
      .setPosition(anchorRow, anchorCol, 0, 0);
    for (const [option, value] of Object.entries(options)) chart = chart.setOption(option, value);
    sheet.insertChart(chart.build());
  }
}

function statusRules(
  writer: RollupWriter,
  sheet: SheetPort,
  report: RollupReport,
  status: Box,
): ConditionalFormatRulePort[] {
  const cells = range(sheet, status);
  return Object.entries(report.statusColors).map(([text, { background, font }]) =>
    writer.app
      .newConditionalFormatRule()
      .whenTextEqualTo(text)
      .setBackground(background)
      .setFontColor(font)
      .setRanges([cells])
      .build(),
  );
}
