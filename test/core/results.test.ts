// Pins the cascade's results held by field: NaN as null, status codes, at(i) as the GoalResult shape, lazy paths, JSON.
import { describe, expect, it } from 'vitest';
import { finalOf } from '../../src/core/attain';
import { cascade } from '../../src/core/cascade';
import { linkGoals } from '../../src/core/graph';
import { DEFAULT_SETTINGS, type GoalResult, STATUSES, type Status } from '../../src/core/model';
import {
  columnResults,
  gapOf,
  NO_ELAPSED,
  type ResultColumns,
  type ResultLinks,
  STATUS_CODE,
} from '../../src/core/results';
import { makeGoal } from '../support/goals';

/** Columns of n goals: nothing measured or rolled up, every status 'not measured', no date, unless `over` says otherwise. */
function columns(n: number, over: Partial<ResultColumns> = {}): ResultColumns {
  return {
    measured: new Float64Array(n).fill(Number.NaN),
    rolledUp: new Float64Array(n).fill(Number.NaN),
    status: new Uint8Array(n).fill(STATUS_CODE['not measured']),
    gapThreshold: 0.2,
    elapsedOf: NO_ELAPSED,
    ...over,
  };
}

/** elapsedOf from a list of shares. */
const shares =
  (list: readonly (number | null)[]) =>
  (i: number): number | null =>
    list[i];

/** Links of n top-level goals with no children, unless `over` says otherwise. */
function links(n: number, over: Partial<ResultLinks> = {}): ResultLinks {
  return {
    parentOf: new Int32Array(n).fill(-1),
    children: Array.from({ length: n }, () => []),
    onCycle: new Uint8Array(n),
    depth: new Int32Array(n),
    ...over,
  };
}

/** A chain 0 <- 1 <- 2 (each the parent of the next), then 3 and 4 on a 2-cycle, then 5 hanging below 4. */
function chainAndCycle(): ResultLinks {
  return links(6, {
    parentOf: Int32Array.from([-1, 0, 1, 4, 3, 4]),
    children: [[1], [2], [], [4], [3, 5], []],
    onCycle: Uint8Array.from([0, 0, 0, 1, 1, 0]),
    depth: Int32Array.from([0, 1, 2, 0, 0, 1]),
  });
}

/** What the arrays store for null. */
const NONE = Number.NaN;

describe('stored numbers: NaN in the arrays is null out of them', () => {
  const FIELDS = ['measured', 'rolledUp'] as const;

  it.each([
    { stored: NONE, read: null },
    { stored: 0, read: 0 },
    { stored: -0, read: -0 },
    { stored: 0.75, read: 0.75 },
    { stored: 1.5, read: 1.5 },
    { stored: -0.05, read: -0.05 },
    { stored: Number.MAX_VALUE, read: Number.MAX_VALUE },
    { stored: Number.POSITIVE_INFINITY, read: Number.POSITIVE_INFINITY },
  ])('$stored reads as $read in every stored field', ({ stored, read }) => {
    for (const field of FIELDS) {
      const cols = columns(2);
      cols[field][1] = stored;
      const results = columnResults(cols, links(2));
      expect(results.at(1)[field], field).toBe(read);
      // The other goal, and the other fields, stay null.
      expect(results.at(0)[field], field).toBeNull();
      for (const other of FIELDS) if (other !== field) expect(results.at(1)[other], other).toBeNull();
    }
  });

  it('without a date every elapsed share is null', () => {
    const results = columnResults(columns(3, { measured: Float64Array.from([0.5, 1, 0]) }), links(3));
    expect([...results].map((r) => r.elapsed)).toEqual([null, null, null]);
  });

  it('elapsed is what elapsedOf answers for the goal, asked only when a result is built', () => {
    const asked: number[] = [];
    const list = [0, 0.5, null, 1];
    const results = columnResults(
      columns(4, {
        elapsedOf: (i) => {
          asked.push(i);
          return list[i];
        },
      }),
      links(4),
    );
    expect(results.final(2)).toBeNull();
    expect(asked).toEqual([]);
    expect([...results].map((r) => r.elapsed)).toEqual(list);
    expect(asked).toEqual([0, 1, 2, 3]);
  });

  it.each([-1, 2, 3, 0.5, Number.NaN])('final(%s) of 2 goals is null: no goal, no attainment', (i) => {
    const results = columnResults(columns(2, { measured: Float64Array.from([0.5, 0.7]) }), links(2));
    expect(results.final(i)).toBeNull();
  });

  it.each([-1, 2, 0.5, Number.NaN])('at(%s) of 2 goals is a RangeError', (i) => {
    const results = columnResults(columns(2), links(2));
    expect(() => results.at(i)).toThrow(RangeError);
  });

  it('length is the number of goals, empty included', () => {
    expect(columnResults(columns(0), links(0))).toHaveLength(0);
    expect(columnResults(columns(3), links(3))).toHaveLength(3);
    expect([...columnResults(columns(0), links(0))]).toEqual([]);
  });
});

