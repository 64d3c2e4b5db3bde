// Turns an analysis into the plain JSON shapes of api.ts: numbers, strings and arrays only, wording from the catalogue.
import { describeIssue, type Issue } from '../core/issues';
import type { Analysis } from '../core/workbook';
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

/**
 * Every goal with its results. Links between goals on a cycle are left out of `children`, and cycle
 * members are roots, so a client walking from the roots sees each goal once and never loops.
 */
export function goalViews(analysis: Analysis): { roots: string[]; goals: GoalView[] } {
  const { parentOf, onCycle } = analysis.links;
  const roots: string[] = [];
  const goals = analysis.goals.map((g, i): GoalView => {
    const r = analysis.results.at(i);
    const p = parentOf[i];
    const isRoot = p < 0 || onCycle[i] === 1;
    if (isRoot) roots.push(g.id);
    return {
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
  });
  return { roots, goals };
}
