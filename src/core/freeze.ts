// Freezing a period: the Frozen payouts tab's rows (values, time, user, an input hash per scorecard), and warnings when a frozen scorecard changes later.
import { cellText, isDate, normalizeHeader, parseNumber } from './cells';
import { type Issue, issueAt } from './issues';
import type { CellValue, Grid } from './model';
import type { Analysis } from './workbook';

/** The name the log takes when it is made (the add-on's Freeze period and the command line's freeze). */
export const FROZEN_LOG_NAME = 'Frozen payouts';

/**
 * The headers of the log Freeze period appends to. Which tab that is, the Sheets side knows (it marks the tab as the
 * add-on's): the core is handed its grid.
 */
export const FROZEN_HEADERS = [
  'Period',
  'Owner',
  'Score',
  'Payout',
  'Payout amount',
  'Currency',
  'Input hash',
  'Frozen at',
  'Frozen by',
];

/**
 * True for a grid headed as the Frozen payouts log writes it (its first row is FROZEN_HEADERS, in any case): such a
 * tab is the log, wherever it comes from (an .xlsx downloaded from Sheets drops the add-on's mark), never goals.
 */
export function isFrozenLog(grid: Grid): boolean {
  const first = grid[0];
  return (
    first !== undefined &&
    FROZEN_HEADERS.every(
      (header, k) => typeof first[k] === 'string' && normalizeHeader(first[k]) === normalizeHeader(header),
    )
  );
}

/** The parts of an analysis a scorecard's input hash reads. */
type Hashed = Pick<Analysis, 'goals' | 'results' | 'cards' | 'groups' | 'settings' | 'payouts'>;

/**
 * A fingerprint of what scorecard `c`'s payout is computed from: its owner and period, each of its goals' ID, weight,
 * final attainment (which carries the actuals and targets below it), gate and threshold, the payout curve, and its
 * Roster line. A goal's title or a comment elsewhere does not move it. `v1-` and 14 hex digits: text Sheets keeps.
 */
export function inputHash(analysis: Hashed, c: number): string {
  const card = analysis.cards[c];
  const goals = analysis.groups[c].goals.map((i) => {
    const g = analysis.goals[i];
    return [g.id.toLowerCase(), g.weight, analysis.results.final(i), g.gate, g.threshold, g.stretch];
  });
  const line = analysis.payouts?.lines[c] ?? null;
  const roster = line === null ? null : [line.target, line.employed, line.currency, line.amount === null];
  const { payoutCurve, countUnmeasuredAsZero } = analysis.settings;
  return `v1-${hash53(JSON.stringify([card.owner.toLowerCase(), card.period, goals, payoutCurve, countUnmeasuredAsZero, roster]))}`;
}

/** The log rows that freeze `period`: one per scorecard of that period, with the time (ISO) and the user. */
export function freezeRows(
  analysis: Hashed,
  period: string,
  frozenAt: string,
  frozenBy: string,
): (string | number)[][] {
  const rows: (string | number)[][] = [];
  analysis.cards.forEach((card, c) => {
    if (card.period !== period) return;
    const line = analysis.payouts?.lines[c] ?? null;
    rows.push([
      period,
      card.owner,
      card.score ?? '',
      card.payout ?? '',
      line?.amount ?? '',
      line?.currency ?? '',
      inputHash(analysis, c),
      frozenAt,
      frozenBy,
    ]);
  });
  return rows;
}

/** One frozen scorecard, as the log holds it. */
export interface Frozen {
  row: number;
  period: string;
  owner: string;
  payout: number | null;
  hash: string;
  frozenAt: string;
  frozenBy: string;
}

/**
 * frozen-period-changed warnings: for each period in the log, its latest freeze (the rows sharing the
 * Frozen at of the period's last row, as each freeze appends) against today's scorecards. A card whose input hash
 * differs, a new card in the period, and a frozen card that is gone are each a warning on the log's tab.
 */
export function frozenChanges(tab: string, grid: Grid, analysis: Hashed): Issue[] {
  const frozen = readFrozenRows(grid);
  const latest = new Map<string, Frozen[]>();
  for (const f of frozen) {
    const batch = latest.get(f.period);
    if (batch === undefined || batch[0].frozenAt !== f.frozenAt) latest.set(f.period, [f]);
    else batch.push(f);
  }
  const issues: Issue[] = [];
  const { timeZone } = analysis.settings;
  for (const [period, batch] of latest) {
    const { frozenAt, frozenBy } = batch[0];
    const byOwner = new Map(batch.map((f) => [f.owner.toLowerCase(), f]));
    const report = (row: number, person: string, was: number | null, now: number | null): void => {
      issues.push(
        issueAt(
          { tab, row, col: 0, column: '', goalId: '' },
          { code: 'frozen-period-changed', period, person, frozenAt, frozenBy, was, now, timeZone },
        ),
      );
    };
    analysis.cards.forEach((card, c) => {
      if (card.period !== period) return;
      const f = byOwner.get(card.owner.toLowerCase());
      byOwner.delete(card.owner.toLowerCase());
      if (f === undefined) report(0, card.owner, null, card.payout);
      else if (f.hash !== inputHash(analysis, c)) report(f.row, card.owner, f.payout, card.payout);
    });
    for (const f of byOwner.values()) report(f.row, f.owner, f.payout, null);
  }
  return issues.sort((a, b) => a.row - b.row);
}

/** The log's frozen scorecards, by its header row (the first row with Period, Owner and Input hash), in log order. */
export function readFrozenRows(grid: Grid): Frozen[] {
  const wanted = FROZEN_HEADERS.map(normalizeHeader);
  let header = -1;
  let col: number[] = [];
  for (let r = 0; r < Math.min(10, grid.length) && header < 0; r++) {
    const names = grid[r].map((v) => (typeof v === 'string' ? normalizeHeader(v) : ''));
    col = wanted.map((w) => names.indexOf(w));
    if (col[0] >= 0 && col[1] >= 0 && col[6] >= 0) header = r;
  }
  if (header < 0) return [];
  const at = (cells: readonly CellValue[], k: number): CellValue => (col[k] < 0 ? '' : cells[col[k]]);
  const out: Frozen[] = [];
  for (let r = header + 1; r < grid.length; r++) {
    const cells = grid[r];
    const period = cellText(at(cells, 0));
    const owner = cellText(at(cells, 1));
    if (period === '' || owner === '') continue;
    const payout = parseNumber(at(cells, 3));
    const when = at(cells, 7);
    out.push({
      row: r + 1,
      period,
      owner,
      payout: payout === null || Number.isNaN(payout) ? null : payout,
      hash: cellText(at(cells, 6)),
      // Sheets may read the written time as a date: the same instant either way.
      frozenAt: isDate(when) ? when.toISOString() : cellText(when),
      frozenBy: cellText(at(cells, 8)),
    });
  }
  return out;
}

/** A 53-bit hash of a text (cyrb53), as 14 hex digits: stable across runtimes, no dependencies. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
