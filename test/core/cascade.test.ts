// Pins the cascade: measured, rolled-up and final attainment, roll-up methods, contributions, gaps, status.
import { describe, expect, it } from 'vitest';
import { statusOf } from '../../src/core/attain';
import { cascade } from '../../src/core/cascade';
import { linkGoals } from '../../src/core/graph';
import type { Issue } from '../../src/core/issues';
import type { CascadeResults, Goal, GoalResult, Settings } from '../../src/core/model';
import { DEFAULT_SETTINGS } from '../../src/core/model';
import type { Period } from '../../src/core/period';
import { elapsedShare } from '../../src/core/period';
import { type GoalSpec, makeGoal } from '../support/goals';

/** A parsed goal with defaults: higher is better, target 100, no actual; key/parentKey follow id/parent. */
const goal = (spec: GoalSpec, index = 0): Goal =>
  makeGoal(spec, index, { target: 100, columns: { id: 1, parent: 2, unit: 3, target: 4, actual: 5 } });

/** A child of P whose final attainment is `pct` percent (target 100), with an optional contribution. */
const kid = (id: string, pct: number | null, contribution: number | null = null, parent = 'P'): GoalSpec => ({
  id,
  parent,
  actual: pct,
  contribution,
});

interface Run {
  results: CascadeResults;
  issues: Issue[];
  of: (id: string) => GoalResult;
}

function run(
  specs: GoalSpec[] | Goal[],
  settings: Partial<Settings> = {},
  today: number | null = null,
  periodOf: (g: Goal) => Period | null = () => null,
): Run {
  const goals = specs.map((s, i) => ('index' in s && 'key' in s ? (s as Goal) : goal(s, i)));
  const links = linkGoals(goals);
  const { results, issues } = cascade(goals, links, { ...DEFAULT_SETTINGS, ...settings }, today, periodOf);
  const of = (id: string): GoalResult => results.at(links.indexByKey.get(id.toLowerCase())!);
  return { results, issues, of };
}

const codesOf = (issues: Issue[]) => issues.map((i) => [i.goalId, i.code]);

describe('measured attainment', () => {
  it('comes from the goal own values; a leaf has no roll-up', () => {
    const { results, issues } = run([{ id: 'A', actual: 80 }]);
    expect(results).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(results.at(0)))).toEqual({
      index: 0,
      depth: 0,
      path: [0],
      children: [],
      measured: 0.8,
      rolledUp: null,
      final: 0.8,
      gap: null,
      status: 'at risk',
      elapsed: null,
      onCycle: false,
    });
    expect(issues).toEqual([]);
  });

  it('uses the goal own cap and floor, else the Settings defaults', () => {
    const { of } = run(
      [
        { id: 'A', actual: 300 },
        { id: 'B', actual: 300, cap: 2 },
        { id: 'C', actual: -10 },
        { id: 'D', actual: -10, floor: -0.5 },
      ],
      { cap: 1.2, floor: -0.05 },
    );
    expect(of('A').measured).toBe(1.2);
    expect(of('B').measured).toBe(2);
    expect(of('C').measured).toBe(-0.05);
    expect(of('D').measured).toBeCloseTo(-0.1, 12);
  });

  it('a blocked goal is not measured and gets no further issue (it already has its error)', () => {
    const { of, issues } = run([{ id: 'A', actual: 80, target: null, blocked: true }]);
    expect(of('A')).toMatchObject({ measured: null, final: null, status: 'not measured' });
    expect(issues).toEqual([]);
  });

  it.each([
    { spec: { target: 0 }, code: 'zero-span', extra: {} },
    { spec: { target: 10, baseline: 10 }, code: 'zero-span', extra: {} },
    { spec: { direction: 'lower' as const, target: 0 }, code: 'zero-span', extra: {} },
    { spec: { target: null }, code: 'missing-target', extra: {} },
    {
      spec: { direction: 'range' as const, target: 60, targetMax: 40 },
      code: 'bad-range',
      extra: { text: '60-40' },
    },
    {
      spec: { direction: 'range' as const, target: 60, targetMax: null },
      code: 'bad-range',
      extra: { text: '60' },
    },
  ])('$code from $spec is an error on the Target cell', ({ spec, code, extra }) => {
    const { of, issues } = run([{ id: 'A', actual: 50, ...spec }]);
    expect(of('A').measured).toBeNull();
    expect(issues).toEqual([
      { code, severity: 'error', tab: 'Goals', row: 2, col: 4, column: 'Target', goalId: 'A', ...extra },
    ]);
  });

  it('an error column without a recognised cell points at column 0', () => {
    const { issues } = run([{ id: 'A', actual: 50, target: null, columns: {} }]);
    expect(issues[0]).toMatchObject({ code: 'missing-target', col: 0, column: 'Target' });
  });
});

