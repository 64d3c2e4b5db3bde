// Scorecards: owners' weighted scores per period, the payout curve, gates, and the NPS behind teaming scores.
import { thresholdAttainment } from './attain';
import { parseNumber } from './cells';
import { finiteSum, lerp, saturate, spanRatio, weightedMean } from './finite';
import { goalPlace, type Issue, issueAt } from './issues';
import type { CascadeResults, CellValue, GateCheck, Goal, PayoutPoint, Scorecard, Settings } from './model';
import { type CoOwner, coOwners, severalOwners } from './owners';
import { scratch } from './scratch';
import { TextNumbers } from './texts';

/** Rounding noise tolerated when comparing computed attainments with thresholds typed by people. */
const EPSILON = 1e-9;

/** The gates of a card without any: one shared empty list, as most cards have none. */
const NO_GATES: GateCheck[] = [];

/**
 * Compiles a payout curve once (sorted copy) so scoring many owners does not re-sort it.
 * Piecewise-linear through the points sorted by attainment: 0 below the first point, flat after the
 * last, linear between; a one-point curve is a step. Two points at the same attainment make a jump,
 * and the one listed last holds from that attainment on. An attainment within EPSILON below a point is paid as at the
 * point (rounding noise must not cost a payout step). Throws on an empty curve: Settings never
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
    // Within EPSILON below a point counts as at it: weights of 15% and 60% score 0.6 / 0.75 = 0.7999999999999999.
    const reach = attainment + EPSILON;
    if (reach < xs[0]) return 0;
    if (reach >= xs[last]) return ys[last];
    // Binary search for the last point at or below the attainment: the segment it starts.
    let lo = 0;
    let hi = last;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (xs[mid] <= reach) lo = mid;
      else hi = mid;
    }
    // xs[lo] <= attainment < xs[hi]; both the share and the payout stay finite across any span of numbers.
    return lerp(ys[lo], ys[hi], spanRatio(Math.max(attainment, xs[lo]), xs[lo], xs[hi]));
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

/** Survey answers tallied for an NPS: the score of the valid ones, how many were used, and the cells refused. */
export interface NpsTally {
  /** The NPS of the valid answers; null when there is none. */
  value: number | null;
  /** Valid answers: whole numbers from 0 to 10. */
  used: number;
  /** Non-blank cells that are not a whole number from 0 to 10 (11, 6.5, "x", a date), in reading order. */
  refused: CellValue[];
}

/**
 * Tallies survey cells for an NPS: a blank cell is no answer; a whole number from 0 to 10 (or one typed as text)
 * is an answer; anything else is refused, never silently dropped: callers must show the refusals, because an
 * NPS of the remaining answers can be far from the survey's (3 of 4 refused can read as 100).
 */
export function tallyNps(
  cells: Iterable<CellValue>,
  number: (v: CellValue) => number | null = parseNumber,
): NpsTally {
  const answers: number[] = [];
  const refused: CellValue[] = [];
  for (const v of cells) {
    const n = number(v);
    if (n === null) continue;
    if (Number.isInteger(n) && n >= 0 && n <= 10) answers.push(n);
    else refused.push(v);
  }
  return { value: nps(answers).value, used: answers.length, refused };
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
  /** With split credit, each goal's share of its attainment on this card (1 = whole), by position in goals; absent when all are whole. */
  shares?: number[];
}

/**
 * Groups goals by (owner, period): owner compared trimmed and case-insensitively, period blank =
 * defaultPeriod; goals without an owner belong to no group. The owner is shown as first spelled in
 * the workbook, the same on all their cards. Sorted by owner (case-insensitive,
 * code-unit order so every runtime agrees) then period. A goal whose Owner lists co-owners (`Ann; Bob`, see
 * coOwners) is on each co-owner's card; with `split` credit its card carries `shares` (each co-owner's share
 * written beside the name, else an equal share of what the written ones leave).
 */
