// Run-rate forecasts: projecting a series to the end of its period, and a goal's end-of-period attainment and payout.
import { describe, expect, it } from 'vitest';
import type { Measure } from '../../src/core/attain';
import { forecastGoal, type Point, projectToEnd } from '../../src/core/forecast';
import type { CheckIn } from '../../src/core/history';
import { DEFAULT_SETTINGS } from '../../src/core/model';
import { parseDay, parsePeriod } from '../../src/core/period';

const day = (iso: string): number => parseDay(iso)!;
const FY = parsePeriod('FY2026')!;
const Q3 = parsePeriod('Q3 2026')!;
const p = (iso: string, value: number): Point => ({ day: day(iso), value });
/** Days of FY2026 seen by the end of a day, as elapsedShare counts them. */
const seen = (iso: string): number => day(iso) + 1 - FY.start;

describe('projectToEnd', () => {
  it.each<[string, Point[], number | null, { value: number; method: string; points: number } | null]>([
    ['no readings', [], 0, null],
    [
      'one reading: the pace since the start',
      [p('2026-07-01', 0.5)],
      0,
      { value: (0.5 * 365) / seen('2026-07-01'), method: 'pace', points: 1 },
    ],
    [
      'one reading from a baseline',
      [p('2026-07-01', 60)],
      50,
      { value: 50 + (10 * 365) / seen('2026-07-01'), method: 'pace', points: 1 },
    ],
    [
      'one reading without a start: the reading',
      [p('2026-07-01', 4.5)],
      null,
      { value: 4.5, method: 'latest', points: 1 },
    ],
    [
      'readings on a line: the line at the last day',
      [p('2026-01-31', 31), p('2026-03-31', 90), p('2026-06-30', 181)],
      0,
      { value: 365, method: 'trend', points: 3 },
    ],
    [
      'readings out of the period or after the date are left out',
      [p('2025-12-31', 999), p('2026-01-31', 31), p('2026-03-31', 90), p('2026-09-01', 0)],
      0,
      { value: 365, method: 'trend', points: 2 },
    ],
    [
      'the same day twice: the later reading',
      [p('2026-03-31', 1), p('2026-03-31', 90), p('2026-01-31', 31)],
      0,
      { value: 365, method: 'trend', points: 2 },
    ],
    [
      'a falling line keeps falling',
      [p('2026-01-31', 100), p('2026-06-30', 50)],
      0,
      { value: 100 - (50 / (181 - 31)) * (365 - 31), method: 'trend', points: 2 },
    ],
  ])('%s', (_label, points, start, expected) => {
    const got = projectToEnd(points, FY, day('2026-07-01'), start);
    if (expected === null) expect(got).toBeNull();
    else {
      expect(got).toMatchObject({ method: expected.method, points: expected.points });
      expect(got!.value).toBeCloseTo(expected.value, 9);
    }
  });

  it.each([
    [
      'a line between -MAX and MAX',
      [p('2026-01-31', -Number.MAX_VALUE), p('2026-06-30', Number.MAX_VALUE)],
      null,
    ],
    ['one reading of MAX at its pace', [p('2026-01-31', Number.MAX_VALUE)], -Number.MAX_VALUE],
    ['a fall from MAX to -1e308', [p('2026-01-31', Number.MAX_VALUE), p('2026-03-31', -1e308)], 0],
  ])('stays finite near ±1e308: %s', (_label, points, start) => {
    const got = projectToEnd(points, FY, day('2026-07-01'), start);
    expect(Number.isFinite(got!.value), String(got!.value)).toBe(true);
  });

  it('takes a reading on the last day as the end value', () => {
    expect(projectToEnd([p('2026-12-31', 0.9)], FY, day('2026-12-31'), 0)).toEqual({
      value: 0.9,
      method: 'pace',
      points: 1,
    });
  });
});

describe('forecastGoal', () => {
  const goal = (g: Partial<Measure>): Measure => ({
    direction: 'higher',
    actual: null,
    target: 100,
    targetMax: null,
    baseline: null,
    cap: null,
    floor: null,
    ...g,
  });
  const checkIn = (iso: string, actual: number | null, final: number | null): CheckIn => ({
    day: day(iso),
    id: 'X',
    actual,
    measured: final,
    final,
    status: '',
    confidence: null,
    note: '',
  });
  const limits = { cap: DEFAULT_SETTINGS.cap, floor: DEFAULT_SETTINGS.floor };
  const curve = DEFAULT_SETTINGS.payoutCurve;
  const onPace = [checkIn('2026-07-31', 31, 0.31), checkIn('2026-08-31', 62, 0.62)];

  it.each<
    [
      string,
      Partial<Measure>,
      CheckIn[],
      { attainment: number; payout: number | null; method: string } | null,
    ]
  >([
    [
      'on pace for the target: 100%, paying 100%',
      { target: 92 },
      onPace,
      { attainment: 1, payout: 1, method: 'trend' },
    ],
    [
      'ahead of pace: capped at 150%, paying the curve’s top',
      { target: 50 },
      onPace,
      { attainment: 1.5, payout: 1.5, method: 'trend' },
    ],
    ['behind: 80% pays 50%', { target: 115 }, onPace, { attainment: 0.8, payout: 0.5, method: 'trend' }],
    ['a goal’s own cap', { target: 50, cap: 1.2 }, onPace, { attainment: 1.2, payout: 1.5, method: 'trend' }],
    [
      'lower with a baseline: projects the improvement',
      { direction: 'lower', baseline: 200, target: 100 },
      [checkIn('2026-07-31', 169, 0.31), checkIn('2026-08-31', 138, 0.62)],
      { attainment: 0.92, payout: 0.8, method: 'trend' },
    ],
    [
      'lower without a baseline, one reading: as it stands',
      { direction: 'lower', target: 2 },
      [checkIn('2026-08-15', 2.5, 0.8)],
      { attainment: 0.8, payout: 0.5, method: 'latest' },
    ],
    [
      'a roll-up (no Actuals) projects its attainment',
      { target: null },
      [checkIn('2026-07-31', null, 0.31), checkIn('2026-08-31', null, 0.62)],
      { attainment: 0.92, payout: 0.8, method: 'trend' },
    ],
    [
      'a done-or-not goal is not projected',
      { direction: 'binary', target: null },
      [checkIn('2026-07-31', 0, 0), checkIn('2026-08-31', 0, 0)],
      { attainment: 0, payout: 0, method: 'latest' },
    ],
    ['no check-in: no forecast', {}, [], null],
  ])('%s', (_label, g, checkIns, expected) => {
    const got = forecastGoal(goal(g), checkIns, Q3, day('2026-09-01'), limits, curve);
    if (expected === null) {
      expect(got).toBeNull();
      return;
    }
    expect(got?.method).toBe(expected.method);
    expect(got!.attainment).toBeCloseTo(expected.attainment, 9);
    if (expected.payout === null) expect(got!.payout).toBeNull();
    else expect(got!.payout).toBeCloseTo(expected.payout, 9);
  });

  it('has no payout without a curve', () => {
    expect(forecastGoal(goal({ target: 92 }), onPace, Q3, day('2026-09-01'), limits, [])?.payout).toBeNull();
  });
});
