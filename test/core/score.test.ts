// Pins the scorecard rules: payout curve, NPS, weighted scores, weights-not-100, gates and per-period cards.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issues';
import {
  type CascadeResults,
  type CellValue,
  DEFAULT_SETTINGS,
  type Goal,
  type GoalResult,
  type PayoutPoint,
  type Settings,
  STATUSES,
} from '../../src/core/model';
import { columnResults, NO_ELAPSED } from '../../src/core/results';
import {
  compilePayout,
  groupByOwnerPeriod,
  nps,
  payout,
  scorecards,
  tallyNps,
  weightedScore,
  weightsAddUp,
} from '../../src/core/score';
import { type GoalSpec as BaseSpec, makeGoal } from '../support/goals';

type GoalSpec = BaseSpec & { final?: number | null; measured?: number | null; rolledUp?: number | null };

/**
 * Goals on one tab, rows from 2, with their final attainment in matching cascade results: measured is
 * `final` unless given, rolledUp null unless given, and final, as in the cascade, measured else rolled up.
 */
function workbook(specs: readonly GoalSpec[]): { goals: Goal[]; results: CascadeResults } {
  const goals = specs.map(({ final: _final, measured: _measured, rolledUp: _rolledUp, ...spec }, index) =>
    makeGoal(spec, index, {
      owner: 'Ann',
      type: 'outcome',
      target: 1,
      columns: { id: 1, goal: 2, owner: 3, type: 4, weight: 5, gate: 6 },
    }),
  );
  const n = specs.length;
  const column = (value: (spec: GoalSpec) => number | null | undefined): Float64Array =>
    Float64Array.from(specs, (spec) => value(spec) ?? Number.NaN);
  const results = columnResults(
    {
      measured: column((spec) => (spec.measured === undefined ? spec.final : spec.measured)),
      rolledUp: column((spec) => spec.rolledUp),
      status: new Uint8Array(n).fill(STATUSES.indexOf('not measured')),
      gapThreshold: DEFAULT_SETTINGS.gap,
      elapsedOf: NO_ELAPSED,
    },
    {
      parentOf: new Int32Array(n).fill(-1),
      children: specs.map(() => []),
      onCycle: new Uint8Array(n),
      depth: new Int32Array(n),
    },
  );
  return { goals, results };
}

/** Final attainment looked up by GoalResult.index in a list of results, in any order, some possibly missing. */
const finalsOf = (list: readonly GoalResult[]): Pick<CascadeResults, 'final'> => ({
  final: (i) => list.find((r) => r.index === i)?.final ?? null,
});

const settings = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...over });
const codes = (issues: readonly Issue[]): string[] => issues.map((issue) => issue.code);

describe('payout', () => {
  const curve = DEFAULT_SETTINGS.payoutCurve; // (80%, 50%), (100%, 100%), (120%, 150%)
  it.each([
    ['far below the first point', -1, 0],
    ['at 0', 0, 0],
    ['just below the first point', 0.7999, 0],
    ['at the first point', 0.8, 0.5],
    // 0.6 / 0.75 is 0.7999999999999999 in floating point: weights of 15% and 60% score 80%, and pay as 80%.
    ['at the first point, by way of rounding noise', 0.6 / 0.75, 0.5],
    ['at a middle point, by way of rounding noise', 1 - 1e-12, 1],
    ['between the first two points', 0.9, 0.75],
    ['at a middle point', 1, 1],
    ['between the last two points', 1.1, 1.25],
    ['at the last point', 1.2, 1.5],
    ['after the last point: flat', 1.5, 1.5],
    ['far after the last point', 100, 1.5],
  ])('%s (%d) pays %d', (_name, attainment, expected) => {
    expect(payout(attainment, curve)).toBeCloseTo(expected, 12);
  });

  it.each([
    ['reversed', [...DEFAULT_SETTINGS.payoutCurve].reverse()],
    [
      'shuffled',
      [
        { attainment: 1, payout: 1 },
        { attainment: 1.2, payout: 1.5 },
        { attainment: 0.8, payout: 0.5 },
      ],
    ],
  ])('sorts %s points by attainment first', (_name, unsorted) => {
    for (const a of [0.5, 0.8, 0.9, 1, 1.1, 1.2, 2]) expect(payout(a, unsorted)).toBe(payout(a, curve));
  });

  it("does not reorder the caller's curve", () => {
    const unsorted: PayoutPoint[] = [
      { attainment: 1, payout: 1 },
      { attainment: 0.5, payout: 0 },
    ];
    payout(0.7, unsorted);
    expect(unsorted[0].attainment).toBe(1);
  });

  it.each([
    [0.99, 0],
    [1, 0.7],
    [1.01, 0.7],
    [5, 0.7],
  ])('a one-point curve is a step: %d pays %d', (attainment, expected) => {
    expect(payout(attainment, [{ attainment: 1, payout: 0.7 }])).toBe(expected);
  });

  it.each([
    [0.5, 0.5],
    [0.99, 0.99],
    [1, 2],
    [1.5, 2],
  ])(
    'two points at one attainment make a jump, the later one holding: %d pays %d',
    (attainment, expected) => {
      const jump = [
        { attainment: 0, payout: 0 },
        { attainment: 1, payout: 1 },
        { attainment: 1, payout: 2 },
      ];
      expect(payout(attainment, jump)).toBeCloseTo(expected, 12);
    },
  );

  it('a curve starting at (0, 0) interpolates from zero', () => {
    expect(
      payout(0.25, [
        { attainment: 0, payout: 0 },
        { attainment: 1, payout: 1 },
      ]),
    ).toBe(0.25);
  });

  it('an empty curve is a programmer error', () => {
    expect(() => payout(1, [])).toThrow(RangeError);
    expect(() => compilePayout([])).toThrow(RangeError);
  });

  it('NaN attainment gives NaN, not a made-up payout', () => {
    expect(payout(Number.NaN, curve)).toBeNaN();
  });

  it('a compiled curve agrees with payout', () => {
    const compiled = compilePayout(curve);
    for (const a of [0, 0.8, 0.85, 1, 1.15, 1.3]) expect(compiled(a)).toBe(payout(a, curve));
  });
});

