// Pins how key results written as numbered column groups on a goal's row read: one goal per filled group under the row's goal, its issues on the group's cells, and the goal rolling them up.
import { describe, expect, it } from 'vitest';
import type { IssueCode } from '../../src/core/issues';
import { keyResultId, untitledKeyResult } from '../../src/core/key-results';
import { type CellValue, DEFAULT_SETTINGS, type Goal, type Grid } from '../../src/core/model';
import { readGoalTab } from '../../src/core/table';
import { analyzeWorkbook } from '../../src/core/workbook';

const TAB = 'Goals';

function read(grid: Grid) {
  const tab = readGoalTab(TAB, grid, DEFAULT_SETTINGS, 0);
  if (tab === null) throw new Error('expected a goal tab');
  return tab;
}

function analyze(grid: Grid) {
  const analysis = analyzeWorkbook([{ name: TAB, grid }]);
  const at = (id: string) => {
    const i = analysis.goals.findIndex((g) => g.id === id);
    if (i < 0) throw new Error(`no goal ${id}`);
    return { goal: analysis.goals[i], result: analysis.results.at(i), parent: analysis.links.parentOf[i] };
  };
  return { analysis, at };
}

const CULTURE_AMP = [
  'email',
  'name',
  'status',
  'completion',
  'key_result_1_title',
  'key_result_1_completion',
  'key_result_2_title',
  'key_result_2_completion',
];

describe('key results from numbered column groups', () => {
  it('makes one goal per filled group, just after the row goal, on its row, under it', () => {
    const { goals, issues } = read([
      CULTURE_AMP,
      [
        'li@x.example',
        'Grow organic search',
        'ongoing',
        '',
        'Rank top 3',
        '0.4',
        'Publish 24 articles',
        '0.75',
      ],
      ['ana@x.example', 'Ship the report', 'ongoing', '0.65', '', '', '', ''],
    ]);
    expect(goals.map((g) => [g.id, g.title, g.parent, g.row, g.synthesized, g.progress])).toEqual([
      [`${TAB}!2`, 'Grow organic search', '', 2, false, null],
      [keyResultId(`${TAB}!2`, 1), 'Rank top 3', `${TAB}!2`, 2, true, 0.4],
      [keyResultId(`${TAB}!2`, 2), 'Publish 24 articles', `${TAB}!2`, 2, true, 0.75],
      [`${TAB}!3`, 'Ship the report', '', 3, false, 0.65],
    ]);
    expect(goals.map((g) => g.index)).toEqual([0, 1, 2, 3]);
    // A key result without an owner column counts through its goal: no owner, and no missing-owner warning.
    expect(goals[1].owner).toBe('');
    expect(issues.map((i) => i.code)).toEqual([]);
    // Its cells are the group's: Link, check-ins and issues find them there (1-based).
    expect(goals[1].columns).toEqual({ goal: 5, progress: 6 });
    expect(goals[2].columns).toEqual({ goal: 7, progress: 8 });
  });

  it('gives the ID `<goal ID> KR<n>` with the number as written, or the group ID cell', () => {
    expect(keyResultId('G-7', 2)).toBe('G-7 KR2');
    const { goals } = read([
      ['ID', 'Goal', 'Owner', 'KR1', 'KR1 ID', 'KR2', 'KR4'],
      ['G-7', 'Grow revenue', 'Ana', 'Pipeline', 'PIPE-1', 'Win rate', 'Churn'],
    ]);
    expect(goals.map((g) => g.id)).toEqual(['G-7', 'PIPE-1', 'G-7 KR2', 'G-7 KR4']);
  });

  it('reads start, target, current, unit and owner of a group as the key result’s own', () => {
    const { goals, issues } = read([
      [
        'ID',
        'Goal',
        'Owner',
        'Period',
        'KR1',
        'KR1 Start',
        'KR1 Target',
        'KR1 Current',
        'KR1 Unit',
        'KR1 Owner',
      ],
      ['G-1', 'Grow pipeline', 'Ana', 'Q3 2026', 'Source pipeline', '1M', '5M', '3M', '$', 'Ben'],
    ]);
    const kr = goals[1];
    expect([kr.baseline, kr.target, kr.actual, kr.unit, kr.owner]).toEqual([1e6, 5e6, 3e6, '$', 'Ben']);
    // Its period is its goal's.
    expect(kr.period).toBe('Q3 2026');
    expect(issues).toEqual([]);
  });

  it('skips a group whose cells are all blank, and reads a group with only numbers as "Key result n"', () => {
    const { goals } = read([
      ['ID', 'Goal', 'Owner', 'KR1 Target', 'KR1 Current', 'KR2 Target', 'KR2 Current'],
      ['G-1', 'Grow pipeline', 'Ana', '', '', '10', '4'],
    ]);
    expect(goals.map((g) => [g.id, g.title, g.target, g.actual])).toEqual([
      ['G-1', 'Grow pipeline', null, null],
      ['G-1 KR2', untitledKeyResult(2), 10, 4],
    ]);
  });

  it.each<[string, CellValue[], IssueCode, string, number, boolean]>([
    ['a blank title beside figures', ['', '10', '4'], 'missing-goal', 'KR1', 4, true],
    ['an unreadable current', ['Pipeline', '10', 'lots'], 'not-a-number', 'KR1 Current', 6, true],
    ['an unreadable target', ['Pipeline', 'TBD', '4'], 'not-a-number', 'KR1 Target', 5, true],
  ])('points %s at the group’s cell', (_, group, code, column, col, blocked) => {
    const { goals, issues } = read([
      ['ID', 'Goal', 'Owner', 'KR1', 'KR1 Target', 'KR1 Current'],
      ['G-1', 'Grow pipeline', 'Ana', ...group],
    ]);
    expect(issues.map((i) => [i.code, i.tab, i.row, i.col, i.column, i.goalId])).toEqual([
      [code, TAB, 2, col, column, 'G-1 KR1'],
    ]);
    expect(goals[1].blocked).toBe(blocked);
    expect(goals[0].blocked).toBe(false);
  });

  it('reads every group’s Completion on one scale: a 1 beside a 40 is 1%', () => {
    const { goals } = read([
      ['ID', 'Goal', 'Owner', 'KR1', 'KR1 Progress', 'KR2', 'KR2 Progress'],
      ['G-1', 'Grow pipeline', 'Ana', 'Pipeline', '40', 'Win rate', '1'],
    ]);
    expect(goals.slice(1).map((g) => g.progress)).toEqual([0.4, 0.01]);
  });

  it('reads no key results on a row whose goal is not read (a missing ID)', () => {
    // G-0 keeps the ID column in use: a column blank on every row would count as none (IDs from tab and row).
    const { goals, issues } = read([
      ['ID', 'Goal', 'Owner', 'KR1', 'KR1 Target'],
      ['G-0', 'Keep churn low', 'Ana', '', ''],
      ['', 'Grow pipeline', 'Ana', 'Pipeline', '10'],
    ]);
    expect(goals.map((g) => g.id)).toEqual(['G-0']);
    expect(issues.map((i) => i.code)).toEqual(['missing-id']);
  });

  it('reads a row with only key results filled in as its goal’s row (missing-goal), not a blank row', () => {
    const { goals, issues } = read([
      ['ID', 'Goal', 'Owner', 'KR1', 'KR1 Target'],
      ['G-1', 'Grow pipeline', 'Ana', '', ''],
      ['', '', '', 'Pipeline', '10'],
    ]);
    expect(goals.map((g) => g.id)).toEqual(['G-1']);
    expect(issues.map((i) => [i.code, i.row])).toEqual([['missing-id', 3]]);
  });

  it('reads plain rows of a tab without groups exactly as before (no key results, no extra issues)', () => {
    const { goals } = read([
      ['ID', 'Goal', 'Owner', 'Target', 'Actual', 'Q1 target', 'Q2 target'],
      ['G-1', 'Grow pipeline', 'Ana', '10', '4', '5', '5'],
    ]);
    expect(goals.map((g: Goal) => [g.id, g.synthesized, g.phaseTargets])).toEqual([
      [
        'G-1',
        false,
        [
          { endMonth: 3, target: 5 },
          { endMonth: 6, target: 5 },
        ],
      ],
    ]);
  });
});

