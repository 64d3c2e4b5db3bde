// Shared goals: co-owners written "Ann; Bob" count the goal on each of their scorecards, with full credit or split per Settings.
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/model';
import { coOwners } from '../../src/core/owners';
import { analyzeWorkbook, type TabInput } from '../../src/core/workbook';

const HEADER = ['ID', 'Goal', 'Owner', 'Type', 'Target', 'Actual', 'Weight', 'Period'];

function analyze(shared: string, sharing: string | null, ...more: CellValue[][]) {
  const tabs: TabInput[] = [
    {
      name: 'Goals',
      grid: [
        HEADER,
        ['A', 'Ann’s own', 'Ann', 'Outcome', 100, 100, 0.5, 'FY2026'],
        ['B', 'Bob’s own', 'Bob', 'Outcome', 100, 100, 0.5, 'FY2026'],
        ['S', 'Shared', shared, 'Outcome', 100, 80, 0.5, 'FY2026'],
        ...more,
      ],
    },
  ];
  if (sharing !== null) tabs.push({ name: 'Settings', grid: [['Shared goals', sharing]] });
  return analyzeWorkbook(tabs);
}
const score = (a: ReturnType<typeof analyze>, owner: string) =>
  a.cards.find((c) => c.owner === owner)?.score ?? null;

describe('coOwners', () => {
  it.each<[string, { name: string; share: number | null }[] | null]>([
    ['Ann', null],
    ['Ann, Bob', null],
    [
      'Ann; Bob',
      [
        { name: 'Ann', share: null },
        { name: 'Bob', share: null },
      ],
    ],
    [
      'Ann 60%; Bob 40%',
      [
        { name: 'Ann', share: 0.6 },
        { name: 'Bob', share: 0.4 },
      ],
    ],
    [
      'Ann\nBob',
      [
        { name: 'Ann', share: null },
        { name: 'Bob', share: null },
      ],
    ],
    [' ; Ann ; ', null],
  ])('%j', (text, expected) => {
    expect(coOwners(text)).toEqual(expected);
  });
});

describe('co-owned goals on scorecards', () => {
  it('full credit (the default): the goal counts whole on each co-owner’s card, and no phantom card', () => {
    const a = analyze('Ann; Bob', null);
    expect(a.cards.map((c) => [c.owner, c.goalCount])).toEqual([
      ['Ann', 2],
      ['Bob', 2],
    ]);
    expect(score(a, 'Ann')).toBeCloseTo(0.9, 12);
    expect(score(a, 'Bob')).toBeCloseTo(0.9, 12);
    expect(a.issues.filter((i) => i.code === 'several-owners')).toEqual([]);
  });

  it('split: each co-owner counts an equal share of the goal’s attainment', () => {
    const a = analyze('Ann; Bob', 'split');
    expect(score(a, 'Ann')).toBeCloseTo((0.5 * 1 + 0.5 * 0.4) / 1, 12);
    expect(score(a, 'Bob')).toBeCloseTo((0.5 * 1 + 0.5 * 0.4) / 1, 12);
  });

  it('split with shares written in the cell', () => {
    const a = analyze('Ann 75%; Bob 25%', 'split');
    expect(score(a, 'Ann')).toBeCloseTo(0.5 * 1 + 0.5 * 0.8 * 0.75, 12);
    expect(score(a, 'Bob')).toBeCloseTo(0.5 * 1 + 0.5 * 0.8 * 0.25, 12);
  });

  it('a co-owner with no goal of their own gets a card of their own', () => {
    const a = analyze('Ann; Cy', null);
    expect(a.cards.map((c) => c.owner)).toEqual(['Ann', 'Bob', 'Cy']);
    expect(score(a, 'Cy')).toBeCloseTo(0.8, 12);
  });

  it('a Settings value other than full or split is a bad-setting, and full applies', () => {
    const a = analyze('Ann; Bob', 'halves');
    expect(a.issues.filter((i) => i.code === 'bad-setting')).toHaveLength(1);
    expect(score(a, 'Ann')).toBeCloseTo(0.9, 12);
  });
});