export function groupByOwnerPeriod(
  goals: readonly Goal[],
  defaultPeriod: string,
  sharing: Settings['sharedCredit'] = 'full',
): OwnerPeriod[] {
  // Owner cells repeat across thousands of rows and are nearly always spelled alike: each spelling is
  // numbered once (typed-array tables, not Maps: a million-row Map costs far more), and only a new
  // spelling is trimmed, lower-cased and numbered as an owner.
  const spellings = new TextNumbers(1024);
  /** Owner number of each spelling; -1 for a blank one, CO_OWNED for a list of co-owners. */
  const ownerOfSpelling: number[] = [];
  /** The co-owners of each spelling that lists several, by spelling number. */
  const coOwnersOf = new Map<number, CoOwner[]>();
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
  /** Shared goals (rare): the cards each is on, and each co-owner's share there (1 with full credit). */
  const shared = new Map<number, { cards: number[]; shares: number[] }>();

  /** The owner number of a name (trimmed, any case), numbered when new; -1 for a blank one. */
  const ownerOf = (name: string): number => {
    const ownerKey = name.trim().toLowerCase();
    if (ownerKey === '') return -1;
    const count = owners.size;
    const owner = owners.add(ownerKey);
    if (owner === count) {
      ownerNames.push(name.trim());
      firstCard.push(-1);
    }
    return owner;
  };
  /** The card of an owner for a period, made when new. */
  const cardFor = (owner: number, period: string): number => {
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
    return card;
  };

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
      const listed = coOwners(written);
      if (listed === null) ownerOfSpelling.push(ownerOf(written));
      else {
        ownerOfSpelling.push(CO_OWNED);
        coOwnersOf.set(spelling, listed);
      }
    }
    const owner = ownerOfSpelling[spelling];
    if (owner === CO_OWNED) {
      const listed = coOwnersOf.get(spelling)!;
      const shares = sharesOf(listed, sharing);
      const cards = listed.map((co) => cardFor(ownerOf(co.name), period));
      for (const card of cards) cardSize[card]++;
      shared.set(i, { cards, shares });
      // The next row is looked up again: the fast path above joins one card only.
      previousOwner = undefined;
      continue;
    }
    if (owner === -1) continue;
    const card = cardFor(owner, period);
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
    if (c !== -1) {
      cards[c].goals[filled[c]++] = i;
      continue;
    }
    const share = shared.get(i);
    if (share === undefined) continue;
    share.cards.forEach((card, k) => {
      const at = filled[card]++;
      cards[card].goals[at] = i;
      if (share.shares[k] !== 1) {
        cards[card].shares ??= new Array<number>(cardSize[card]).fill(1);
        cards[card].shares![at] = share.shares[k];
      }
    });
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

/** ownerOfSpelling for an Owner cell listing co-owners. */
const CO_OWNED = -2;

/**
 * Each co-owner's share of a shared goal: 1 each with full credit; with split credit the share written beside the
 * name, the others sharing equally what the written ones leave of 100% (nothing when they use it all).
 */
function sharesOf(listed: readonly CoOwner[], sharing: Settings['sharedCredit']): number[] {
  if (sharing === 'full') return listed.map(() => 1);
  let written = 0;
  let blanks = 0;
  for (const co of listed) {
    if (co.share === null) blanks++;
    else written += co.share;
  }
  const blankShare = blanks === 0 ? 0 : Math.max(0, 1 - written) / blanks;
  return listed.map((co) => co.share ?? blankShare);
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
  groups: readonly OwnerPeriod[] = groupByOwnerPeriod(goals, settings.defaultPeriod, settings.sharedCredit),
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
  // Every owner's name, lower-cased: built only when some owner reads as several people (rare), not for every workbook.
  let owners: ReadonlySet<string> | null = null;
  const isOwner = (name: string): boolean => {
    owners ??= new Set(groups.map((g) => g.owner.toLowerCase()));
    return owners.has(name.toLowerCase());
  };
  for (const group of groups) {
    const members = group.goals;
    const { owner, period } = group;
    const names = severalOwners(owner, isOwner);
    if (names !== null) {
      for (const i of members)
        issues.push(issueAt(goalPlace(goals[i], 'owner'), { code: 'several-owners', owner, period, names }));
    }
    let anyWeight = false;
    let anyGate = false;
    for (let k = 0; k < members.length; k++) {
      const goal = goals[members[k]];
      weights[k] = goal.weight;
      const earned = earnedAttainment(goal, results.final(goal.index));
      attainments[k] = earned === null || group.shares === undefined ? earned : earned * group.shares[k];
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
    for (let k = 0; anyWeight && k < members.length; k++) {
      const goal = goals[members[k]];
      // An objective made from its key results' text has no Weight cell to fill.
      if (goal.weight === null && !goal.synthesized) {
        issues.push(issueAt(goalPlace(goal, 'weight'), { code: 'missing-weight', owner, period }));
      }
    }
    if (anyWeight && !weightsAddUp(weightTotal)) {
      issues.push(
        issueAt(
          { tab: first.tab, row: first.row, col: first.columns.weight ?? 0, column: 'Weight', goalId: '' },
          { code: 'weights-not-100', owner, period, total: asShare(weightTotal) },
        ),
      );
    }

    let gated = false;
    let gates: GateCheck[] = NO_GATES;
    for (let k = 0; anyGate && k < members.length; k++) {
      const goal = goals[members[k]];
      if (goal.gate === null) continue;
      const attainment = results.final(goal.index);
      const met = attainment !== null && attainment >= goal.gate - EPSILON;
      if (gates === NO_GATES) gates = [];
      gates.push({ goalId: goal.id, attainment, gate: goal.gate, met });
      if (met) continue;
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
      gates,
    });
  }
  return { cards, issues };
}
