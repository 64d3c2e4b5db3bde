// Pins how goals link: IDs across tabs, duplicates, unknown parents, self-links, cycles, order and depth.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Links } from '../../src/core/graph';
import { linkGoals, pathOf } from '../../src/core/graph';
import type { Goal } from '../../src/core/model';
import { type GoalSpec, makeGoal } from '../support/goals';

/** A parsed goal; key and parentKey follow id and parent as the parser would make them. */
const goal = (spec: GoalSpec, index = 0): Goal => makeGoal(spec, index, { columns: { id: 1, parent: 3 } });
const goals = (...specs: GoalSpec[]): Goal[] => specs.map((s, i) => goal(s, i));

/** Goals from [ID, parent ID] pairs (an array: spreading 100,000 arguments would overflow the stack). */
const fromPairs = (pairs: [string, string][]): Goal[] =>
  pairs.map(([id, parent], i) => goal({ id, parent }, i));
const tree = (...pairs: [string, string][]): Goal[] => fromPairs(pairs);

const codes = (links: Links) => links.issues.map((i) => [i.goalId, i.code]);

/** Checks the invariants every Links must hold. */
function checkInvariants(links: Links, n: number): void {
  const position = new Int32Array(n).fill(-1);
  links.order.forEach((g, k) => {
    position[g] = k;
  });
  for (let i = 0; i < n; i++) {
    expect(position[i] === -1).toBe(links.onCycle[i] === 1);
    const p = links.parentOf[i];
    if (!links.onCycle[i] && p !== -1 && !links.onCycle[p]) expect(position[p]).toBeLessThan(position[i]);
    expect(links.depth[i]).toBe(pathOf(i, links).length - 1);
    if (p !== -1) expect(links.children[p]).toContain(i);
  }
  for (const kids of links.children)
    for (let k = 1; k < kids.length; k++) expect(kids[k]).toBeGreaterThan(kids[k - 1]);
}

describe('links', () => {
  it('links parents on any tab, children in workbook order, parents before children', () => {
    const gs = goals(
      { id: 'C1', parent: 'B', tab: 'Team' },
      { id: 'A' },
      { id: 'B', parent: 'a', tab: 'Org' },
      { id: 'C2', parent: 'b', tab: 'Team' },
      { id: 'D', parent: 'C2' },
    );
    const links = linkGoals(gs);
    expect(links.issues).toEqual([]);
    expect([...links.parentOf]).toEqual([2, -1, 1, 2, 3]);
    expect(links.children).toEqual([[], [2], [0, 3], [4], []]);
    expect([...links.depth]).toEqual([2, 0, 1, 2, 3]);
    expect(links.order).toEqual([1, 2, 0, 3, 4]);
    expect([...links.onCycle]).toEqual([0, 0, 0, 0, 0]);
    expect(pathOf(4, links)).toEqual([1, 2, 3, 4]);
    expect(pathOf(1, links)).toEqual([1]);
    checkInvariants(links, gs.length);
  });

  it.each([
    ['any case', 'Rev-1', 'REV-1'],
    ['letters beyond ASCII', 'Ärger-1', 'äRGER-1'],
    ['the Kelvin sign', 'K-1', '\u212A-1'],
  ])('a goal naming its own ID in %s is a self-link', (_label, id, parent) => {
    const links = linkGoals(goals({ id, parent }));
    expect(links.issues.map((issue) => issue.code)).toEqual(['self-parent']);
    expect(links.parentOf[0]).toBe(-1);
  });

  it('compares IDs by key: trimmed and case-insensitive', () => {
    const gs = goals({ id: ' Rev-1 ' }, { id: 'x', parent: 'REV-1 ' });
    const links = linkGoals(gs);
    expect(links.indexByKey.get('rev-1')).toBe(0);
    expect(links.parentOf[1]).toBe(0);
  });

  it('a blank parent makes a top-level goal', () => {
    const links = linkGoals(tree(['A', ''], ['B', '']));
    expect([...links.parentOf]).toEqual([-1, -1]);
    expect(links.order).toEqual([0, 1]);
    expect(links.issues).toEqual([]);
  });

  it('handles no goals', () => {
    const links = linkGoals([]);
    expect(links.order).toEqual([]);
    expect(links.issues).toEqual([]);
  });
});

