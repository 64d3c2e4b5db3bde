// Writes the Roll-up tab: built complete in a fresh work tab, then swapped in; on any failure the old tab and the user's tabs stay as they were.
import { type Block, type Box, PERCENT_FORMAT, type RollupReport, reportBlocks } from '../report/rollup-table';
import { safeGrid } from './cell-text';
import type {
  ChartsPort,
  ConditionalFormatRulePort,
  LockPort,
  SheetPort,
  SpreadsheetAppPort,
  SpreadsheetPort,
} from './gas';
import { withDocumentLock } from './lock';
import { ROLLUP_TAB, WORK_TAB_PREFIX } from './owned';
import { fitSheet } from './size';

/** The new report is built here, then renamed to Roll-up. */
export const ROLLUP_BUILD_TAB = `${WORK_TAB_PREFIX}rollup_new`;
/** The old report waits here while the new one takes its name, then is deleted. */
export const ROLLUP_OLD_TAB = `${WORK_TAB_PREFIX}rollup_old`;

export interface RollupWriter {
  spreadsheet: SpreadsheetPort;
  app: Pick<SpreadsheetAppPort, 'newConditionalFormatRule' | 'flush'>;
  charts: ChartsPort;
  /** The document lock; null runs unguarded. */
  lock: LockPort | null;
}

/**
 * Replaces the Roll-up tab with the report `build` makes. `build` runs under the document lock, so
 * it reads the workbook after any other Roll up has finished: two presses give one consistent tab.
 */
export function replaceRollupTab(writer: RollupWriter, build: () => RollupReport): RollupReport {
  return withDocumentLock(
    writer.lock,
    () => writer.app.flush(),
    () => {
      const report = build();
      swapIn(writer, report);
      return report;
    },
  );
}

/** Builds the report in a work tab, then swaps it for the old Roll-up; undoes every step on failure. */
function swapIn(writer: RollupWriter, report: RollupReport): void {
  const { spreadsheet } = writer;
  dropLeftovers(spreadsheet);
  const old = spreadsheet.getSheetByName(ROLLUP_TAB);
  // Before the old report, so the new one takes its place in the tab bar; else last.
  const position = old ? old.getIndex() - 1 : spreadsheet.getNumSheets();
  const fresh = spreadsheet.insertSheet(ROLLUP_BUILD_TAB, position);
  let parked: SheetPort | null = null;
  let renamed = false;
  try {
    fillReport(writer, fresh, report);
    if (old) {
      old.setName(ROLLUP_OLD_TAB);
      parked = old;
    }
    fresh.setName(ROLLUP_TAB);
    renamed = true;
    if (parked) spreadsheet.deleteSheet(parked);
  } catch (error) {
    // Undo in reverse; each step on its own, so one failing undo does not stop the others.
    attempt(() => renamed && fresh.setName(ROLLUP_BUILD_TAB));
    attempt(() => parked?.setName(ROLLUP_TAB));
    attempt(() => spreadsheet.deleteSheet(fresh));
    throw error;
  }
}

function attempt(step: () => unknown): void {
  try {
    step();
  } catch {
    // Best effort: the original error is what the user needs to see.
  }
}

/**
 * A run killed mid-way (Apps Script stops at 6 minutes, where `finally` never runs) can leave work
 * tabs behind. They are ours and we hold the lock, so nobody else is using them.
 */
function dropLeftovers(spreadsheet: SpreadsheetPort): void {
  const staleBuild = spreadsheet.getSheetByName(ROLLUP_BUILD_TAB);
  if (staleBuild) spreadsheet.deleteSheet(staleBuild);
  const staleOld = spreadsheet.getSheetByName(ROLLUP_OLD_TAB);
  if (staleOld) {
    // A parked old report only survives if the swap died after renaming it: bring it back if the
    // new one never took its name, else it is garbage.
    if (spreadsheet.getSheetByName(ROLLUP_TAB)) spreadsheet.deleteSheet(staleOld);
    else staleOld.setName(ROLLUP_TAB);
  }
}

const range = (sheet: SheetPort, box: Box) => sheet.getRange(box.row, box.col, box.numRows, box.numCols);

function writeBlock(sheet: SheetPort, block: Block): void {
  range(sheet, block).setValues(safeGrid(block.values));
}

/** Every value block with one setValues, then formats: a fixed number of calls whatever the row count. */
function fillReport(writer: RollupWriter, sheet: SheetPort, report: RollupReport): void {
  fitSheet(sheet, report.rows, report.columns);
  for (const block of reportBlocks(report)) writeBlock(sheet, block);
  for (const box of report.percent) range(sheet, box).setNumberFormat(PERCENT_FORMAT);
  for (const { box, format } of report.formats) range(sheet, box).setNumberFormat(format);
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
