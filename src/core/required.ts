// What would it take: the cascade inverted, so each goal that feeds a parent says what Actual it needs, on its own, for the parent to reach a level.
import { capOf, TOLERANCE } from './attain';
import { finiteSum, saturate, spanRatio } from './finite';
import { type Links, shareIn } from './graph';
import type { CascadeResults, Goal, Settings } from './model';
import { sameUnit } from './rollups';

/** Why a goal cannot lift the parent to the level on its own. */
export type Why =
  /** It would need more attainment than its cap counts. */
  | { code: 'cap'; cap: number }
  /** A done-or-not goal gives at most 100%. */
  | { code: 'binary' }
  /** A range goal gives at most 100%. */
  | { code: 'range' }
  /** Its parent rolls up the weakest goal, and another goal (`weakest`) is below the level too. */
  | { code: 'min'; parent: number; weakest: number }
  /** Its Contribution to its parent is 0. */
  | { code: 'no-share'; parent: number }
  /** Its parent's sum roll-up mixes units, so it adds nothing up. */
  | { code: 'unit'; parent: number }
  /** It has no Target (or one equal to its Baseline) to measure an Actual against. */
  | { code: 'no-target' }
  /** Errors on its own values block its attainment. */
  | { code: 'blocked' }
  /** It is on a loop of parents: nothing rolls up. */
  | { code: 'cycle' };

/**
 * What one goal needs. `needed` is the final attainment it must reach (null where that is not a number: a goal
 * that cannot say, or a goal in a sum roll-up without a target of its own).
 * - `needs`: an Actual of `actual` (null for a goal measured by Progress: the attainment itself is what is needed);
 * - `reached`: it is already there; `any`: any Actual will do, it only needs measuring;
 * - `done`: a done-or-not goal must be done; `in-range`: a range goal's Actual must be within its range;
 * - `unreachable`: it cannot, on its own, for the reason in `why`.
 */
export interface Requirement {
  /** The goal, by index. */
  index: number;
  /** The goals from the parent asked about down to this goal's parent (empty when it is that goal itself). */
  via: number[];
  verdict: 'needs' | 'reached' | 'any' | 'done' | 'in-range' | 'unreachable';
  needed: number | null;
  actual: number | null;
  why: Why | null;
}

/** What the inversion reads: the analysis's goals, links, results and settings. */
export interface RequiredSource {
  goals: readonly Goal[];
  links: Pick<Links, 'children' | 'onCycle' | 'shared'>;
  results: Pick<CascadeResults, 'at'>;
  settings: Settings;
}

/**
 * For the goal `parent` to reach the final attainment `level`, what each goal feeding it needs, each on its own
 * with every other goal as it is. Walks down as the cascade rolls up:
 * - a goal with its own measured attainment counts by it alone (its children do not): it is the one to move;
 * - `average`: the child must reach (level x (W + w) - S) / w, where S and W are the weighted attainment and weight of
 *   the other children counted, w its own weight (Contribution, or an equal share of what is left);
 * - `min`: every child must reach the level, so one alone cannot while another is below it;
 * - `sum`: the children's Actuals add up against the parent's own Target: a child needs the total the level
 *   takes, less the others' Actuals;
 * - `own`, and a goal with no children: its own Actual is what counts.
 * A child that needs a level it already has is `reached` and the walk stops there; else the walk goes on to its
 * children until it reaches the goals whose Actuals count. An Actual needed is inverted through the goal's
 * direction, baseline and target, and checked against its cap (Cap, Stretch or the default) and floor.
 */