describe('derived numbers: final and gap', () => {
  it.each([
    { measured: NONE, rolledUp: NONE, final: null },
    { measured: 0.8, rolledUp: NONE, final: 0.8 },
    { measured: NONE, rolledUp: 0.6, final: 0.6 },
    { measured: 0.8, rolledUp: 0.6, final: 0.8 },
    { measured: 0, rolledUp: 0.6, final: 0 },
    { measured: -0, rolledUp: 0.6, final: -0 },
    { measured: NONE, rolledUp: 0, final: 0 },
  ])('measured $measured, rolled up $rolledUp: final $final', ({ measured, rolledUp, final }) => {
    const results = columnResults(
      columns(1, { measured: Float64Array.of(measured), rolledUp: Float64Array.of(rolledUp) }),
      links(1),
    );
    expect(results.final(0)).toBe(final);
    expect(results.at(0).final).toBe(final);
    expect(finalOf(measured, rolledUp)).toBe(final ?? NONE);
  });

  it.each([
    { measured: NONE, rolledUp: NONE, threshold: 0.2, gap: null },
    { measured: 0.9, rolledUp: NONE, threshold: 0.2, gap: null },
    { measured: NONE, rolledUp: 0.1, threshold: 0.2, gap: null },
    { measured: 0.9, rolledUp: 0.7, threshold: 0.2 + 1e-9, gap: null },
    { measured: 0.9, rolledUp: 0.6, threshold: 0.2, gap: 0.9 - 0.6 },
    { measured: 0.4, rolledUp: 0.7, threshold: 0.2, gap: 0.4 - 0.7 },
    { measured: 0.71, rolledUp: 0.7, threshold: 0, gap: 0.71 - 0.7 },
    { measured: 0.7, rolledUp: 0.7, threshold: 0, gap: null },
    { measured: 0.9, rolledUp: 0.1, threshold: NONE, gap: null },
  ])(
    'measured $measured, rolled up $rolledUp, threshold $threshold: gap $gap',
    ({ measured, rolledUp, threshold, gap }) => {
      const results = columnResults(
        columns(1, {
          measured: Float64Array.of(measured),
          rolledUp: Float64Array.of(rolledUp),
          gapThreshold: threshold,
        }),
        links(1),
      );
      expect(results.at(0).gap).toBe(gap);
      expect(gapOf(measured, rolledUp, threshold)).toBe(gap ?? NONE);
    },
  );
});

describe('statuses: a byte per goal', () => {
  it('STATUS_CODE numbers every status by its place in STATUSES, and nothing else', () => {
    expect(Object.keys(STATUS_CODE).sort()).toEqual([...STATUSES].sort());
    for (const status of STATUSES) expect(STATUSES[STATUS_CODE[status]]).toBe(status);
  });

  it.each(STATUSES.map((status) => ({ status })))('$status round-trips through its code', ({ status }) => {
    const cols = columns(3);
    cols.status[1] = STATUS_CODE[status];
    const results = columnResults(cols, links(3));
    expect(results.at(1).status).toBe(status);
    expect(results.at(0).status).toBe('not measured');
  });

  it('the cascade stores each status it judges', () => {
    // Judged at the full target: 100% on track, 80% at risk, 50% off track, none not measured.
    const specs = [{ actual: 100 }, { actual: 80 }, { actual: 50 }, { actual: null }];
    const goals = specs.map((s, i) => makeGoal({ id: `G${i}`, target: 100, ...s }, i));
    const { results } = cascade(goals, linkGoals(goals), DEFAULT_SETTINGS, null, () => null);
    const want: Status[] = ['on track', 'at risk', 'off track', 'not measured'];
    expect([...results].map((r) => r.status)).toEqual(want);
  });
});