describe('a goal rolls up its key results', () => {
  it('averages them when its own completion is blank (the model: final = rolled up)', () => {
    const { at } = analyze([
      CULTURE_AMP,
      [
        'li@x.example',
        'Grow organic search',
        'ongoing',
        '',
        'Rank top 3',
        '0.4',
        'Publish 24 articles',
        '0.75',
      ],
    ]);
    const goal = at(`${TAB}!2`);
    expect(goal.result.measured).toBeNull();
    expect(goal.result.rolledUp).toBeCloseTo(0.575, 12);
    expect(goal.result.final).toBeCloseTo(0.575, 12);
    expect(at(`${TAB}!2 KR1`).result.measured).toBeCloseTo(0.4, 12);
    expect(at(`${TAB}!2 KR1`).parent).toBe(0);
  });

  it('weighs them by their group Weight', () => {
    const { at } = analyze([
      ['ID', 'Goal', 'Owner', 'KR1', 'KR1 Progress', 'KR1 Weight', 'KR2', 'KR2 Progress', 'KR2 Weight'],
      ['G-1', 'Grow pipeline', 'Ana', 'Pipeline', '0.4', '3', 'Win rate', '0.8', '1'],
    ]);
    expect(at('G-1 KR1').goal.contribution).toBe(3);
    expect(at('G-1').result.final).toBeCloseTo((0.4 * 3 + 0.8 * 1) / 4, 12);
  });

  it('keeps its own measured attainment where it has one (the outcome is what counts)', () => {
    const { at } = analyze([
      CULTURE_AMP,
      [
        'li@x.example',
        'Grow organic search',
        'ongoing',
        '0.9',
        'Rank top 3',
        '0.4',
        'Publish 24 articles',
        '0.6',
      ],
    ]);
    const goal = at(`${TAB}!2`).result;
    expect(goal.measured).toBeCloseTo(0.9, 12);
    expect(goal.rolledUp).toBeCloseTo(0.5, 12);
    expect(goal.final).toBeCloseTo(0.9, 12);
  });

  it('puts key results on no scorecard of their own: the goal’s owner is scored on the goal once', () => {
    const { analysis } = analyze([
      ['ID', 'Goal', 'Owner', 'Weight', 'KR1', 'KR1 Progress', 'KR2', 'KR2 Progress'],
      ['G-1', 'Grow pipeline', 'Ana', '100%', 'Pipeline', '0.4', 'Win rate', '0.8'],
    ]);
    expect(analysis.cards.map((c) => [c.owner, c.goalCount])).toEqual([['Ana', 1]]);
    expect(analysis.cards[0].score).toBeCloseTo(0.6, 12);
    expect(analysis.issues.map((i) => i.code)).not.toContain('missing-owner');
    expect(analysis.issues.map((i) => i.code)).not.toContain('missing-weight');
  });
});
