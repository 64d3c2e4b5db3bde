// Turns an analysis into the plain JSON shapes of api.ts: numbers, strings and arrays only, wording from the catalogue.
import { goalForecasts } from '../core/goal-forecast';
import { type HistoryAnalysis, trendOf } from '../core/history';
import { describeIssue, type Issue } from '../core/issues';
import type { Analysis } from '../core/workbook';
import { rowGoalOfKeyResult } from '../sheets/link';
import type { GoalView, IssueView } from './api';

export type Counts = { error: number; warning: number; info: number };

export function issueView(issue: Issue): IssueView {
  return {
    code: issue.code,
    severity: issue.severity,
    tab: issue.tab,
    row: issue.row,
    col: issue.col,
    column: issue.column,
    goalId: issue.goalId,
    message: describeIssue(issue),
  };
}

export function countIssues(issues: readonly Issue[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const issue of issues) counts[issue.severity]++;
  return counts;
}

/** NaN or Infinity would not survive google.script.run's JSON; they never should occur, but null is safe. */
export const finite = (x: number | null): number | null => (x !== null && Number.isFinite(x) ? x : null);

/** How many check-ins a goal's trend shows: a sparkline's worth, so the payload stays bounded however long History is. */
export const TREND_POINTS = 12;

/** A fraction to three decimals (a tenth of a percent): all a 300px sidebar shows, and fewer bytes to send. */
const thousandths = (x: number): number => Math.round(x * 1000) / 1000;

/** A key result in numbered columns: its title column (else its first), since its row is its goal's; else null. */
function ownColumn(analysis: Analysis, i: number): number | null {
  const g = analysis.goals[i];
  if (rowGoalOfKeyResult(analysis, g) === null) return null;
  return g.columns.goal ?? Math.min(...Object.values(g.columns).filter((c) => c !== undefined));
}

/**
 * Every goal with its results. Links between goals on a cycle are left out of `children`, and cycle
 * members are roots, so a client walking from the roots sees each goal once and never loops. With History, each
 * goal with check-ins gets its trend (its last TREND_POINTS final attainments) and its change since the last check-in.
 * Each goal with a period and figures gets its run-rate forecast (goalForecasts).
 */
export function goalViews(
  analysis: Analysis,
  history?: HistoryAnalysis,
): { roots: string[]; goals: GoalView[] } {
  const { parentOf, onCycle } = analysis.links;
  const errorsAt = errorMessagesByRow(analysis.issues);
  const roots: string[] = [];
  const forecastOf = goalForecasts(analysis, history?.checkIns ?? (() => []));
  const goals = analysis.goals.map((g, i): GoalView => {
    const r = analysis.results.at(i);
    const p = parentOf[i];
    const isRoot = p < 0 || onCycle[i] === 1;
    if (isRoot) roots.push(g.id);
    const view: GoalView = {
      id: g.id,
      title: g.title,
      owner: g.owner,
      tab: g.tab,
      row: g.row,
      type: g.type,
      depth: r.depth,
      children: r.children.filter((c) => !onCycle[c]).map((c) => analysis.goals[c].id),
      // As written in the sheet, so an unknown or looping parent still shows what the cell says.
      parentId: g.parent,
      measured: finite(r.measured),
      rolledUp: finite(r.rolledUp),
      final: finite(r.final),
      gap: finite(r.gap),
      status: r.status,
      onCycle: r.onCycle,
    };
    const col = ownColumn(analysis, i);
    if (col !== null) view.col = col;
    const errors = errorsAt.get(rowKey(g.tab, g.row));
    if (errors !== undefined) view.errors = errors;
    const entry = analysis.links.shared?.byGoal.get(i);
    if (entry !== undefined) {
      view.shares = entry.parents.map((p, k) => ({
        parentId: analysis.goals[p].id,
        share: thousandths(entry.shares[k]),
      }));
    }
    const checkIns = history?.checkIns(i);
    if (checkIns !== undefined && checkIns.length > 0) {
      const trend = trendOf(checkIns, view.final, analysis.today ?? Number.POSITIVE_INFINITY);
      if (trend.finals.length > 0) view.trend = trend.finals.slice(-TREND_POINTS).map(thousandths);
      if (trend.sinceLast !== null && Number.isFinite(trend.sinceLast))
        view.sinceLast = thousandths(trend.sinceLast);
    }
    const forecast = forecastOf(i);
    if (forecast !== null && Number.isFinite(forecast.attainment)) {
      view.forecast = thousandths(forecast.attainment);
      if (forecast.payout !== null && Number.isFinite(forecast.payout))
        view.forecastPayout = thousandths(forecast.payout);
    }
    return view;
  });
  return { roots, goals };
}

const rowKey = (tab: string, row: number): string => `${tab}\u0000${row}`;

/** The messages of the error issues (those that block a goal's attainment), by the tab and row they point at. */
function errorMessagesByRow(issues: readonly Issue[]): Map<string, string[]> {
  const byRow = new Map<string, string[]>();
  for (const issue of issues) {
    if (issue.severity !== 'error' || issue.row <= 0) continue;
    const key = rowKey(issue.tab, issue.row);
    byRow.set(key, [...(byRow.get(key) ?? []), describeIssue(issue)]);
  }
  return byRow;
}
