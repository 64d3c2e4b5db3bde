// The whole analysis: which tabs are goal tabs, Settings and the locale, issue order, and the sample workbook's numbers.
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/model';
import { parseDay } from '../../src/core/period';
import { analyzeWorkbook, type TabInput } from '../../src/core/workbook';
import { marketingWorkbook } from '../../tools/samples/marketing';

const HEADER = ['ID', 'Goal', 'Owner', 'Parent', 'Type', 'Target', 'Actual', 'Weight'];
const tab = (name: string, ...rows: CellValue[][]): TabInput => ({ name, grid: [HEADER, ...rows] });
const codes = (tabs: TabInput[], options = {}) => analyzeWorkbook(tabs, options).issues.map((i) => i.code);

describe('which tabs are goal tabs', () => {
  it.each([
    [
      'a tab with ID and Goal headers',
      [tab('Team', ['A', 'Goal A', 'Dana', '', 'Outcome', 10, 5, 1])],
      ['Team'],
    ],
    [
      'a notes tab is skipped',
      [
        tab('Team', ['A', 'Goal A', 'Dana', '', 'Outcome', 10, 5, 1]),
        { name: 'Notes', grid: [['Just notes']] },
      ],
      ['Team'],
    ],
    [
      'Settings is never a goal tab',
      [tab('Team', ['A', 'x', '', '', '', 1, 1, '']), { name: 'SETTINGS', grid: [['ID', 'Goal']] }],
      ['Team'],
    ],
  ])('%s', (_label, tabs, goalTabs) => {
    expect(analyzeWorkbook(tabs as TabInput[]).goalTabs).toEqual(goalTabs);
  });

  it('a workbook without goal tabs says so', () => {
    expect(codes([{ name: 'Notes', grid: [['hello']] }])).toEqual(['no-goal-tabs']);
  });

  it('a tab listed in Settings that is missing, or has no header, is reported', () => {
    const settings = { name: 'Settings', grid: [['Goal tabs', 'Team, Ghost, Notes']] };
    const found = codes([
      tab('Team', ['A', 'x', 'Dana', '', 'Outcome', 1, 1, 1]),
      { name: 'Notes', grid: [['no header']] },
      settings,
    ]);
    expect(found).toContain('settings-tab-missing');
    expect(found).toContain('no-goal-tabs');
  });

  it('links goals across tabs, IDs compared trimmed and case-insensitively', () => {
    const a = analyzeWorkbook([
      tab('Top', ['T-1', 'Top', 'Dana', '', 'Outcome', 10, '', 1]),
      tab('Team', ['c-1', 'Child', 'Lee', ' t-1 ', 'Outcome', 10, 5, 1]),
    ]);
    expect(a.results.at(0).rolledUp).toBe(0.5);
    expect(a.results.at(1).depth).toBe(1);
  });
});

describe('numbers typed as text and the spreadsheet locale', () => {
  const team = tab('Team', ['A', 'Goal A', 'Dana', '', 'Outcome', '1.000,5', '500,25', 1]);
  it.each([
    ['a point locale reads 1.000,5 as junk', {}, [], true],
    ['a comma locale reads 1.000,5 as 1000.5', { decimalSeparator: ',' as const }, [], false],
    [
      'a Settings row overrides the locale',
      { decimalSeparator: ',' as const },
      [['Decimal separator', '.']],
      true,
    ],
  ])('%s', (_label, options, settingsRows, junk) => {
    const tabs = settingsRows.length ? [team, { name: 'Settings', grid: settingsRows }] : [team];
    const a = analyzeWorkbook(tabs, options);
    expect(a.issues.some((i) => i.code === 'not-a-number')).toBe(junk);
    if (!junk) expect(a.results.at(0).measured).toBeCloseTo(500.25 / 1000.5, 12);
  });
});

describe('issue order', () => {
  it('follows the goal tabs, then rows, errors before warnings', () => {
    const a = analyzeWorkbook([
      tab(
        'First',
        ['A', '', 'Dana', '', 'Outcome', 10, 5, 1],
        ['B', 'b', 'Dana', 'nope', 'Activity', 10, 5, 1],
      ),
      tab('Second', ['C', 'c', 'Lee', '', 'Outcome', 'lots', 5, 1]),
    ]);
    const places = a.issues.filter((i) => i.row > 0).map((i) => [i.tab, i.row, i.severity]);
    const sorted = [...places].sort(
      (x, y) =>
        (x[0] === y[0] ? 0 : x[0] === 'First' ? -1 : 1) ||
        (x[1] as number) - (y[1] as number) ||
        ['error', 'warning', 'info'].indexOf(x[2] as string) -
          ['error', 'warning', 'info'].indexOf(y[2] as string),
    );
    expect(places).toEqual(sorted);
    expect(places[0]).toEqual(['First', 2, 'error']);
  });
});

describe('the sample marketing workbook', () => {
  const a = analyzeWorkbook(marketingWorkbook(), { today: parseDay('2026-11-23') });
  const byId = (id: string) => {
    const i = a.goals.findIndex((g) => g.id === id);
    return { goal: a.goals[i], result: a.results.at(i) };
  };

  it.each([
    // Contributions 50/10/20/20% of DG-1 (sum roll-up), DG-7, CT-1 and FM-1.
    [
      'CMO-1',
      31.5 / 40,
      0.5 * ((8.2 + 5.1 + 6.9) / 24) + 0.1 * (6100 / 5000) + 0.2 * (7.1 / 8) + 0.2 * (5.2 / 8),
    ],
    ['DG-1', null, (8.2 + 5.1 + 6.9) / 24],
    ['DG-3', 5.1 / 6, null],
    ['DG-5', (1800 - 1550) / (1800 - 1400), null],
    ['FM-3', 0.18 / 0.25, null],
    ['PM-1', (0.29 - 0.25) / (0.32 - 0.25), (1 + 0.75) / 2],
    ['PM-2', 1, null],
    ['PM-3', 1, null],
    ['PM-4', (4 - 2.5) / (4 - 2), null],
  ])('%s: measured %s, rolled up %s', (id, measured, rolledUp) => {
    const { result } = byId(id);
    if (measured === null) expect(result.measured).toBeNull();
    else expect(result.measured).toBeCloseTo(measured, 12);
    if (rolledUp === null) expect(result.rolledUp).toBeNull();
    else expect(result.rolledUp).toBeCloseTo(rolledUp, 12);
  });

  it('has no errors, and warns about gaps, vanity metrics, a stand-alone activity and a tactics-heavy scorecard', () => {
    const found = new Set(a.issues.map((i) => `${i.severity} ${i.code} ${i.goalId}`));
    expect([...found].filter((x) => x.startsWith('error'))).toEqual([]);
    for (const expected of [
      'warning alignment-gap CMO-3',
      'warning alignment-gap FM-1',
      'warning vanity-metric DG-7',
      'warning vanity-metric CT-4',
      'warning top-level-not-outcome CT-4',
      'warning activity-not-under-outcome CT-4',
      'warning activity-heavy ',
    ]) {
      expect(found).toContain(expected);
    }
  });

  it('scores every owner, each with a teaming goal', () => {
    expect(a.cards.map((c) => c.owner)).toHaveLength(10);
    expect(a.issues.some((i) => i.code === 'no-collaboration-goal')).toBe(false);
    const dana = a.cards.find((c) => c.owner === 'Dana Reyes')!;
    const expected = 0.4 * (31.5 / 40) + 0.3 * (14.2 / 18) + 0.2 * ((41 - 30) / 15) + 0.1 * (44 / 50);
    expect(dana.score).toBeCloseTo(expected, 12);
  });
});
