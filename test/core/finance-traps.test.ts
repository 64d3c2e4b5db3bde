// The traps a finance reviewer falls into, each pinned to a warning or a visible value: issue 13.
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/model';
import { analyzeWorkbook, type TabInput } from '../../src/core/workbook';

const tab = (name: string, header: string[], ...rows: CellValue[][]): TabInput => ({
  name,
  grid: [header, ...rows],
});
const issuesOf = (tabs: TabInput[], code: string) =>
  analyzeWorkbook(tabs).issues.filter((i) => i.code === code);

describe('an Owner cell naming several people', () => {
  const HEADER = ['ID', 'Goal', 'Owner', 'Type', 'Target', 'Actual', 'Weight'];
  it.each<[string, string, string[] | null]>([
    ['"Ann, Bob" beside Ann and Bob', 'Ann, Bob', ['Ann', 'Bob']],
    // Semicolons list co-owners: the goal is shared, on both cards (pinned in shared-goals.test.ts).
    ['"Ann; Bob" is a shared goal, not a phantom', 'Ann; Bob', null],
    ['"Smith, John" is one person', 'Smith, John', null],
  ])('%s', (_name, owner, names) => {
    const found = issuesOf(
      [
        tab(
          'Team',
          HEADER,
          ['A', 'Ann alone', 'Ann', 'Outcome', 10, 10, 1],
          ['B', 'Bob alone', 'Bob', 'Outcome', 10, 10, 1],
          ['S', 'Shared', owner, 'Outcome', 10, 10, 1],
        ),
      ],
      'several-owners',
    );
    if (names === null) expect(found).toEqual([]);
    else {
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({
        tab: 'Team',
        row: 4,
        col: 3,
        column: 'Owner',
        goalId: 'S',
        severity: 'warning',
        names,
      });
    }
  });
});

describe('children from other periods', () => {
  const HEADER = ['ID', 'Goal', 'Owner', 'Parent', 'Type', 'Unit', 'Target', 'Actual', 'Rollup', 'Period'];
  const analyze = (rollup: string, childPeriods: string[]) =>
    analyzeWorkbook([
      tab(
        'Goals',
        HEADER,
        ['P', 'Pipeline', 'Ann', '', 'Outcome', '$', 100, '', rollup, 'FY2026'],
        ['C1', 'Pipeline this year', 'Bob', 'P', 'Outcome', '$', 50, 40, '', childPeriods[0]],
        ['C2', 'Pipeline, other period', 'Bob', 'P', 'Outcome', '$', 50, 60, '', childPeriods[1]],
      ),
    ]);

  it.each<[string, string, string[], number, { goalId: string; leftOut: boolean }[]]>([
    [
      'a sum leaves out a child of last year, with a warning',
      'sum',
      ['FY2026', 'FY2025'],
      0.4,
      [{ goalId: 'C2', leftOut: true }],
    ],
    ['quarters inside the year are summed', 'sum', ['Q1 2026', 'Q2 2026'], 1, []],
    [
      'a child of the next year is left out too',
      'sum',
      ['FY2027', 'H1 2026'],
      0.6,
      [{ goalId: 'C1', leftOut: true }],
    ],
    [
      'an average warns but still counts the child',
      'average',
      ['FY2026', 'FY2025'],
      (0.8 + 1.2) / 2,
      [{ goalId: 'C2', leftOut: false }],
    ],
    ['blank periods are not compared', 'sum', ['', ''], 1, []],
  ])('%s', (_name, rollup, periods, rolledUp, expected) => {
    const a = analyze(rollup, periods);
    expect(a.results.at(0).rolledUp).toBeCloseTo(rolledUp, 12);
    const found = a.issues.filter((i) => i.code === 'period-mismatch');
    expect(found.map((i) => ({ goalId: i.goalId, leftOut: 'leftOut' in i && i.leftOut }))).toEqual(expected);
    for (const issue of found)
      expect(issue).toMatchObject({
        column: 'Period',
        col: 10,
        severity: 'warning',
        parentId: 'P',
        parentPeriod: 'FY2026',
      });
  });
});

describe('a blank Weight beside weighted goals', () => {
  const HEADER = ['ID', 'Goal', 'Owner', 'Type', 'Target', 'Actual', 'Weight', 'Period'];
  it.each<[string, CellValue[], string[]]>([
    ['a blank weight on a weighted card counts 0%: warned', [0.5, 0.5, ''], ['C']],
    ['no weights at all is a plain mean: nothing to warn', ['', '', ''], []],
    ['every goal weighted: nothing to warn', [0.5, 0.3, 0.2], []],
    ['an explicit 0% is meant', [0.5, 0.5, 0], []],
  ])('%s', (_name, [a, b, c], ids) => {
    const found = issuesOf(
      [
        tab(
          'Team',
          HEADER,
          ['A', 'First', 'Ann', 'Outcome', 10, 10, a, 'FY2026'],
          ['B', 'Second', 'Ann', 'Outcome', 10, 5, b, 'FY2026'],
          ['C', 'Third', 'Ann', 'Outcome', 10, 10, c, 'FY2026'],
          // Another period is another card: its blank weight is a plain mean there.
          ['D', 'Another period', 'Ann', 'Outcome', 10, 10, '', 'FY2025'],
        ),
      ],
      'missing-weight',
    );
    expect(found.map((i) => i.goalId)).toEqual(ids);
    for (const issue of found)
      expect(issue).toMatchObject({
        column: 'Weight',
        col: 7,
        row: 4,
        severity: 'warning',
        owner: 'Ann',
        period: 'FY2026',
      });
  });
});

describe('a floor on a done-or-not goal', () => {
  const HEADER = ['ID', 'Goal', 'Owner', 'Type', 'Direction', 'Target', 'Actual', 'Floor'];
  const settings: TabInput = { name: 'Settings', grid: [['Floor', 0.5]] };
  const a = analyzeWorkbook([
    tab(
      'Team',
      HEADER,
      ['B', 'Launch the site', 'Ann', 'Outcome', 'binary', '', 'no', ''],
      ['R', 'Keep churn in band', 'Ann', 'Outcome', 'range', '2-4', 5, ''],
      ['H', 'Grow pipeline', 'Ann', 'Outcome', 'higher', 10, 1, ''],
      ['F', 'Ship the pricing page', 'Ann', 'Outcome', 'binary', '', 'no', 0.3],
    ),
    settings,
  ]);
  it.each([
    ['a missed binary goal stays at 0% under a Settings floor of 50%', 'B', 0],
    ['a missed range goal stays at 0%', 'R', 0],
    ['a graded goal gets the floor', 'H', 0.5],
    ['a Floor cell on a binary goal is not applied', 'F', 0],
  ])('%s', (_name, id, measured) => {
    expect(a.results.at(a.goals.findIndex((g) => g.id === id)).measured).toBe(measured);
  });
  it('a Floor cell on a binary or range goal is a warning on that cell', () => {
    const found = a.issues.filter((i) => i.code === 'floor-ignored');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      goalId: 'F',
      column: 'Floor',
      col: 8,
      severity: 'warning',
      direction: 'binary',
    });
  });
});
