// Efficiency from Budget/Spend columns: spend rolled up the tree, pipeline or revenue per dollar, and outcomes with spend but no return.
import { describe, expect, it } from 'vitest';
import { isMoneyGoal } from '../../src/core/efficiency';
import type { CellValue } from '../../src/core/model';
import { analyzeWorkbook } from '../../src/core/workbook';
import { makeGoal } from '../support/goals';

const HEADER = [
  'ID',
  'Goal',
  'Owner',
  'Parent',
  'Type',
  'Metric',
  'Unit',
  'Target',
  'Actual',
  'Budget',
  'Spend',
];

function analyze(...rows: CellValue[][]) {
  const a = analyzeWorkbook([{ name: 'Goals', grid: [HEADER, ...rows] }]);
  const at = (id: string) => a.goals.findIndex((g) => g.id === id);
  return {
    a,
    spend: (id: string) => a.efficiency?.spend(at(id)) ?? null,
    perDollar: (id: string) => a.efficiency?.perDollar(at(id)) ?? null,
  };
}

describe('spend and return per dollar', () => {
  const { a, spend, perDollar } = analyze(
    ['CMO-1', 'Grow pipeline', 'Ann', '', 'Outcome', 'Pipeline', '$', 3_000_000, 2_000_000, '', ''],
    [
      'DG-1',
      'Source pipeline from events',
      'Bob',
      'CMO-1',
      'Outcome',
      'Pipeline',
      '$',
      1_000_000,
      800_000,
      120_000,
      100_000,
    ],
    ['DG-2', 'Run webinars', 'Bob', 'CMO-1', 'Activity', 'Webinars run', 'count', 10, 8, 50_000, ''],
    ['DG-3', 'Nurture', 'Bob', 'DG-1', 'Activity', 'Emails', 'count', 10, 8, '', 25_000],
    ['CMO-2', 'Brand lift', 'Ann', '', 'Outcome', 'Aided awareness', '%', 0.3, 0.25, '', ''],
  );

  it.each<[string, string, number | null, number | null]>([
    [
      'a parent counts everything spent below it; Budget stands in where Spend is blank',
      'CMO-1',
      100_000 + 50_000 + 25_000,
      2_000_000 / 175_000,
    ],
    ['own spend plus its children’s', 'DG-1', 125_000, 800_000 / 125_000],
    ['a count goal has spend but no return per dollar', 'DG-2', 50_000, null],
    ['a leaf', 'DG-3', 25_000, null],
    ['no spend anywhere below', 'CMO-2', null, null],
  ])('%s (%s)', (_name, id, dollars, ratio) => {
    expect(spend(id)).toBe(dollars);
    if (ratio === null) expect(perDollar(id)).toBeNull();
    else expect(perDollar(id)).toBeCloseTo(ratio, 12);
  });

  it('raises no warning when every top outcome with spend measures its return', () => {
    expect(a.issues.filter((i) => i.code === 'no-measured-return')).toEqual([]);
  });
});

describe('no-measured-return', () => {
  it.each<[string, CellValue[], 'unmeasured' | 'not-money' | null]>([
    [
      'a pipeline outcome not measured yet',
      ['T', 'Grow pipeline', 'Ann', '', 'Outcome', 'Pipeline', '$', 100, '', '', ''],
      'unmeasured',
    ],
    [
      'an NPS outcome: spend with no pipeline or revenue',
      ['T', 'Delight customers', 'Ann', '', 'Outcome', 'NPS', 'score', 50, 40, '', ''],
      'not-money',
    ],
    [
      'a measured revenue outcome',
      ['T', 'Grow revenue', 'Ann', '', 'Outcome', 'Revenue', '', 100, 90, '', ''],
      null,
    ],
    [
      'an unclassified top goal is not judged here',
      ['T', 'Something', 'Ann', '', '', 'Stuff', 'count', 100, '', '', ''],
      null,
    ],
  ])('%s', (_name, top, why) => {
    const { a } = analyze(top, [
      'C',
      'Spend on it',
      'Bob',
      'T',
      'Activity',
      'Campaigns',
      'count',
      4,
      3,
      '',
      10_000,
    ]);
    const found = a.issues.filter((i) => i.code === 'no-measured-return');
    if (why === null) expect(found).toEqual([]);
    else
      expect(found).toEqual([
        expect.objectContaining({ goalId: 'T', severity: 'warning', column: 'Actual', spend: 10_000, why }),
      ]);
  });

  it('a top outcome with no spend below it is not judged', () => {
    const { a } = analyze(['T', 'Grow pipeline', 'Ann', '', 'Outcome', 'Pipeline', '$', 100, '', '', '']);
    expect(a.issues.filter((i) => i.code === 'no-measured-return')).toEqual([]);
    expect(a.efficiency).toBeNull();
  });

  it('unreadable spend is reported, never a zero', () => {
    const { a } = analyze(['T', 'Grow pipeline', 'Ann', '', 'Outcome', 'Pipeline', '$', 100, 50, '', 'lots']);
    expect(a.issues.filter((i) => i.code === 'not-a-number').map((i) => i.column)).toEqual(['Spend']);
  });
});

describe('isMoneyGoal: pipeline or revenue, or a currency unit', () => {
  it.each<[string, Partial<Parameters<typeof makeGoal>[0]>, boolean]>([
    ['unit $', { unit: '$' }, true],
    ['unit USD', { unit: 'usd' }, true],
    ['unit $M', { unit: '$M' }, true],
    ['unit €k', { unit: '€k' }, true],
    ['metric pipeline', { metric: 'Sourced pipeline' }, true],
    ['title revenue', { title: 'Grow net revenue' }, true],
    ['bookings', { metric: 'New bookings' }, true],
    ['a count', { unit: 'count', metric: 'Webinars' }, false],
    ['a percent', { unit: '%', metric: 'Win rate' }, false],
  ])('%s', (_name, spec, money) => {
    expect(isMoneyGoal(makeGoal({ id: 'X', ...spec }))).toBe(money);
  });
});

describe('a goal shared by several parents', () => {
  // DG-1 sits 60% under CMO-1 and 40% under CMO-2: its spend is split the same way, so no dollar counts twice.
  const { a, spend } = analyze(
    ['CMO-1', 'Grow pipeline', 'Ann', '', 'Outcome', 'Pipeline', '$', 3_000_000, 2_000_000, '', ''],
    ['CMO-2', 'Grow revenue', 'Ann', '', 'Outcome', 'Revenue', '$', 1_000_000, '', '', ''],
    ['DG-1', 'Events', 'Bob', 'CMO-1 60%; CMO-2 40%', 'Activity', 'Events run', 'count', 10, 8, '', 100_000],
    ['DG-2', 'Nurture', 'Bob', 'DG-1', 'Activity', 'Emails', 'count', 10, 8, '', 20_000],
  );

  it.each<[string, number]>([
    ['DG-1', 120_000],
    ['CMO-1', 72_000],
    ['CMO-2', 48_000],
  ])('%s', (id, dollars) => {
    expect(spend(id)).toBeCloseTo(dollars, 6);
  });

  it('the top outcomes together count the spend once', () => {
    expect((spend('CMO-1') ?? 0) + (spend('CMO-2') ?? 0)).toBeCloseTo(120_000, 6);
  });

  it('a second parent with its part of the spend and no Actual is warned about', () => {
    expect(a.issues.filter((i) => i.code === 'no-measured-return')).toEqual([
      expect.objectContaining({ goalId: 'CMO-2', why: 'unmeasured', spend: expect.closeTo(48_000, 6) }),
    ]);
  });
});
