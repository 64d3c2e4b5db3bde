// Phased targets: Q1..Q4 and monthly target columns, the Settings target path, and the status they give today.
import { describe, expect, it } from 'vitest';
import { phaseActualEndMonth, phaseEndMonth } from '../../src/core/fields';
import { forecastOf } from '../../src/core/forecast';
import { type CellValue, DEFAULT_SETTINGS } from '../../src/core/model';
import { elapsedShare, parseDay, parsePeriod } from '../../src/core/period';
import {
  cumulativeTargets,
  expectedShare,
  type PhaseActualMode,
  type PhaseTarget,
  pathShare,
  phaseActualMode,
  phaseActualPoints,
  type TargetPath,
} from '../../src/core/phasing';
import { analyzeWorkbook } from '../../src/core/workbook';
import { makeGoal } from '../support/goals';

const day = (iso: string): number => parseDay(iso)!;
const FY = parsePeriod('FY2026')!;
const Q3 = parsePeriod('Q3 2026')!;
const MAR = parsePeriod('Mar 2026')!;
/** Share of FY2026 seen by the end of a day. */
const fy = (iso: string): number => elapsedShare(FY, day(iso));

describe('phaseEndMonth: which headers are phase targets', () => {
  it.each<[string, number | null]>([
    ['Q1 target', 3],
    ['Target Q4', 12],
    ['q2-target', 6],
    ['Jan target', 1],
    ['Target March', 3],
    ['target (may)', null],
    ['Target', null],
    ['Q1', null],
    ['Q5 target', null],
    ['Target date', null],
    ['Target value', null],
  ])('%j -> %j', (header, month) => {
    expect(phaseEndMonth(header)).toBe(month);
  });
});

describe('pathShare', () => {
  it.each<[TargetPath, typeof FY, string, number]>([
    ['linear', FY, '2026-06-30', fy('2026-06-30')],
    ['back-loaded', FY, '2026-06-30', fy('2026-06-30') ** 2],
    ['back-loaded', FY, '2026-12-31', 1],
    ['stepped', FY, '2026-03-30', 0],
    ['stepped', FY, '2026-03-31', 90 / 365],
    ['stepped', FY, '2026-08-15', 181 / 365],
    ['stepped', FY, '2026-12-31', 1],
    ['stepped', Q3, '2026-08-15', 31 / 92],
    ['stepped', MAR, '2026-03-30', 0],
    ['stepped', MAR, '2026-03-31', 1],
    ['stepped', FY, '2025-12-01', 0],
  ])('%s over %o on %s', (path, period, today, share) => {
    expect(pathShare(path, period, day(today))).toBeCloseTo(share, 12);
  });
});

const quarters = (...targets: number[]): PhaseTarget[] =>
  targets.map((target, k) => ({ endMonth: 3 * (k + 1), target }));

describe('cumulativeTargets', () => {
  it.each<[string, PhaseTarget[], number | null, typeof FY, number[]]>([
    ['parts that add up to the Target are summed', quarters(10, 20, 30, 40), 100, FY, [10, 30, 60, 100]],
    ['values by the end of each phase stay', quarters(10, 30, 60, 100), 100, FY, [10, 30, 60, 100]],
    ['without a Target, as written', quarters(10, 20, 30, 40), null, FY, [10, 20, 30, 40]],
    ['phases outside the period are left out', quarters(10, 30, 60, 100), 100, Q3, [60]],
    [
      'months',
      [
        { endMonth: 1, target: 5 },
        { endMonth: 2, target: 5 },
        { endMonth: 3, target: 5 },
      ],
      15,
      parsePeriod('Q1 2026')!,
      [5, 10, 15],
    ],
  ])('%s', (_label, phases, target, period, values) => {
    expect(cumulativeTargets(phases, target, period).map((p) => p.value)).toEqual(values);
  });
});

