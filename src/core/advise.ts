// The product's beliefs as warnings: teaming goals, outcomes on top, activities under outcomes, no vanity metrics.
import { weightedMean } from './finite';
import type { Links, SharedParents } from './graph';
import { goalPlace, type Issue, issueAt } from './issues';
import type { Goal, Settings } from './model';
import { groupByOwnerPeriod, type OwnerPeriod } from './score';
import { scratch } from './scratch';

/** Rounding noise tolerated when comparing a computed share with the limit typed in Settings. */
const EPSILON = 1e-9;

/** What a goal's chain of parents, the goal itself included, leads to. */
const UNKNOWN = 0;
/** The chain reaches a top-level goal and holds no Outcome. */
const NO_OUTCOME = 1;
/** The goal or one of its ancestors is an Outcome. */
const OUTCOME = 2;
/** The chain runs into a cycle or an unknown parent before any Outcome: already an error, not judged here. */
const BROKEN = 3;
/** Being resolved; meeting it again means a cycle the links did not flag. */
const VISITING = 4;
/** Shared by several parents (or below such a goal), some of whose chains hold an Outcome and some none. */
const PARTLY = 5;

/**
 * The product's beliefs about a set of goals, as warnings. The links' parentOf and onCycle are indexed like
 * goals (goal i is goals[i]); parentOf[i] is the (first) parent's position or -1; shared lists the goals with several.
 *
 * - no-collaboration-goal: an (owner, period) scorecard without a Collaboration goal.
 * - top-level-not-outcome: a goal with no parent at all that is not an Outcome (unclassified
 *   included). Collaboration goals are exempt: a teaming score is personal by design and has no
 *   outcome to tree up to. A goal whose Parent is unknown is not top-level (that is an error). An objective
 *   made from key results' Objective text is exempt too: it has no Type cell to mark.
 * - activity-not-under-outcome: an Activity with no Outcome among its ancestors. Goals on a cycle,
 *   and goals whose chain breaks (cycle, unknown parent) before an Outcome, are left to those errors. A goal shared
 *   by several parents must reach an Outcome through each: when only some do, the warning says `partly`.
 * - activity-heavy: an owner's Activity weight share above settings.activityShare (equal weights
 *   when none of the card's goals has one).
 * - vanity-metric: the Metric (or the goal's title when Metric is blank) holds a vanity word and
 *   the goal is marked Outcome, or stands alone (no Outcome in it or above it).
 */
export function advise(
  goals: readonly Goal[],
  links: Pick<Links, 'parentOf' | 'onCycle' | 'shared'>,
  settings: Settings,
  cards: readonly OwnerPeriod[] = groupByOwnerPeriod(goals, settings.defaultPeriod, settings.sharedCredit),
): Issue[] {
  const issues: Issue[] = [];
  const { parentOf, onCycle, shared } = links;
  const reach =
    shared === null
      ? outcomeReach(goals, parentOf, onCycle)
      : outcomeReachThroughAll(goals, parentOf, onCycle, shared);
  const vanity = vanityMatcher(settings.vanityWords, settings.outcomeWords);

  for (let i = 0; i < goals.length; i++) {
    const goal = goals[i];
    const isTop = parentOf[i] < 0 && goal.parent === '';
    if (isTop && !goal.synthesized && goal.type !== 'outcome' && goal.type !== 'collaboration') {
      issues.push(issueAt(goalPlace(goal, 'type'), { code: 'top-level-not-outcome' }));
    }
    if (goal.type === 'activity' && !onCycle[i] && (reach[i] === NO_OUTCOME || reach[i] === PARTLY)) {
      const partly = reach[i] === PARTLY;
      issues.push(issueAt(goalPlace(goal, 'type'), { code: 'activity-not-under-outcome', partly }));
    }
    if (vanity !== null) {
      const asOutcome = goal.type === 'outcome';
      const standsAlone = !onCycle[i] && reach[i] === NO_OUTCOME;
      if (asOutcome || standsAlone) {
        const hasMetric = goal.metric.trim() !== '';
        const word = vanity(hasMetric ? goal.metric : goal.title);
        if (word !== null) {
          const place = goalPlace(goal, hasMetric ? 'metric' : 'goal');
          issues.push(issueAt(place, { code: 'vanity-metric', word, asOutcome }));
        }
      }
    }
  }

  for (const card of cards) {
    adviseCard(goals, card, settings.activityShare, issues);
  }
  return issues;
}

/** The owner-level warnings of one (owner, period) scorecard, pointed at the owner's first goal row. */
function adviseCard(goals: readonly Goal[], card: OwnerPeriod, limit: number, issues: Issue[]): void {
  const { owner, period } = card;
  const members = card.goals;
  const first = goals[members[0]];
  if (!members.some((i) => goals[i].type === 'collaboration')) {
    issues.push(issueAt(goalPlace(first, 'type', ''), { code: 'no-collaboration-goal', owner, period }));
  }

  // Weights as the scorecard uses them: equal when none is given, else a goal without one counts nothing.
  const anyWeight = members.some((i) => goals[i].weight !== null);
  let total = 0;
  let activity = 0;
  for (const i of members) {
    const goal = goals[i];
    const weight = anyWeight ? Math.max(goal.weight ?? 0, 0) : 1;
    total += weight;
    if (goal.type === 'activity') activity += weight;
  }
  if (total <= 0) return;
  // Weights near 1e308 overflow the total: the share is then their weighted mean of "is an Activity".
  const share = Number.isFinite(total)
    ? activity / total
    : weightedMean(
        members.length,
        (k) => (anyWeight ? Math.max(goals[members[k]].weight ?? 0, 0) : 1),
        (k) => (goals[members[k]].type === 'activity' ? 1 : 0),
      );
  if (share > limit + EPSILON) {
    issues.push(
      issueAt(goalPlace(first, 'weight', ''), { code: 'activity-heavy', owner, period, share, limit }),
    );
  }
}