describe('duplicate IDs', () => {
  it('the first occurrence owns the ID; each later one is an error pointing at the first', () => {
    const gs = goals(
      { id: 'T' },
      { id: 'A', tab: 'Sales', row: 4 },
      { id: 'a', parent: 'T', tab: 'Ops', row: 9 },
      { id: 'A', tab: 'HR', row: 3 },
      { id: 'kid', parent: 'A' },
    );
    const links = linkGoals(gs);
    expect(links.issues).toEqual([
      expect.objectContaining({
        code: 'duplicate-id',
        severity: 'error',
        tab: 'Ops',
        row: 9,
        col: 1,
        column: 'ID',
      }),
      expect.objectContaining({ code: 'duplicate-id', tab: 'HR', row: 3, otherTab: 'Sales', otherRow: 4 }),
    ]);
    expect(links.issues[0]).toMatchObject({ otherTab: 'Sales', otherRow: 4, goalId: 'a' });
    expect(links.indexByKey.get('a')).toBe(1);
    // Children naming the ID hang under the first; the duplicate keeps its own parent.
    expect(links.parentOf[4]).toBe(1);
    expect(links.parentOf[2]).toBe(0);
    expect(links.children[3]).toEqual([]);
    checkInvariants(links, gs.length);
  });

  it('a duplicate naming its own ID is a self-link', () => {
    const links = linkGoals(tree(['A', ''], ['A', 'A']));
    expect(codes(links)).toEqual([
      ['A', 'duplicate-id'],
      ['A', 'self-parent'],
    ]);
    expect(links.parentOf[1]).toBe(-1);
  });

  it('goals without an ID can have a parent but cannot be one', () => {
    const links = linkGoals(goals({ id: 'A' }, { id: '', parent: 'A' }, { id: 'B', parent: '' }));
    expect(links.parentOf[1]).toBe(0);
    expect(links.indexByKey.has('')).toBe(false);
    expect(links.issues).toEqual([]);
  });
});

describe('parent errors', () => {
  it('an unknown parent is an error and the goal is treated as top-level', () => {
    const gs = goals({ id: 'A' }, { id: 'B', parent: 'Nope ' }, { id: 'C', parent: 'B' });
    gs[1].parent = 'Nope';
    const links = linkGoals(gs);
    expect(links.issues).toEqual([
      {
        code: 'unknown-parent',
        severity: 'error',
        parent: 'Nope',
        tab: 'Goals',
        row: 3,
        col: 3,
        column: 'Parent',
        goalId: 'B',
      },
    ]);
    expect(links.parentOf[1]).toBe(-1);
    expect(links.depth[1]).toBe(0);
    expect(links.depth[2]).toBe(1);
    expect(links.order).toEqual([0, 1, 2]);
  });

  it('a goal naming itself is an error and the goal is treated as top-level', () => {
    const links = linkGoals(tree(['A', 'a'], ['B', 'A']));
    expect(links.issues).toEqual([
      expect.objectContaining({ code: 'self-parent', goalId: 'A', column: 'Parent' }),
    ]);
    expect(links.onCycle[0]).toBe(0);
    expect(links.parentOf[0]).toBe(-1);
    expect(links.order).toEqual([0, 1]);
  });

  it('points at column 0 when the goal has no Parent column', () => {
    const links = linkGoals(goals({ id: 'A', parent: 'X', columns: {} }));
    expect(links.issues[0].col).toBe(0);
  });
});

