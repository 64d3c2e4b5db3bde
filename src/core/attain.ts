// Attainment of one measured goal (actual against target, by direction) and the status it earns.
import { spanRatio } from './finite';
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
  /** Attainment as the sheet states it (Progress, Score): counts where there is no Actual against a Target. */
  progress?: number | null;
  /** Payout level in the Actual's units: the attainment it stands for caps the goal (when no Cap is given). */
  stretch?: number | null;
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
  const progress = g.progress ?? null;
  if (progress !== null && (g.actual === null || lacksTarget(g))) return clamped(g, defaults, progress);
  if (g.actual === null) return UNMEASURED;
  const raw = unclamped(g, g.actual);
  if (typeof raw !== 'number') return raw;
  return clamped(g, defaults, raw);
}

function clamped(g: Measure, defaults: Limits, raw: number): Attainment {
  const floor = g.floor ?? defaults.floor;
  return { kind: 'value', value: Math.min(capOf(g, defaults), Math.max(floor, raw)) };
}

/** The highest attainment a goal counts for: its Cap, else what its Stretch stands for, else the default. */
export function capOf(g: Measure, defaults: Limits): number {
  return g.cap ?? stretchCap(g) ?? defaults.cap;
}

/** True when a goal has nothing to measure its Actual against (a done-or-not goal always has). */
function lacksTarget(g: Measure): boolean {
  return g.direction !== 'binary' && g.target === null;
}

/** The attainment a Stretch level stands for (the goal's cap), or null when there is none or it reads as no cap. */
function stretchCap(g: Measure): number | null {
  const stretch = g.stretch ?? null;
  if (stretch === null || g.direction === 'binary' || g.direction === 'range') return null;
  const at = unclamped(g, stretch);
  return typeof at === 'number' && Number.isFinite(at) && at > 0 ? at : null;
}

/**
 * The attainment a Threshold level stands for: below it the goal earns nothing on its owner's scorecard. Null where
 * the goal has no threshold or it cannot be measured against the target.
 */
export function thresholdAttainment(g: Measure & { threshold: number | null }): number | null {
  if (g.threshold === null || g.direction === 'binary' || g.direction === 'range') return null;
  const at = unclamped(g, g.threshold);
  return typeof at === 'number' && Number.isFinite(at) ? at : null;
}

/**
 * The model's formulas before clamping; Infinity stands for "as good as it gets" (reaches the cap), and a ratio
 * beyond the largest number (a huge actual over a tiny span) is ±Infinity too, which the clamp turns into the cap
 * or the floor. Never NaN for finite inputs: differences that overflow are taken of halves (see spanRatio).
 */
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
        // (B - A) / (B - T) is (A - B) / (T - B): one overflow-safe formula for both directions.
        return spanRatio(actual, g.baseline, g.target);
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
      return spanRatio(actual, baseline, g.target);
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
