// Phased targets: how much of its target a goal should have reached today, from Q1..Q4 or monthly target columns, or the target path in Settings.
import type { Goal } from './model';
import { elapsedShare, type Period } from './period';

/** How a target is expected to build up over its period when the goal has no phase targets (Settings ▸ Target path). */
export type TargetPath = 'linear' | 'back-loaded' | 'stepped';

export const TARGET_PATHS: readonly TargetPath[] = ['linear', 'back-loaded', 'stepped'];

/** A Q1..Q4 or monthly target column's value: the target for the phase ending with calendar month `endMonth` (1-12). */
export interface PhaseTarget {
  endMonth: number;
  target: number;
}

const DAY_MS = 86_400_000;

/** Calendar fields of a UTC day number. */
function yearMonth(day: number): { year: number; month0: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month0: d.getUTCMonth() };
}

const monthStartDay = (year: number, month0: number): number => Date.UTC(year, month0, 1) / DAY_MS;

/**
 * The steps of a stepped path: the ends (exclusive day numbers) of the period's calendar quarters, or of its months
 * when it is shorter than half a year (a quarter steps by month; a month is one step).
 */
function stepEnds(period: Period): number[] {
  const { year, month0 } = yearMonth(period.start);
  const months = Math.round((period.end - period.start) / 30.44);
  const size = months >= 6 ? 3 : 1;
  const ends: number[] = [];
  for (let m = size; m <= months; m += size) ends.push(monthStartDay(year, month0 + m));
  if (ends.length === 0 || ends[ends.length - 1] !== period.end) ends.push(period.end);
  return ends;
}

/**
 * The share of its target a goal should have reached on day `today` along a path, 0..1. Days count as
 * elapsedShare counts them (today through its end).
 * - `linear`: the share of the period elapsed;
 * - `back-loaded`: that share squared (a quarter of the target at half-time, 56% at three quarters);
 * - `stepped`: the share at the end of the last quarter (a month, in a quarter) that is over.
 */
export function pathShare(path: TargetPath, period: Period, today: number): number {
  const elapsed = elapsedShare(period, today);
  if (path === 'back-loaded') return elapsed * elapsed;
  if (path !== 'stepped') return elapsed;
  const length = period.end - period.start;
  let reached = period.start;
  for (const end of stepEnds(period)) if (end <= today + 1) reached = end;
  return (reached - period.start) / length;
}

/**
 * The phase targets as the value to reach by the end of each phase, in order: targets that add up to the Target are
 * each phase's own part (so they are summed as they go); any others already are the value by the end of their phase.
 * Phases that end outside the period are left out.
 */
export function cumulativeTargets(
  phases: readonly PhaseTarget[],
  target: number | null,
  period: Period,
): { end: number; value: number }[] {
  const { year } = yearMonth(period.start);
  const inPeriod = phases
    .map((p) => ({ end: monthStartDay(year, p.endMonth), value: p.target }))
    .filter((p) => p.end > period.start && p.end <= period.end)
    .sort((a, b) => a.end - b.end);
  const total = inPeriod.reduce((a, p) => a + p.value, 0);
  const parts =
    target !== null && inPeriod.length > 1 && Math.abs(total - target) <= Math.abs(target) * 0.005 + 1e-9;
  if (!parts) return inPeriod;
  let sum = 0;
  return inPeriod.map((p) => ({ end: p.end, value: (sum += p.value) }));
}

/**
 * The share of its target a goal should have reached today: with phase targets (and a Target to measure them
 * against), the attainment the phased value for today stands for, on a line through each phase's end (a step at
 * each when the path is stepped), from the Baseline (or 0) at the period's start; otherwise the path's share.
 * Done-or-not and range goals, and lower-is-better goals without a Baseline, follow the path.
 */
