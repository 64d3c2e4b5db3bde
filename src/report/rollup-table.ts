// The Roll-up report as values plus formatting hints, built in memory from an analysis: the Sheets writer and the .xlsx command line both lay it out.
import { orBlank } from '../core/cells';
import { type HistoryAnalysis, isoDate, trendOf } from '../core/history';
import { count, fitCell } from '../core/quote';
import { treeOrder } from '../core/tree';
import type { Analysis } from '../core/workbook';

/** A cell of the report; '' is a blank cell. Text is raw: escaping is the writer's job. */
export type ReportCell = string | number | boolean;

/** A rectangle of the report, 1-based like Sheets ranges. */
export interface Box {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** A rectangle and its values, written with one setValues. */
export interface Block extends Box {
  values: ReportCell[][];
}

export type ColoredStatus = 'on track' | 'at risk' | 'off track';

export interface TreemapHint {
  /** Label, parent label, size, colour value: Google's treemap data layout, header row first. */
  data: Box;
  anchorRow: number;
  anchorCol: number;
  options: Record<string, string | number | boolean>;
}

export interface RollupReport {
  /** Rows and columns the report needs; the writer sizes its sheet to exactly this. */
  rows: number;
  columns: number;
  note: Block;
  goals: Block;
  scorecards: Block;
  /** Source of the treemap, in columns to the right of the table. */
  chartData: Block;
  /** Ranges holding attainments, formatted as percentages. */
  percent: Box[];
  /**
   * Ranges holding text (IDs, titles, owners, periods, labels, headers), formatted as plain text
   * before they are written: Sheets would read `1.10`, `007`, `12%` or `1/2` as numbers and dates.
   * Every text cell of the report lies in one of them.
   */
  text: Box[];
  /** Header and title ranges, in bold. */
  bold: Box[];
  /** The goal Status cells, coloured by value; null when there are no goals. */
  status: Box | null;
  statusColors: Readonly<Record<ColoredStatus, { background: string; font: string }>>;
  frozenRows: number;
  widths: { col: number; width: number }[];
  /** null when there is no goal to draw. */
  treemap: TreemapHint | null;
  goalCount: number;
  scorecardCount: number;
}

export const GOAL_HEADERS = [
  'ID',
  'Goal',
  'Owner',
  'Tab',
  'Measured',
  'Rolled up',
  'Attainment',
  'Status',
  'Gap',
  'Last check-in',
  '30-day change',
];
export const SCORECARD_HEADERS = ['Owner', 'Period', 'Score', 'Payout'];
export const CHART_HEADERS = ['Goal', 'Parent', 'Size', 'Attainment'];
export const PERCENT_FORMAT = '0.0%';
/** Sheets' plain-text number format: what is written is kept as it is. */
export const TEXT_FORMAT = '@';
/** How the report's note in A1 starts: also how a report written before reports were marked is recognised. */
export const REPORT_NOTE_START = 'Computed by MBO Cascade on ';
/** The treemap needs a single root; every top-level goal hangs under it. */
export const TREEMAP_ROOT = 'All goals';

export const STATUS_COLORS: RollupReport['statusColors'] = {
  'on track': { background: '#d9ead3', font: '#274e13' },
  'at risk': { background: '#fff2cc', font: '#7f6000' },
  'off track': { background: '#f4cccc', font: '#990000' },
};

const HEADER_ROW = 3;
const CHART_DATA_COL = GOAL_HEADERS.length + 2;
const CHART_COL = CHART_DATA_COL + CHART_HEADERS.length + 1;
/** Room for the chart, which floats over the grid from CHART_COL: about 7 columns by 20 rows. */
const CHART_SPAN_COLS = 7;
const CHART_SPAN_ROWS = 20;
/** Non-breaking spaces survive every trim, so the indentation stays. */
const INDENT = '\u00a0\u00a0\u00a0\u00a0';
/**
 * Goals deeper than this are indented this far and say their depth: spelling out every level would make a
 * 10,000-deep chain write 200 million spaces, and its deepest cells outgrow what a cell holds.
 */
const MAX_INDENT = 12;

/** A goal's title, indented by its depth in the report. */
function indented(title: string, depth: number): string {
  if (depth <= MAX_INDENT) return fitCell(INDENT.repeat(depth) + title);
  return fitCell(`${INDENT.repeat(MAX_INDENT)}(depth ${count(depth)}) ${title}`);
}

const box = (row: number, col: number, numRows: number, numCols: number): Box => ({
  row,
  col,
  numRows,
  numCols,
});

/** Values placed at (row, col): as many rows as values, as many columns as its first row. */
const block = (row: number, col: number, values: ReportCell[][]): Block => ({
  ...box(row, col, values.length, values[0].length),
  values,
});

/** `2026-03-01T14:05:09.000Z` -> `2026-03-01 14:05 UTC`. */
function readableTime(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * The goals in reading order with their display depth: each goal followed by its subtree. A goal on
 * a cycle, or hanging below one, starts a new tree at depth 0 so no goal is hidden or repeated.
 */
function displayOrder(analysis: Analysis): { order: number[]; depth: Int32Array } {
  const { parentOf, onCycle } = analysis.links;
  const order = treeOrder(analysis.links);
  const depth = new Int32Array(order.length);
  const placed = new Uint8Array(order.length);
  for (const i of order) {
    const p = parentOf[i];
    depth[i] = p >= 0 && placed[p] && !onCycle[i] && !onCycle[p] ? depth[p] + 1 : 0;
    placed[i] = 1;
  }
  return { order, depth };
}

function noteText(analysis: Analysis, computedAt: string): string {
  const count = (severity: string) => analysis.issues.filter((i) => i.severity === severity).length;
  const tabs = analysis.goalTabs.length ? analysis.goalTabs.join(', ') : 'no goal tab';
  return (
    `${REPORT_NOTE_START}${readableTime(computedAt)} from ${tabs}: ` +
    `${analysis.goals.length} goals, ${analysis.cards.length} scorecards, ` +
    `${count('error')} errors and ${count('warning')} warnings (see the sidebar). ` +
    'Roll up replaces this tab: edit the goal tabs, not this one.'
  );
}

/** Unique treemap labels: the goal's ID, or its place when it has none; repeats get a number. */
function treemapLabels(analysis: Analysis): string[] {
  const used = new Set<string>([TREEMAP_ROOT.toLowerCase()]);
  return analysis.goals.map((g) => {
    const base = g.id || `${g.tab} row ${g.row}`;
    let label = base;
    for (let n = 2; used.has(label.toLowerCase()); n++) label = `${base} (${n})`;
    used.add(label.toLowerCase());
    return label;
  });
}

function goalValues(
  analysis: Analysis,
  order: number[],
  depth: Int32Array,
  history: HistoryAnalysis | null,
): ReportCell[][] {
  const values: ReportCell[][] = [GOAL_HEADERS.slice()];
  const today = analysis.today ?? Number.POSITIVE_INFINITY;
  for (const i of order) {
    const g = analysis.goals[i];
    const r = analysis.results.at(i);
    const trend = history === null ? null : trendOf(history.checkIns(i), r.final, today);
    values.push([
      g.id,
      indented(g.title, depth[i]),
      g.owner,
      g.tab,
      orBlank(r.measured),
      orBlank(r.rolledUp),
      orBlank(r.final),
      r.status,
      orBlank(r.gap),
      trend === null || trend.lastDay === null ? '' : isoDate(trend.lastDay),
      orBlank(trend?.change30 ?? null),
    ]);
  }
  return values;
}

function scorecardValues(analysis: Analysis): ReportCell[][] {
  const values: ReportCell[][] = [['Scorecards', '', '', ''], SCORECARD_HEADERS.slice()];
  for (const card of analysis.cards) {
    values.push([
      card.owner,
      card.period || analysis.settings.defaultPeriod,
      orBlank(card.score),
      orBlank(card.payout),
    ]);
  }
  return values;
}

function chartValues(analysis: Analysis, order: number[]): ReportCell[][] {
  const { parentOf, onCycle } = analysis.links;
  const labels = treemapLabels(analysis);
  const values: ReportCell[][] = [CHART_HEADERS.slice(), [TREEMAP_ROOT, '', 0, '']];
  for (const i of order) {
    const p = parentOf[i];
    const parent = p >= 0 && !onCycle[i] ? labels[p] : TREEMAP_ROOT;
    values.push([labels[i], parent, 1, orBlank(analysis.results.final(i))]);
  }
  return values;
}

/** Columns col..col+numCols-1 of a block (1-based within it), from its row `fromRow` to its end. */
const columns = (b: Box, col: number, fromRow: number, numCols = 1): Box =>
  box(fromRow, b.col + col - 1, b.row + b.numRows - fromRow, numCols);

/**
 * The report for an analysis; `computedAt` is an ISO timestamp (the caller owns the clock). With History, each goal's
 * last check-in day and its change in final attainment over 30 days; without, those columns stay blank.
 */
export function buildRollupReport(
  analysis: Analysis,
  computedAt: string,
  history: HistoryAnalysis | null = null,
): RollupReport {
  const { order, depth } = displayOrder(analysis);
  const n = order.length;
  const cardCount = analysis.cards.length;
  const note = block(1, 1, [[noteText(analysis, computedAt)]]);
  const goals = block(HEADER_ROW, 1, goalValues(analysis, order, depth, history));
  const scorecards = block(HEADER_ROW + n + 2, 1, scorecardValues(analysis));
  const chartData = block(HEADER_ROW, CHART_DATA_COL, chartValues(analysis, order));
  const { values: _, ...chartBox } = chartData;

  const percent: Box[] = [];
  const firstGoalRow = HEADER_ROW + 1;
  if (n > 0) {
    const change = GOAL_HEADERS.indexOf('30-day change') + 1;
    percent.push(
      columns(goals, 5, firstGoalRow, 3),
      columns(goals, 9, firstGoalRow),
      columns(goals, change, firstGoalRow),
      columns(chartData, 4, firstGoalRow),
    );
  }
  if (cardCount > 0) percent.push(columns(scorecards, 3, scorecards.row + 2, 2));
  const text: Box[] = [
    box(1, 1, 1, 1),
    // The goals' and the treemap data's headers (and the blank column between them).
    box(HEADER_ROW, 1, 1, chartData.col + chartData.numCols - 1),
    // The scorecards' title and headers, then Owner and Period on each row.
    box(scorecards.row, 1, 2, scorecards.numCols),
    columns(scorecards, 1, scorecards.row, 2),
    // The treemap's labels and their parents, from its root row (there even without goals).
    columns(chartData, 1, firstGoalRow, 2),
  ];
  // ID, Goal, Owner and Tab; Status.
  if (n > 0) text.push(columns(goals, 1, firstGoalRow, 4), columns(goals, 8, firstGoalRow));

  return {
    // The scorecards come last, below the goals and the chart data (n + 2 rows from HEADER_ROW), or the chart's room.
    rows: Math.max(scorecards.row + scorecards.numRows - 1, HEADER_ROW + CHART_SPAN_ROWS),
    columns: CHART_COL + CHART_SPAN_COLS - 1,
    note,
    goals,
    scorecards,
    chartData,
    percent,
    text,
    bold: [
      box(HEADER_ROW, 1, 1, GOAL_HEADERS.length),
      box(scorecards.row, 1, 2, SCORECARD_HEADERS.length),
      box(HEADER_ROW, CHART_DATA_COL, 1, CHART_HEADERS.length),
    ],
    status: n > 0 ? columns(goals, 8, firstGoalRow) : null,
    statusColors: STATUS_COLORS,
    frozenRows: HEADER_ROW,
    widths: [{ col: 2, width: 360 }],
    treemap:
      n > 0
        ? {
            data: chartBox,
            anchorRow: HEADER_ROW,
            anchorCol: CHART_COL,
            options: {
              title: 'Cascade: attainment by goal',
              minColor: STATUS_COLORS['off track'].background,
              midColor: STATUS_COLORS['at risk'].background,
              maxColor: STATUS_COLORS['on track'].background,
              minColorValue: 0,
              maxColorValue: 1,
              showScale: true,
            },
          }
        : null,
    goalCount: n,
    scorecardCount: cardCount,
  };
}

/** The whole report as one grid from A1 (blank where no block writes), e.g. for an .xlsx sheet. */
export function reportGrid(report: RollupReport): ReportCell[][] {
  const grid: ReportCell[][] = Array.from({ length: report.rows }, () =>
    new Array<ReportCell>(report.columns).fill(''),
  );
  for (const block of [report.note, report.goals, report.scorecards, report.chartData]) {
    block.values.forEach((line, r) => {
      line.forEach((v, c) => {
        grid[block.row - 1 + r][block.col - 1 + c] = v;
      });
    });
  }
  return grid;
}
