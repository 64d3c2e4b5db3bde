// Pins the model's attainment formulas, limits and status thresholds.
import { describe, expect, it } from 'vitest';
import type { Attainment, Measure } from '../../src/core/attain';
import { attainment, statusOf } from '../../src/core/attain';

const DEFAULTS = { cap: 1.5, floor: 0 };

const measure = (over: Partial<Measure>): Measure => ({
  direction: 'higher',
  actual: null,
  target: null,
  targetMax: null,
  baseline: null,
  cap: null,
  floor: null,
  ...over,
});

const value = (v: number): Attainment => ({ kind: 'value', value: v });
const error = (code: 'zero-span' | 'missing-target' | 'bad-range'): Attainment => ({ kind: 'error', code });

const numberOf = (a: Attainment): number => {
  if (a.kind !== 'value') throw new Error(`expected a value, got ${JSON.stringify(a)}`);
  return a.value;
};

describe('higher: (A - B) / (T - B), baseline default 0', () => {
  it.each([
    { actual: 50, target: 100, baseline: null, want: 0.5 },
    { actual: 100, target: 100, baseline: null, want: 1 },
    { actual: 0, target: 100, baseline: null, want: 0 },
    { actual: 120, target: 100, baseline: null, want: 1.2 },
    { actual: 60, target: 100, baseline: 20, want: 0.5 },
    { actual: 20, target: 100, baseline: 20, want: 0 },
    { actual: 100, target: 100, baseline: 20, want: 1 },
    { actual: -5, target: 5, baseline: -10, want: 1 / 3 },
  ])('A=$actual T=$target B=$baseline → $want', ({ actual, target, baseline, want }) => {
    expect(numberOf(attainment(measure({ actual, target, baseline }), DEFAULTS))).toBeCloseTo(want, 12);
  });
});

describe('lower', () => {
  it.each([
    // With a baseline: (B - A) / (B - T)
    { actual: 80, target: 60, baseline: 100, want: 0.5 },
    { actual: 60, target: 60, baseline: 100, want: 1 },
    { actual: 100, target: 60, baseline: 100, want: 0 },
    { actual: 50, target: 60, baseline: 100, want: 1.25 },
    // An explicit baseline of 0 is a baseline: (0 - A) / (0 - T) = A / T
    { actual: 5, target: 10, baseline: 0, want: 0.5 },
    // Without one: T / A
    { actual: 20, target: 10, baseline: null, want: 0.5 },
    { actual: 10, target: 10, baseline: null, want: 1 },
    { actual: 8, target: 10, baseline: null, want: 1.25 },
  ])('A=$actual T=$target B=$baseline → $want', ({ actual, target, baseline, want }) => {
    const a = attainment(measure({ direction: 'lower', actual, target, baseline }), DEFAULTS);
    expect(numberOf(a)).toBeCloseTo(want, 12);
  });

  it.each([
    { cap: null, want: 1.5 },
    { cap: 2, want: 2 },
  ])('without a baseline, A = 0 reaches the cap ($cap → $want)', ({ cap, want }) => {
    expect(attainment(measure({ direction: 'lower', actual: 0, target: 10, cap }), DEFAULTS)).toEqual(
      value(want),
    );
  });

  it.each([
    { floor: null, want: 0 },
    { floor: -0.5, want: -0.5 },
  ])('without a baseline, a negative ratio clamps to the floor ($floor)', ({ floor, want }) => {
    expect(attainment(measure({ direction: 'lower', actual: -5, target: 10, floor }), DEFAULTS)).toEqual(
      value(want),
    );
  });
});

