// Scorecards: owners' weighted scores per period, the payout curve, gates, and the NPS behind teaming scores.
import { thresholdAttainment } from './attain';
import { finiteSum, lerp, saturate, spanRatio, weightedMean } from './finite';
import { type Issue, issueAt } from './issues';
import type { CascadeResults, Goal, PayoutPoint, Scorecard, Settings } from './model';
import { scratch } from './scratch';
import { TextNumbers } from './texts';

/** Rounding noise tolerated when comparing computed attainments with thresholds typed by people. */
const EPSILON = 1e-9;

/**
 * Compiles a payout curve once (sorted copy) so scoring many owners does not re-sort it.
 * Piecewise-linear through the points sorted by attainment: 0 below the first point, flat after the
 * last, linear between; a one-point curve is a step. Two points at the same attainment make a jump,
 * and the one listed last holds from that attainment on. Throws on an empty curve: Settings never
 * hands one over, so that is a programmer error. Expects finite numbers; NaN gives NaN. A finite attainment
 * always gets a finite payout between the payouts of its segment's points, however steep or wide the curve.
 */
export function compilePayout(curve: readonly PayoutPoint[]): (attainment: number) => number {
  if (curve.length === 0) throw new RangeError('payout: the payout curve has no points');
  const points = [...curve].sort((a, b) => a.attainment - b.attainment);
  const xs = points.map((p) => p.attainment);
  const ys = points.map((p) => p.payout);
  const last = points.length - 1;
  return (attainment: number): number => {
    if (Number.isNaN(attainment)) return Number.NaN;
    if (attainment < xs[0]) return 0;
    if (attainment >= xs[last]) return ys[last];
    // Binary search for the last point at or below the attainment: the segment it starts.
    let lo = 0;
    let hi = last;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (xs[mid] <= attainment) lo = mid;
      else hi = mid;
    }
    // xs[lo] <= attainment < xs[hi]; both the share and the payout stay finite across any span of numbers.
    return lerp(ys[lo], ys[hi], spanRatio(attainment, xs[lo], xs[hi]));
  };
}

/** Payout share for an attainment on a curve of (attainment, payout) points; see compilePayout. */
export function payout(attainment: number, curve: readonly PayoutPoint[]): number {
  return compilePayout(curve)(attainment);
}

/**
 * Net Promoter Score of 0..10 survey answers: % of 9-10 minus % of 0-6, from -100 to 100.
 * Expects integers 0..10 (validating the answers is the caller's job); null entries are skipped.
 */
export function nps(scores: readonly (number | null)[]): { value: number | null; count: number } {
  let count = 0;
  let promoters = 0;
  let detractors = 0;
  for (const s of scores) {
    if (s === null) continue;
    count++;
    if (s >= 9) promoters++;
    else if (s <= 6) detractors++;
  }
  return { value: count === 0 ? null : ((promoters - detractors) / count) * 100, count };
}

export interface WeightedRow {
  weight: number | null;
  attainment: number | null;
}

/**
 * sum(weight x attainment) / sum(weight). Rows without a weight count with equal weight only when
 * no row has one (a plain mean); once any weight is given, a row without one counts for nothing.
 * Negative weights (an error reported by parsing) count for nothing. Unmeasured rows are left out,
 * or count as 0 when countUnmeasuredAsZero. score is null when no weighted row is measured.
 * weightTotal is the sum of the weights as written, measured or not (0 when none is given): what
 * the owner's weights add up to, fractions or percent points alike.
 */
export function weightedScore(
  rows: readonly WeightedRow[],
  countUnmeasuredAsZero: boolean,
): { score: number | null; weightTotal: number } {
  return weightedScoreOf(
    rows.length,
    (k) => rows[k].weight,
    (k) => rows[k].attainment,
    countUnmeasuredAsZero,
  );
}

/** weightedScore over `count` rows read by position, so scoring a million goals allocates no row objects. */
export function weightedScoreOf(
  count: number,
  weightAt: (k: number) => number | null,
  attainmentAt: (k: number) => number | null,
  countUnmeasuredAsZero: boolean,
): { score: number | null; weightTotal: number } {
  let anyWeight = false;
  for (let k = 0; k < count && !anyWeight; k++) anyWeight = weightAt(k) !== null;
  // A row counts with its weight (1 each when no row has one) when it has an attainment, or counts unmeasured as 0.
  const counted = (k: number): number => {
    const weight = anyWeight ? weightAt(k) : 1;
    if (weight === null || weight < 0) return 0;
    return attainmentAt(k) !== null || countUnmeasuredAsZero ? weight : 0;
  };
  // weightedMean keeps the score finite and between the attainments for weights or attainments near 1e308.
  const score = weightedMean(count, counted, (k) => attainmentAt(k) ?? 0);
  // What the weights add up to as written; saturated, so 1e308 + 1e308 reads as the largest number, not Infinity.
  const weightTotal = anyWeight ? saturate(finiteSum(count, (k) => Math.max(0, weightAt(k) ?? 0))) : 0;
  return { score: Number.isNaN(score) ? null : score, weightTotal };
}