describe('nps', () => {
  it.each<[string, (number | null)[], number | null, number]>([
    ['all promoters', [9, 10, 10, 9], 100, 4],
    ['all detractors', [0, 3, 6, 6], -100, 4],
    ['passives only', [7, 8, 7], 0, 3],
    ['a balanced mix', [10, 9, 8, 7, 6, 0], 0, 6],
    ['three promoters, one detractor', [10, 10, 10, 0], 50, 4],
    ['one promoter, one passive, two detractors', [9, 7, 6, 1], -25, 4],
    ['boundaries: 9 promotes, 6 detracts, 7-8 are passive', [9, 6, 7, 8], 0, 4],
    ['nulls are skipped', [null, 10, null, 0, 10], (100 * 1) / 3, 3],
    ['no answers', [], null, 0],
    ['only blanks', [null, null], null, 0],
  ])('%s', (_name, scores, value, count) => {
    const result = nps(scores);
    expect(result.count).toBe(count);
    if (value === null) expect(result.value).toBeNull();
    else expect(result.value).toBeCloseTo(value, 12);
  });
});

describe('tallyNps', () => {
  it.each<[string, CellValue[], number | null, number, CellValue[]]>([
    ['whole answers, blanks skipped', [10, '', null, 0, undefined], 0, 2, []],
    ['answers typed as text', ['9', ' 10 ', '6'], (100 * 1) / 3, 3, []],
    [
      'out of range, fractions and text are refused, never dropped',
      [10, 11, 'x', 6.5],
      100,
      1,
      [11, 'x', 6.5],
    ],
    ['negative and boolean', [-1, true, 8], 0, 1, [-1, true]],
    ['only refusals', ['n/a', 12], null, 0, ['n/a', 12]],
  ])('%s', (_name, cells, value, used, refused) => {
    const tally = tallyNps(cells);
    expect(tally.used).toBe(used);
    expect(tally.refused).toEqual(refused);
    if (value === null) expect(tally.value).toBeNull();
    else expect(tally.value).toBeCloseTo(value, 12);
  });
});

