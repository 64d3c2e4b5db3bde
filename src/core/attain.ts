// Attainment of one measured goal (actual against target, by direction) and the status it earns.
import type { IssueDetail } from './issues';
import { type Direction, STATUSES, type Status } from './model';

export type AttainmentError = 'zero-span' | 'missing-target' | 'bad-range';

export type Attainment =
  | { kind: 'value'; value: number }
  | { kind: 'unmeasured' }
  | { kind: 'error'; code: AttainmentError };

/** The values attainment reads; a Goal has them all. */
export interface Measure {
  direction: Direction;
  actual: number | null;
  target: number | null;
  targetMax: number | null;
  baseline: number | null;
  cap: number | null;
  floor: number | null;
}

export interface Limits {
  cap: number;
  floor: number;
}

const UNMEASURED: Attainment = { kind: 'unmeasured' };
const failure = (code: AttainmentError): Attainment => ({ kind: 'error', code });

/**
 * Attainment of actual against target, clamped to [floor, cap] (the goal's own limits, else the defaults).
 * No actual means unmeasured, whatever else is wrong: the target is only checked once there is something
 * to measure against it. Where floor > cap the cap wins (Math.min is applied last).
 */
export function attainment(g: Measure, defaults: Limits): Attainment {
  if (g.actual === null) return UNMEASURED;
  const raw = unclamped(g, g.actual);
  if (typeof raw !== 'number') return raw;
  const floor = g.floor ?? defaults.floor;
  const cap = g.cap ?? defaults.cap;
  return { kind: 'value', value: Math.min(cap, Math.max(floor, raw)) };
}

/** The model's formulas before clamping; Infinity stands for "as good as it gets" (reaches the cap). */
function unclamped(g: Measure, actual: number): number | Attainment {
  switch (g.direction) {
    case 'binary':
      // The parser has already turned done/yes/true/1/x/✓ into 1 and every other value into 0.
      return actual === 1 ? 1 : 0;
    case 'range':
      if (g.target === null) return failure('missing-target');
      if (g.targetMax === null || g.target > g.targetMax) return failure('bad-range');
      return g.target <= actual && actual <= g.targetMax ? 1 : 0;
    case 'lower':
      if (g.target === null) return failure('missing-target');
      if (g.baseline !== null) {
        if (g.baseline === g.target) return failure('zero-span');
        return (g.baseline - actual) / (g.baseline - g.target);
      }
      if (g.target === 0) return failure('zero-span');
      // Nothing at all of a "lower is better" quantity is the best possible result.
      if (actual === 0) return Number.POSITIVE_INFINITY;
      return g.target / actual;
    default: {
      // 'higher', the default direction.
      if (g.target === null) return failure('missing-target');
      const baseline = g.baseline ?? 0;
      if (baseline === g.target) return failure('zero-span');
      return (actual - baseline) / (g.target - baseline);
    }
  }
}

/** Final attainment from measured and rolled up: the measured one where there is one (NaN = null). */
export const finalOf = (measured: number, rolledUp: number): number =>
  Number.isNaN(measured) ? rolledUp : measured;

/** The issue for an attainment that could not be computed; a bad range quotes the bounds it got. */
export function attainmentIssue(
  g: Pick<Measure, 'target' | 'targetMax'>,
  code: AttainmentError,
): IssueDetail {
  if (code !== 'bad-range') return { code };
  const text = `${g.target ?? ''}${g.targetMax === null ? '' : `-${g.targetMax}`}`;
  return { code, text };
}

/**
 * Tolerance for comparing attainments with thresholds: 0.38 must count as 95% of an elapsed share of 0.4
 * even though 0.95 * 0.4 is 0.38000000000000006 in floating point.
 */
export const TOLERANCE = 1e-9;

/** On track at >= 95% of the elapsed share, at risk at >= 75%, else off track; not measured without a value. */
export function statusOf(attainment: number | null, elapsed: number): Status {
  return STATUSES[statusCode(attainment, elapsed)];
}

/** statusOf as its place in STATUSES (on track 0, at risk 1, off track 2, not measured 3), as the cascade keeps it. */
export function statusCode(attainment: number | null, elapsed: number): number {
  if (attainment === null) return 3;
  if (attainment >= 0.95 * elapsed - TOLERANCE) return 0;
  return attainment >= 0.75 * elapsed - TOLERANCE ? 1 : 2;
}
