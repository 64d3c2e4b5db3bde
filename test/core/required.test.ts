// What would it take: the cascade inverted. Every Actual it names, written back, brings the parent to the level.
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/model';
import { type Requirement, requiredFor } from '../../src/core/required';
import { analyzeWorkbook } from '../../src/core/workbook';

const HEADER = [
  'ID',
  'Goal',
  'Parent',
  'Direction',
  'Unit',
  'Baseline',
  'Target',
  'Actual',
  'Contribution',
  'Rollup',
  'Cap',
  'Stretch',
];
type Row = Partial<Record<(typeof HEADER)[number], CellValue>> & { ID: string };

function grid(rows: Row[]): CellValue[][] {
  return [
    HEADER,
    ...rows.map((r) => HEADER.map((h) => r[h as keyof Row] ?? (h === 'Goal' ? `Goal ${r.ID}` : ''))),
  ];
}

function analyze(rows: Row[]) {
  return analyzeWorkbook([{ name: 'Goals', grid: grid(rows) }]);
}

/** The requirements for `id` to reach `level`, as [ID, verdict, actual needed, why code]. */
function required(rows: Row[], id: string, level: number) {
  const a = analyze(rows);
  const parent = a.goals.findIndex((g) => g.id === id);
  const reqs = requiredFor(a, parent, level);
  return {
    a,
    reqs,
    table: reqs.map((r) => [a.goals[r.index].id, r.verdict, round(r.actual), r.why?.code ?? '']),
  };
}

const round = (x: number | null): number | null => (x === null ? null : Math.round(x * 1e9) / 1e9);

/** Writes each needed Actual back, one at a time, and returns the parent's final attainment each time. */
function roundTrips(rows: Row[], id: string, reqs: Requirement[], ids: string[]): number[] {
  return reqs
    .filter((r) => r.verdict === 'needs' && r.actual !== null)
    .map((r) => {
      const changed = rows.map((row) => (row.ID === ids[r.index] ? { ...row, Actual: r.actual! } : row));
      const a = analyze(changed);
      return a.results.final(a.goals.findIndex((g) => g.id === id))!;
    });
}

const TWO: Row[] = [
  { ID: 'P' },
  { ID: 'A', Parent: 'P', Target: 10, Actual: 5 },
  { ID: 'B', Parent: 'P', Target: 10, Actual: 8 },
];

