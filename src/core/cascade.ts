// The cascade: each goal's measured, rolled-up and final attainment, alignment gaps and status, bottom-up.

import type { AttainmentError } from './attain';
import { attainment, attainmentIssue, finalOf, statusCode, TOLERANCE } from './attain';
import type { Links } from './graph';
import type { Issue, IssueDetail } from './issues';
import { goalPlace, issueAt } from './issues';
import type { CascadeResults, Field, Goal, Settings } from './model';
import type { Period } from './period';
import { elapsedShare } from './period';
import { expectedShare } from './phasing';
import { columnResults, gapOf, NO_ELAPSED } from './results';
import { DEFAULT_ROLLUP, rollers } from './rollups';

/**
 * Computes every goal's attainment in linear time, without recursion: measured from its own values,
 * rolled up from its children (links.order reversed, so children come first), final = measured ?? rolled up.
 *
 * - Indices are positions in `goals`, as in `links`; results.at(i) is goals[i]'s result.
 * - Results are held by field (see CascadeResults and results.ts): typed arrays, no object per goal.
 * - Returns only the cascade's own issues (not links.issues), in workbook order.
 * - Link errors (duplicate ID, unknown or self parent, cycle) do not block a goal's own measured value:
 *   they concern where it trees, not what it measured. Only goal.blocked (errors on its values) does.
 * - Status judges against the share of the target expected by today (see expectedShare in phasing.ts: the goal's
 *   phase targets, else the Settings target path, linear by default), or against the full target (e = 1) where
 *   the period or today is unknown; `elapsed` is then null.
 * - results.at(i).children is links.children[i] itself (shared, not copied); its path is computed on
 *   access (see resultClass in results.ts): storing every path would be quadratic on a deep chain.
 */
export function cascade(
  goals: readonly Goal[],
  links: Links,
  settings: Settings,
  today: number | null,
  periodOf: (g: Goal) => Period | null,
): { results: CascadeResults; issues: Issue[] } {
  const n = goals.length;
  const { children, order } = links;
  // NaN stands for null in the typed arrays. Final attainment is finalOf(measured, rolledUp), not stored:
  // see ResultColumns.
  const measured = new Float64Array(n).fill(Number.NaN);
  const rolledUp = new Float64Array(n).fill(Number.NaN);
  // Why a goal has no measured value, kept as a small code rather than 1M retained Attainment objects.
  const why = new Uint8Array(n);
  // Issues found while rolling up, by goal, so that the output can be in workbook order. Rare, so sparse.
  const rollupIssues = new Map<number, Issue[]>();
  const report = (i: number, issue: Issue): void => {
    const list = rollupIssues.get(i);
    if (list === undefined) rollupIssues.set(i, [issue]);
    else list.push(issue);
  };

  for (let i = 0; i < n; i++) {
    const g = goals[i];
    if (!g.blocked) {
      const a = attainment(g, settings);
      if (a.kind === 'value') measured[i] = a.value;
      else why[i] = a.kind === 'unmeasured' ? UNMEASURED : FIRST_ERROR + ERROR_CODES.indexOf(a.code);
    }
  }

  const roll = rollers({
    goals,
    settings,
    measured,
    rolledUp,
    report: (parent, field, detail) => report(parent, issueOn(goals[parent], field, detail)),
  });
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k];
    const kids = children[i];
    if (kids.length === 0) continue;
    rolledUp[i] = roll[goals[i].rollup ?? DEFAULT_ROLLUP](i, kids);
  }

  const issues: Issue[] = [];
  const gapThreshold = settings.gap + TOLERANCE;
  // Periods are few and parsed once (see periodOf in workbook.ts): read again when a result is built.
  const elapsedOf =
    today === null
      ? NO_ELAPSED
      : (i: number): number | null => {
          const period = periodOf(goals[i]);
          return period === null ? null : elapsedShare(period, today);
        };
  // What status compares with: the share of the target expected by today (phase targets, or the Settings path).
  const expectedOf =
    today === null
      ? NO_ELAPSED
      : (i: number): number | null => {
          const period = periodOf(goals[i]);
          return period === null ? null : expectedShare(goals[i], period, today, settings.targetPath);
        };
  const status = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const g = goals[i];
    if (why[i] >= FIRST_ERROR)
      issues.push(issueOn(g, 'target', attainmentIssue(g, ERROR_CODES[why[i] - FIRST_ERROR])));
    const found = rollupIssues.get(i);
    if (found !== undefined) for (const issue of found) issues.push(issue);

    const m = measured[i];
    const r = rolledUp[i];
    if (!Number.isNaN(gapOf(m, r, gapThreshold))) {
      issues.push(issueOn(g, 'actual', { code: 'alignment-gap', measured: m, rolledUp: r }));
    }
    if (why[i] === UNMEASURED && Number.isNaN(r)) {
      issues.push(issueOn(g, 'actual', { code: 'unmeasured' }));
    }

    const f = finalOf(m, r);
    status[i] = statusCode(Number.isNaN(f) ? null : f, expectedOf(i) ?? 1);
  }
  return { results: columnResults({ measured, rolledUp, status, gapThreshold, elapsedOf }, links), issues };
}

// Codes of `why`: 0 = measured or blocked (nothing to add), then unmeasured, then the attainment errors.
const UNMEASURED = 1;
const FIRST_ERROR = 2;
const ERROR_CODES: readonly AttainmentError[] = ['zero-span', 'missing-target', 'bad-range'];

const issueOn = (g: Goal, field: Field, detail: IssueDetail): Issue => issueAt(goalPlace(g, field), detail);