describe('unmeasured goals', () => {
  it('a leaf without an actual is reported as info on its Actual cell', () => {
    const { of, issues } = run([{ id: 'A' }]);
    expect(of('A')).toMatchObject({ measured: null, final: null, status: 'not measured' });
    expect(issues).toEqual([
      { code: 'unmeasured', severity: 'info', tab: 'Goals', row: 2, col: 5, column: 'Actual', goalId: 'A' },
    ]);
  });

  it.each([
    { name: 'a rolled-up value: not reported', rollup: null, kids: [kid('K', 50)], reported: false },
    { name: 'all children unmeasured: reported', rollup: null, kids: [kid('K', null)], reported: true },
    { name: 'an own roll-up: reported', rollup: 'own' as const, kids: [kid('K', 50)], reported: true },
  ])('a parent without an actual and $name', ({ rollup, kids, reported }) => {
    const { issues } = run([{ id: 'P', rollup }, ...kids]);
    const onParent = issues.filter((i) => i.goalId === 'P').map((i) => i.code);
    expect(onParent).toEqual(reported ? ['unmeasured'] : []);
  });
});

describe('average roll-up (the default)', () => {
  it.each([
    { name: 'blank contributions share equally', kids: [kid('A', 100), kid('B', 50)], want: 0.75 },
    {
      name: 'explicit contributions weight the mean',
      kids: [kid('A', 100, 0.75), kid('B', 20, 0.25)],
      want: 0.8,
    },
    {
      name: 'explicit contributions not adding to 100% are normalised',
      kids: [kid('A', 100, 3), kid('B', 20, 1)],
      want: 0.8,
    },
    {
      name: 'blanks share what explicit ones leave',
      kids: [kid('A', 100, 0.5), kid('B', 0), kid('C', 50)],
      want: 0.5 * 1 + 0.25 * 0 + 0.25 * 0.5,
    },
    {
      name: 'blanks get nothing when explicit ones use it all',
      kids: [kid('A', 100, 0.6), kid('B', 40, 0.6), kid('C', 0)],
      want: 0.7,
    },
    {
      name: 'a negative contribution counts as 0',
      kids: [kid('A', 100, -1), kid('B', 40, 1)],
      want: 0.4,
    },
    {
      name: 'all contributions 0 leave nothing to count',
      kids: [kid('A', 100, 0), kid('B', 40, 0)],
      want: null,
    },
    { name: 'a single child', kids: [kid('A', 130)], want: 1.3 },
  ])('$name', ({ kids, want }) => {
    const { of } = run([{ id: 'P' }, ...kids]);
    if (want === null) expect(of('P').rolledUp).toBeNull();
    else expect(of('P').rolledUp).toBeCloseTo(want, 12);
    expect(of('P').final).toBe(of('P').rolledUp);
  });

  it.each([0.01, 0.5, 1, 2, 100])('scaling all explicit contributions by %s changes nothing', (k) => {
    const { of } = run([{ id: 'P' }, kid('A', 100, 0.5 * k), kid('B', 40, 0.3 * k), kid('C', 10, 0.2 * k)]);
    expect(of('P').rolledUp).toBeCloseTo(0.5 * 1 + 0.3 * 0.4 + 0.2 * 0.1, 12);
  });

  it('rollup blank means average', () => {
    const blank = run([{ id: 'P', rollup: null }, kid('A', 100), kid('B', 50)]);
    const average = run([{ id: 'P', rollup: 'average' }, kid('A', 100), kid('B', 50)]);
    expect(blank.of('P').rolledUp).toBe(average.of('P').rolledUp);
  });

  it.each([
    { zero: false, kids: [kid('A', 100), kid('B', 50), kid('U', null)], want: 0.75 },
    { zero: true, kids: [kid('A', 100), kid('B', 50), kid('U', null)], want: 0.5 },
    // Weights renormalise over the measured children: A's 0.2 and B's 0.4 count, U's 0.4 does not.
    { zero: false, kids: [kid('A', 100, 0.2), kid('B', 25, 0.4), kid('U', null, 0.4)], want: 0.5 },
    { zero: true, kids: [kid('A', 100, 0.2), kid('B', 25, 0.4), kid('U', null, 0.4)], want: 0.3 },
    { zero: false, kids: [kid('U', null), kid('V', null)], want: null },
    { zero: true, kids: [kid('U', null), kid('V', null)], want: 0 },
  ])('unmeasured children, countUnmeasuredAsZero=$zero → $want', ({ zero, kids, want }) => {
    const { of } = run([{ id: 'P' }, ...kids], { countUnmeasuredAsZero: zero });
    if (want === null) expect(of('P').rolledUp).toBeNull();
    else expect(of('P').rolledUp).toBeCloseTo(want, 12);
  });

  it('a blocked child counts as unmeasured', () => {
    const specs = [{ id: 'P' }, kid('A', 100), { ...kid('B', 10), blocked: true }];
    expect(run(specs).of('P').rolledUp).toBe(1);
    expect(run(specs, { countUnmeasuredAsZero: true }).of('P').rolledUp).toBe(0.5);
  });

  it("averages the children's final attainment: measured where there is an actual, else their roll-up", () => {
    const { of } = run([
      { id: 'P' },
      { id: 'M', parent: 'P', actual: 90 },
      { id: 'R', parent: 'P' },
      { id: 'M1', parent: 'M', actual: 10 },
      { id: 'R1', parent: 'R', actual: 50 },
    ]);
    expect(of('M')).toMatchObject({ measured: 0.9, rolledUp: 0.1, final: 0.9 });
    expect(of('R')).toMatchObject({ measured: null, rolledUp: 0.5, final: 0.5 });
    expect(of('P').rolledUp).toBeCloseTo(0.7, 12);
  });

  it('averages capped attainments, not raw ratios', () => {
    const { of } = run([{ id: 'P' }, kid('A', 1000), kid('B', 0)]);
    expect(of('P').rolledUp).toBeCloseTo(0.75, 12);
  });
});