describe('expectedShare', () => {
  const goal = (spec: Parameters<typeof makeGoal>[0]) => makeGoal({ target: 100, ...spec });
  it.each<[string, ReturnType<typeof goal>, TargetPath, string, number]>([
    ['no phases: the path', goal({ id: 'A' }), 'linear', '2026-06-30', fy('2026-06-30')],
    ['no phases, back-loaded', goal({ id: 'A' }), 'back-loaded', '2026-06-30', fy('2026-06-30') ** 2],
    [
      'at a phase end: that phase’s target',
      goal({ id: 'A', phaseTargets: quarters(10, 20, 30, 40) }),
      'linear',
      '2026-03-31',
      0.1,
    ],
    [
      'inside a phase: on the line between',
      goal({ id: 'A', phaseTargets: quarters(10, 20, 30, 40) }),
      'linear',
      '2026-05-15',
      0.1 + (0.2 * (day('2026-05-16') - day('2026-04-01'))) / 91,
    ],
    [
      'stepped: the last phase over',
      goal({ id: 'A', phaseTargets: quarters(10, 20, 30, 40) }),
      'stepped',
      '2026-05-15',
      0.1,
    ],
    [
      'before the first phase ends: from the baseline',
      goal({ id: 'A', baseline: 50, target: 150, phaseTargets: quarters(60, 80, 110, 150) }),
      'linear',
      '2026-02-14',
      (0.1 * 45) / 90,
    ],
    [
      'lower is better, with a baseline',
      goal({
        id: 'A',
        direction: 'lower',
        baseline: 200,
        target: 100,
        phaseTargets: quarters(180, 160, 130, 100),
      }),
      'linear',
      '2026-06-30',
      0.4,
    ],
    [
      'a half-year: the last phase, then on to the Target',
      goal({ id: 'A', phaseTargets: quarters(10, 20, 30, 40), period: 'H1 2026' }),
      'linear',
      '2026-03-31',
      0.1,
    ],
    [
      'done-or-not goals follow the path',
      goal({ id: 'A', direction: 'binary', phaseTargets: quarters(0, 0, 0, 1) }),
      'linear',
      '2026-06-30',
      fy('2026-06-30'),
    ],
    [
      'before the period: nothing yet',
      goal({ id: 'A', phaseTargets: quarters(10, 20, 30, 40) }),
      'linear',
      '2025-12-01',
      0,
    ],
  ])('%s', (_label, g, path, today, share) => {
    const period = parsePeriod(g.period || 'FY2026')!;
    expect(expectedShare(g, period, day(today), path)).toBeCloseTo(share, 12);
  });
});

describe('status against the phased target for today', () => {
  const tab = (header: string[], ...rows: CellValue[][]) => ({
    name: 'Goals',
    grid: [['ID', 'Goal', 'Period', 'Target', 'Actual', ...header], ...rows],
  });
  function statusOf(
    tabs: ReturnType<typeof tab>[],
    settings: CellValue[][] = [],
    today = '2026-06-30',
  ): string[] {
    const a = analyzeWorkbook([...tabs, ...(settings.length ? [{ name: 'Settings', grid: settings }] : [])], {
      today: day(today),
    });
    return a.goals.map((g) => `${g.id}: ${a.results.at(g.index).status}`);
  }

  it('Q1..Q4 targets (parts of the year) judge each goal by its own plan', () => {
    // By June 30 the plan is 30 of 100; the linear path would expect 49.6.
    const phased = tab(
      ['Q1 target', 'Q2 target', 'Q3 target', 'Q4 target'],
      ['A', 'On plan', 'FY2026', 100, 29, 10, 20, 30, 40],
      ['B', 'Behind', 'FY2026', 100, 24, 10, 20, 30, 40],
      ['C', 'No plan', 'FY2026', 100, 29],
    );
    expect(statusOf([phased])).toEqual(['A: on track', 'B: at risk', 'C: off track']);
  });

  it('a Target path in Settings judges goals without phase targets', () => {
    const plain = tab([], ['A', 'Back-loaded', 'FY2026', 100, 24]);
    expect(statusOf([plain])).toEqual(['A: off track']);
    expect(statusOf([plain], [['Target path', 'back-loaded']])).toEqual(['A: on track']);
    // Stepped: on June 29 only Q1 is over (90 days of 365); on June 30 Q2 is too.
    expect(statusOf([plain], [['Target path', 'stepped']], '2026-06-29')).toEqual(['A: on track']);
    expect(statusOf([plain], [['Target path', 'stepped']])).toEqual(['A: off track']);
  });

  it('an unreadable phase target is reported, not blocking', () => {
    const a = analyzeWorkbook([tab(['Q1 target'], ['A', 'Goal', 'FY2026', 100, 29, 'lots'])], {
      today: day('2026-06-30'),
    });
    expect(a.issues.filter((i) => i.code === 'not-a-number')).toMatchObject([
      { row: 2, col: 6, column: 'Q1 target', goalId: 'A' },
    ]);
    expect(a.results.at(0).measured).toBe(0.29);
  });
});

describe('phaseActualEndMonth: which headers are phase actuals', () => {
  it.each<[string, number | null]>([
    ['Q1 actual', 3],
    ['Actual Q2', 6],
    ['q4-actual', 12],
    ['Jan actual', 1],
    ['Actual March', 3],
    ['Actual', null],
    ['Q1 target', null],
    ['Actual date', null],
  ])('%j -> %j', (header, month) => {
    expect(phaseActualEndMonth(header)).toBe(month);
  });
});

