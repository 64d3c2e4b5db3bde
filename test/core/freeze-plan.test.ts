// Freezing the period a user names: which period it is, its rows, the earlier freeze they supersede, or why nothing is frozen.
import { describe, expect, it } from 'vitest';
import { FROZEN_HEADERS, freezeRows } from '../../src/core/freeze';
import { planFreeze } from '../../src/core/freeze-plan';
import type { CellValue, Grid } from '../../src/core/model';
import { analyzeWorkbook, type TabInput } from '../../src/core/workbook';

const AT = '2026-07-01T12:00:00.000Z';
const BY = 'cfo@example.com';
const goals = (period: CellValue = 'H1 2026'): TabInput => ({
  name: 'Goals',
  grid: [
    ['ID', 'Goal', 'Owner', 'Target', 'Actual', 'Weight', 'Period'],
    ['A', 'Ann’s goal', 'Ann', 100, 90, 1, period],
    ['B', 'Bob’s goal', 'Bob', 100, 100, 1, period],
    ['Q', 'Later', 'Ann', 100, 50, 1, 'FY2027'],
  ],
});
const settings = (defaultPeriod: string): TabInput => ({
  name: 'Settings',
  grid: [
    ['Setting', 'Value'],
    ['Default period', defaultPeriod],
  ],
});

describe('planFreeze: the period named', () => {
  it.each<[string, TabInput[], string, string, number]>([
    ['a label as the goals write it', [goals()], 'H1 2026', 'H1 2026', 2],
    ['another way of writing it', [goals()], ' 2026-h1 ', 'H1 2026', 2],
    ['a year is its fiscal year', [goals()], '2027', 'FY2027', 1],
    ['blank: the Default period of Settings', [goals(''), settings('H1 2026')], '', 'H1 2026', 2],
  ])('%s', (_name, tabs, asked, period, cards) => {
    const analysis = analyzeWorkbook(tabs);
    const plan = planFreeze(analysis, asked, AT, BY, null);
    expect(plan).toEqual({
      ok: true,
      period,
      rows: freezeRows(analysis, period, AT, BY),
      supersedes: null,
    });
    if (plan.ok) expect(plan.rows).toHaveLength(cards);
  });
});

describe('planFreeze: nothing to freeze', () => {
  it.each<[string, TabInput[], string, string, string]>([
    [
      'text that is not a period',
      [goals()],
      'someday',
      'not-a-period',
      '"someday" is not a period: write one like FY2026, H1 2026, Q3 2026 or Mar 2026.',
    ],
    [
      'blank, without a Default period',
      [goals()],
      ' ',
      'not-a-period',
      'No period was named and the workbook has no Default period in Settings: name one like FY2026, H1 2026, Q3 2026 or Mar 2026.',
    ],
    [
      'a period without scorecards: the periods that have some',
      [goals()],
      'Q1 2030',
      'nothing-to-freeze',
      'No scorecard is for Q1 2030, so nothing was frozen: freeze a period that has scorecards (H1 2026, FY2027).',
    ],
    [
      'scorecards without a period',
      [{ name: 'Goals', grid: goals().grid.map((r) => r.slice(0, 6)) }],
      'FY2026',
      'nothing-to-freeze',
      'No scorecard is for FY2026, so nothing was frozen: the scorecards have no period: give the goals a Period, or set Default period in Settings.',
    ],
    [
      'no scorecard at all',
      [{ name: 'Goals', grid: goals().grid.map((r) => [r[0], r[1], r[3], r[4]]) }],
      'FY2026',
      'nothing-to-freeze',
      'No scorecard is for FY2026, so nothing was frozen: scorecards need goals with an Owner.',
    ],
  ])('%s', (_name, tabs, asked, why, message) => {
    expect(planFreeze(analyzeWorkbook(tabs), asked, AT, BY, null)).toEqual({ ok: false, why, message });
  });
});

describe('planFreeze: a period frozen before', () => {
  const analysis = analyzeWorkbook([goals()]);
  const first = freezeRows(analysis, 'H1 2026', '2026-06-30T08:00:00.000Z', 'ann@example.com');
  const second = freezeRows(analysis, 'H1 2026', '2026-06-30T09:00:00.000Z', 'bob@example.com');
  const other = freezeRows(analysis, 'FY2027', '2026-06-30T10:00:00.000Z', 'cy@example.com');

  it.each<[string, Grid | null, { frozenAt: string; frozenBy: string } | null]>([
    ['no log yet', null, null],
    ['a log of other periods only', [FROZEN_HEADERS, ...other], null],
    [
      'frozen once',
      [FROZEN_HEADERS, ...first, ...other],
      { frozenAt: first[0][7] as string, frozenBy: 'ann@example.com' },
    ],
    [
      'frozen twice: the latest',
      [FROZEN_HEADERS, ...first, ...second],
      { frozenAt: second[0][7] as string, frozenBy: 'bob@example.com' },
    ],
  ])('%s: frozen again, superseding the latest freeze', (_name, log, supersedes) => {
    const plan = planFreeze(analysis, 'H1 2026', AT, BY, log);
    expect(plan.ok && plan.supersedes).toEqual(supersedes);
    expect(plan.ok && plan.rows).toEqual(freezeRows(analysis, 'H1 2026', AT, BY));
  });
});