/**
 * For every goal, what its chain of parents (itself included) leads to: OUTCOME, NO_OUTCOME or
 * BROKEN. Each goal is resolved once and the answer shared with everything below it, so the whole
 * workbook costs linear time whatever the depth; an explicit stack stands in for recursion so a
 * 10,000-deep chain is fine.
 */
function outcomeReach(
  goals: readonly Goal[],
  parentOf: ArrayLike<number>,
  onCycle: ArrayLike<number>,
): Uint8Array {
  const n = goals.length;
  const reach = new Uint8Array(n);
  const stack = scratch(n, 0);
  for (let start = 0; start < n; start++) {
    if (reach[start] !== UNKNOWN) continue;
    let top = 0;
    let j = start;
    let found: number;
    for (;;) {
      const known = reach[j];
      if (known !== UNKNOWN) {
        found = known === VISITING ? BROKEN : known;
        break;
      }
      // An Outcome answers for everything below it, even when it sits on a cycle itself.
      if (goals[j].type === 'outcome') {
        found = reach[j] = OUTCOME;
        break;
      }
      if (onCycle[j]) {
        found = reach[j] = BROKEN;
        break;
      }
      const parent = parentOf[j];
      if (parent < 0 || parent >= n) {
        found = reach[j] = parent < 0 && goals[j].parent === '' ? NO_OUTCOME : BROKEN;
        break;
      }
      reach[j] = VISITING;
      stack[top++] = j;
      j = parent;
    }
    while (top > 0) reach[stack[--top]] = found;
  }
  return reach;
}

/**
 * outcomeReach when some goals have several parents: a goal's answer combines those of all its parents (see
 * combineReach). Depth-first with an explicit stack: a goal stays on it, VISITING, until each parent is resolved.
 */
function outcomeReachThroughAll(
  goals: readonly Goal[],
  parentOf: Int32Array,
  onCycle: ArrayLike<number>,
  shared: SharedParents,
): Uint8Array {
  const n = goals.length;
  const reach = new Uint8Array(n);
  const stack: number[] = [];
  for (let start = 0; start < n; start++) {
    if (reach[start] !== UNKNOWN) continue;
    stack.push(start);
    while (stack.length > 0) {
      const j = stack[stack.length - 1];
      const known = reach[j];
      if (known !== UNKNOWN && known !== VISITING) {
        stack.pop();
        continue;
      }
      const parents = shared.parentsOf(j, parentOf);
      if (known === UNKNOWN) {
        const own =
          goals[j].type === 'outcome'
            ? OUTCOME
            : onCycle[j]
              ? BROKEN
              : parents.length === 0
                ? goals[j].parent === ''
                  ? NO_OUTCOME
                  : BROKEN
                : UNKNOWN;
        if (own !== UNKNOWN) {
          reach[j] = own;
          stack.pop();
          continue;
        }
        reach[j] = VISITING;
        const pending = parents.filter((p) => reach[p] === UNKNOWN);
        if (pending.length > 0) {
          stack.push(...pending);
          continue;
        }
      }
      // Back with every parent resolved; one still VISITING closes a cycle the links did not flag.
      reach[j] = combineReach(parents.map((p) => (reach[p] === VISITING ? BROKEN : reach[p])));
      stack.pop();
    }
  }
  return reach;
}

/** A goal's answer from its parents': BROKEN if any chain breaks, PARTLY when chains disagree, else theirs. */
function combineReach(answers: readonly number[]): number {
  let outcome = false;
  let none = false;
  for (const answer of answers) {
    if (answer === BROKEN) return BROKEN;
    if (answer !== NO_OUTCOME) outcome = true;
    if (answer !== OUTCOME) none = true;
  }
  return outcome && none ? PARTLY : outcome ? OUTCOME : NO_OUTCOME;
}

/**
 * Compiles the vanity words into one case-insensitive pattern (once per call, not per goal): each
 * word or phrase on word boundaries, its last word allowed a plural 's', spaces and hyphens inside a
 * phrase interchangeable; a word ending in `*` is a stem that takes any ending (`registr*`: registrations,
 * registrants). The longest entries are tried first. A text holding one of `outcomeWords` (same syntax) is no
 * vanity metric: `Pipeline from webinar registrations` measures pipeline. Returns the text that matched, as
 * written in the goal, or null; null instead of a matcher when the vanity list is empty.
 */
export function vanityMatcher(
  words: readonly string[],
  outcomeWords: readonly string[] = [],
): ((text: string) => string | null) | null {
  const pattern = wordsPattern(words);
  if (pattern === null) return null;
  const outcome = wordsPattern(outcomeWords);
  return (text: string): string | null => {
    const match = pattern.exec(text);
    if (match === null || outcome?.test(text)) return null;
    return match[0];
  };
}

/** One pattern for a list of words, phrases and stems (see vanityMatcher); null for an empty list. */
function wordsPattern(words: readonly string[]): RegExp | null {
  const alternatives = words
    .map((word) => word.trim().toLowerCase())
    .filter((word) => word !== '')
    .sort((a, b) => b.length - a.length)
    .map((word) =>
      word
        .split(/[\s-]+/)
        .filter((part) => part !== '')
        .map((part) =>
          part.length > 1 && part.endsWith('*')
            ? `${escapeRegExp(part.slice(0, -1))}[\\p{L}\\p{N}]*`
            : escapeRegExp(part),
        )
        .join('[\\s-]+'),
    )
    .filter((alternative) => alternative !== '');
  if (alternatives.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})s?(?![\\p{L}\\p{N}])`, 'iu');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
