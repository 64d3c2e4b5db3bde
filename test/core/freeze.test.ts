// Freezing a period: the log rows written (values, time, user, input hash), and frozen-period-changed when a frozen card changes later.
import { describe, expect, it } from 'vitest';
import { FROZEN_HEADERS, freezeRows, inputHash, isFrozenLog } from '../../src/core/freeze';
import { describeIssue } from '../../src/core/issues';
import type { CellValue, Grid } from '../../src/core/model';
import { analyzeWorkbook, type TabInput } from '../../src/core/workbook';

const GOALS = ['ID', 'Goal', 'Owner', 'Target', 'Actual', 'Weight', 'Period'];
const AT = '2026-12-31T17:00:00.000Z';
const goals = (annActual: number, extra: CellValue[][] = []): TabInput => ({
  name: 'Goals',
  grid: [
    GOALS,
    ['A', 'Ann’s goal', 'Ann', 100, annActual, 1, 'FY2026'],
    ['B', 'Bob’s goal', 'Bob', 100, 100, 1, 'FY2026'],
    ['Q', 'Next year', 'Ann', 100, 50, 1, 'FY2027'],
    ...extra,
  ],
});

function frozenBook(annActual: number): Grid {
  return [
    FROZEN_HEADERS,
    ...freezeRows(analyzeWorkbook([goals(annActual)]), 'FY2026', AT, 'cfo@example.com'),
  ];
}

describe('freezeRows', () => {
  it('writes one row per scorecard of the period: its values, the time, the user and an input hash', () => {
    const rows = frozenBook(100);
    expect(rows[0]).toEqual([
      'Period',
      'Owner',
      'Score',
      'Payout',
      'Payout amount',
      'Currency',
      'Input hash',
      'Frozen at',
      'Frozen by',
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[4], r[5], r[7], r[8]])).toEqual([
      ['FY2026', 'Ann', 1, 1, '', '', AT, 'cfo@example.com'],
      ['FY2026', 'Bob', 1, 1, '', '', AT, 'cfo@example.com'],
    ]);
    expect(rows[1][6]).toMatch(/^v1-[0-9a-f]{14}$/);
    expect(rows[1][6]).not.toBe(rows[2][6]);
  });

  it('the input hash moves with what the payout is computed from, not with anything else', () => {
    const base = analyzeWorkbook([goals(100)]);
    const edited = analyzeWorkbook([goals(90)]);
    const renamed = analyzeWorkbook([
      { ...goals(100), grid: goals(100).grid.map((r, i) => (i === 1 ? ['A', 'Renamed', ...r.slice(2)] : r)) },
    ]);
    expect(inputHash(edited, 0)).not.toBe(inputHash(base, 0));
    expect(inputHash(renamed, 0)).toBe(inputHash(base, 0));
  });
});