export function requiredFor(source: RequiredSource, parent: number, level: number): Requirement[] {
  const { goals, links, results, settings } = source;
  const out: Requirement[] = [];
  const finalOf = (i: number): number | null => results.at(i).final;
  const shareOf = (parent: number, child: number): number => shareIn(links, parent, child);
  const zeroIfUnmeasured = settings.countUnmeasuredAsZero ? 0 : null;

  // Iterative, so a 10,000-deep chain walks as well as a shallow tree; the goals walked through are a linked trail,
  // made a list only for the rows written (copying it at every step would be quadratic on a deep chain).
  const stack: Step[] = [{ goal: parent, level, trail: null }];
  while (stack.length > 0) {
    const { goal: i, level: wanted, trail, settled } = stack.pop()!;
    if (settled !== undefined) {
      out.push({ index: i, via: viaOf(trail), ...settled });
      continue;
    }
    const g = goals[i];
    const result = results.at(i);
    const row = (
      verdict: Requirement['verdict'],
      needed: number | null,
      actual: number | null,
      why: Why | null = null,
    ): void => {
      out.push({ index: i, via: viaOf(trail), verdict, needed, actual, why });
    };
    if (links.onCycle[i] === 1) {
      row('unreachable', wanted, null, { code: 'cycle' });
      continue;
    }
    if (g.blocked) {
      row('unreachable', wanted, null, { code: 'blocked' });
      continue;
    }
    const kids = links.children[i];
    const method = g.rollup ?? 'average';
    if (result.measured !== null || kids.length === 0 || method === 'own') {
      out.push({ index: i, via: viaOf(trail), ...ownRequirement(g, wanted, result.final, settings) });
      continue;
    }
    const here: Trail = { goal: i, up: trail };
    /** Each child's step: settled here, or walked further down. Pushed in reverse so children come out in order. */
    const next: Step[] = [];
    const settle = (c: number, settled: Verdict): void => {
      next.push({ goal: c, level: wanted, trail: here, settled });
    };
    const childNeeds = (c: number, needed: number): void => {
      const now = finalOf(c);
      if (now !== null && now >= needed - TOLERANCE)
        settle(c, { verdict: 'reached', needed, actual: null, why: null });
      else next.push({ goal: c, level: needed, trail: here });
    };

    if (method === 'sum') {
      for (const { index, ...settled } of sumRequirements(goals, i, kids, wanted, settings, shareOf))
        settle(index, settled);
    } else if (method === 'min') {
      for (const c of kids) {
        const weakest = kids.find(
          (j) => j !== c && (finalOf(j) ?? zeroIfUnmeasured ?? Number.POSITIVE_INFINITY) < wanted - TOLERANCE,
        );
        if (weakest === undefined) childNeeds(c, wanted);
        else
          settle(c, {
            verdict: 'unreachable',
            needed: wanted,
            actual: null,
            why: { code: 'min', parent: i, weakest },
          });
      }
    } else {
      // A goal shared by several parents weighs its share here, as the cascade weighs it.
      const weights = childWeights(goals, kids).map((w, k) => w * shareOf(i, kids[k]));
      let others = 0;
      let otherWeights = 0;
      const counted = kids.map((c) => finalOf(c) ?? zeroIfUnmeasured);
      kids.forEach((_c, k) => {
        if (counted[k] === null) return;
        others += weights[k] * counted[k]!;
        otherWeights += weights[k];
      });
      kids.forEach((c, k) => {
        const w = weights[k];
        if (!(w > 0)) {
          settle(c, {
            verdict: 'unreachable',
            needed: null,
            actual: null,
            why: { code: 'no-share', parent: i },
          });
          return;
        }
        // The others' sums, without this child.
        const s = counted[k] === null ? others : others - w * counted[k]!;
        const total = counted[k] === null ? otherWeights : otherWeights - w;
        // Kept finite near ±1e308: an overflowing share is the largest number (out of reach), never Infinity.
        const needed = (wanted * (total + w) - s) / w;
        childNeeds(c, Number.isNaN(needed) ? wanted : saturate(needed));
      });
    }
    for (let k = next.length - 1; k >= 0; k--) stack.push(next[k]);
  }
  return out;
}

/** A goal walked through on the way down, and the one above it. */
interface Trail {
  goal: number;
  up: Trail | null;
}

interface Step {
  goal: number;
  level: number;
  trail: Trail | null;
  /** Set when the goal's requirement is already known: it is written as is, not walked. */
  settled?: Verdict;
}

