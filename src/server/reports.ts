// The sidebar's read-only views: the workbook check (issues) and the cascade (goal tree with attainments).
import { isoDate } from '../core/history';
import type { Issue } from '../core/issues';
import type { Analysis } from '../core/workbook';
import { loadAnalysis } from './analyze';
import type { CascadeView, CheckReport } from './api';
import type { ServerContext } from './context';
import { loadHistory, loadRecentHistory } from './history';
import { countIssues, goalViews, issueView } from './views';

/** The goal tabs' issues, then the History tab's (its cells, orphans, falling confidence). */
export function checkWorkbook(ctx: ServerContext): CheckReport {
  const now = ctx.now();
  const { read, analysis } = loadAnalysis(ctx, now);
  return checkReport(analysis, now, loadHistory(ctx, read, analysis).issues);
}

/** The check of an analysis made at `now`: its issues, then `more` (the History tab's). */
export function checkReport(analysis: Analysis, now: Date, more: readonly Issue[] = []): CheckReport {
  const issues = [...analysis.issues, ...more];
  return {
    checkedAt: now.toISOString(),
    goalTabs: [...analysis.goalTabs],
    goalCount: analysis.goals.length,
    counts: countIssues(issues),
    issues: issues.map(issueView),
  };
}

/** The goal tree with each goal's recent trend (see loadRecentHistory). */
export function getCascade(ctx: ServerContext): CascadeView {
  const now = ctx.now();
  const { read, analysis } = loadAnalysis(ctx, now);
  const history = loadRecentHistory(ctx, read, analysis);
  const { roots, goals } = goalViews(analysis, history);
  // The goal tabs' issues: Check reads the whole History tab for its own.
  const view: CascadeView = {
    computedAt: now.toISOString(),
    roots,
    goals,
    counts: countIssues(analysis.issues),
  };
  const days = history.read.checkIns;
  if (days.length > 0) view.lastCheckIn = isoDate(days.reduce((a, c) => Math.max(a, c.day), days[0].day));
  return view;
}
