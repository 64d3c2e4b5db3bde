// The Roll-up report as values plus formatting hints, built in memory from an analysis: the Sheets writer and the .xlsx command line both lay it out.
import { readableTime } from '../core/calendar';
import { orBlank } from '../core/cells';
import { goalForecasts } from '../core/goal-forecast';
import { shareIn } from '../core/graph';
import { type HistoryAnalysis, isoDate, trendOf } from '../core/history';
import type { Scorecard } from '../core/model';
import type { Payouts } from '../core/payouts';
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
  /** Below the scorecards when there is a Roster: payout amounts by manager and team, per period and currency. */
  payoutSubtotals: Block | null;
  /** Source of the treemap, in columns to the right of the table. */
  chartData: Block;
  /** Ranges holding attainments, formatted as percentages. */
  percent: Box[];
  /** Other number formats: money and ratios (spend, return per dollar). */
  formats: { box: Box; format: string }[];
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
  'Forecast',
];
/** Goal columns added when some goal has a Budget or Spend. */
export const SPEND_HEADERS = ['Spend', 'Return per $'];
export const MONEY_FORMAT = '#,##0';
export const RATIO_FORMAT = '0.00';
export const SCORECARD_HEADERS = ['Owner', 'Period', 'Score', 'Payout', 'Gate'];
/** Scorecard columns added when there is a Roster tab. */
export const ROSTER_HEADERS = ['Manager', 'Employed', 'Target bonus', 'Payout amount', 'Currency'];
export const SUBTOTAL_HEADERS = ['Manager', 'Period', 'Currency', 'Direct reports', 'Whole team', 'People'];
export const PAYMENT_FORMAT = '#,##0.00';
/** What the Manager cell of a scorecard says when its owner has no Roster row. */
export const NOT_ON_ROSTER = 'not on Roster';
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

/** A row of the goal table: a goal at a display depth; `under` is set on a shared goal's row under a parent. */
interface GoalRow {
  goal: number;
  depth: number;
  /** The parent this row of a shared goal stands under, or -1 for a goal with one parent. */
  under: number;
}

/**
 * The goal table's rows: the display order, and a goal shared by several parents (`CMO-1 60%; CMO-2 40%`) again
 * under each of its other parents, right below that parent, as one row (its own goals stay under its first parent).
 */
function goalRows(analysis: Analysis, order: readonly number[], depth: Int32Array): GoalRow[] {
  const { shared, parentOf, onCycle } = analysis.links;
  if (shared === null) return order.map((goal) => ({ goal, depth: depth[goal], under: -1 }));
  const alsoUnder = new Map<number, number[]>();
  for (const [goal, { parents }] of shared.byGoal) {
    for (const p of parents.slice(1)) {
      if (onCycle[p]) continue;
      const list = alsoUnder.get(p);
      if (list === undefined) alsoUnder.set(p, [goal]);
      else list.push(goal);
    }
  }
  const rows: GoalRow[] = [];
  for (const i of order) {
    rows.push({ goal: i, depth: depth[i], under: shared.byGoal.has(i) ? parentOf[i] : -1 });
    for (const goal of alsoUnder.get(i)?.sort((a, b) => a - b) ?? []) {
      rows.push({ goal, depth: depth[i] + 1, under: i });
    }
  }
  return rows;
}

/** What a shared goal's row says after its title: its share under this parent, and where its own goals are. */
function sharedNote(analysis: Analysis, row: GoalRow): string {
  const { links, goals } = analysis;
  const share = percentText(shareIn(links, row.under, row.goal));
  const primary = links.parentOf[row.goal];
  return row.under === primary
    ? ` (shared: ${share} here)`
    : ` (shared: ${share} here; its goals are under ${goals[primary].id})`;
}

function noteText(analysis: Analysis, computedAt: string): string {
  const count = (severity: string) => analysis.issues.filter((i) => i.severity === severity).length;
  const tabs = analysis.goalTabs.length ? analysis.goalTabs.join(', ') : 'no goal tab';
  return (
    `${REPORT_NOTE_START}${readableTime(computedAt, analysis.settings.timeZone)} from ${tabs}: ` +
    `${analysis.goals.length} goals, ${analysis.cards.length} scorecards, ` +
    `${count('error')} errors and ${count('warning')} warnings (see the sidebar). ` +
    'Roll up replaces this tab: edit the goal tabs, not this one.'
  );
}

