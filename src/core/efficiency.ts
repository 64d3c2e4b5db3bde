// Efficiency from the optional Budget/Spend columns: spend rolled up the tree, pipeline or revenue per dollar, and top outcomes with spend but no return.

import { type Links, shareIn } from './graph';
import { goalPlace, type Issue, issueAt } from './issues';
import type { Goal } from './model';

/** What the Budget/Spend columns give, by goal index; built only when some goal has spend. */
export interface Efficiency {
  /** Money spent on goal i and everything below it (Spend, else Budget); null when none. */
  spend(i: number): number | null;
  /** Goal i's own pipeline or revenue Actual per dollar of that spend; null unless both are there. */
  perDollar(i: number): number | null;
}

/** Currency symbols and codes a money Unit starts with (`$`, `$M`, `€k`, `USD`, `dollars`). */
const MONEY_UNIT = /^(?:[$€£¥₹]|(?:usd|eur|gbp|jpy|inr|cad|aud|chf|sek|nok|dkk|dollars?|euros?|pounds?)\b)/i;
/** Words of a money outcome in a Metric or title. */
const MONEY_WORDS = /(?<![\p{L}\p{N}])(?:pipeline|revenue|bookings|arr|mrr|acv|tcv)(?![\p{L}\p{N}])/iu;

/** True when a goal's Actual is money: a currency unit, or a Metric (else title) about pipeline or revenue. */
export function isMoneyGoal(goal: Pick<Goal, 'unit' | 'metric' | 'title'>): boolean {
  if (MONEY_UNIT.test(goal.unit.trim())) return true;
  return MONEY_WORDS.test(goal.metric.trim() !== '' ? goal.metric : goal.title);
}

/**
 * Spend of each goal and its subtree (its own Spend, else its Budget, plus its children's, bottom-up in links.order;
 * a goal on a cycle counts only its own; a goal shared by several parents adds its share of its spend to each, so no
 * dollar counts twice), and each money goal's Actual per dollar of it. A top-level Outcome with
 * spend below it but no measured return (no Actual, or one that is not pipeline or revenue) is a
 * `no-measured-return` warning. Null, and no issues, when no goal has spend or budget: nothing is allocated then.
 */
export function efficiency(
  goals: readonly Goal[],
  links: Pick<Links, 'order' | 'parentOf' | 'shared'>,
): { efficiency: Efficiency | null; issues: Issue[] } {
  const n = goals.length;
  let any = false;
  for (let i = 0; i < n && !any; i++) any = ownSpend(goals[i]) !== null;
  if (!any) return { efficiency: null, issues: [] };

  // NaN = no spend given in the subtree (a 0 written down is a spend of 0).
  const spend = new Float64Array(n);
  for (let i = 0; i < n; i++) spend[i] = ownSpend(goals[i]) ?? Number.NaN;
  // Children come after their parents in order: adding each into its parent from the end sums every subtree once.
  const { order, parentOf, shared } = links;
  const add = (p: number, dollars: number): void => {
    spend[p] = (Number.isNaN(spend[p]) ? 0 : spend[p]) + dollars;
  };
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k];
    if (Number.isNaN(spend[i])) continue;
    if (shared?.isShared[i])
      for (const p of shared.parentsOf(i, parentOf)) add(p, spend[i] * shareIn(links, p, i));
    else if (parentOf[i] >= 0) add(parentOf[i], spend[i]);
  }

  const issues: Issue[] = [];
  for (let i = 0; i < n; i++) {
    const goal = goals[i];
    if (parentOf[i] !== -1 || goal.parent !== '' || goal.type !== 'outcome' || !(spend[i] > 0)) continue;
    const why = goal.actual === null ? 'unmeasured' : isMoneyGoal(goal) ? null : 'not-money';
    if (why !== null)
      issues.push(issueAt(goalPlace(goal, 'actual'), { code: 'no-measured-return', spend: spend[i], why }));
  }

  const has = (i: number): boolean => Number.isInteger(i) && i >= 0 && i < n;
  return {
    efficiency: {
      spend: (i) => (has(i) && !Number.isNaN(spend[i]) ? spend[i] : null),
      perDollar: (i) => {
        if (!has(i) || !(spend[i] > 0)) return null;
        const goal = goals[i];
        return goal.actual !== null && isMoneyGoal(goal) ? goal.actual / spend[i] : null;
      },
    },
    issues,
  };
}

/** A goal's own money: Spend, else Budget; null when neither is given. */
function ownSpend(goal: Goal): number | null {
  return goal.spend ?? goal.budget;
}