/** The goals of one owner for one period, as positions in the goal list, in workbook order. */
export interface OwnerPeriod {
  /** The owner as first spelled anywhere in the workbook, trimmed. */
  owner: string;
  period: string;
  goals: number[];
}

/**
 * Groups goals by (owner, period): owner compared trimmed and case-insensitively, period blank =
 * defaultPeriod; goals without an owner belong to no group. The owner is shown as first spelled in
 * the workbook, the same on all their cards. Sorted by owner (case-insensitive,
 * code-unit order so every runtime agrees) then period.
 */
export function groupByOwnerPeriod(goals: readonly Goal[], defaultPeriod: string): OwnerPeriod[] {
  // Owner cells repeat across thousands of rows and are nearly always spelled alike: each spelling is
  // numbered once (typed-array tables, not Maps: a million-row Map costs far more), and only a new
  // spelling is trimmed, lower-cased and numbered as an owner.
  const spellings = new TextNumbers(1024);
  /** Owner number of each spelling; -1 for a blank one. */
  const ownerOfSpelling: number[] = [];
  const owners = new TextNumbers(1024);
  /** Each owner as first spelled, trimmed. */
  const ownerNames: string[] = [];
  // An owner's cards as a chain: first card of each owner, next card of each card (-1 = none).
  const firstCard: number[] = [];
  const nextCard: number[] = [];
  const cardOwner: number[] = [];
  const cardPeriod: string[] = [];
  const cardSize: number[] = [];
  const cardOf = scratch(goals.length, -1);
  // A person's goals usually sit on consecutive rows: a goal with the same owner cell and period as the
  // one before joins its card without a lookup (a million lookups are a million cache misses).
  let previousOwner: string | undefined;
  let previousPeriod = '';
  let previousCard = -1;
  for (let i = 0; i < goals.length; i++) {
    const written = goals[i].owner;
    const period = goals[i].period || defaultPeriod;
    if (written === previousOwner && period === previousPeriod) {
      if (previousCard !== -1) {
        cardSize[previousCard]++;
        cardOf[i] = previousCard;
      }
      continue;
    }
    previousOwner = written;
    previousPeriod = period;
    previousCard = -1;
    const known = spellings.size;
    const spelling = spellings.add(written);
    if (spelling === known) {
      const ownerKey = written.trim().toLowerCase();
      let owner = -1;
      if (ownerKey !== '') {
        const count = owners.size;
        owner = owners.add(ownerKey);
        if (owner === count) {
          ownerNames.push(written.trim());
          firstCard.push(-1);
        }
      }
      ownerOfSpelling.push(owner);
    }
    const owner = ownerOfSpelling[spelling];
    if (owner === -1) continue;
    let card = firstCard[owner];
    let last = -1;
    while (card !== -1 && cardPeriod[card] !== period) {
      last = card;
      card = nextCard[card];
    }
    if (card === -1) {
      card = cardPeriod.length;
      cardOwner.push(owner);
      cardPeriod.push(period);
      cardSize.push(0);
      nextCard.push(-1);
      if (last === -1) firstCard[owner] = card;
      else nextCard[last] = card;
    }
    cardSize[card]++;
    cardOf[i] = card;
    previousCard = card;
  }

  // Each card's goal list allocated at its final size, then filled in workbook order.
  const cards: OwnerPeriod[] = new Array(cardPeriod.length);
  for (let c = 0; c < cards.length; c++) {
    cards[c] = { owner: ownerNames[cardOwner[c]], period: cardPeriod[c], goals: new Array(cardSize[c]) };
  }
  const filled = new Int32Array(cards.length);
  for (let i = 0; i < goals.length; i++) {
    const c = cardOf[i];
    if (c !== -1) cards[c].goals[filled[c]++] = i;
  }

  // The default sort compares strings by code units, as compareText does, without a call per comparison.
  const sortedKeys = owners.texts.slice().sort();
  const out: OwnerPeriod[] = [];
  for (const ownerKey of sortedKeys) {
    let card = firstCard[owners.get(ownerKey)];
    if (nextCard[card] === -1) {
      out.push(cards[card]);
      continue;
    }
    const mine: OwnerPeriod[] = [];
    for (; card !== -1; card = nextCard[card]) mine.push(cards[card]);
    mine.sort((a, b) => compareText(a.period, b.period));
    for (const c of mine) out.push(c);
  }
  return out;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Where a scorecard total lands as a share of 100%: weights are fractions summing to 1 or percent
 * points summing to 100, so a total of 10 or more is read as points.
 */
function asShare(total: number): number {
  return total >= 10 ? total / 100 : total;
}

/** Whether weights add up to 100%, as fractions (within 0.5% of 1) or points (within 0.5% of 100). */
export function weightsAddUp(total: number): boolean {
  return Math.abs(total - 1) <= 0.005 + EPSILON || Math.abs(total - 100) <= 0.5 + EPSILON;
}

/** What a goal's attainment counts for on its owner's card: nothing below its Threshold level, else all of it. */
function earnedAttainment(goal: Goal, final: number | null): number | null {
  if (final === null || goal.threshold === null) return final;
  const threshold = thresholdAttainment(goal);
  return threshold !== null && final < threshold - EPSILON ? 0 : final;
}

/**
 * One card per (owner, period), scored from the goals' final attainment, read as results.final(Goal.index);
 * a goal without a result (final null) counts as unmeasured, and a goal below its Threshold level counts 0. A gate goal below its
 * threshold, or unmeasured, forces the card's payout to 0 (a gate-missed info; an unmeasured gate
 * reports attainment 0). weights-not-100 is checked only when some goal on the card has a weight,
 * and reports the total as a share of 100%. An empty payout curve leaves payouts null rather than
 * failing the whole analysis.
 */
export function scorecards(
  goals: readonly Goal[],
  results: Pick<CascadeResults, 'final'>,
  settings: Settings,
  groups: readonly OwnerPeriod[] = groupByOwnerPeriod(goals, settings.defaultPeriod),
): { cards: Scorecard[]; issues: Issue[] } {
  const payoutOf = settings.payoutCurve.length > 0 ? compilePayout(settings.payoutCurve) : null;
  // Each card's weights and attainments are read from its (scattered) goals once, into lists reused from
  // card to card, and scored from there.
  const weights: (number | null)[] = [];
  const attainments: (number | null)[] = [];
  const weightAt = (k: number): number | null => weights[k];
  const attainmentAt = (k: number): number | null => attainments[k];

  const cards: Scorecard[] = [];
  const issues: Issue[] = [];
  for (const group of groups) {
    const members = group.goals;
    const { owner, period } = group;
    let anyWeight = false;
    let anyGate = false;
    for (let k = 0; k < members.length; k++) {
      const goal = goals[members[k]];
      weights[k] = goal.weight;
      attainments[k] = earnedAttainment(goal, results.final(goal.index));
      anyWeight ||= goal.weight !== null;
      anyGate ||= goal.gate !== null;
    }
    const { score, weightTotal } = weightedScoreOf(
      members.length,
      weightAt,
      attainmentAt,
      settings.countUnmeasuredAsZero,
    );

    const first = goals[members[0]];
    if (anyWeight && !weightsAddUp(weightTotal)) {
      issues.push(
        issueAt(
          { tab: first.tab, row: first.row, col: first.columns.weight ?? 0, column: 'Weight', goalId: '' },
          { code: 'weights-not-100', owner, period, total: asShare(weightTotal) },
        ),
      );
    }

    let gated = false;
    for (let k = 0; anyGate && k < members.length; k++) {
      const goal = goals[members[k]];
      if (goal.gate === null) continue;
      const attainment = results.final(goal.index);
      if (attainment !== null && attainment >= goal.gate - EPSILON) continue;
      gated = true;
      issues.push(
        issueAt(
          { tab: goal.tab, row: goal.row, col: goal.columns.gate ?? 0, column: 'Gate', goalId: goal.id },
          { code: 'gate-missed', owner, period, attainment: attainment ?? 0, gate: goal.gate },
        ),
      );
    }

    const earned = score === null || payoutOf === null ? null : payoutOf(score);
    cards.push({
      owner,
      period,
      score,
      payout: gated ? 0 : earned,
      weightTotal,
      goalCount: members.length,
      gated,
    });
  }
  return { cards, issues };
}