describe('weightedScore', () => {
  type Row = { weight: number | null; attainment: number | null };
  it.each<[string, Row[], boolean, number | null, number]>([
    [
      'fractions summing to 1',
      [
        { weight: 0.6, attainment: 1 },
        { weight: 0.4, attainment: 0.5 },
      ],
      false,
      0.8,
      1,
    ],
    [
      'percent points summing to 100 score the same',
      [
        { weight: 60, attainment: 1 },
        { weight: 40, attainment: 0.5 },
      ],
      false,
      0.8,
      100,
    ],
    [
      'huge weights do not overflow: only their ratio counts',
      [
        { weight: 1e308, attainment: 0.9 },
        { weight: 1e308, attainment: 0.8 },
      ],
      false,
      0.85,
      // The total as written would be Infinity; it is saturated to the largest number.
      Number.MAX_VALUE,
    ],
    [
      'the tiniest weights still weigh',
      [
        { weight: 5e-324, attainment: 1 },
        { weight: 5e-324, attainment: 0.5 },
      ],
      false,
      0.75,
      1e-323,
    ],
    [
      'weights not adding up are still normalised',
      [
        { weight: 30, attainment: 1 },
        { weight: 10, attainment: 0.6 },
      ],
      false,
      0.9,
      40,
    ],
    [
      'no weights at all: a plain mean',
      [
        { weight: null, attainment: 1 },
        { weight: null, attainment: 0.5 },
        { weight: null, attainment: 0 },
      ],
      false,
      0.5,
      0,
    ],
    [
      'some weights: a row without one counts for nothing',
      [
        { weight: 100, attainment: 1 },
        { weight: null, attainment: 0 },
      ],
      false,
      1,
      100,
    ],
    [
      'unmeasured rows are left out',
      [
        { weight: 50, attainment: 0.8 },
        { weight: 50, attainment: null },
      ],
      false,
      0.8,
      100,
    ],
    [
      'unmeasured rows count as 0 when asked',
      [
        { weight: 50, attainment: 0.8 },
        { weight: 50, attainment: null },
      ],
      true,
      0.4,
      100,
    ],
    [
      'unmeasured rows without weights left out of the mean',
      [
        { weight: null, attainment: 0.9 },
        { weight: null, attainment: null },
      ],
      false,
      0.9,
      0,
    ],
    [
      'unmeasured rows without weights count as 0 in the mean when asked',
      [
        { weight: null, attainment: 0.9 },
        { weight: null, attainment: null },
      ],
      true,
      0.45,
      0,
    ],
    ['nothing measured: no score', [{ weight: 100, attainment: null }], false, null, 100],
    ['nothing measured but counted as 0: score 0', [{ weight: 100, attainment: null }], true, 0, 100],
    ['no rows', [], false, null, 0],
    [
      'only zero-weight goals measured: no score',
      [
        { weight: 0, attainment: 1 },
        { weight: 100, attainment: null },
      ],
      false,
      null,
      100,
    ],
    [
      'a negative weight counts for nothing',
      [
        { weight: -50, attainment: 0 },
        { weight: 100, attainment: 0.7 },
      ],
      false,
      0.7,
      100,
    ],
    [
      'attainment above 100% is kept',
      [
        { weight: 1, attainment: 1.5 },
        { weight: 1, attainment: 0.5 },
      ],
      false,
      1,
      2,
    ],
  ])('%s', (_name, rows, asZero, score, weightTotal) => {
    const result = weightedScore(rows, asZero);
    if (score === null) expect(result.score).toBeNull();
    else expect(result.score).toBeCloseTo(score, 12);
    expect(result.weightTotal).toBeCloseTo(weightTotal, 12);
  });
});

describe('weightsAddUp', () => {
  it.each([
    [1, true],
    [0.995, true],
    [1.005, true],
    [0.994, false],
    [1.006, false],
    [100, true],
    [99.5, true],
    [100.5, true],
    [99.4, false],
    [100.6, false],
    [0, false],
    [50, false],
    [0.5, false],
    [0.1 + 0.2 + 0.7, true],
  ])('a total of %d adds up: %s', (total, expected) => {
    expect(weightsAddUp(total)).toBe(expected);
  });
});

describe('groupByOwnerPeriod', () => {
  it('groups owners trimmed and case-insensitively, showing their first spelling on every card', () => {
    const { goals } = workbook([
      { id: 'A', owner: ' ann lee ' },
      { id: 'B', owner: 'Ann Lee' },
      { id: 'C', owner: 'ANN LEE', period: 'Q1 2026' },
      { id: 'D', owner: '' },
      { id: 'E', owner: '   ' },
      { id: 'F', owner: 'bob' },
    ]);
    expect(groupByOwnerPeriod(goals, 'FY2026')).toEqual([
      { owner: 'ann lee', period: 'FY2026', goals: [0, 1] },
      { owner: 'ann lee', period: 'Q1 2026', goals: [2] },
      { owner: 'bob', period: 'FY2026', goals: [5] },
    ]);
  });
  // Runs of one owner take a shortcut; interleavings, case variants, blank owners and periods must not notice.
  it('agrees with a plain Map grouping on any sequence of owners and periods', () => {
    const owner = fc.constantFrom('Ann', 'ann', ' Ann ', 'Bob', 'BOB', '', '  ', 'Cy');
    const period = fc.constantFrom('', 'FY2026', 'Q1 2026');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(owner, period), { maxLength: 40 }),
        fc.constantFrom('', 'FY2026'),
        (rows, fallback) => {
          const goals = rows.map(([o, p], index) =>
            makeGoal({ id: `G${index}`, owner: o, period: p }, index),
          );
          expect(groupByOwnerPeriod(goals, fallback)).toEqual(plainGrouping(goals, fallback));
        },
      ),
    );
  });
});