describe('cycles', () => {
  it.each([
    {
      name: '2-cycle',
      goals: tree(
        ['Top', ''],
        ['A', 'B'],
        ['B', 'A'],
        ['Under A', 'A'],
        ['Deeper', 'Under A'],
        ['Other', 'Top'],
      ),
      cycle: [1, 2],
      ids: ['A', 'B'],
    },
    {
      name: '3-cycle, listed from the first in the workbook',
      goals: tree(['Under C', 'C'], ['C', 'A'], ['A', 'B'], ['B', 'C'], ['Top', ''], ['Kid', 'Top']),
      cycle: [1, 2, 3],
      ids: ['C', 'A', 'B'],
    },
    {
      name: 'a tail running into a cycle',
      goals: tree(['Tail', 'B'], ['B', 'C'], ['C', 'B']),
      cycle: [1, 2],
      ids: ['B', 'C'],
    },
  ])('$name: one issue per member, in parent order; everything else ordered', ({ goals: gs, cycle, ids }) => {
    const links = linkGoals(gs);
    const members = gs.map((_, i) => i).filter((i) => links.onCycle[i]);
    expect(members).toEqual(cycle);
    expect(links.issues).toEqual(
      cycle.map((i) =>
        expect.objectContaining({ code: 'cycle', severity: 'error', goalId: gs[i].id, cycle: ids }),
      ),
    );
    expect([...links.order].sort((a, b) => a - b)).toEqual(
      gs.map((_, i) => i).filter((i) => !cycle.includes(i)),
    );
    checkInvariants(links, gs.length);
  });

  it('depth below a cycle counts from the member it hangs off (member 0, its child 1)', () => {
    const gs = tree(['A', 'B'], ['B', 'A'], ['Under A', 'A'], ['Deeper', 'Under A']);
    const links = linkGoals(gs);
    expect([...links.depth]).toEqual([0, 0, 1, 2]);
    expect(pathOf(3, links)).toEqual([0, 2, 3]);
    expect(pathOf(0, links)).toEqual([0]);
    expect(links.order).toEqual([2, 3]);
    expect(links.parentOf[0]).toBe(1);
    expect(links.children[0]).toEqual([1, 2]);
  });

  it('finds several separate cycles', () => {
    const links = linkGoals(tree(['A', 'B'], ['B', 'A'], ['C', 'D'], ['D', 'E'], ['E', 'C'], ['F', '']));
    expect([...links.onCycle]).toEqual([1, 1, 1, 1, 1, 0]);
    expect(links.issues.map((i) => i.code === 'cycle' && i.cycle)).toEqual([
      ['A', 'B'],
      ['A', 'B'],
      ['C', 'D', 'E'],
      ['C', 'D', 'E'],
      ['C', 'D', 'E'],
    ]);
  });

  it('matches a brute-force cycle search on random parent links', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1, max: 11 }), { minLength: 1, maxLength: 12 }), (parents) => {
        const gs = fromPairs(
          parents.map((p, i): [string, string] => [`g${i}`, p < 0 || p >= parents.length ? '' : `g${p}`]),
        );
        const links = linkGoals(gs);
        for (let i = 0; i < gs.length; i++) {
          // On a cycle iff walking up n steps from the goal's parent can return to it.
          let at = links.parentOf[i];
          let back = false;
          for (let step = 0; step < gs.length && at !== -1; step++, at = links.parentOf[at])
            if (at === i) back = true;
          expect(links.onCycle[i] === 1).toBe(back);
        }
        checkInvariants(links, gs.length);
      }),
    );
  });
});

describe('scale, without recursion', () => {
  it('links a 10,000-deep chain listed bottom-up', () => {
    const n = 10_000;
    // Goal i's parent is goal i + 1, so the top is the last goal in the workbook.
    const gs = fromPairs(
      Array.from({ length: n }, (_, i): [string, string] => [`g${i}`, i + 1 < n ? `g${i + 1}` : '']),
    );
    const links = linkGoals(gs);
    expect(links.issues).toEqual([]);
    expect(links.order[0]).toBe(n - 1);
    expect(links.order[n - 1]).toBe(0);
    expect(links.depth[0]).toBe(n - 1);
    expect(pathOf(0, links)).toHaveLength(n);
  });

  it('finds a 10,000-long cycle with one shared list of IDs', () => {
    const n = 10_000;
    const gs = fromPairs(Array.from({ length: n }, (_, i): [string, string] => [`g${i}`, `g${(i + 1) % n}`]));
    const links = linkGoals(gs);
    expect(links.order).toEqual([]);
    expect(links.issues).toHaveLength(n);
    const first = links.issues[0];
    const last = links.issues[n - 1];
    expect(first.code === 'cycle' && last.code === 'cycle' && first.cycle === last.cycle).toBe(true);
    expect(first.code === 'cycle' && first.cycle.slice(0, 3)).toEqual(['g0', 'g1', 'g2']);
  });

  it('links a 100,000-wide star', () => {
    const n = 100_000;
    const gs = fromPairs([
      ['Top', ''],
      ...Array.from({ length: n }, (_, i): [string, string] => [`k${i}`, 'top']),
    ]);
    const links = linkGoals(gs);
    expect(links.children[0]).toHaveLength(n);
    expect(links.children[0][n - 1]).toBe(n);
    expect(links.order).toHaveLength(n + 1);
    expect(links.depth[n]).toBe(1);
  });
});

