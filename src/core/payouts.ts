// Payouts in money from the Roster: each scorecard's payout share times the target bonus for its period, prorated by days employed, with subtotals by manager and team per currency.
import { goalPlace, type Issue, issueAt } from './issues';
import type { Goal, Scorecard } from './model';
import { parsePeriod } from './period';
import type { Roster, RosterEntry } from './roster';

/** One scorecard's payout in money. */
export interface PayoutLine {
  owner: string;
  period: string;
  manager: string;
  currency: string;
  /** Share of the period the person was employed, 0..1; 1 when the card has no period. */
  employed: number;
  /** The annual target bonus times the period's share of a year (a quarter: a quarter of it); null without a bonus. */
  target: number | null;
  /** payout share x target x employed; null when any is missing or the roster row is blocked. */
  amount: number | null;
}

/** Amounts under one manager for one period in one currency; manager '' is everyone (the period's total). */
export interface PayoutSubtotal {
  manager: string;
  period: string;
  currency: string;
  /** Amounts of the manager's direct reports. */
  direct: number;
  /** Amounts of everyone below the manager, reports of reports included. */
  team: number;
  /** How many amounts `team` adds up. */
  people: number;
}

export interface Payouts {
  /** By scorecard index (Analysis.cards); null for an owner not on the Roster. */
  lines: (PayoutLine | null)[];
  /** By period, then manager, then currency; each period's totals (manager '') after its managers. */
  subtotals: PayoutSubtotal[];
}

const DAYS_PER_MONTH = 365.25 / 12;

/**
 * Each card's payout in money, and subtotals. A card's period (blank = the default) gives its share of a year by
 * whole months (FY 1, H 1/2, Q 1/4, a month 1/12) and the days employed in it: Start and End (inclusive) on the
 * Roster, blank meaning from the period's start or to its end. A card without a period counts a full year, fully
 * employed. Owners with a scorecard and no Roster row get a `not-on-roster` warning on their first goal's Owner
 * cell. Amounts are never added across currencies; a loop of managers is a `manager-loop` warning and team
 * subtotals stop there.
 */
export function payouts(
  goals: readonly Goal[],
  cards: readonly Scorecard[],
  groups: readonly { goals: number[] }[],
  roster: Roster,
): { payouts: Payouts; issues: Issue[] } {
  const issues: Issue[] = [];
  const warned = new Set<string>();
  const lines = cards.map((card, c): PayoutLine | null => {
    const entry = roster.entry(card.owner);
    if (entry === null) {
      const key = card.owner.toLowerCase();
      if (!warned.has(key)) {
        warned.add(key);
        const first = goals[groups[c].goals[0]];
        issues.push(issueAt(goalPlace(first, 'owner', ''), { code: 'not-on-roster', person: card.owner }));
      }
      return null;
    }
    return lineOf(card, entry);
  });
  return { payouts: { lines, subtotals: subtotalsOf(lines, roster, issues) }, issues };
}

function lineOf(card: Scorecard, entry: RosterEntry): PayoutLine {
  const period = parsePeriod(card.period);
  let share = 1;
  let employed = 1;
  if (period !== null) {
    const length = period.end - period.start;
    share = Math.round(length / DAYS_PER_MONTH) / 12;
    const from = Math.max(period.start, entry.start ?? period.start);
    const to = Math.min(period.end, entry.end === null ? period.end : entry.end + 1);
    employed = Math.max(0, to - from) / length;
  }
  const target = entry.targetBonus === null ? null : entry.targetBonus * share;
  const amount =
    entry.blocked || target === null || card.payout === null ? null : card.payout * target * employed;
  return {
    owner: card.owner,
    period: card.period,
    manager: entry.manager,
    currency: entry.currency,
    employed,
    target,
    amount,
  };
}

function subtotalsOf(
  lines: readonly (PayoutLine | null)[],
  roster: Roster,
  issues: Issue[],
): PayoutSubtotal[] {
  const sums = new Map<string, PayoutSubtotal>();
  const at = (manager: string, period: string, currency: string): PayoutSubtotal => {
    const key = `${manager.toLowerCase()}\u0000${period}\u0000${currency}`;
    let s = sums.get(key);
    if (s === undefined) sums.set(key, (s = { manager, period, currency, direct: 0, team: 0, people: 0 }));
    return s;
  };
  const loops = new Set<string>();
  for (const line of lines) {
    if (line === null || line.amount === null) continue;
    const { amount, period, currency } = line;
    const total = at('', period, currency);
    total.direct += amount;
    total.team += amount;
    total.people++;
    // Up the chain of managers: the first is the direct manager; each one's team holds the person.
    const seen = new Set<string>([line.owner.toLowerCase()]);
    const chain = [line.owner];
    let manager = line.manager;
    for (let first = true; manager !== ''; first = false) {
      const key = manager.toLowerCase();
      if (seen.has(key)) {
        chain.push(manager);
        reportLoop(chain, roster, loops, issues);
        break;
      }
      seen.add(key);
      chain.push(manager);
      const s = at(roster.entry(manager)?.owner ?? manager, period, currency);
      if (first) s.direct += amount;
      s.team += amount;
      s.people++;
      manager = roster.entry(manager)?.manager ?? '';
    }
  }
  return [...sums.values()].sort(
    (a, b) =>
      compare(a.period, b.period) ||
      (a.manager === '' ? 1 : 0) - (b.manager === '' ? 1 : 0) ||
      compare(a.manager.toLowerCase(), b.manager.toLowerCase()) ||
      compare(a.currency, b.currency),
  );
}

/** One warning per loop of managers, on the Roster row of the person it was found from. */
function reportLoop(chain: string[], roster: Roster, loops: Set<string>, issues: Issue[]): void {
  const again = chain[chain.length - 1].toLowerCase();
  const from = chain.findIndex((name) => name.toLowerCase() === again);
  const cycle = chain.slice(from);
  const key = cycle
    .slice(0, -1)
    .map((n) => n.toLowerCase())
    .sort()
    .join('\u0000');
  if (loops.has(key)) return;
  loops.add(key);
  const row = roster.entry(cycle[0])?.row ?? 0;
  issues.push(
    issueAt({ tab: roster.tab, row, col: 0, column: '', goalId: '' }, { code: 'manager-loop', chain: cycle }),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