describe('sum roll-up', () => {
  const sumParent = (over: Partial<Goal> = {}): GoalSpec => ({
    id: 'P',
    rollup: 'sum',
    unit: '$',
    target: 1000,
    ...over,
  });
  const child = (id: string, actual: number | null, unit = '$'): GoalSpec => ({
    id,
    parent: 'P',
    unit,
    actual,
    target: 1,
  });

  it.each([
    { name: 'higher, baseline 0', parent: {}, kids: [child('A', 300), child('B', 200)], want: 0.5 },
    {
      name: 'higher with a baseline',
      parent: { baseline: 200 },
      kids: [child('A', 300), child('B', 300)],
      want: 0.5,
    },
    {
      name: 'lower with a baseline',
      parent: { direction: 'lower' as const, target: 600, baseline: 1000 },
      kids: [child('A', 400), child('B', 400)],
      want: 0.5,
    },
    {
      name: 'lower without a baseline',
      parent: { direction: 'lower' as const, target: 600 },
      kids: [child('A', 600), child('B', 600)],
      want: 0.5,
    },
    {
      name: 'range',
      parent: { direction: 'range' as const, target: 400, targetMax: 600 },
      kids: [child('A', 250), child('B', 250)],
      want: 1,
    },
    { name: 'capped by the parent cap', parent: { cap: 1.1 }, kids: [child('A', 5000)], want: 1.1 },
    {
      name: 'children without an actual add nothing',
      parent: {},
      kids: [child('A', 300), child('B', null)],
      want: 0.3,
    },
    {
      name: 'units match trimmed, case-insensitively',
      parent: { unit: 'Count' },
      kids: [child('A', 500, ' count ')],
      want: 0.5,
    },
    { name: 'no child measured: nothing to sum', parent: {}, kids: [child('A', null)], want: null },
  ])('$name', ({ parent, kids, want }) => {
    const { of, issues } = run([sumParent(parent), ...kids]);
    if (want === null) expect(of('P').rolledUp).toBeNull();
    else expect(of('P').rolledUp).toBeCloseTo(want, 12);
    expect(issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it('sums actuals, not attainments: the children targets do not matter', () => {
    const { of } = run([
      sumParent(),
      { ...child('A', 250), target: 250 },
      { ...child('B', 250), target: 5000 },
    ]);
    expect(of('P').rolledUp).toBeCloseTo(0.5, 12);
  });

  it('with countUnmeasuredAsZero and nothing measured, the sum is 0', () => {
    const { of } = run([sumParent(), child('A', null)], { countUnmeasuredAsZero: true });
    expect(of('P').rolledUp).toBe(0);
  });

  it('a child in another unit is an error on the parent, once per such child, and there is no sum', () => {
    const { of, issues } = run([sumParent(), child('A', 300, '%'), child('B', 300), child('C', 1, '')]);
    expect(of('P').rolledUp).toBeNull();
    expect(issues).toEqual([
      {
        code: 'sum-unit-mismatch',
        severity: 'error',
        childId: 'A',
        childUnit: '%',
        unit: '$',
        tab: 'Goals',
        row: 2,
        col: 3,
        column: 'Unit',
        goalId: 'P',
      },
      expect.objectContaining({ code: 'sum-unit-mismatch', childId: 'C', childUnit: '', goalId: 'P' }),
      expect.objectContaining({ code: 'unmeasured', goalId: 'P' }),
    ]);
  });

  it('a parent without a target is an error and there is no sum', () => {
    const { of, issues } = run([sumParent({ target: null }), child('A', 300)]);
    expect(of('P').rolledUp).toBeNull();
    expect(codesOf(issues)).toEqual([
      ['P', 'sum-needs-target'],
      ['P', 'unmeasured'],
    ]);
    expect(issues[0]).toMatchObject({ column: 'Target', col: 4 });
  });

  it('a blocked parent without a target gets no extra sum-needs-target', () => {
    const { issues } = run([sumParent({ target: null, blocked: true }), child('A', 300)]);
    expect(issues).toEqual([]);
  });

  it.each([
    {
      actual: null,
      want: [
        ['P', 'zero-span'],
        ['P', 'unmeasured'],
      ],
    },
    { actual: 5, want: [['P', 'zero-span']] },
  ])('a zero-span parent target is reported once (parent actual $actual)', ({ actual, want }) => {
    const { of, issues } = run([sumParent({ target: 0, actual }), child('A', 300)]);
    expect(of('P').rolledUp).toBeNull();
    expect(codesOf(issues)).toEqual(want);
  });
});

describe('min and own roll-ups', () => {
  it.each([
    { rollup: 'min' as const, zero: false, kids: [kid('A', 120), kid('B', 30), kid('C', 80)], want: 0.3 },
    { rollup: 'min' as const, zero: false, kids: [kid('A', 120), kid('U', null)], want: 1.2 },
    { rollup: 'min' as const, zero: true, kids: [kid('A', 120), kid('U', null)], want: 0 },
    { rollup: 'min' as const, zero: false, kids: [kid('U', null)], want: null },
    { rollup: 'min' as const, zero: false, kids: [kid('A', 120, 0.9), kid('B', 50, 0.1)], want: 0.5 },
    { rollup: 'own' as const, zero: false, kids: [kid('A', 120), kid('B', 30)], want: null },
    { rollup: 'own' as const, zero: true, kids: [kid('U', null)], want: null },
  ])('$rollup (countUnmeasuredAsZero=$zero) → $want', ({ rollup, zero, kids, want }) => {
    const { of } = run([{ id: 'P', rollup }, ...kids], { countUnmeasuredAsZero: zero });
    if (want === null) expect(of('P').rolledUp).toBeNull();
    else expect(of('P').rolledUp).toBeCloseTo(want, 12);
  });

  it('own: children are shown, the parent final is its own measurement', () => {
    const { of } = run([{ id: 'P', rollup: 'own', actual: 70 }, kid('A', 10)]);
    expect(of('P')).toMatchObject({ children: [1], measured: 0.7, rolledUp: null, final: 0.7, gap: null });
  });
});

describe('final attainment and alignment gaps', () => {
  it('final is measured where there is an actual, else rolled up, all the way up', () => {
    const { of } = run([
      { id: 'Top' },
      { id: 'Mid', parent: 'Top' },
      { id: 'Leaf1', parent: 'Mid', actual: 40 },
      { id: 'Leaf2', parent: 'Mid', actual: 80 },
    ]);
    expect(of('Mid').final).toBeCloseTo(0.6, 12);
    expect(of('Top')).toMatchObject({ measured: null });
    expect(of('Top').final).toBeCloseTo(0.6, 12);
  });

  it.each([
    { name: 'below the threshold', measured: 85, kids: [70], gap: 0.2, want: null },
    { name: 'at the threshold', measured: 90, kids: [70], gap: 0.2, want: null },
    { name: 'above the threshold', measured: 91, kids: [70], gap: 0.2, want: 0.21 },
    { name: 'above, outcome behind', measured: 40, kids: [70], gap: 0.2, want: -0.3 },
    { name: 'at a custom threshold', measured: 80, kids: [70], gap: 0.1, want: null },
    { name: 'above a custom threshold', measured: 81, kids: [70], gap: 0.1, want: 0.11 },
    { name: 'threshold 0, any difference', measured: 71, kids: [70], gap: 0, want: 0.01 },
    { name: 'threshold 0, equal', measured: 70, kids: [70], gap: 0, want: null },
  ])('$name: measured $measured% vs rolled up $kids%', ({ measured, kids, gap, want }) => {
    const { of, issues } = run([{ id: 'P', actual: measured }, ...kids.map((k, i) => kid(`K${i}`, k))], {
      gap,
    });
    const result = of('P');
    expect(result.final).toBeCloseTo(measured / 100, 12);
    if (want === null) {
      expect(result.gap).toBeNull();
      expect(issues).toEqual([]);
    } else {
      expect(result.gap).toBeCloseTo(want, 12);
      expect(issues).toEqual([
        {
          code: 'alignment-gap',
          severity: 'warning',
          measured: measured / 100,
          rolledUp: result.rolledUp,
          tab: 'Goals',
          row: 2,
          col: 5,
          column: 'Actual',
          goalId: 'P',
        },
      ]);
    }
  });

  it('no gap without both values', () => {
    const { of, issues } = run([
      { id: 'P', actual: 100 },
      kid('U', null),
      { id: 'Q' },
      kid('K', 10, null, 'Q'),
    ]);
    expect(of('P').gap).toBeNull();
    expect(of('Q').gap).toBeNull();
    expect(issues.map((i) => i.code)).toEqual(['unmeasured']);
  });
});

describe('status', () => {
  const period: Period = { label: 'Q1', start: 1000, end: 1100 };
  const inPeriod = () => period;

  it('without today or a period, judges against the full target and elapsed is null', () => {
    const noToday = run(
      [
        { id: 'A', actual: 95 },
        { id: 'B', actual: 94 },
      ],
      {},
      null,
      inPeriod,
    );
    expect(noToday.of('A')).toMatchObject({ status: 'on track', elapsed: null });
    expect(noToday.of('B')).toMatchObject({ status: 'at risk', elapsed: null });
    const noPeriod = run([{ id: 'A', actual: 74 }], {}, 1050, () => null);
    expect(noPeriod.of('A')).toMatchObject({ status: 'off track', elapsed: null });
  });

  it.each([
    { today: 900, actual: 0, status: 'on track' },
    { today: 1049, actual: 48, status: 'on track' },
    { today: 1049, actual: 47, status: 'at risk' },
    { today: 1049, actual: 38, status: 'at risk' },
    { today: 1049, actual: 37, status: 'off track' },
    { today: 1099, actual: 95, status: 'on track' },
    { today: 2000, actual: 94, status: 'at risk' },
    { today: 2000, actual: 75, status: 'at risk' },
    { today: 2000, actual: 74, status: 'off track' },
    { today: 1049, actual: null, status: 'not measured' },
  ])('today $today, actual $actual% → $status', ({ today, actual, status }) => {
    const { of } = run([{ id: 'A', actual }], {}, today, inPeriod);
    expect(of('A').elapsed).toBe(elapsedShare(period, today));
    expect(of('A').status).toBe(status);
    expect(of('A').status).toBe(statusOf(of('A').final, of('A').elapsed!));
  });

  it('asks each goal for its own period', () => {
    const periods: Record<string, Period> = {
      Q1: { label: 'Q1', start: 0, end: 100 },
      Q2: { label: 'Q2', start: 100, end: 200 },
    };
    const { of } = run(
      [
        { id: 'A', actual: 50, period: 'Q1' },
        { id: 'B', actual: 50, period: 'Q2' },
      ],
      {},
      149,
      (g) => periods[g.period] ?? null,
    );
    expect(of('A')).toMatchObject({ elapsed: 1, status: 'off track' });
    expect(of('B')).toMatchObject({ elapsed: 0.5, status: 'on track' });
  });

  it('judges rolled-up goals by their final attainment', () => {
    const { of } = run([{ id: 'P' }, kid('A', 50)], {}, 1049, inPeriod);
    expect(of('P')).toMatchObject({ final: 0.5, status: 'on track' });
  });
});

describe('links and the cascade', () => {
  it('reports index, depth, path, children and onCycle', () => {
    const { results } = run([{ id: 'T' }, { id: 'M', parent: 'T' }, { id: 'L', parent: 'M', actual: 1 }]);
    expect([...results].map((r) => [r.index, r.depth, r.path, r.children, r.onCycle])).toEqual([
      [0, 0, [0], [1], false],
      [1, 1, [0, 1], [2], false],
      [2, 2, [0, 1, 2], [], false],
    ]);
    // The path is computed on access: JSON keeps it, a spread does not, and writing it makes it plain data.
    const leaf = results.at(2);
    expect(JSON.parse(JSON.stringify(leaf)).path).toEqual([0, 1, 2]);
    expect({ ...leaf }).not.toHaveProperty('path');
    leaf.path = [9];
    expect(leaf.path).toEqual([9]);
    expect({ ...leaf }.path).toEqual([9]);
    expect(results.at(1).path).toEqual([0, 1]);
  });

  it.each([
    {
      name: '2-cycle',
      specs: [
        { id: 'Top' },
        kid('Out', 80, null, 'Top'),
        { id: 'A', parent: 'B', actual: 30 },
        { id: 'B', parent: 'A' },
        kid('Below', null, null, 'A'),
        kid('Deeper', 60, null, 'Below'),
      ],
      cycle: ['A', 'B'],
    },
    {
      name: '3-cycle',
      specs: [
        { id: 'Top' },
        kid('Out', 80, null, 'Top'),
        { id: 'A', parent: 'C', actual: 30 },
        { id: 'B', parent: 'A' },
        { id: 'C', parent: 'B' },
        kid('Below', null, null, 'A'),
        kid('Deeper', 60, null, 'Below'),
      ],
      cycle: ['A', 'B', 'C'],
    },
  ])('$name: members get no roll-up; goals outside and below it still roll up', ({ specs, cycle }) => {
    const { of, issues } = run(specs);
    for (const id of cycle) expect(of(id)).toMatchObject({ onCycle: true, rolledUp: null, depth: 0 });
    expect(of('A')).toMatchObject({ measured: 0.3, final: 0.3, status: 'off track' });
    expect(of('B')).toMatchObject({ measured: null, final: null, status: 'not measured' });
    expect(of('Top')).toMatchObject({ rolledUp: 0.8, final: 0.8, onCycle: false });
    expect(of('Below')).toMatchObject({ rolledUp: 0.6, final: 0.6, depth: 1, onCycle: false });
    expect(of('Deeper')).toMatchObject({ depth: 2 });
    expect(of('Deeper').path).toEqual([2, specs.length - 2, specs.length - 1]);
    // The cycle issues are the graph's; the cascade only says which members have nothing measured.
    expect(codesOf(issues)).toEqual(cycle.filter((id) => id !== 'A').map((id) => [id, 'unmeasured']));
  });

  it('a goal with an unknown parent is a top of its own, still rolled up', () => {
    const { of } = run([{ id: 'P', parent: 'Nowhere' }, kid('A', 40)]);
    expect(of('P')).toMatchObject({ depth: 0, path: [0], rolledUp: 0.4 });
  });

  it('a duplicate ID keeps its own parent link and counts there (the duplicate-id error says to fix it)', () => {
    const { of, results } = run([{ id: 'P' }, kid('A', 100), { ...kid('A', 0), tab: 'Other' }]);
    expect(of('P').rolledUp).toBe(0.5);
    expect(results.at(2).measured).toBe(0);
  });

  it('issues come out in workbook order', () => {
    const { issues } = run([
      { id: 'P', rollup: 'sum', unit: '$', target: null },
      { id: 'A', parent: 'P', unit: '$', actual: 1 },
      { id: 'B', parent: 'P', unit: '$' },
      { id: 'C', target: 0, actual: 1 },
    ]);
    expect(codesOf(issues)).toEqual([
      ['P', 'sum-needs-target'],
      ['P', 'unmeasured'],
      ['B', 'unmeasured'],
      ['C', 'zero-span'],
    ]);
  });
});

describe('scale, without recursion', () => {
  const chain = (n: number): Goal[] =>
    Array.from({ length: n }, (_, i) =>
      goal({ id: `g${i}`, parent: i === 0 ? '' : `g${i - 1}`, actual: i === n - 1 ? 50 : null }, i),
    );

  it('rolls a 10,000-deep chain up from its one measured leaf', () => {
    const n = 10_000;
    const { results, issues } = run(chain(n));
    expect(results.at(0)).toMatchObject({ rolledUp: 0.5, final: 0.5, status: 'off track' });
    expect(results.at(n - 1)).toMatchObject({ depth: n - 1, measured: 0.5 });
    expect(results.at(n - 1).path).toHaveLength(n);
    expect(issues).toEqual([]);
  });

  it('averages a 100,000-wide star', () => {
    const n = 100_000;
    const goals = [
      goal({ id: 'P' }),
      ...Array.from({ length: n }, (_, i) => goal(kid(`k${i}`, i % 2 === 0 ? 100 : 50), i + 1)),
    ];
    const { of, results } = run(goals);
    // 100,000 additions of weighted terms: equal to 0.75 within rounding.
    expect(of('P').rolledUp).toBeCloseTo(0.75, 9);
    expect(of('P').children).toHaveLength(n);
    expect(results.at(n).path).toEqual([0, n]);
  });

  it('links and cascades 200,000 goals in a fan-out-4 tree (speed lives in npm run bench)', () => {
    const n = 200_000;
    // A tree of fan-out 4 (goal i's parent is goal (i - 1) / 4, rounded down): the leaves are measured,
    // the parents rolled up, as in a workbook mid-period.
    const goals: Goal[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const leaf = 4 * i + 1 >= n;
      goals[i] = goal(
        { id: `G-${i}`, parent: i === 0 ? '' : `G-${(i - 1) >> 2}`, actual: leaf ? 60 + (i % 40) : null },
        i,
      );
    }
    const period: Period = { label: 'Q1', start: 1000, end: 1100 };
    const links = linkGoals(goals);
    const { results, issues } = cascade(goals, links, DEFAULT_SETTINGS, 1050, () => period);
    expect(results).toHaveLength(n);
    expect(issues).toEqual([]);
    expect(results.final(0)).toBeGreaterThan(0.6);
    expect(results.final(0)).toBeLessThan(1);
  });
});

describe('shared goals: several parents with shares', () => {
  it('a sum splits a shared child’s actual by its shares: 60 of 100 to one parent, 40 to the other', () => {
    const { of, issues } = run([
      { id: 'P1', rollup: 'sum', target: 100 },
      { id: 'P2', rollup: 'sum', target: 100 },
      { id: 'S', parent: 'P1 60%; P2 40%', actual: 100 },
      { id: 'K', parent: 'P2', actual: 20 },
    ]);
    expect(issues.filter((i) => i.code !== 'unmeasured')).toEqual([]);
    expect(of('P1').rolledUp).toBeCloseTo(0.6, 12);
    expect(of('P2').rolledUp).toBeCloseTo(0.6, 12);
    expect(of('S').children).toEqual([]);
  });

  it('the split adds up: the parents together count the shared actual once', () => {
    const { of } = run([
      { id: 'Top', rollup: 'sum', target: 1000 },
      { id: 'P1', parent: 'Top', rollup: 'sum', target: 500 },
      { id: 'P2', parent: 'Top', rollup: 'sum', target: 500 },
      { id: 'S', parent: 'P1 25%; P2 75%', actual: 400 },
    ]);
    expect(of('P1').rolledUp).toBeCloseTo(100 / 500, 12);
    expect(of('P2').rolledUp).toBeCloseTo(300 / 500, 12);
  });

  it('an average weighs a shared child by its share there', () => {
    // Under P1: A (weight 1) at 100%, S (weight 1 x 25%) at 0%: (1 x 1 + 0.25 x 0) / 1.25 = 80%.
    const { of } = run([
      { id: 'P1' },
      { id: 'P2' },
      kid('A', 100, null, 'P1'),
      { id: 'S', parent: 'P1 25%; P2 75%', actual: 0 },
      kid('B', 100, null, 'P2'),
    ]);
    expect(of('P1').rolledUp).toBeCloseTo(0.8, 12);
    expect(of('P2').rolledUp).toBeCloseTo(1 / 1.75, 12);
  });

  it('min takes the weakest child whatever its share', () => {
    const { of } = run([
      { id: 'P1', rollup: 'min' },
      { id: 'P2' },
      kid('A', 90, null, 'P1'),
      { id: 'S', parent: 'P1 10%; P2 90%', actual: 30 },
    ]);
    expect(of('P1').rolledUp).toBeCloseTo(0.3, 12);
  });

  it('a shared goal’s own roll-up reaches both parents', () => {
    const { of } = run([
      { id: 'P1' },
      { id: 'P2' },
      { id: 'S', parent: 'P1; P2' },
      kid('Leaf', 50, null, 'S'),
    ]);
    expect(of('S').rolledUp).toBeCloseTo(0.5, 12);
    expect(of('P1').rolledUp).toBeCloseTo(0.5, 12);
    expect(of('P2').rolledUp).toBeCloseTo(0.5, 12);
  });
});