/** Makes treemap labels unique: a repeat (in any case) gets a number, `A (2)`; the root's label is taken. */
function uniqueLabels(): (base: string) => string {
  const used = new Set<string>([TREEMAP_ROOT.toLowerCase()]);
  return (base) => {
    let label = base;
    for (let n = 2; used.has(label.toLowerCase()); n++) label = `${base} (${n})`;
    used.add(label.toLowerCase());
    return label;
  };
}

function goalValues(
  analysis: Analysis,
  rows: readonly GoalRow[],
  history: HistoryAnalysis | null,
): ReportCell[][] {
  const spent = analysis.efficiency;
  const values: ReportCell[][] = [
    spent === null ? GOAL_HEADERS.slice() : [...GOAL_HEADERS, ...SPEND_HEADERS],
  ];
  const today = analysis.today ?? Number.POSITIVE_INFINITY;
  const forecastOf = goalForecasts(analysis, history?.checkIns ?? (() => []));
  for (const row of rows) {
    const i = row.goal;
    const g = analysis.goals[i];
    const r = analysis.results.at(i);
    const trend = history === null ? null : trendOf(history.checkIns(i), r.final, today);
    const title = row.under === -1 ? g.title : g.title + sharedNote(analysis, row);
    const line: ReportCell[] = [
      g.id,
      indented(title, row.depth),
      g.owner,
      g.tab,
      orBlank(r.measured),
      orBlank(r.rolledUp),
      orBlank(r.final),
      r.status,
      orBlank(r.gap),
      trend === null || trend.lastDay === null ? '' : isoDate(trend.lastDay),
      orBlank(trend?.change30 ?? null),
      orBlank(forecastOf(i)?.attainment ?? null),
    ];
    if (spent !== null) line.push(orBlank(spent.spend(i)), orBlank(spent.perDollar(i)));
    values.push(line);
  }
  return values;
}

function scorecardValues(analysis: Analysis): ReportCell[][] {
  const paid = analysis.payouts;
  const headers = paid === null ? SCORECARD_HEADERS.slice() : [...SCORECARD_HEADERS, ...ROSTER_HEADERS];
  const values: ReportCell[][] = [['Scorecards', ...headers.slice(1).map(() => '')], headers];
  analysis.cards.forEach((card, c) => {
    const line: ReportCell[] = [
      card.owner,
      card.period || analysis.settings.defaultPeriod,
      orBlank(card.score),
      orBlank(card.payout),
      gateText(card.gates),
    ];
    if (paid !== null) {
      const p = paid.lines[c];
      if (p === null) line.push(NOT_ON_ROSTER, '', '', '', '');
      else line.push(p.manager, p.employed, orBlank(p.target), orBlank(p.amount), p.currency);
    }
    values.push(line);
  });
  return values;
}

/** Payout subtotals: each manager's direct reports and whole team, then each period's total (All), per currency. */
function subtotalValues(payouts: Payouts): ReportCell[][] {
  const values: ReportCell[][] = [['Payout subtotals', '', '', '', '', ''], SUBTOTAL_HEADERS.slice()];
  for (const s of payouts.subtotals) {
    values.push([s.manager === '' ? 'All' : s.manager, s.period, s.currency, s.direct, s.team, s.people]);
  }
  return values;
}

/** 0.655 -> `65.5%`. */
const percentText = (x: number): string => `${Math.round(x * 1000) / 10}%`;

/**
 * What a card's gates did, so that a zero payout never reads as a zero score: blank without gates, `met`, or
 * `missed: ` and each missed gate goal with its attainment and gate.
 */
export function gateText(gates: Scorecard['gates']): string {
  if (gates.length === 0) return '';
  const missed = gates.filter((g) => !g.met);
  if (missed.length === 0) return 'met';
  const each = missed.map(
    (g) =>
      `${g.goalId} at ${g.attainment === null ? 'no measure' : percentText(g.attainment)} (gate ${percentText(g.gate)})`,
  );
  return `missed: ${each.join('; ')}`;
}

