// Each goal's run-rate forecast across an analysis: its period, its check-ins, its phase actuals and its figures today.
import { type Forecast, forecastOf } from './forecast';
import type { CheckIn } from './history';
import type { Goal, Settings } from './model';
import type { Period } from './period';
import { phaseActualMode, phaseActualPoints } from './phasing';
import { type Analysis, periodLookup } from './workbook';

/**
 * A goal's forecast as the Cascade panel, the Roll-up and MBO_FORECAST (given the goal's table) give it, judged on
 * `day`: null before its period begins; after it ends, as on its last day. See forecastOf.
 */
export function forecastOnDay(
  goal: Goal,
  final: number | null,
  checkIns: readonly CheckIn[],
  period: Period,
  day: number,
  settings: Pick<Settings, 'cap' | 'floor' | 'payoutCurve'>,
): Forecast | null {
  if (day < period.start) return null;
  return forecastOf(goal, final, checkIns, period, Math.min(day, period.end - 1), settings);
}

/**
 * The day a goal's latest phase actual (Q1 actual...) in the period stands on (the last day of its phase), or null
 * without one: a day to judge on for a formula, which has no clock.
 */
export function lastPhaseActualDay(goal: Goal, period: Period): number | null {
  if (goal.phaseActuals === undefined) return null;
  const points = phaseActualPoints(goal.phaseActuals, phaseActualMode(goal), period, period.end - 1);
  return points.length === 0 ? null : points[points.length - 1].day;
}

/**
 * A function giving goal i's forecast of its end-of-period attainment (and payout), or null: without a day to judge
 * on, a period (its own or the workbook's default) or any reading in it. `checkIns(i)` are its check-ins, oldest first.
 */
export function goalForecasts(
  analysis: Pick<Analysis, 'goals' | 'results' | 'settings' | 'today'>,
  checkIns: (i: number) => readonly CheckIn[],
): (i: number) => Forecast | null {
  const { goals, results, settings, today } = analysis;
  const periodOf = periodLookup(settings);
  return (i) => {
    if (today === null) return null;
    const goal = goals[i];
    const period = periodOf(goal);
    if (period === null) return null;
    return forecastOnDay(goal, results.at(i).final, checkIns(i), period, today, settings);
  };
}
