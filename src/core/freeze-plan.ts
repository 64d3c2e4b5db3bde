// Freezing the period a user names (Freeze period's prompt, the command line's --period): which period, its log rows, the freeze they supersede, or why there is nothing to freeze.
import { freezeRows, readFrozenRows } from './freeze';
import type { Grid } from './model';
import { parsePeriod } from './period';
import type { Analysis } from './workbook';

/** What freezeRows reads, and the default period. */
type Frozen = Pick<Analysis, 'goals' | 'results' | 'cards' | 'groups' | 'settings' | 'payouts'>;

export type FreezePlan =
  | {
      ok: true;
      /** The period's label, as the log and the scorecards write it (`H1 2026` for `2026-H1`). */
      period: string;
      rows: (string | number)[][];
      /** The latest earlier freeze of the period in the log, which these rows supersede; null for a first freeze. */
      supersedes: { frozenAt: string; frozenBy: string } | null;
    }
  | {
      ok: false;
      /** `not-a-period`: the text names no period (a usage mistake); `nothing-to-freeze`: the period has no scorecard. */
      why: 'not-a-period' | 'nothing-to-freeze';
      /** What is wrong, then what to do, as every message says it. */
      message: string;
    };

/**
 * The freeze of the period `asked` names (blank = the workbook's Default period), stamped `frozenAt` (ISO) by
 * `frozenBy`, against the log's grid as it is (null before the first freeze). A freeze always appends: a period frozen
 * before is frozen again, the new rows superseding the old, which stay as a log.
 */
export function planFreeze(
  analysis: Frozen,
  asked: string,
  frozenAt: string,
  frozenBy: string,
  log: Grid | null,
): FreezePlan {
  const text = asked.trim();
  const period = text === '' ? analysis.settings.defaultPeriod : (parsePeriod(text)?.label ?? '');
  if (period === '') {
    const message =
      text === ''
        ? 'No period was named and the workbook has no Default period in Settings: name one like FY2026, H1 2026, Q3 2026 or Mar 2026.'
        : `"${text}" is not a period: write one like FY2026, H1 2026, Q3 2026 or Mar 2026.`;
    return { ok: false, why: 'not-a-period', message };
  }
  const rows = freezeRows(analysis, period, frozenAt, frozenBy);
  if (rows.length === 0)
    return { ok: false, why: 'nothing-to-freeze', message: nothingToFreeze(analysis, period) };
  const earlier = log === null ? [] : readFrozenRows(log).filter((f) => f.period === period);
  const last = earlier.at(-1);
  const supersedes = last === undefined ? null : { frozenAt: last.frozenAt, frozenBy: last.frozenBy };
  return { ok: true, period, rows, supersedes };
}

/** Why `period` has nothing to freeze, and which periods do. */
function nothingToFreeze(analysis: Frozen, period: string): string {
  const periods = [...new Set(analysis.cards.map((card) => card.period))];
  // In calendar order, the longer first where two start together (FY2026, H1 2026, Q1 2026, Jan 2026).
  const start = (p: string): number => parsePeriod(p)?.start ?? 0;
  const end = (p: string): number => parsePeriod(p)?.end ?? 0;
  const named = periods.filter((p) => p !== '').sort((a, b) => start(a) - start(b) || end(b) - end(a));
  const fix =
    named.length > 0
      ? `freeze a period that has scorecards (${named.join(', ')})`
      : periods.length > 0
        ? 'the scorecards have no period: give the goals a Period, or set Default period in Settings'
        : 'scorecards need goals with an Owner';
  return `No scorecard is for ${period}, so nothing was frozen: ${fix}.`;
}