function viaOf(trail: Trail | null): number[] {
  const via: number[] = [];
  for (let t = trail; t !== null; t = t.up) via.push(t.goal);
  return via.reverse();
}

/** A child's weight in an average roll-up, as the cascade gives it: its Contribution, or an equal share of what is left. */
function childWeights(goals: readonly Goal[], kids: readonly number[]): number[] {
  let explicit = 0;
  let blanks = 0;
  for (const c of kids) {
    const share = goals[c].contribution;
    if (share === null) blanks++;
    else explicit += Math.max(0, share);
  }
  const blankShare = blanks === kids.length ? 1 / blanks : Math.max(0, 1 - explicit) / Math.max(1, blanks);
  return kids.map((c) => {
    const share = goals[c].contribution;
    return share === null ? blankShare : Math.max(0, share);
  });
}

type Verdict = Omit<Requirement, 'index' | 'via'>;

/** What a goal's own Actual must be for its measured attainment to reach `level`. */
function ownRequirement(g: Goal, level: number, now: number | null, settings: Settings): Verdict {
  const cap = capOf(g, settings);
  const floor = g.floor ?? settings.floor;
  const reached = now !== null && now >= level - TOLERANCE;
  if (g.direction === 'binary' || g.direction === 'range') {
    if (level <= TOLERANCE)
      return { verdict: reached ? 'reached' : 'any', needed: level, actual: null, why: null };
    if (level > Math.min(1, cap) + TOLERANCE) {
      const why: Why = cap < 1 ? { code: 'cap', cap } : { code: g.direction };
      return { verdict: 'unreachable', needed: level, actual: null, why };
    }
    if (reached) return { verdict: 'reached', needed: level, actual: null, why: null };
    if (g.direction === 'binary') return { verdict: 'done', needed: 1, actual: 1, why: null };
    if (g.target === null || g.targetMax === null)
      return { verdict: 'unreachable', needed: 1, actual: null, why: { code: 'no-target' } };
    return { verdict: 'in-range', needed: 1, actual: null, why: null };
  }
  if (level > cap + TOLERANCE)
    return { verdict: 'unreachable', needed: level, actual: null, why: { code: 'cap', cap } };
  if (reached) return { verdict: 'reached', needed: level, actual: null, why: null };
  if (level <= floor + TOLERANCE) return { verdict: 'any', needed: level, actual: null, why: null };
  // A goal measured by its Progress (no Actual against a Target) needs that progress.
  if (g.progress !== null && (g.actual === null || g.target === null))
    return { verdict: 'needs', needed: level, actual: null, why: null };
  const actual = actualFor(g, level);
  if (actual === null)
    return { verdict: 'unreachable', needed: level, actual: null, why: { code: 'no-target' } };
  return { verdict: 'needs', needed: level, actual, why: null };
}

/** The Actual at which a higher or lower goal's attainment (before clamping) is `level`; null without a usable target. */
export function actualFor(g: Pick<Goal, 'direction' | 'target' | 'baseline'>, level: number): number | null {
  const { target, baseline } = g;
  if (target === null) return null;
  if (g.direction === 'lower') {
    if (baseline !== null) return baseline === target ? null : along(baseline, target, level);
    return target === 0 || level <= 0 ? null : saturate(target / level);
  }
  const start = baseline ?? 0;
  return start === target ? null : along(start, target, level);
}

/** from + t (to - from), kept finite near ±1e308 (clamped to the largest number); null where it has no value. */
function along(from: number, to: number, t: number): number | null {
  const span = to - from;
  const y = Number.isFinite(span) ? from + t * span : from * (1 - t) + to * t;
  return Number.isNaN(y) ? null : saturate(y);
}