export function expectedShare(goal: Goal, period: Period, today: number, path: TargetPath): number {
  const phases = goal.phaseTargets;
  // A lower-is-better goal without a baseline has no known start to draw the line from.
  const noStart = goal.direction === 'lower' && goal.baseline === null;
  if (
    phases === null ||
    noStart ||
    goal.direction === 'binary' ||
    goal.direction === 'range' ||
    goal.target === null
  ) {
    return pathShare(path, period, today);
  }
  const points = cumulativeTargets(phases, goal.target, period);
  if (points.length === 0) return pathShare(path, period, today);
  const start = goal.baseline ?? 0;
  const at = Math.min(today + 1, period.end);
  let from = { end: period.start, value: start };
  let value = start;
  if (at >= period.start) {
    // Past the last phase, the line runs on to the Target at the period's end.
    const line =
      points[points.length - 1].end < period.end
        ? [...points, { end: period.end, value: goal.target }]
        : points;
    value = line[line.length - 1].value;
    for (const p of line) {
      if (p.end <= at) {
        from = p;
        value = p.value;
        continue;
      }
      value =
        path === 'stepped'
          ? from.value
          : from.value + ((p.value - from.value) * (at - from.end)) / (p.end - from.end);
      break;
    }
  }
  const share = shareOf(goal, value);
  return share === null ? pathShare(path, period, today) : Math.max(0, share);
}

/** What an Actual of `value` is as a share of the target, by the goal's direction; null without a usable span. */
function shareOf(goal: Goal, value: number): number | null {
  const target = goal.target!;
  if (goal.direction === 'lower' && goal.baseline !== null) {
    return goal.baseline === target ? null : (goal.baseline - value) / (goal.baseline - target);
  }
  const start = goal.baseline ?? 0;
  return start === target ? null : (value - start) / (target - start);
}

/**
 * How Q1..Q4 or monthly actuals make a goal's Actual:
 * - `sum`: each phase's own figure, added up (a flow: revenue, sign-ups, deals);
 * - `latest`: the figure of the latest phase that has one (a level: a percentage, a rate, a score, an average; a
 *   lower-is-better, range or done-or-not goal; or a goal whose phase targets are each the value by the end of
 *   their phase rather than parts of the Target, so its actuals are read the same way).
 */
export type PhaseActualMode = 'sum' | 'latest';

/** Units that are levels, not amounts: their phases do not add up. */
const LEVEL_UNIT = /%|percent|pct|rate|ratio|score|nps|index|average|avg|margin|share|days?$/i;

/** Whether a goal's phase actuals add up or the latest counts; see PhaseActualMode. */
export function phaseActualMode(
  goal: Pick<Goal, 'direction' | 'unit' | 'target' | 'phaseTargets'>,
): PhaseActualMode {
  if (goal.direction !== 'higher') return 'latest';
  if (LEVEL_UNIT.test(goal.unit.trim())) return 'latest';
  const phases = goal.phaseTargets;
  if (phases !== null && phases.length > 1 && goal.target !== null) {
    const total = phases.reduce((a, p) => a + p.target, 0);
    if (Math.abs(total - goal.target) > Math.abs(goal.target) * 0.005 + 1e-9) return 'latest';
  }
  return 'sum';
}

/** The Actual that phase actuals make (see PhaseActualMode); null without any. */
export function phasedActual(phases: readonly PhaseTarget[], mode: PhaseActualMode): number | null {
  if (phases.length === 0) return null;
  if (mode === 'sum') return phases.reduce((a, p) => a + p.target, 0);
  return phases.reduce((a, p) => (p.endMonth > a.endMonth ? p : a)).target;
}

/**
 * Phase actuals as readings for a run-rate forecast: the goal's Actual as it stood at the end of each phase of the
 * period (the running total when they add up, else the phase's own figure), on the phase's last day, or on `asOf`
 * for a phase still running. Phases that end outside the period, or start after `asOf`, are left out.
 */
export function phaseActualPoints(
  phases: readonly PhaseTarget[],
  mode: PhaseActualMode,
  period: Period,
  asOf: number,
): { day: number; value: number }[] {
  const { year } = yearMonth(period.start);
  const inPeriod = phases
    .map((p) => ({ end: monthStartDay(year, p.endMonth), value: p.target, endMonth: p.endMonth }))
    .filter((p) => p.end > period.start && p.end <= period.end)
    .sort((a, b) => a.end - b.end);
  const points: { day: number; value: number }[] = [];
  let total = 0;
  let phaseStart = period.start;
  for (const p of inPeriod) {
    total += p.value;
    if (phaseStart > asOf) break;
    points.push({ day: Math.min(p.end - 1, asOf), value: mode === 'sum' ? total : p.value });
    phaseStart = p.end;
  }
  return points;
}
