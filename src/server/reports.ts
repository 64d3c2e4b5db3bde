// The sidebar's read-only views: the workbook check (issues) and the cascade (goal tree with attainments).

import { loadAnalysis } from './analyze';
import type { CascadeView, CheckReport } from './api';
import type { ServerContext } from './context';
import { countIssues, goalViews, issueView } from './views';

export function checkWorkbook(ctx: ServerContext): CheckReport {
  const now = ctx.now();
  const { analysis } = loadAnalysis(ctx, now);
  return {
    checkedAt: now.toISOString(),
    goalTabs: [...analysis.goalTabs],
    goalCount: analysis.goals.length,
    counts: countIssues(analysis.issues),
    issues: analysis.issues.map(issueView),
  };
}

export function getCascade(ctx: ServerContext): CascadeView {
  const now = ctx.now();
  const { analysis } = loadAnalysis(ctx, now);
  const { roots, goals } = goalViews(analysis);
  return { computedAt: now.toISOString(), roots, goals, counts: countIssues(analysis.issues) };
}