describe('requiredFor', () => {
  it.each<[string, Row[], string, number, (string | number | null)[][]]>([
    [
      'average: each child alone, the other as it is',
      TWO,
      'P',
      1,
      [
        ['A', 'needs', 12, ''],
        ['B', 'needs', 15, ''],
      ],
    ],
    [
      'average: past a cap is unreachable',
      TWO,
      'P',
      1.2,
      [
        ['A', 'unreachable', null, 'cap'],
        ['B', 'unreachable', null, 'cap'],
      ],
    ],
    [
      'average: a level already held is reached',
      TWO,
      'P',
      0.5,
      [
        ['A', 'reached', null, ''],
        ['B', 'reached', null, ''],
      ],
    ],
    [
      'average: contributions weigh the others',
      [
        { ID: 'P' },
        { ID: 'A', Parent: 'P', Target: 10, Actual: 5, Contribution: 0.75 },
        { ID: 'B', Parent: 'P', Target: 10, Actual: 8, Contribution: 0.25 },
      ],
      'P',
      0.8,
      [
        ['A', 'needs', 8, ''],
        ['B', 'unreachable', null, 'cap'],
      ],
    ],
    [
      'average: an unmeasured child counts once measured',
      [{ ID: 'P' }, { ID: 'A', Parent: 'P', Target: 10, Actual: 5 }, { ID: 'C', Parent: 'P', Target: 10 }],
      'P',
      0.75,
      [
        ['A', 'needs', 7.5, ''],
        ['C', 'needs', 10, ''],
      ],
    ],
    [
      'average: a contribution of 0 cannot lift it',
      [
        { ID: 'P' },
        { ID: 'A', Parent: 'P', Target: 10, Actual: 5, Contribution: 1 },
        { ID: 'Z', Parent: 'P', Target: 10, Actual: 1, Contribution: 0 },
      ],
      'P',
      0.8,
      [
        ['A', 'needs', 8, ''],
        ['Z', 'unreachable', null, 'no-share'],
      ],
    ],
    [
      'walks down through roll-ups to the goals whose Actuals count',
      [
        { ID: 'P' },
        { ID: 'M', Parent: 'P' },
        { ID: 'X', Parent: 'M', Target: 10, Actual: 4 },
        { ID: 'Y', Parent: 'M', Target: 10, Actual: 6 },
        { ID: 'B', Parent: 'P', Target: 10, Actual: 8 },
      ],
      'P',
      0.9,
      // M must reach 100% alone, so X needs 140% (Y as it is) and Y 160%, past its cap.
      [
        ['X', 'needs', 14, ''],
        ['Y', 'unreachable', null, 'cap'],
        ['B', 'needs', 13, ''],
      ],
    ],
    [
      'min: every child must reach it; one alone cannot while another is below',
      [
        { ID: 'P', Rollup: 'min' },
        { ID: 'A', Parent: 'P', Target: 10, Actual: 5 },
        { ID: 'B', Parent: 'P', Target: 10, Actual: 8 },
      ],
      'P',
      0.7,
      [
        ['A', 'needs', 7, ''],
        ['B', 'unreachable', null, 'min'],
      ],
    ],
    [
      'sum: the total the target takes, less the others',
      [
        { ID: 'P', Rollup: 'sum', Unit: '$', Target: 100 },
        { ID: 'A', Parent: 'P', Unit: '$', Target: 50, Actual: 30 },
        { ID: 'B', Parent: 'P', Unit: '$', Target: 50, Actual: 40 },
      ],
      'P',
      1,
      [
        ['A', 'needs', 60, ''],
        ['B', 'needs', 70, ''],
      ],
    ],
    [
      'sum: mixed units add nothing up',
      [
        { ID: 'P', Rollup: 'sum', Unit: '$', Target: 100 },
        { ID: 'A', Parent: 'P', Unit: '$', Actual: 30 },
        { ID: 'B', Parent: 'P', Unit: 'count', Actual: 4 },
      ],
      'P',
      1,
      [
        ['A', 'unreachable', null, 'unit'],
        ['B', 'unreachable', null, 'unit'],
      ],
    ],
    [
      'sum: past the parent’s cap',
      [
        { ID: 'P', Rollup: 'sum', Target: 100 },
        { ID: 'A', Parent: 'P', Actual: 30 },
      ],
      'P',
      2,
      [['A', 'unreachable', null, 'cap']],
    ],
    [
      'own: the children do not count, the goal’s own Actual does',
      [
        { ID: 'P', Rollup: 'own', Target: 20 },
        { ID: 'A', Parent: 'P', Target: 10, Actual: 5 },
      ],
      'P',
      1,
      [['P', 'needs', 20, '']],
    ],
    [
      'a measured parent counts by its own Actual, not its children',
      [
        { ID: 'P', Target: 10, Actual: 5 },
        { ID: 'A', Parent: 'P', Target: 10, Actual: 5 },
      ],
      'P',
      1,
      [['P', 'needs', 10, '']],
    ],
    [
      'a done-or-not child must be done, and gives at most 100%',
      [
        { ID: 'P' },
        { ID: 'A', Parent: 'P', Direction: 'binary', Actual: 'no' },
        { ID: 'B', Parent: 'P', Direction: 'binary', Actual: 'done' },
      ],
      'P',
      1,
      // B alone would need 200%.
      [
        ['A', 'done', 1, ''],
        ['B', 'unreachable', null, 'binary'],
      ],
    ],
    [
      'a done-or-not child cannot give more than 100%',
      [
        { ID: 'P' },
        { ID: 'A', Parent: 'P', Direction: 'binary', Actual: 'no' },
        { ID: 'B', Parent: 'P', Target: 10, Actual: 10 },
      ],
      'P',
      1.2,
      [
        ['A', 'unreachable', null, 'binary'],
        ['B', 'unreachable', null, 'cap'],
      ],
    ],
    [
      'a range child must be in range',
      [{ ID: 'P' }, { ID: 'A', Parent: 'P', Direction: 'range', Target: '40-60', Actual: 70 }],
      'P',
      1,
      [['A', 'in-range', null, '']],
    ],
    [
      'lower is better, with and without a baseline',
      [
        { ID: 'P' },
        { ID: 'A', Parent: 'P', Direction: 'lower', Baseline: 200, Target: 100, Actual: 150 },
        { ID: 'B', Parent: 'P', Direction: 'lower', Target: 2, Actual: 4 },
      ],
      'P',
      1,
      [
        ['A', 'needs', 50, ''],
        ['B', 'needs', round(4 / 3), ''],
      ],
    ],
    [
      'a Stretch caps what a goal counts for',
      [
        { ID: 'P' },
        { ID: 'A', Parent: 'P', Target: 10, Stretch: 12, Actual: 5 },
        { ID: 'B', Parent: 'P', Target: 10, Actual: 10, Cap: 2 },
      ],
      'P',
      1.12,
      [
        ['A', 'unreachable', null, 'cap'],
        ['B', 'needs', 17.4, ''],
      ],
    ],
    [
      'a goal with errors on its row, or no target, cannot say',
      [{ ID: 'P' }, { ID: 'A', Parent: 'P', Target: 10, Actual: 'lots' }, { ID: 'B', Parent: 'P' }],
      'P',
      1,
      [
        ['A', 'unreachable', null, 'blocked'],
        ['B', 'unreachable', null, 'no-target'],
      ],
    ],
    [
      'a sum parent counts a shared goal at its share',
      [
        { ID: 'P', Rollup: 'sum', Target: 100 },
        { ID: 'Q', Target: 100 },
        { ID: 'A', Parent: 'P', Target: 50, Actual: 30 },
        { ID: 'S', Parent: 'P 50%; Q 50%', Target: 50, Actual: 40 },
      ],
      'P',
      1,
      [
        ['A', 'needs', 80, ''],
        ['S', 'needs', 140, ''],
      ],
    ],
    [
      'an average parent weighs a shared goal by its share',
      [
        { ID: 'P' },
        { ID: 'Q' },
        { ID: 'A', Parent: 'P', Target: 10, Actual: 5 },
        { ID: 'S', Parent: 'P 50%; Q 50%', Target: 10, Actual: 8 },
      ],
      'P',
      1,
      [
        ['A', 'needs', 11, ''],
        // Weighing half, S alone would need 200%, past the 150% cap.
        ['S', 'unreachable', null, 'cap'],
      ],
    ],
  ])('%s', (_label, rows, id, level, expected) => {
    const { a, reqs, table } = required(rows, id, level);
    expect(table).toEqual(expected);
    // Every Actual named, written back alone, brings the parent to the level.
    for (const final of roundTrips(
      rows,
      id,
      reqs,
      a.goals.map((g) => g.id),
    ))
      expect(final).toBeCloseTo(level, 9);
  });

  it('says through which goals each requirement runs', () => {
    const { a, reqs } = required(
      [{ ID: 'P' }, { ID: 'M', Parent: 'P' }, { ID: 'X', Parent: 'M', Target: 10, Actual: 4 }],
      'P',
      1,
    );
    expect(reqs.map((r) => r.via.map((i) => a.goals[i].id))).toEqual([['P', 'M']]);
  });

  it('stays finite near ±1e308: every Actual and attainment needed is a number', () => {
    const rows: Row[] = [
      { ID: 'P', Target: 1, Baseline: 0 },
      { ID: 'A', Parent: 'P', Target: Number.MAX_VALUE, Baseline: -Number.MAX_VALUE, Actual: 0 },
      { ID: 'B', Parent: 'P', Target: 1e-300, Actual: Number.MAX_VALUE, Contribution: 5e-324 },
      { ID: 'S', Rollup: 'sum', Target: Number.MAX_VALUE, Unit: 'USD' },
      { ID: 'S1', Parent: 'S', Target: 1, Actual: Number.MAX_VALUE, Unit: 'USD' },
      { ID: 'S2', Parent: 'S', Target: 1, Actual: -Number.MAX_VALUE, Unit: 'USD' },
    ];
    for (const id of ['P', 'S']) {
      for (const level of [1, 1.5, 1e308]) {
        const { reqs } = required(rows, id, level);
        for (const r of reqs) {
          for (const x of [r.actual, r.needed])
            if (x !== null) expect(Number.isFinite(x), `${id} ${level}: ${x}`).toBe(true);
        }
      }
    }
  });

  it('a goal on a loop of parents cannot reach anything', () => {
    expect(
      required(
        [
          { ID: 'A', Parent: 'B' },
          { ID: 'B', Parent: 'A' },
        ],
        'A',
        1,
      ).table,
    ).toEqual([['A', 'unreachable', null, 'cycle']]);
  });

  it('walks a 10,000-deep chain without running out of stack', () => {
    const rows: Row[] = [{ ID: 'G0' }];
    for (let k = 1; k < 10_000; k++) rows.push({ ID: `G${k}`, Parent: `G${k - 1}` });
    rows[rows.length - 1] = { ...rows[rows.length - 1], Target: 10, Actual: 5 };
    expect(required(rows, 'G0', 1).table).toEqual([['G9999', 'needs', 10, '']]);
  });
});