describe('range: 100% when Min <= A <= Max, else 0%', () => {
  it.each([
    { actual: 39.99, want: 0 },
    { actual: 40, want: 1 },
    { actual: 50, want: 1 },
    { actual: 60, want: 1 },
    { actual: 60.01, want: 0 },
  ])('40-60, A=$actual → $want', ({ actual, want }) => {
    expect(attainment(measure({ direction: 'range', actual, target: 40, targetMax: 60 }), DEFAULTS)).toEqual(
      value(want),
    );
  });

  it('a one-point range (Min = Max) is fine', () => {
    expect(attainment(measure({ direction: 'range', actual: 5, target: 5, targetMax: 5 }), DEFAULTS)).toEqual(
      value(1),
    );
  });

  it.each([
    { target: 60, targetMax: 40, want: error('bad-range') },
    { target: 40, targetMax: null, want: error('bad-range') },
    { target: null, targetMax: 60, want: error('missing-target') },
  ])('Min=$target Max=$targetMax → error', ({ target, targetMax, want }) => {
    expect(attainment(measure({ direction: 'range', actual: 50, target, targetMax }), DEFAULTS)).toEqual(
      want,
    );
  });

  it('a cap below 100% still limits a range goal', () => {
    const a = attainment(
      measure({ direction: 'range', actual: 50, target: 40, targetMax: 60, cap: 0.9 }),
      DEFAULTS,
    );
    expect(a).toEqual(value(0.9));
  });
});

describe('binary: the parser gives 1 for done, 0 otherwise', () => {
  it.each([
    { actual: 1, want: 1 },
    { actual: 0, want: 0 },
  ])('A=$actual → $want, no target needed', ({ actual, want }) => {
    expect(attainment(measure({ direction: 'binary', actual }), DEFAULTS)).toEqual(value(want));
  });
});

// Finance expects a done-or-not goal to pay for done only: a floor is partial credit for graded goals, and must not
// turn a missed binary or range goal into a partial score (issue 13).
describe('a floor never lifts a missed range or binary goal', () => {
  it.each<{ name: string; over: Partial<Measure>; defaults: { cap: number; floor: number }; want: number }>([
    {
      name: 'binary missed, goal floor',
      over: { direction: 'binary', actual: 0, floor: 0.2 },
      defaults: DEFAULTS,
      want: 0,
    },
    {
      name: 'binary missed, default floor',
      over: { direction: 'binary', actual: 0 },
      defaults: { cap: 1.5, floor: 0.5 },
      want: 0,
    },
    {
      name: 'binary done',
      over: { direction: 'binary', actual: 1, floor: 0.2 },
      defaults: DEFAULTS,
      want: 1,
    },
    {
      name: 'range missed, goal floor',
      over: { direction: 'range', actual: 70, target: 40, targetMax: 60, floor: 0.3 },
      defaults: DEFAULTS,
      want: 0,
    },
    {
      name: 'range missed, default floor',
      over: { direction: 'range', actual: 30, target: 40, targetMax: 60 },
      defaults: { cap: 1.5, floor: 0.5 },
      want: 0,
    },
    {
      name: 'range met',
      over: { direction: 'range', actual: 50, target: 40, targetMax: 60, floor: 0.3 },
      defaults: DEFAULTS,
      want: 1,
    },
    {
      name: 'a higher goal still gets its floor',
      over: { direction: 'higher', actual: 1, target: 10, floor: 0.3 },
      defaults: DEFAULTS,
      want: 0.3,
    },
    {
      name: 'a lower goal still gets its floor',
      over: { direction: 'lower', actual: 100, target: 10 },
      defaults: { cap: 1.5, floor: 0.5 },
      want: 0.5,
    },
  ])('$name', ({ over, defaults, want }) => {
    expect(attainment(measure(over), defaults)).toEqual(value(want));
  });
});

describe('zero span is an issue, never a division by zero', () => {
  it.each<{ over: Partial<Measure> }>([
    { over: { direction: 'higher', actual: 5, target: 0 } },
    { over: { direction: 'higher', actual: 5, target: 10, baseline: 10 } },
    { over: { direction: 'lower', actual: 5, target: 0 } },
    { over: { direction: 'lower', actual: 5, target: 10, baseline: 10 } },
    { over: { direction: 'lower', actual: 0, target: 0 } },
  ])('$over', ({ over }) => {
    expect(attainment(measure(over), DEFAULTS)).toEqual(error('zero-span'));
  });
});

