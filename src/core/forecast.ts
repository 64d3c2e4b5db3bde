// Run-rate forecasts: where a goal's figures land at the end of its period if they keep their pace, and the payout that earns.
import { attainment, type Limits, type Measure } from './attain';
import { saturate } from './finite';
import type { CheckIn } from './history';
import type { Goal, PayoutPoint, Settings } from './model';
import type { Period } from './period';
import { phaseActualMode, phaseActualPoints } from './phasing';
import { compilePayout } from './score';

/** A figure on a day (UTC day number). */
export interface Point {
  day: number;
  value: number;
}

/** A projection to the period's last day. */
export interface Projection {
  value: number;
  /**
   * `trend`: a straight line through two or more readings; `pace`: one reading, at the pace since the period began;
   * `latest`: one reading of a figure with no known start, or a done-or-not goal: the reading itself.
   */
  method: 'trend' | 'pace' | 'latest';
  /** How many readings it stands on. */
  points: number;
}

/**
 * Where a series lands on the period's last day at its run rate, from the readings in the period up to `asOf`
 * (the latest reading of a day counts). Days are counted as elapsedShare counts them: a reading on day d has
 * seen d + 1 - start days of the period, so a reading on the last day is the end value itself.
 * - Two or more readings on different days: the least-squares line through them.
 * - One reading (or all on one day): the pace from `start`, the value at the period's start (0 for attainment,
 *   the baseline for an actual): start + (value - start) x length / days seen. With no start (a level such as a
 *   churn rate, with no baseline), the reading itself.
 * - None: null.
 */
export function projectToEnd(
  points: readonly Point[],
  period: Period,
  asOf: number,
  start: number | null,
): Projection | null {
  const length = period.end - period.start;
  const byDay = new Map<number, number>();
  for (const p of points) {
    if (p.day < period.start || p.day >= period.end || p.day > asOf || !Number.isFinite(p.value)) continue;
    byDay.set(p.day, p.value);
  }
  if (byDay.size === 0) return null;
  const xs = [...byDay.keys()].map((d) => d + 1 - period.start);
  // Figures near ±1e308 are projected scaled down, so that no sum or difference overflows into Infinity or NaN.
  const largest = Math.max(Math.abs(start ?? 0), ...[...byDay.values()].map(Math.abs));
  const scale = largest > 1e150 ? largest : 1;
  const ys = [...byDay.values()].map((y) => y / scale);
  const unscaled = (value: number): number => saturate(value * scale);
  if (byDay.size === 1) {
    if (start === null) return { value: unscaled(ys[0]), method: 'latest', points: 1 };
    const from = start / scale;
    return { value: unscaled(from + ((ys[0] - from) * length) / xs[0]), method: 'pace', points: 1 };
  }
  const n = xs.length;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let k = 0; k < n; k++) {
    sxy += (xs[k] - meanX) * (ys[k] - meanY);
    sxx += (xs[k] - meanX) ** 2;
  }
  return { value: unscaled(meanY + (sxy / sxx) * (length - meanX)), method: 'trend', points: n };
}

/** A goal's forecast: its attainment at the end of the period, and what that pays on the payout curve. */
export interface Forecast {
  attainment: number;
  payout: number | null;
  method: Projection['method'];
  points: number;
}

/**
 * A goal's end-of-period attainment at its run rate. A goal with Actuals in its check-ins (and a Target) projects its
 * Actual (from its Baseline; without one, a higher goal from 0 and a lower or range goal not at all) and measures that against the target, so a lower-is-better goal or a capped one
 * is judged as the model judges it; any other goal (a roll-up) projects its final attainment from 0. A done-or-not
 * goal is not projected: done is done, and not done is its latest attainment. The result is clamped to the goal's
 * floor and cap (the defaults where it has none); payout reads the curve (null without one).
 */
export function forecastGoal(
  goal: Measure,
  checkIns: readonly CheckIn[],
  period: Period,
  asOf: number,
  limits: Limits,
  curve: readonly PayoutPoint[],
  /** Actuals known otherwise (phase actuals, see phaseActualPoints); a check-in on the same day wins. */
  actualReadings: readonly Point[] = [],
): Forecast | null {
  const pay = (a: number): number | null => (curve.length === 0 ? null : compilePayout(curve)(a));
  const finals = checkIns
    .filter((c) => c.final !== null && c.day <= asOf)
    .map((c) => ({ day: c.day, value: c.final! }));
  if (goal.direction === 'binary') {
    if (finals.length === 0) return null;
    const last = finals[finals.length - 1].value;
    return { attainment: last, payout: pay(last), method: 'latest', points: 1 };
  }
  const actuals = [
    ...actualReadings,
    ...checkIns.filter((c) => c.actual !== null).map((c) => ({ day: c.day, value: c.actual! })),
  ];
  if (actuals.length > 0 && goal.target !== null) {
    // Without a baseline only a higher-is-better figure is known to start from 0; a level (lower, range) is not.
    const start = goal.baseline ?? (goal.direction === 'higher' ? 0 : null);
    const projected = projectToEnd(actuals, period, asOf, start);
    if (projected !== null) {
      const a = attainment({ ...goal, actual: projected.value, progress: null }, limits);
      if (a.kind === 'value')
        return {
          attainment: a.value,
          payout: pay(a.value),
          method: projected.method,
          points: projected.points,
        };
    }
  }
  const projected = projectToEnd(finals, period, asOf, 0);
  if (projected === null) return null;
  const floor = goal.floor ?? limits.floor;
  const cap = goal.cap ?? limits.cap;
  const value = Math.min(cap, Math.max(floor, projected.value));
  return { attainment: value, payout: pay(value), method: projected.method, points: projected.points };
}

/**
 * A goal's forecast as the sidebar and the Roll-up show it: its check-ins, its phase actuals (Q1 actual...) at the end
 * of each phase, and its figures now (its Actual and final attainment `final`, read today) as the latest reading, so a
 * goal with an Actual and a period has a forecast before its first check-in (the pace since the period began).
 * The workbook's cap, floor and payout curve apply.
 */
export function forecastOf(
  goal: Goal,
  final: number | null,
  checkIns: readonly CheckIn[],
  period: Period,
  today: number,
  settings: Pick<Settings, 'cap' | 'floor' | 'payoutCurve'>,
): Forecast | null {
  const phases =
    goal.phaseActuals === undefined
      ? []
      : phaseActualPoints(goal.phaseActuals, phaseActualMode(goal), period, today);
  // An Actual the phase actuals make is already their last reading: counted twice, it would bend the line.
  const fromPhases = phases.length > 0 && phases[phases.length - 1].value === goal.actual;
  const now: CheckIn = {
    day: today,
    id: goal.id,
    actual: fromPhases ? null : goal.actual,
    measured: null,
    final,
    status: '',
    confidence: null,
    note: '',
  };
  const readings = checkIns.filter((c) => c.day < today).concat(now);
  const limits = { cap: settings.cap, floor: settings.floor };
  return forecastGoal(goal, readings, period, today, limits, settings.payoutCurve, phases);
}
