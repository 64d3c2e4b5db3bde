// The cascade: each goal's measured, rolled-up and final attainment, alignment gaps and status, bottom-up.

import type { AttainmentError } from './attain';
import { attainment, statusCode, TOLERANCE } from './attain';
import { finiteSum, weightedMean } from './finite';
import type { Links } from './graph';
import type { Issue, IssueDetail } from './issues';
import { goalPlace, issueAt } from './issues';
import type { CascadeResults, Field, Goal, Settings } from './model';
import type { Period } from './period';
import { elapsedShare } from './period';
import { expectedShare } from './phasing';
import { columnResults, finalOf, gapOf, NO_ELAPSED } from './results';

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

  const roll = rollers(goals, settings, measured, rolledUp, report);
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k];
    const kids = children[i];
    if (kids.length === 0) continue;
    const method = goals[i].rollup ?? 'average';
    rolledUp[i] = method === 'own' ? Number.NaN : roll[method](i, kids);
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

/** The issue for an attainment that could not be computed; a bad range quotes the bounds it got. */
function attainmentIssue(g: Goal, code: AttainmentError): IssueDetail {
  if (code !== 'bad-range') return { code };
  const text = `${g.target ?? ''}${g.targetMax === null ? '' : `-${g.targetMax}`}`;
  return { code, text };
}

/** Units compare trimmed and in any case: ` $ ` and `$` are one unit, and so are `Count` and `count`. */
export function sameUnit(a: Pick<Goal, 'unit'>, b: Pick<Goal, 'unit'>): boolean {
  return a.unit.trim().toLowerCase() === b.unit.trim().toLowerCase();
}

/**
 * Whether `child` under `parent` breaks the parent's sum roll-up (the sum-unit-mismatch error): a sum adds the
 * children's actuals, so they must be in the parent's unit. Other roll-ups compare attainments, which have no unit.
 */
export function breaksSumRollup(parent: Pick<Goal, 'unit' | 'rollup'>, child: Pick<Goal, 'unit'>): boolean {
  return parent.rollup === 'sum' && !sameUnit(parent, child);
}

type Roller = (parent: number, kids: readonly number[]) => number;

/** The roll-up methods; each returns NaN where there is nothing to count. */
function rollers(
  goals: readonly Goal[],
  settings: Settings,
  measured: Float64Array,
  rolledUp: Float64Array,
  report: (i: number, issue: Issue) => void,
): Record<'average' | 'sum' | 'min', Roller> {
  const zeroIfUnmeasured = settings.countUnmeasuredAsZero ? 0 : Number.NaN;

  /**
   * Contribution-weighted mean of the children's final attainment. Blank contributions share equally what
   * the explicit ones leave of 100% (nothing when they already use it all); negative contributions count
   * as 0. Dividing by the total weight of the children counted normalises explicit contributions that do
   * not add up to 100% and leaves unmeasured children out (unless they count as 0).
   */
  const average: Roller = (_parent, kids) => {
    let explicit = 0;
    let blanks = 0;
    for (const c of kids) {
      const share = goals[c].contribution;
      if (share === null) blanks++;
      else explicit += Math.max(0, share);
    }
    const blankShare = blanks === kids.length ? 1 / blanks : Math.max(0, 1 - explicit) / Math.max(1, blanks);
    const valueAt = (k: number): number => {
      const c = kids[k];
      const final = finalOf(measured[c], rolledUp[c]);
      return Number.isNaN(final) ? zeroIfUnmeasured : final;
    };
    // An unmeasured child (NaN) weighs nothing; weightedMean stays finite for weights or values near 1e308.
    const weightAt = (k: number): number => {
      if (Number.isNaN(valueAt(k))) return 0;
      const share = goals[kids[k]].contribution;
      return share === null ? blankShare : share;
    };
    return weightedMean(kids.length, weightAt, valueAt);
  };

  /** The children's own actuals added up, measured against the parent's own target, direction and limits. */
  const sum: Roller = (parent, kids) => {
    const g = goals[parent];
    let mismatch = false;
    const counted: number[] = [];
    for (const c of kids) {
      const child = goals[c];
      if (!sameUnit(child, g)) {
        mismatch = true;
        report(
          parent,
          issueOn(g, 'unit', {
            code: 'sum-unit-mismatch',
            childId: child.id,
            childUnit: child.unit,
            unit: g.unit,
          }),
        );
      } else if (child.actual !== null) {
        counted.push(child.actual);
      }
    }
    if (mismatch) return Number.NaN;
    if (g.target === null) {
      // A blocked parent already has an error on its values; do not pile another one on.
      if (!g.blocked) report(parent, issueOn(g, 'target', { code: 'sum-needs-target' }));
      return Number.NaN;
    }
    // Unmeasured children add nothing either way; with none measured there is no sum unless they count as 0.
    if (counted.length === 0 && !settings.countUnmeasuredAsZero) return Number.NaN;
    // Summed without overflow where the total comes back down (1e308 + 1e308 - 1e308); a total truly beyond the
    // largest number is ±Infinity, which attainment clamps to the cap or the floor.
    const total = finiteSum(counted.length, (k) => counted[k]);
    const a = attainment({ ...g, actual: total }, settings);
    if (a.kind === 'value') return a.value;
    // The same error on the parent's own measurement is reported once, from there.
    const ownError = g.actual !== null;
    if (a.kind === 'error' && !g.blocked && !ownError) {
      report(parent, issueOn(g, 'target', attainmentIssue(g, a.code)));
    }
    return Number.NaN;
  };

  /** The weakest child's final attainment. */
  const min: Roller = (_parent, kids) => {
    let weakest = Number.NaN;
    for (const c of kids) {
      const final = finalOf(measured[c], rolledUp[c]);
      const value = Number.isNaN(final) ? zeroIfUnmeasured : final;
      if (!Number.isNaN(value) && (Number.isNaN(weakest) || value < weakest)) weakest = value;
    }
    return weakest;
  };

  return { average, sum, min };
}