/**
 * The treemap's rows: one node per goal under its parent, and a shared goal again under each of its other parents as
 * a leaf of its own (`DG-1 (40% in CMO-2)`). A shared goal's leaves are sized by its share under that parent, so the
 * goal's area adds up to one; the chart sizes a node with children by its children.
 */
function chartValues(analysis: Analysis, rows: readonly GoalRow[]): ReportCell[][] {
  const { goals, links } = analysis;
  const { parentOf, onCycle } = links;
  const unique = uniqueLabels();
  const labels = goals.map((g) => unique(g.id || `${g.tab} row ${g.row}`));
  const values: ReportCell[][] = [CHART_HEADERS.slice(), [TREEMAP_ROOT, '', 0, '']];
  for (const { goal: i, under } of rows) {
    const attainment = orBlank(analysis.results.final(i));
    if (under === -1) {
      const p = parentOf[i];
      values.push([labels[i], p >= 0 && !onCycle[i] ? labels[p] : TREEMAP_ROOT, 1, attainment]);
    } else {
      const share = shareIn(links, under, i);
      const label =
        under === parentOf[i]
          ? labels[i]
          : unique(`${labels[i]} (${percentText(share)} in ${labels[under]})`);
      values.push([label, labels[under], share, attainment]);
    }
  }
  return values;
}

/** Columns col..col+numCols-1 of a block (1-based within it), from its row `fromRow` to its end. */
const columns = (b: Box, col: number, fromRow: number, numCols = 1): Box =>
  box(fromRow, b.col + col - 1, b.row + b.numRows - fromRow, numCols);

/**
 * The report for an analysis; `computedAt` is an ISO timestamp (the caller owns the clock), shown in the note in the
 * analysis's time zone (the spreadsheet's; the command line's --time-zone). With History, each goal's
 * last check-in day and its change in final attainment over 30 days; without, those columns stay blank. Each goal's
 * run-rate forecast of its end-of-period attainment (goalForecasts): from its check-ins, phase actuals and figures now.
 */