/** A sum roll-up inverted: the parent's Target at `level` is a total, and each child needs it less the others' Actuals. */
function sumRequirements(
  goals: readonly Goal[],
  parent: number,
  kids: readonly number[],
  level: number,
  settings: Settings,
  /** The share of a child's Actual that counts under `parent` (1 but for a goal shared by several parents). */
  shareOf: (parent: number, child: number) => number,
): Omit<Requirement, 'via'>[] {
  const g = goals[parent];
  const fail = (why: Why, needed: number | null = null) =>
    kids.map((c) => ({ index: c, verdict: 'unreachable' as const, needed, actual: null, why }));
  if (kids.some((c) => !sameUnit(goals[c], g))) return fail({ code: 'unit', parent });
  const cap = capOf(g, settings);
  if (level > cap + TOLERANCE) return fail({ code: 'cap', cap });
  const total = actualFor(g, level);
  if (total === null) return fail({ code: 'no-target' });
  // Sums near ±1e308 stay finite: the total less the others' Actuals is the largest number at most.
  const counted = (c: number): number => (goals[c].actual ?? 0) * shareOf(parent, c);
  const sum = saturate(finiteSum(kids.length, (k) => counted(kids[k])));
  return kids.map((c) => {
    const child = goals[c];
    const share = shareOf(parent, c);
    if (!(share > 0))
      return {
        index: c,
        verdict: 'unreachable',
        needed: null,
        actual: null,
        why: { code: 'no-share', parent },
      };
    // What this child must add to the total, then the Actual that adds it at its share.
    const parts = [total, -sum, counted(c)];
    const actual = saturate(finiteSum(parts.length, (k) => parts[k]) / share);
    const needed = child.target === null ? null : ownLevel(child, actual);
    const reached =
      child.actual !== null && (g.direction === 'lower' ? child.actual <= actual : child.actual >= actual);
    return {
      index: c,
      verdict: reached ? 'reached' : 'needs',
      needed,
      actual: reached ? null : actual,
      why: null,
    };
  });
}

/** A goal's attainment (unclamped) at an Actual, as the model measures a higher or lower goal; null without a usable target. */
function ownLevel(g: Goal, actual: number): number | null {
  const { target, baseline } = g;
  if (target === null || g.direction === 'binary' || g.direction === 'range') return null;
  if (g.direction === 'lower' && baseline === null)
    return target === 0 || actual <= 0 ? null : saturate(target / actual);
  const start = baseline ?? 0;
  if (start === target) return null;
  // (actual - start) / (target - start) for either direction: lower goals have target < start.
  return saturate(spanRatio(actual, start, target));
}

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;

/** What a requirement means, for people: why a goal cannot, or what kind of value it needs; '' where the numbers say it all. */
export function describeRequirement(r: Requirement, goals: readonly Goal[]): string {
  const g = goals[r.index];
  switch (r.verdict) {
    case 'needs':
      return r.actual === null ? `its Progress must reach ${pct(r.needed ?? 0)}` : '';
    case 'reached':
      return 'already there';
    case 'any':
      return 'any Actual will do: it only needs measuring';
    case 'done':
      return 'must be done';
    case 'in-range':
      return `its Actual must be from ${g.target} to ${g.targetMax}`;
    default:
      return unreachableText(r, goals);
  }
}

function unreachableText(r: Requirement, goals: readonly Goal[]): string {
  const needs = r.needed === null ? '' : `it would need ${pct(r.needed)}; `;
  const why = r.why;
  switch (why?.code) {
    case 'cap':
      return `out of reach: ${needs}it counts for at most ${pct(why.cap)} (its cap)`;
    case 'binary':
      return `out of reach: ${needs}done or not gives at most 100%`;
    case 'range':
      return `out of reach: ${needs}a range goal gives at most 100%`;
    case 'min':
      return `out of reach alone: ${goals[why.parent].id} rolls up its weakest goal, and ${goals[why.weakest].id} is below ${pct(r.needed ?? 0)} too`;
    case 'no-share':
      return `out of reach: its Contribution to ${goals[why.parent].id} is 0`;
    case 'unit':
      return `out of reach: ${goals[why.parent].id} sums goals in different units`;
    case 'no-target':
      return 'no Target to measure an Actual against: add one';
    case 'blocked':
      return 'errors on its row block its attainment: fix them first';
    default:
      return 'on a loop of parents, so nothing rolls up: fix the loop first';
  }
}
