// Pins the reading order of the cascade and the path texts: whole when short, abbreviated when long, linear for any depth.
import { describe, expect, it } from 'vitest';
import { linkGoals } from '../../src/core/graph';
import { everyPathText, MAX_PATHS, pathTexts, treeOrder } from '../../src/core/tree';
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

describe('everyPathText: each path of a goal shared by several parents', () => {
  const every = (pairs: [string, string][]): string[] => {
    const { goals, links } = linked(pairs);
    const text = everyPathText(
      links,
      goals.map((g) => g.id),
    );
    return goals.map((_, i) => text(i));
  };

  it.each<[string, [string, string][], string[]]>([
    [
      'no shared goal: the one path, as pathTexts writes it',
      [
        ['A', ''],
        ['B', 'A'],
      ],
      ['A', 'A › B'],
    ],
    [
      'a shared goal and the goals below it: one path per parent, one per line, first parent first',
      [
        ['CMO-1', ''],
        ['CMO-2', ''],
        ['DG-2', 'CMO-2 40%; CMO-1 60%'],
        ['DG-7', 'DG-2'],
        ['Other', 'CMO-1'],
      ],
      [
        'CMO-1',
        'CMO-2',
        'CMO-2 › DG-2\nCMO-1 › DG-2',
        'CMO-2 › DG-2 › DG-7\nCMO-1 › DG-2 › DG-7',
        'CMO-1 › Other',
      ],
    ],
    [
      'shared twice up the tree: every combination',
      [
        ['A', ''],
        ['B', ''],
        ['M', 'A; B'],
        ['N', ''],
        ['S', 'M; N'],
      ],
      ['A', 'B', 'A › M\nB › M', 'N', 'A › M › S\nB › M › S\nN › S'],
    ],
  ])('%s', (_name, pairs, expected) => {
    expect(every(pairs)).toEqual(expected);
  });

  it(`lists at most ${MAX_PATHS} paths, then says there are more`, () => {
    // Each level shared by two parents doubles the paths: 2^5 = 32 paths to the bottom.
    const pairs: [string, string][] = [
      ['L0a', ''],
      ['L0b', ''],
    ];
    for (let level = 1; level <= 5; level++) {
      pairs.push(
        [`L${level}a`, `L${level - 1}a; L${level - 1}b`],
        [`L${level}b`, `L${level - 1}a; L${level - 1}b`],
      );
    }
    const lines = every(pairs).at(-1)!.split('\n');
    expect(lines).toHaveLength(MAX_PATHS + 1);
    expect(lines.at(-1)).toBe('… and more paths');
    expect(lines[0]).toBe('L0a › L1a › L2a › L3a › L4a › L5b');
  });

  it('abbreviates each long path and stays linear below a shared goal on a 10,000-deep chain', () => {
    const n = 10_000;
    const pairs: [string, string][] = [
      ['Top', ''],
      ['Side', ''],
      ['C0', 'Top; Side'],
      ...Array.from({ length: n - 1 }, (_, i): [string, string] => [`C${i + 1}`, `C${i}`]),
    ];
    const texts = every(pairs);
    expect(texts.at(-1)).toBe(
      `Top › C0 › C1 › … ${(n + 1 - 6).toLocaleString('en-US')} more › C9997 › C9998 › C9999\nSide › C0 › C1 › … ${(n + 1 - 6).toLocaleString('en-US')} more › C9997 › C9998 › C9999`,
    );
  });

  it('treeOrder lists a shared goal once, under its first parent', () => {
    const { links } = linked([
      ['P1', ''],
      ['P2', ''],
      ['S', 'P2; P1'],
      ['K', 'S'],
    ]);
    expect(treeOrder(links)).toEqual([0, 1, 2, 3]);
  });
});