export function buildRollupReport(
  analysis: Analysis,
  computedAt: string,
  history: HistoryAnalysis | null = null,
): RollupReport {
  const { order, depth } = displayOrder(analysis);
  const n = order.length;
  const rows = goalRows(analysis, order, depth);
  const cardCount = analysis.cards.length;
  const note = block(1, 1, [[noteText(analysis, computedAt)]]);
  const goals = block(HEADER_ROW, 1, goalValues(analysis, rows, history));
  const scorecards = block(HEADER_ROW + rows.length + 2, 1, scorecardValues(analysis));
  const paid = analysis.payouts;
  const payoutSubtotals =
    paid === null ? null : block(scorecards.row + scorecards.numRows + 1, 1, subtotalValues(paid));
  // The chart data sits one column right of the goal table, and the chart one column right of its data.
  const chartData = block(HEADER_ROW, goals.numCols + 2, chartValues(analysis, rows));
  const { values: _, ...chartBox } = chartData;
  const chartCol = chartData.col + CHART_HEADERS.length + 1;

  const percent: Box[] = [];
  const formats: RollupReport['formats'] = [];
  const firstGoalRow = HEADER_ROW + 1;
  if (n > 0) {
    const change = GOAL_HEADERS.indexOf('30-day change') + 1;
    percent.push(
      columns(goals, 5, firstGoalRow, 3),
      columns(goals, 9, firstGoalRow),
      // The 30-day change and the forecast.
      columns(goals, change, firstGoalRow, 2),
      columns(chartData, 4, firstGoalRow),
    );
  }
  if (n > 0 && analysis.efficiency !== null) {
    const spendCol = GOAL_HEADERS.length + 1;
    formats.push({ box: columns(goals, spendCol, firstGoalRow), format: MONEY_FORMAT });
    formats.push({ box: columns(goals, spendCol + 1, firstGoalRow), format: RATIO_FORMAT });
  }
  const firstCardRow = scorecards.row + 2;
  if (cardCount > 0) percent.push(columns(scorecards, 3, firstCardRow, 2));
  if (cardCount > 0 && paid !== null) {
    percent.push(columns(scorecards, SCORECARD_HEADERS.length + 2, firstCardRow));
    formats.push({
      box: columns(scorecards, SCORECARD_HEADERS.length + 3, firstCardRow, 2),
      format: PAYMENT_FORMAT,
    });
  }
  if (payoutSubtotals !== null && payoutSubtotals.numRows > 2) {
    formats.push({ box: columns(payoutSubtotals, 4, payoutSubtotals.row + 2, 2), format: PAYMENT_FORMAT });
  }
  const lastBlock = payoutSubtotals ?? scorecards;
  const text: Box[] = [
    box(1, 1, 1, 1),
    // The goals' and the treemap data's headers (and the blank column between them).
    box(HEADER_ROW, 1, 1, chartData.col + chartData.numCols - 1),
    // The scorecards' title and headers, then Owner and Period on each row, and Gate.
    box(scorecards.row, 1, 2, scorecards.numCols),
    columns(scorecards, 1, scorecards.row, 2),
    columns(scorecards, SCORECARD_HEADERS.indexOf('Gate') + 1, firstCardRow),
    // The treemap's labels and their parents, from its root row (there even without goals).
    columns(chartData, 1, firstGoalRow, 2),
  ];
  // ID, Goal, Owner and Tab; Status; the last check-in's day, which Sheets would turn into a date.
  if (n > 0)
    text.push(
      columns(goals, 1, firstGoalRow, 4),
      columns(goals, 8, firstGoalRow),
      columns(goals, GOAL_HEADERS.indexOf('Last check-in') + 1, firstGoalRow),
    );
  if (paid !== null) {
    // Manager and Currency on each scorecard; the subtotals' title, headers, and Manager, Period and Currency.
    text.push(
      columns(scorecards, SCORECARD_HEADERS.length + 1, firstCardRow),
      columns(scorecards, SCORECARD_HEADERS.length + ROSTER_HEADERS.length, firstCardRow),
    );
    if (payoutSubtotals !== null) {
      text.push(
        box(payoutSubtotals.row, 1, 2, payoutSubtotals.numCols),
        columns(payoutSubtotals, 1, payoutSubtotals.row, 3),
      );
    }
  }

  return {
    // The scorecards come last, below the goals and the chart data (n + 2 rows from HEADER_ROW), or the chart's room.
    rows: Math.max(lastBlock.row + lastBlock.numRows - 1, HEADER_ROW + CHART_SPAN_ROWS),
    columns: chartCol + CHART_SPAN_COLS - 1,
    note,
    goals,
    scorecards,
    payoutSubtotals,
    chartData,
    percent,
    formats,
    text,
    bold: [
      box(HEADER_ROW, 1, 1, goals.numCols),
      box(scorecards.row, 1, 2, scorecards.numCols),
      ...(payoutSubtotals === null ? [] : [box(payoutSubtotals.row, 1, 2, SUBTOTAL_HEADERS.length)]),
      box(HEADER_ROW, chartData.col, 1, CHART_HEADERS.length),
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
            anchorCol: chartCol,
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

/** Every value block of the report, each written with one setValues. */
export function reportBlocks(report: RollupReport): Block[] {
  const blocks = [report.note, report.goals, report.scorecards, report.chartData];
  if (report.payoutSubtotals !== null) blocks.push(report.payoutSubtotals);
  return blocks;
}

/** The whole report as one grid from A1 (blank where no block writes), e.g. for an .xlsx sheet. */
export function reportGrid(report: RollupReport): ReportCell[][] {
  const grid: ReportCell[][] = Array.from({ length: report.rows }, () =>
    new Array<ReportCell>(report.columns).fill(''),
  );
  for (const block of reportBlocks(report)) {
    block.values.forEach((line, r) => {
      line.forEach((v, c) => {
        grid[block.row - 1 + r][block.col - 1 + c] = v;
      });
    });
  }
  return grid;
}