describe('missing values', () => {
  it.each(['higher', 'lower', 'range', 'binary'] as const)(
    '%s: no actual → unmeasured, whatever the target',
    (d) => {
      expect(attainment(measure({ direction: d, actual: null, target: 10 }), DEFAULTS)).toEqual({
        kind: 'unmeasured',
      });
      expect(attainment(measure({ direction: d, actual: null, target: null }), DEFAULTS)).toEqual({
        kind: 'unmeasured',
      });
      expect(attainment(measure({ direction: d, actual: null, target: 0 }), DEFAULTS)).toEqual({
        kind: 'unmeasured',
      });
    },
  );

  it.each(['higher', 'lower', 'range'] as const)('%s: an actual without a target → missing-target', (d) => {
    expect(attainment(measure({ direction: d, actual: 5, target: null, baseline: 1 }), DEFAULTS)).toEqual(
      error('missing-target'),
    );
  });
});

describe('clamping to [floor, cap]: the goal own limits, else the defaults', () => {
  it.each([
    { actual: 300, cap: null, floor: null, defaults: DEFAULTS, want: 1.5 },
    { actual: 300, cap: 2, floor: null, defaults: DEFAULTS, want: 2 },
    { actual: 300, cap: null, floor: null, defaults: { cap: 1.2, floor: 0 }, want: 1.2 },
    { actual: 150, cap: 2, floor: null, defaults: { cap: 1.2, floor: 0 }, want: 1.5 },
    { actual: -50, cap: null, floor: null, defaults: DEFAULTS, want: 0 },
    { actual: -50, cap: null, floor: -0.25, defaults: DEFAULTS, want: -0.25 },
    { actual: -50, cap: null, floor: null, defaults: { cap: 1.5, floor: -1 }, want: -0.5 },
    { actual: 10, cap: null, floor: 0.3, defaults: DEFAULTS, want: 0.3 },
    { actual: 10, cap: null, floor: null, defaults: { cap: 1.5, floor: 0.2 }, want: 0.2 },
    // A goal's own limit of 0 is a limit, not a blank.
    { actual: 50, cap: 0, floor: null, defaults: DEFAULTS, want: 0 },
    // Floor above cap: the cap wins.
    { actual: 50, cap: 0.4, floor: 0.6, defaults: DEFAULTS, want: 0.4 },
  ])('A=$actual cap=$cap floor=$floor → $want', ({ actual, cap, floor, defaults, want }) => {
    const a = attainment(measure({ actual, target: 100, cap, floor }), defaults);
    expect(numberOf(a)).toBeCloseTo(want, 12);
  });
});

describe('statusOf: on track at >= 0.95 e, at risk at >= 0.75 e, else off track', () => {
  it.each([
    { a: 1, e: 1, want: 'on track' },
    { a: 0.95, e: 1, want: 'on track' },
    { a: 0.9499, e: 1, want: 'at risk' },
    { a: 0.75, e: 1, want: 'at risk' },
    { a: 0.7499, e: 1, want: 'off track' },
    { a: 0, e: 1, want: 'off track' },
    { a: 0.475, e: 0.5, want: 'on track' },
    { a: 0.4749, e: 0.5, want: 'at risk' },
    { a: 0.375, e: 0.5, want: 'at risk' },
    { a: 0.3749, e: 0.5, want: 'off track' },
    // 0.95 * 0.4 is 0.38000000000000006 in floating point: still on track at 0.38.
    { a: 0.38, e: 0.4, want: 'on track' },
    { a: 0.3, e: 0.4, want: 'at risk' },
    { a: 0, e: 0, want: 'on track' },
    { a: 1.5, e: 1, want: 'on track' },
    { a: -0.1, e: 0, want: 'off track' },
  ] as const)('a=$a e=$e → $want', ({ a, e, want }) => {
    expect(statusOf(a, e)).toBe(want);
  });

  it.each([0, 0.5, 1])('no attainment → not measured (e=%s)', (e) => {
    expect(statusOf(null, e)).toBe('not measured');
  });
});