describe('shared goals: several parents with shares', () => {
  /** Every goal's parents over every kept link. */
  const parentsOf = (links: Links, i: number): readonly number[] =>
    links.shared === null
      ? links.parentOf[i] === -1
        ? []
        : [links.parentOf[i]]
      : links.shared.parentsOf(i, links.parentOf);

  /** The order is topological over every link: a goal after all its parents off cycles; each goal once. */
  function checkSharedInvariants(links: Links, n: number): void {
    const position = new Int32Array(n).fill(-1);
    links.order.forEach((g, k) => {
      expect(position[g]).toBe(-1);
      position[g] = k;
    });
    for (let i = 0; i < n; i++) {
      expect(position[i] === -1).toBe(links.onCycle[i] === 1);
      if (links.onCycle[i]) continue;
      for (const p of parentsOf(links, i)) {
        expect(links.children[p]).toContain(i);
        if (!links.onCycle[p]) expect(position[p]).toBeLessThan(position[i]);
      }
    }
    for (const [, { shares }] of links.shared?.byGoal ?? []) {
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  }

  it('a goal under two parents is a child of each, with its shares; the first parent is its primary', () => {
    const links = linkGoals(
      tree(['CMO-1', ''], ['CMO-2', ''], ['DG-1', 'CMO-1 60%; CMO-2 40%'], ['DG-2', 'DG-1']),
    );
    expect(links.issues).toEqual([]);
    expect(links.parentOf[2]).toBe(0);
    expect(links.children[0]).toEqual([2]);
    expect(links.children[1]).toEqual([2]);
    expect(links.shared?.byGoal.get(2)).toEqual({ parents: [0, 1], shares: [0.6, 0.4] });
    expect(links.shared?.shareOf(1, 2)).toBeCloseTo(0.4);
    expect(links.shared?.shareOf(2, 3)).toBe(1);
    expect([...links.depth]).toEqual([0, 0, 1, 2]);
    checkSharedInvariants(links, 4);
  });

  it('a workbook without shared goals has none: single parents pay nothing for the feature', () => {
    expect(linkGoals(tree(['A', ''], ['B', 'A'])).shared).toBeNull();
    expect(linkGoals(tree(['A', ''], ['B', ''], ['C', 'A, B'])).shared).toBeNull();
  });

  it('the goal comes after every parent in the order, even a parent listed below it', () => {
    const links = linkGoals(tree(['Shared', 'Top; Low'], ['Top', ''], ['Mid', 'Top'], ['Low', 'Mid']));
    expect(links.order).toEqual([1, 2, 3, 0]);
    expect(links.depth[0]).toBe(1);
    checkSharedInvariants(links, 4);
  });

  it.each<[string, string, [string, string][]]>([
    ['shares not adding up to 100% are scaled, with a warning', 'A 60%; B 60%', [['S', 'parent-shares']]],
    ['an unknown part is an error; the rest still link', 'A 60%; Nope 40%', [['S', 'unknown-parent']]],
    ['the goal itself among its parents is an error', 'A; S', [['S', 'self-parent']]],
    ['a parent named twice counts once', 'A; a', []],
    ['plain commas keep the first parent, with a warning', 'A, B', [['S', 'several-parents']]],
  ])('%s', (_name, parent, expected) => {
    const links = linkGoals(tree(['A', ''], ['B', ''], ['S', parent]));
    expect(codes(links)).toEqual(expected);
    expect(links.parentOf[2]).toBe(0);
    checkSharedInvariants(links, 3);
  });

  it('an unknown part is named in its issue', () => {
    const links = linkGoals(tree(['A', ''], ['S', 'A 60%; Nope 40%']));
    expect(links.issues[0]).toMatchObject({ code: 'unknown-parent', parent: 'Nope', column: 'Parent' });
    expect(links.shared).toBeNull();
  });

  it('a second parent that closes a loop is dropped with a cycle issue; the rest rolls on', () => {
    // B trees up to A (its first parent); A's second parent is B: the loop A › B › A runs through that link.
    const links = linkGoals(tree(['Top', ''], ['A', 'Top; B'], ['B', 'A'], ['C', 'B']));
    expect(codes(links)).toEqual([['A', 'cycle']]);
    expect(links.issues[0]).toMatchObject({ cycle: ['A', 'B'] });
    expect(links.shared).toBeNull();
    expect(links.children[2]).toEqual([3]);
    expect(links.order).toEqual([0, 1, 2, 3]);
    checkSharedInvariants(links, 4);
  });

  it('keeps a consistent order on random links of several parents', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 3 }), {
              minLength: n,
              maxLength: n,
            }),
          ),
        ),
        ([n, parentLists]) => {
          const gs = fromPairs(
            parentLists.map((ps, i): [string, string] => [`g${i}`, ps.map((p) => `g${p}`).join('; ')]),
          );
          const links = linkGoals(gs);
          checkSharedInvariants(links, n);
        },
      ),
    );
  });
});