describe('phaseActualMode', () => {
  const goal = (spec: Parameters<typeof makeGoal>[0]) => makeGoal({ target: 100, ...spec });
  it.each<[string, ReturnType<typeof goal>, PhaseActualMode]>([
    ['an amount adds up', goal({ id: 'A', unit: '$' }), 'sum'],
    ['a count adds up', goal({ id: 'A', unit: 'count' }), 'sum'],
    ['a percentage is a level', goal({ id: 'A', unit: '%' }), 'latest'],
    ['a rate is a level', goal({ id: 'A', unit: 'Churn rate' }), 'latest'],
    ['an NPS is a level', goal({ id: 'A', unit: 'NPS' }), 'latest'],
    ['lower is better: a level', goal({ id: 'A', unit: '$', direction: 'lower' }), 'latest'],
    ['a range: a level', goal({ id: 'A', direction: 'range' }), 'latest'],
    [
      'phase targets that are parts of the Target: parts',
      goal({ id: 'A', phaseTargets: quarters(10, 20, 30, 40) }),
      'sum',
    ],
    [
      'phase targets that are values by the end of each phase: so are the actuals',
      goal({ id: 'A', phaseTargets: quarters(10, 30, 60, 100) }),
      'latest',
    ],
  ])('%s', (_label, g, mode) => {
    expect(phaseActualMode(g)).toBe(mode);
  });
});

describe('phase actuals make a blank Actual, and status and forecast use them', () => {
  const grid = [
    [
      'ID',
      'Goal',
      'Period',
      'Unit',
      'Direction',
      'Target',
      'Actual',
      'Q1 actual',
      'Actual Q2',
      'Q1 target',
      'Q2 target',
    ],
    ['SUM', 'Revenue', 'FY2026', '$', '', 100, '', 20, 25, '', ''],
    ['PCT', 'Margin', 'FY2026', '%', '', 0.4, '', 0.3, 0.35, '', ''],
    ['CELL', 'Actual cell wins', 'FY2026', '$', '', 100, 70, 20, 25, '', ''],
    ['LOW', 'Cost', 'FY2026', '$', 'lower', 50, '', 80, 60, '', ''],
    ['CUM', 'Cumulative plan', 'FY2026', '$', '', 100, '', 20, 45, 20, 45],
    ['NONE', 'Not measured', 'FY2026', '$', '', 100, '', '', '', '', ''],
    ['BAD', 'Unreadable', 'FY2026', '$', '', 100, '', 'lots', 30, '', ''],
  ];
  const analysis = analyzeWorkbook([{ name: 'Goals', grid }], { today: day('2026-06-30') });
  const byId = (id: string) => analysis.goals.find((g) => g.id === id)!;

  it.each<[string, number | null]>([
    ['SUM', 45],
    ['PCT', 0.35],
    ['CELL', 70],
    ['LOW', 60],
    ['CUM', 45],
    ['NONE', null],
    ['BAD', 30],
  ])('%s: Actual %j', (id, actual) => {
    expect(byId(id).actual).toBe(actual);
  });

  it('status is judged on them', () => {
    const status = (id: string) => analysis.results.at(byId(id).index).status;
    // 45 of 100 by June 30 (49.6% of the year): at risk; 70: on track; none: not measured.
    expect([status('SUM'), status('CELL'), status('NONE')]).toEqual(['at risk', 'on track', 'not measured']);
    expect(analysis.issues.filter((i) => i.code === 'not-a-number').map((i) => [i.goalId, i.column])).toEqual(
      [['BAD', 'Q1 actual']],
    );
  });

  it('the run-rate forecast runs through each phase’s running total', () => {
    const g = byId('SUM');
    // 20 by March 31, 45 by June 30: the line through them reaches about 96 by December 31.
    const f = forecastOf(g, analysis.results.at(g.index).final, [], FY, day('2026-06-30'), DEFAULT_SETTINGS)!;
    expect(f.method).toBe('trend');
    expect(f.points).toBe(2);
    expect(f.attainment).toBeCloseTo((20 + (25 / 91) * (365 - 90)) / 100, 6);
    expect(phaseActualPoints(g.phaseActuals!, 'sum', FY, day('2026-05-15'))).toEqual([
      { day: day('2026-03-31'), value: 20 },
      { day: day('2026-05-15'), value: 45 },
    ]);
  });
});