/** The grouping groupByOwnerPeriod documents, written the obvious way. */
function plainGrouping(goals: readonly Goal[], defaultPeriod: string) {
  const cards = new Map<string, { key: string; owner: string; period: string; goals: number[] }>();
  const firstSpelling = new Map<string, string>();
  goals.forEach((goal, index) => {
    const key = goal.owner.trim().toLowerCase();
    if (key === '') return;
    if (!firstSpelling.has(key)) firstSpelling.set(key, goal.owner.trim());
    const period = goal.period || defaultPeriod;
    const id = `${key}\u0000${period}`;
    const card = cards.get(id) ?? { key, owner: firstSpelling.get(key) ?? '', period, goals: [] };
    card.goals.push(index);
    cards.set(id, card);
  });
  return [...cards.values()]
    .sort((a, b) =>
      a.key < b.key ? -1 : a.key > b.key ? 1 : a.period < b.period ? -1 : a.period > b.period ? 1 : 0,
    )
    .map(({ owner, period, goals: members }) => ({ owner, period, goals: members }));
}

describe('scorecards', () => {
  it('scores one owner from final attainment and pays on the curve', () => {
    const { goals, results } = workbook([
      { id: 'A', weight: 60, final: 1.1 },
      { id: 'B', weight: 40, final: 0.8, type: 'collaboration' },
    ]);
    const { cards, issues } = scorecards(goals, results, settings());
    expect(issues).toEqual([]);
    expect(cards).toHaveLength(1);
    const card = cards[0];
    expect(card).toMatchObject({ owner: 'Ann', period: '', weightTotal: 100, goalCount: 2, gated: false });
    expect(card.score).toBeCloseTo(0.98, 12);
    expect(card.payout).toBeCloseTo(0.95, 12);
  });

  it('weights of 15% and 60% with the heavier goal met score 80% and pay the 80% point, not zero', () => {
    const { goals, results } = workbook([
      { id: 'A', weight: 0.15, final: 0 },
      { id: 'B', weight: 0.6, final: 1 },
    ]);
    const card = scorecards(goals, results, settings()).cards[0];
    expect(card.score).toBeCloseTo(0.8, 12);
    expect(card.payout).toBeCloseTo(0.5, 12);
  });

  it('uses the final attainment, not the measured or rolled-up one', () => {
    const { goals, results } = workbook([{ id: 'A', weight: 1, measured: null, rolledUp: 0.9 }]);
    expect(results.at(0)).toMatchObject({ measured: null, rolledUp: 0.9, final: 0.9 });
    expect(scorecards(goals, results, settings()).cards[0].score).toBeCloseTo(0.9, 12);
  });

  it('looks results up by goal index, whatever their order', () => {
    const { goals, results } = workbook([
      { id: 'A', weight: 50, final: 1 },
      { id: 'B', weight: 50, final: 0, owner: 'Bob' },
    ]);
    const { cards } = scorecards(goals, finalsOf([...results].reverse()), settings());
    expect(cards.map((card) => [card.owner, card.score])).toEqual([
      ['Ann', 1],
      ['Bob', 0],
    ]);
  });

  it('a goal without a result counts as unmeasured', () => {
    const { goals, results } = workbook([
      { id: 'A', weight: 50, final: 1 },
      { id: 'B', weight: 50, final: 0 },
    ]);
    expect(scorecards(goals, finalsOf([...results].slice(0, 1)), settings()).cards[0].score).toBe(1);
  });

  it("one card per owner and period, sorted by owner then period, the owner's first spelling on all", () => {
    const { goals, results } = workbook([
      { id: 'A', owner: 'zoe', period: 'Q2 2026', final: 1 },
      { id: 'B', owner: ' Bob ', period: '', final: 0.5 },
      { id: 'C', owner: 'BOB', period: 'Q1 2026', final: 0.9 },
      { id: 'D', owner: 'bob', period: 'FY2026', final: 0.7 },
      { id: 'E', owner: 'Zoe', period: 'Q1 2026', final: 1.2 },
      { id: 'F', owner: '', final: 1 },
    ]);
    const { cards } = scorecards(goals, results, settings({ defaultPeriod: 'FY2026' }));
    expect(cards.map((card) => [card.owner, card.period, card.goalCount, card.score])).toEqual([
      ['Bob', 'FY2026', 2, 0.6],
      ['Bob', 'Q1 2026', 1, 0.9],
      ['zoe', 'Q1 2026', 1, 1.2],
      ['zoe', 'Q2 2026', 1, 1],
    ]);
  });

  it('keeps a blank period as its own card when there is no default period', () => {
    const { goals, results } = workbook([
      { id: 'A', period: '', final: 1 },
      { id: 'B', period: 'Q1 2026', final: 0.5 },
    ]);
    const { cards } = scorecards(goals, results, settings());
    expect(cards.map((card) => card.period)).toEqual(['', 'Q1 2026']);
  });

  it('goals without an owner belong to no card', () => {
    const { goals, results } = workbook([{ id: 'A', owner: '  ', final: 1 }]);
    expect(scorecards(goals, results, settings())).toEqual({ cards: [], issues: [] });
  });

  it('no measured goal: no score and no payout', () => {
    const { goals, results } = workbook([{ id: 'A', weight: 100 }]);
    const card = scorecards(goals, results, settings()).cards[0];
    expect(card.score).toBeNull();
    expect(card.payout).toBeNull();
  });

  it('counts unmeasured goals as 0 when Settings says so', () => {
    const { goals, results } = workbook([
      { id: 'A', weight: 50, final: 1.2 },
      { id: 'B', weight: 50 },
    ]);
    expect(scorecards(goals, results, settings()).cards[0].score).toBeCloseTo(1.2, 12);
    const card = scorecards(goals, results, settings({ countUnmeasuredAsZero: true })).cards[0];
    expect(card.score).toBeCloseTo(0.6, 12);
    expect(card.payout).toBe(0);
  });

  it('pays on the Settings curve', () => {
    const { goals, results } = workbook([{ id: 'A', final: 0.5 }]);
    const curve = [
      { attainment: 0, payout: 0 },
      { attainment: 1, payout: 2 },
    ];
    expect(scorecards(goals, results, settings({ payoutCurve: curve })).cards[0].payout).toBe(1);
  });

  it('an empty curve leaves payouts null instead of failing the analysis', () => {
    const { goals, results } = workbook([{ id: 'A', final: 1 }]);
    expect(scorecards(goals, results, settings({ payoutCurve: [] })).cards[0].payout).toBeNull();
  });

  describe('weights-not-100', () => {
    it.each<[string, (number | null)[], number | null]>([
      ['percent points at 100', [60, 40], null],
      ['fractions at 1', [0.6, 0.4], null],
      ['fractions with float noise', [0.1, 0.2, 0.7], null],
      ['points within 0.5 below', [60, 39.5], null],
      ['points within 0.5 above', [60, 40.5], null],
      ['points just past 0.5 below', [60, 39.4], 0.994],
      ['points just past 0.5 above', [60, 40.6], 1.006],
      ['fractions within 0.005 below', [0.6, 0.395], null],
      ['fractions within 0.005 above', [0.6, 0.405], null],
      ['fractions just past 0.005 below', [0.6, 0.394], 0.994],
      ['fractions just past 0.005 above', [0.6, 0.406], 1.006],
      ['points at 90', [50, 40], 0.9],
      ['points at 120', [60, 60], 1.2],
      ['fractions at 0.5', [0.25, 0.25], 0.5],
      ['fractions at 1.5', [1, 0.5], 1.5],
      ['a goal without weight among weighted ones', [60, null], 0.6],
      ['all zero', [0, 0], 0],
      ['no weights at all: equal weights, no warning', [null, null], null],
    ])('%s', (_name, weights, total) => {
      const { goals, results } = workbook(
        weights.map((weight, i) => ({ id: `G${i}`, weight, final: 1, row: 10 + i })),
      );
      // A blank weight beside weighted ones also raises missing-weight (pinned in finance-traps.test.ts).
      const issues = scorecards(goals, results, settings({ defaultPeriod: 'FY2026' })).issues.filter(
        (i) => i.code !== 'missing-weight',
      );
      if (total === null) {
        expect(issues).toEqual([]);
        return;
      }
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({
        code: 'weights-not-100',
        severity: 'warning',
        tab: 'Goals',
        row: 10,
        col: 5,
        column: 'Weight',
        goalId: '',
        owner: 'Ann',
        period: 'FY2026',
      });
      expect((issues[0] as Extract<Issue, { code: 'weights-not-100' }>).total).toBeCloseTo(total, 12);
    });

    it("is checked per card and points at the owner's first goal of that period", () => {
      const { goals, results } = workbook([
        { id: 'A', weight: 100, period: 'Q1 2026' },
        { id: 'B', weight: 50, period: 'Q2 2026' },
        { id: 'C', weight: 30, period: 'Q2 2026' },
      ]);
      const { issues } = scorecards(goals, results, settings());
      expect(issues.map((issue) => [issue.code, issue.row, 'period' in issue ? issue.period : ''])).toEqual([
        ['weights-not-100', 3, 'Q2 2026'],
      ]);
    });

    it('a missing weight column points at the whole row', () => {
      const { goals, results } = workbook([{ id: 'A', weight: 50, columns: { id: 1, goal: 2 } }]);
      expect(scorecards(goals, results, settings()).issues[0]).toMatchObject({ col: 0, column: 'Weight' });
    });
  });

  describe('gates', () => {
    it.each<[string, number | null, number, boolean]>([
      ['above the gate', 0.95, 0.9, false],
      ['exactly at the gate', 0.9, 0.9, false],
      ['at the gate up to rounding noise', 0.1 + 0.7, 0.8, false],
      ['just below the gate', 0.89, 0.9, true],
      ['far below the gate', 0.1, 0.9, true],
      ['unmeasured gate goal', null, 0.9, true],
    ])('%s', (_name, final, gate, missed) => {
      const { goals, results } = workbook([
        { id: 'Main', weight: 70, final: 1.2 },
        { id: 'Gate', weight: 30, final, gate },
      ]);
      const { cards, issues } = scorecards(goals, results, settings());
      expect(cards[0].gated).toBe(missed);
      if (!missed) {
        expect(issues).toEqual([]);
        expect(cards[0].payout).toBeGreaterThan(0);
        return;
      }
      expect(cards[0].payout).toBe(0);
      expect(issues).toEqual([
        expect.objectContaining({
          code: 'gate-missed',
          severity: 'info',
          tab: 'Goals',
          row: 3,
          col: 6,
          column: 'Gate',
          goalId: 'Gate',
          owner: 'Ann',
          period: '',
          attainment: final ?? 0,
          gate,
        }),
      ]);
    });

    it('the score is still shown when a gate forces the payout to 0', () => {
      const { goals, results } = workbook([{ id: 'A', weight: 100, final: 1.2, gate: 1.3 }]);
      const card = scorecards(goals, results, settings()).cards[0];
      expect(card.score).toBeCloseTo(1.2, 12);
      expect(card.payout).toBe(0);
    });

    it('a missed gate makes the payout 0 even with no score', () => {
      const { goals, results } = workbook([{ id: 'A', weight: 100, gate: 0.5 }]);
      const card = scorecards(goals, results, settings()).cards[0];
      expect(card).toMatchObject({ score: null, payout: 0, gated: true });
    });

    it('reports every missed gate, and gates only the card they are on', () => {
      const { goals, results } = workbook([
        { id: 'A', final: 0.1, gate: 0.5 },
        { id: 'B', final: 0.2, gate: 0.5 },
        { id: 'C', final: 0.2, gate: 0.5, period: 'Q4 2026' },
        { id: 'D', final: 1, owner: 'Bob' },
      ]);
      const { cards, issues } = scorecards(goals, results, settings());
      expect(codes(issues)).toEqual(['gate-missed', 'gate-missed', 'gate-missed']);
      expect(cards.map((card) => [card.owner, card.period, card.gated, card.payout])).toEqual([
        ['Ann', '', true, 0],
        ['Ann', 'Q4 2026', true, 0],
        ['Bob', '', false, 1],
      ]);
    });
  });

  it('scores 100,000 goals (speed lives in npm run bench)', () => {
    const specs: GoalSpec[] = [];
    for (let i = 0; i < 100_000; i++) specs.push({ id: `G${i}`, owner: `P${i % 1000}`, weight: 1, final: 1 });
    const { goals, results } = workbook(specs);
    const { cards, issues } = scorecards(goals, results, settings());
    expect(cards).toHaveLength(1000);
    expect(issues).toEqual([]);
  });
});