describe('at(i): the GoalResult of goal i', () => {
  const results = columnResults(
    columns(6, {
      measured: Float64Array.from([NONE, 0.9, 0.4, 0.3, NONE, 0.6]),
      rolledUp: Float64Array.from([0.65, 0.4, NONE, NONE, NONE, NONE]),
      elapsedOf: shares([0.5, 0.5, 0.5, 0.25, null, 1]),
      status: Uint8Array.from(
        (['on track', 'on track', 'off track', 'on track', 'not measured', 'off track'] as const).map(
          (s) => STATUS_CODE[s],
        ),
      ),
    }),
    chainAndCycle(),
  );

  it('has the same own fields, in the same order, as the array of objects it replaces', () => {
    const r = results.at(1);
    expect(Object.keys(r)).toEqual([
      'index',
      'depth',
      'children',
      'measured',
      'rolledUp',
      'final',
      'gap',
      'status',
      'elapsed',
      'onCycle',
    ]);
    expect(r).toEqual({
      index: 1,
      depth: 1,
      children: [2],
      measured: 0.9,
      rolledUp: 0.4,
      final: 0.9,
      gap: 0.5,
      status: 'on track',
      elapsed: 0.5,
      onCycle: false,
    });
    expect(results.at(4)).toEqual({
      index: 4,
      depth: 0,
      children: [3, 5],
      measured: null,
      rolledUp: null,
      final: null,
      gap: null,
      status: 'not measured',
      elapsed: null,
      onCycle: true,
    });
  });

  it('shares the links children, and reads final as final(i) does', () => {
    const shared = chainAndCycle();
    const own = columnResults(columns(6), shared);
    for (let i = 0; i < 6; i++) expect(own.at(i).children).toBe(shared.children[i]);
    for (let i = 0; i < 6; i++) expect(results.at(i).final).toBe(results.final(i));
  });

  it('iterates every goal in index order, as at(i) builds them', () => {
    expect([...results].map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect([...results]).toEqual(Array.from({ length: 6 }, (_, i) => results.at(i)));
  });

  it.each([
    { i: 0, path: [0] },
    { i: 2, path: [0, 1, 2] },
    { i: 3, path: [3] },
    { i: 4, path: [4] },
    { i: 5, path: [4, 5] },
  ])('path of $i is $path: from the top, stopping at a cycle', ({ i, path }) => {
    expect(results.at(i).path).toEqual(path);
  });

  it('builds a new object each time: writing one result path changes no other', () => {
    const first = results.at(2);
    expect(results.at(2)).not.toBe(first);
    first.path = [9];
    expect(first.path).toEqual([9]);
    expect({ ...first }.path).toEqual([9]);
    expect(results.at(2).path).toEqual([0, 1, 2]);
  });
});

describe('paths are walked when read, not when built', () => {
  /** Links whose parentOf and onCycle count their reads. */
  function counted(): { links: ResultLinks; reads: () => number } {
    let reads = 0;
    const spy = <T extends object>(target: T): T =>
      new Proxy(target, {
        get(t, key) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          const value = Reflect.get(t, key);
          return typeof value === 'function' ? value.bind(t) : value;
        },
      });
    const base = chainAndCycle();
    const links = { ...base, parentOf: spy(base.parentOf), onCycle: spy(Array.from(base.onCycle)) };
    return { links: links as unknown as ResultLinks, reads: () => reads };
  }

  it('at(i) builds without walking up; reading path walks; a spread and toEqual do not', () => {
    const { links, reads } = counted();
    const results = columnResults(columns(6), links);
    const r = results.at(2);
    const afterBuild = reads();
    // Building reads onCycle[2] once for the onCycle field, and nothing of parentOf.
    expect(afterBuild).toBe(1);
    expect({ ...r }).not.toHaveProperty('path');
    expect(r).toEqual(results.at(2));
    expect(reads()).toBe(afterBuild + 1);
    expect(r.path).toEqual([0, 1, 2]);
    expect(reads()).toBeGreaterThan(afterBuild + 1);
  });

  it('final(i) and length read no links at all', () => {
    const { links, reads } = counted();
    const results = columnResults(columns(6, { measured: new Float64Array(6).fill(0.5) }), links);
    for (let i = 0; i < results.length; i++) expect(results.final(i)).toBe(0.5);
    expect(reads()).toBe(0);
  });
});

describe('JSON', () => {
  it('is the array of every goal result with its path, nulls for NaN', () => {
    const results = columnResults(
      columns(3, {
        measured: Float64Array.from([NONE, 0.8, NONE]),
        rolledUp: Float64Array.from([0.8, NONE, NONE]),
        elapsedOf: shares([1, 1, null]),
        status: Uint8Array.from([
          STATUS_CODE['at risk'],
          STATUS_CODE['at risk'],
          STATUS_CODE['not measured'],
        ]),
      }),
      links(3, {
        parentOf: Int32Array.from([-1, 0, -1]),
        children: [[1], [], []],
        depth: Int32Array.from([0, 1, 0]),
      }),
    );
    const empty = { gap: null, onCycle: false };
    const want: GoalResult[] = [
      {
        index: 0,
        depth: 0,
        path: [0],
        children: [1],
        measured: null,
        rolledUp: 0.8,
        final: 0.8,
        status: 'at risk',
        elapsed: 1,
        ...empty,
      },
      {
        index: 1,
        depth: 1,
        path: [0, 1],
        children: [],
        measured: 0.8,
        rolledUp: null,
        final: 0.8,
        status: 'at risk',
        elapsed: 1,
        ...empty,
      },
      {
        index: 2,
        depth: 0,
        path: [2],
        children: [],
        measured: null,
        rolledUp: null,
        final: null,
        status: 'not measured',
        elapsed: null,
        ...empty,
      },
    ];
    expect(JSON.parse(JSON.stringify(results))).toEqual(want);
    expect(JSON.stringify(results)).toBe(JSON.stringify([...results]));
    // Each result's keys in GoalResult's order, path added last.
    expect(Object.keys(JSON.parse(JSON.stringify(results.at(1))))).toEqual([
      ...Object.keys(results.at(1)),
      'path',
    ]);
  });

  it('of no goals is an empty array', () => {
    expect(JSON.stringify(columnResults(columns(0), links(0)))).toBe('[]');
  });
});
