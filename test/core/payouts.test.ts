// Payouts in money from the Roster: proration for joiners and leavers, the target for the period, subtotals by manager and team, never across currencies.
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/model';
import { analyzeWorkbook, type TabInput } from '../../src/core/workbook';

const GOALS = ['ID', 'Goal', 'Owner', 'Type', 'Target', 'Actual', 'Weight', 'Period'];
const ROSTER = ['Owner', 'Manager', 'Start', 'End', 'Target bonus', 'Currency'];
const goal = (id: string, owner: string, actual: number, period = 'FY2026'): CellValue[] => [
  id,
  `Goal of ${owner}`,
  owner,
  'Outcome',
  100,
  actual,
  1,
  period,
];

function analyze(goals: CellValue[][], roster: CellValue[][] | null) {
  const tabs: TabInput[] = [{ name: 'Goals', grid: [GOALS, ...goals] }];
  if (roster !== null) tabs.push({ name: 'Roster', grid: [ROSTER, ...roster] });
  return analyzeWorkbook(tabs);
}

describe('payouts in money', () => {
  const a = analyze(
    [
      goal('Z', 'Zoe', 100),
      goal('A', 'Ann', 120),
      goal('B', 'Bob', 100),
      goal('C', 'Cy', 50),
      goal('E', 'Eve', 100),
      goal('M', 'Max', 100),
    ],
    [
      ['Zoe', '', '', '', 40000, 'USD'],
      ['Ann', 'Zoe', '', '', 20000, 'USD'],
      ['Bob', 'Ann', '2026-07-01', '', 10000, 'USD'],
      ['Cy', 'Ann', '', '2026-06-30', 10000, 'usd'],
      ['Eve', 'Zoe', '', '', 8000, 'EUR'],
    ],
  );
  const line = (owner: string) => a.payouts!.lines[a.cards.findIndex((c) => c.owner === owner)];

  it.each<
    [
      string,
      string,
      { manager: string; employed: number; target: number; amount: number; currency: string } | null,
    ]
  >([
    [
      'a full year at 100%',
      'Zoe',
      { manager: '', employed: 1, target: 40000, amount: 40000, currency: 'USD' },
    ],
    [
      '150% payout on the curve',
      'Ann',
      { manager: 'Zoe', employed: 1, target: 20000, amount: 30000, currency: 'USD' },
    ],
    [
      'a joiner on 1 July is prorated by days employed',
      'Bob',
      { manager: 'Ann', employed: 184 / 365, target: 10000, amount: (10000 * 184) / 365, currency: 'USD' },
    ],
    [
      'a leaver below the curve earns 0',
      'Cy',
      { manager: 'Ann', employed: 181 / 365, target: 10000, amount: 0, currency: 'USD' },
    ],
    ['another currency', 'Eve', { manager: 'Zoe', employed: 1, target: 8000, amount: 8000, currency: 'EUR' }],
    ['an owner missing from the roster has no amount', 'Max', null],
  ])('%s (%s)', (_name, owner, expected) => {
    const got = line(owner);
    if (expected === null) {
      expect(got).toBeNull();
      return;
    }
    expect(got).toMatchObject({
      owner,
      period: 'FY2026',
      manager: expected.manager,
      currency: expected.currency,
      target: expected.target,
    });
    expect(got!.employed).toBeCloseTo(expected.employed, 12);
    expect(got!.amount).toBeCloseTo(expected.amount, 9);
  });

  it('flags owners missing from the roster, once, on their Owner cell', () => {
    expect(a.issues.filter((i) => i.code === 'not-on-roster')).toEqual([
      expect.objectContaining({ tab: 'Goals', row: 7, column: 'Owner', severity: 'warning', person: 'Max' }),
    ]);
  });

  it('subtotals by manager: direct reports, and the whole team below (managers of managers), per currency', () => {
    const bob = (10000 * 184) / 365;
    const rows = a.payouts!.subtotals.map((s) => [
      s.manager,
      s.period,
      s.currency,
      s.direct,
      s.team,
      s.people,
    ]);
    expect(rows).toEqual([
      ['Ann', 'FY2026', 'USD', bob, bob, 2],
      ['Zoe', 'FY2026', 'EUR', 8000, 8000, 1],
      ['Zoe', 'FY2026', 'USD', 30000, 30000 + bob, 3],
      ['', 'FY2026', 'EUR', 8000, 8000, 1],
      ['', 'FY2026', 'USD', 40000 + 30000 + bob, 40000 + 30000 + bob, 4],
    ]);
  });

  it('without a Roster tab there are no payouts in money and no roster warnings', () => {
    const none = analyze([goal('A', 'Ann', 100)], null);
    expect(none.payouts).toBeNull();
    expect(none.issues.filter((i) => i.code === 'not-on-roster')).toEqual([]);
  });
});

describe('quarters and leavers', () => {
  it.each<[string, CellValue[], number, number]>([
    ['a quarter earns a quarter of the annual target', ['Ann', '', '', '', 20000, 'USD'], 1, 5000],
    ['a leaver mid-quarter', ['Ann', '', '', '2026-02-14', 20000, 'USD'], 45 / 90, 2500],
    ['a joiner after the quarter', ['Ann', '', '2026-04-01', '', 20000, 'USD'], 0, 0],
    [
      'a blocked row (unreadable date) has no amount',
      ['Ann', '', 'soon', '', 20000, 'USD'],
      Number.NaN,
      Number.NaN,
    ],
  ])('%s', (_name, rosterRow, employed, amount) => {
    const a = analyze([goal('A', 'Ann', 100, 'Q1 2026')], [rosterRow]);
    const got = a.payouts!.lines[0]!;
    if (Number.isNaN(amount)) {
      expect(got.amount).toBeNull();
      return;
    }
    expect(got.target).toBe(5000);
    expect(got.employed).toBeCloseTo(employed, 12);
    expect(got.amount).toBeCloseTo(amount, 9);
  });

  it('a loop of managers is a warning, and team subtotals stop at it', () => {
    const a = analyze(
      [goal('A', 'Ann', 100), goal('B', 'Bob', 100)],
      [
        ['Ann', 'Bob', '', '', 1000, 'USD'],
        ['Bob', 'Ann', '', '', 1000, 'USD'],
      ],
    );
    expect(a.issues.filter((i) => i.code === 'manager-loop')).toHaveLength(1);
    expect(a.payouts!.subtotals.find((s) => s.manager === 'Ann')).toMatchObject({ direct: 1000, team: 1000 });
  });
});