describe('frozen-period-changed', () => {
  const LOG = 'Frozen payouts';
  /** The frozen-period-changed issues of `tab` against a log holding `log`, handed over as the add-on hands its own. */
  const changed = (tab: TabInput, log: Grid) =>
    analyzeWorkbook([tab], { frozen: { name: LOG, grid: log } }).issues.filter(
      (i) => i.code === 'frozen-period-changed',
    );

  it.each<[string, TabInput, { person: string; was: number | null; now: number | null; row: number }[]]>([
    ['nothing changed since the freeze', goals(100), []],
    ['an actual changed under a frozen card', goals(90), [{ person: 'Ann', was: 1, now: 0.75, row: 2 }]],
    [
      'a new scorecard in a frozen period',
      goals(100, [['C', 'Cy’s goal', 'Cy', 100, 100, 1, 'FY2026']]),
      [{ person: 'Cy', was: null, now: 1, row: 0 }],
    ],
    [
      'a frozen scorecard gone',
      { name: 'Goals', grid: goals(100).grid.filter((r) => r[2] !== 'Bob') },
      [{ person: 'Bob', was: 1, now: null, row: 3 }],
    ],
  ])('%s', (_name, tab, expected) => {
    const found = changed(tab, frozenBook(100));
    expect(
      found.map((i) => ({
        person: (i as { person: string }).person,
        was: (i as { was: number | null }).was,
        now: (i as { now: number | null }).now,
        row: i.row,
      })),
    ).toEqual(expected);
    for (const issue of found)
      expect(issue).toMatchObject({
        tab: LOG,
        severity: 'warning',
        period: 'FY2026',
        frozenAt: AT,
        frozenBy: 'cfo@example.com',
      });
  });

  it('an unfrozen period may change freely', () => {
    const edited = goals(100).grid.map((r) => (r[0] === 'Q' ? [...r.slice(0, 4), 10, ...r.slice(5)] : r));
    expect(changed({ name: 'Goals', grid: edited }, frozenBook(100))).toEqual([]);
  });

  it('a tab is a log only when the caller says so: one named like it among the tabs is not read as freezes', () => {
    const tabs = [
      goals(90),
      { name: 'History', grid: frozenBook(100) },
      { name: LOG, grid: frozenBook(100) },
    ];
    expect(analyzeWorkbook(tabs).issues.filter((i) => i.code === 'frozen-period-changed')).toEqual([]);
  });

  it.each([
    // AT is 17:00 UTC on December 31 (winter time in Berlin and Los Angeles).
    ['UTC', 'frozen 2026-12-31 17:00 (UTC) by cfo@example.com'],
    ['Europe/Berlin', 'frozen 2026-12-31 18:00 (Europe/Berlin) by cfo@example.com'],
    ['Pacific/Kiritimati', 'frozen 2027-01-01 07:00 (Pacific/Kiritimati) by cfo@example.com'],
    ['America/Los_Angeles', 'frozen 2026-12-31 09:00 (America/Los_Angeles) by cfo@example.com'],
  ])('the message gives the time of the freeze in the spreadsheet’s zone (%s)', (timeZone, when) => {
    const found = analyzeWorkbook([goals(90)], {
      frozen: { name: LOG, grid: frozenBook(100) },
      timeZone,
    }).issues;
    const messages = found.filter((i) => i.code === 'frozen-period-changed').map(describeIssue);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`(${when}).`);
  });

  it('a Frozen at that is not a time (typed over) is quoted as it is', () => {
    const log = frozenBook(100).map((r, i) => (i === 0 ? r : [...r.slice(0, 7), 'year end', r[8]]));
    const [issue] = changed(goals(90), log);
    expect(describeIssue(issue)).toContain('(frozen year end by cfo@example.com).');
  });

  it('a later freeze of the same period supersedes the earlier one', () => {
    const later = freezeRows(
      analyzeWorkbook([goals(90)]),
      'FY2026',
      '2027-01-15T09:00:00.000Z',
      'cfo@example.com',
    );
    const log: Grid = [...frozenBook(100), ...later];
    expect(changed(goals(90), log)).toEqual([]);
    expect(changed(goals(100), log).map((i) => (i as { person: string }).person)).toEqual(['Ann']);
  });
});

describe('a log without its mark (an .xlsx downloaded from Sheets)', () => {
  it.each<[string, Grid, boolean]>([
    ['the log as written', [FROZEN_HEADERS], true],
    ['its headers in another case and spacing', [FROZEN_HEADERS.map((h) => ` ${h.toUpperCase()} `)], true],
    ['a header missing', [FROZEN_HEADERS.slice(1)], false],
    ['a goal tab', [['ID', 'Goal', 'Owner']], false],
    ['nothing', [], false],
  ])('%s: %s', (_name, grid, expected) => {
    expect(isFrozenLog(grid)).toBe(expected);
  });

  it('is never an unread tab that looks like goals, under any name', () => {
    const issues = analyzeWorkbook([goals(100), { name: 'Sign-off', grid: frozenBook(100) }]).issues;
    expect(issues.filter((i) => i.tab === 'Sign-off')).toEqual([]);
  });
});
