// Each goal's run-rate forecast across an analysis: its period, its check-ins, its phase actuals and its figures today.
import { type Forecast, forecastOf } from './forecast';
import type { CheckIn } from './history';
import { type Analysis, periodLookup } from './workbook';

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
    if (period === null || today < period.start) return null;
    return forecastOf(
      goal,
      results.at(i).final,
      checkIns(i),
      period,
      Math.min(today, period.end - 1),
      settings,
    );
  };
}
