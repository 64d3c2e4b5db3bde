// Pins the reading order of the cascade and the path texts: whole when short, abbreviated when long, linear for any depth.
import { describe, expect, it } from 'vitest';
import { linkGoals } from '../../src/core/graph';
import { pathTexts, treeOrder } from '../../src/core/tree';
import { makeGoal } from '../support/goals';

/** Goals from [id, parent] pairs, in workbook order. */
const linked = (pairs: [string, string][]) => {
  const goals = pairs.map(([id, parent], i) => makeGoal({ id, parent }, i));
  return { goals, links: linkGoals(goals) };
};

const paths = (pairs: [string, string][]): string[] => {
  const { goals, links } = linked(pairs);
  const text = pathTexts(
    links,
    goals.map((g) => g.id),
  );
  return goals.map((_, i) => text(i));
};

const chain = (n: number): [string, string][] =>
  Array.from({ length: n }, (_, i) => [`C${i}`, i ? `C${i - 1}` : '']);
const loop = (n: number): [string, string][] =>
  Array.from({ length: n }, (_, i) => [`L${i}`, `L${(i + 1) % n}`]);

describe('pathTexts', () => {
  it.each<[string, [string, string][], string[]]>([
    [
      'a tree, across the order of rows',
      [
        ['B', 'A'],
        ['A', ''],
        ['C', 'B'],
      ],
      ['A › B', 'A', 'A › B › C'],
    ],
    [
      'an unknown parent starts a path',
      [
        ['A', 'nope'],
        ['B', 'A'],
      ],
      ['A', 'A › B'],
    ],
    ['a self-parent starts a path', [['A', 'A']], ['A']],
    [
      'a loop of two, each read from the other',
      [
        ['X', 'Y'],
        ['Y', 'X'],
      ],
      ['Y › X', 'X › Y'],
    ],
    [
      'a goal under a loop',
      [
        ['X', 'Y'],
        ['Y', 'X'],
        ['K', 'X'],
      ],
      ['Y › X', 'X › Y', 'Y › X › K'],
    ],
    [
      'a chain of 12 is whole',
      chain(12),
      chain(12).map((_, i) => Array.from({ length: i + 1 }, (_, k) => `C${k}`).join(' › ')),
    ],
  ])('%s', (_name, pairs, expected) => {
    expect(paths(pairs)).toEqual(expected);
  });

  it('abbreviates a path longer than 12: its first and last three, and the count between', () => {
    const texts = paths(chain(10_000));
    expect(texts[12]).toBe('C0 › C1 › C2 › … 7 more › C10 › C11 › C12');
    expect(texts[9999]).toBe('C0 › C1 › C2 › … 9,994 more › C9997 › C9998 › C9999');
  });

  it('reads a long loop from each member, and a goal hanging under it', () => {
    const pairs = [...loop(100), ['K', 'L5'] as [string, string]];
    const texts = paths(pairs);
    expect(texts[0]).toBe('L99 › L98 › L97 › … 94 more › L2 › L1 › L0');
    expect(texts[5]).toBe('L4 › L3 › L2 › … 94 more › L7 › L6 › L5');
    expect(texts[100]).toBe('L4 › L3 › L2 › … 95 more › L6 › L5 › K');
  });

  it('quotes a long ID briefly', () => {
    expect(
      paths([
        ['a'.repeat(300), ''],
        ['B', 'a'.repeat(300)],
      ])[1],
    ).toBe(`${'a'.repeat(100)}… (300 characters) › B`);
  });
});

describe('treeOrder', () => {
  it('puts each goal before its subtree, tops first, cycle members last', () => {
    const { links } = linked([
      ['X', 'Y'],
      ['B', 'A'],
      ['Y', 'X'],
      ['A', ''],
      ['K', 'X'],
      ['C', 'A'],
    ]);
    expect(treeOrder(links)).toEqual([3, 1, 5, 4, 0, 2]);
  });
});
