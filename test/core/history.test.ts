// The History tab: reading and validating check-ins, writing a day, orphans, trends, falling confidence, compaction and its sizes.
import { describe, expect, it } from 'vitest';
import {
  analyzeHistory,
  type CheckIn,
  checkInsOf,
  compactedGrid,
  compactHistory,
  DEFAULT_COMPACTION,
  HISTORY_HEADERS,
  type HistoryWrite,
  isoDate,
  planCheckIn,
  readHistory,
  trendOf,
} from '../../src/core/history';
import type { CellValue } from '../../src/core/model';
import { parseDay } from '../../src/core/period';
import { analyzeWorkbook } from '../../src/core/workbook';

const day = (iso: string): number => parseDay(iso)!;
const H = HISTORY_HEADERS as string[];
const codes = (grid: CellValue[][]) =>
  readHistory(grid, 'History').issues.map((i) => [i.code, i.row, i.column]);

/** The grid after a write, as the Sheets writer lays it down. */
function applyWrite(grid: CellValue[][], write: HistoryWrite): CellValue[][] {
  const out = grid.map((row) => row.slice());
  write.values.forEach((cells, k) => {
    out[write.row - 1 + k] = cells.slice();
  });
  return out;
}

describe('readHistory', () => {
  it('reads ISO text and date cells, numbers, status, confidence and note', () => {
    const read = readHistory(
      [
        H,
        ['2026-03-31', 'DG-1', 6.5, 0.8, 0.8, 'at risk', 7, 'slow quarter'],
        [new Date(2026, 3, 7), 'dg-2', '1,200', '', 1, 'on track', '', ''],
      ],
      'History',
    );
    expect(read.issues).toEqual([]);
    expect(read.checkIns).toEqual([
      {
        day: day('2026-03-31'),
        id: 'DG-1',
        actual: 6.5,
        measured: 0.8,
        final: 0.8,
        status: 'at risk',
        confidence: 7,
        note: 'slow quarter',
      },
      {
        day: day('2026-04-07'),
        id: 'dg-2',
        actual: 1200,
        measured: null,
        final: 1,
        status: 'on track',
        confidence: null,
        note: '',
      },
    ]);
    expect(read.rows).toEqual([1, 2]);
  });

  it('finds the header below a title, in any column order, with other names and extra columns', () => {
    const read = readHistory(
      [
        ['Check-ins of the marketing team'],
        [],
        ['Goal ID', 'Comment', 'Check-in date', 'Final attainment', 'Owner'],
        ['CMO-1', 'on plan', '2026-05-01', 0.5, 'Ana'],
      ],
      'History',
    );
    expect(read.header?.row).toBe(2);
    expect(read.checkIns).toMatchObject([
      { id: 'CMO-1', note: 'on plan', day: day('2026-05-01'), final: 0.5, actual: null },
    ]);
  });

  it.each<[string, CellValue[][], [string, number, string][]]>([
    ['a row without an ID is left out', [H, ['2026-03-31', '', 5]], [['missing-id', 2, 'ID']]],
    [
      'a date that is not one leaves the row out',
      [H, ['last Friday', 'A', 5], ['2026-02-30', 'B', 5], ['', 'C', 5]],
      [
        ['bad-check-in-date', 2, 'Date'],
        ['bad-check-in-date', 3, 'Date'],
        ['bad-check-in-date', 4, 'Date'],
      ],
    ],
    [
      'a number that is not one is an error, the row still counts',
      [H, ['2026-03-31', 'A', 'lots', '', '12%']],
      [['not-a-number', 2, 'Actual']],
    ],
    [
      'confidence outside 0-10 is a warning',
      [H, ['2026-03-31', 'A', '', '', '', '', 12], ['2026-03-31', 'B', '', '', '', '', -1]],
      [
        ['bad-confidence', 2, 'Confidence'],
        ['bad-confidence', 3, 'Confidence'],
      ],
    ],
    [
      'an unknown status is a warning',
      [H, ['2026-03-31', 'A', '', '', '', 'fine']],
      [['bad-check-in-status', 2, 'Status']],
    ],
    [
      'a tab with data but no Date and ID header says so',
      [
        ['When', 'What'],
        ['2026-03-31', 'A'],
      ],
      [['history-no-header', 0, '']],
    ],
    ['an empty tab is no problem', [], []],
    ['blank rows are skipped', [H, [], ['', '', '', '', '', '', '', ''], ['2026-03-31', 'A']], []],
  ])('%s', (_label, grid, expected) => {
    expect(codes(grid)).toEqual(expected);
  });

  it('of two rows for one goal on one day, the lower counts and the upper is a warning', () => {
    const read = readHistory(
      [H, ['2026-03-31', 'A', 1], ['2026-03-31', 'B', 2], ['2026-03-31', 'a ', 3]],
      'History',
    );
    expect(read.checkIns.map((c) => [c.id, c.actual])).toEqual([
      ['B', 2],
      ['a', 3],
    ]);
    expect(read.rows).toEqual([2, 3]);
    expect(read.issues).toMatchObject([
      { code: 'duplicate-check-in', row: 2, goalId: 'A', day: '2026-03-31', otherRow: 4 },
    ]);
  });

  it('reads numbers typed with the decimal comma when told to', () => {
    expect(readHistory([H, ['2026-03-31', 'A', '6,5']], 'History', ',').checkIns[0].actual).toBe(6.5);
  });

  it('never throws on junk in any cell', () => {
    const junk: CellValue[] = [
      null,
      undefined,
      true,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      new Date(Number.NaN),
      '=A1',
      '\u0000',
      ' ',
      -1e308,
      '💥',
      new Date(1800, 0, 1),
    ];
    for (const a of junk) {
      for (const b of junk) {
        expect(() =>
          readHistory([H, [a, b, a, b, a, b, a, b], [b, 'X', a, a, a, a, a, a]], 'History'),
        ).not.toThrow();
      }
    }
  });
});

describe('checkInsOf: the check-in a day records', () => {
  const analysis = analyzeWorkbook(
    [
      {
        name: 'Team',
        grid: [
          ['ID', 'Goal', 'Parent', 'Target', 'Actual', 'Confidence', 'Note'],
          ['T-1', 'Top', '', 100, '', 8, 'fine'],
          ['C-1', 'Child', 'T-1', 10, 5, '70%', ''],
          ['c-1', 'Twin', 'T-1', 10, 9, '', 'a duplicate ID'],
        ],
      },
    ],
    { today: day('2026-07-01') },
  );

  // T-1 has no period, so its 70% is judged against the full target: off track.
  it('has one row per ID (the first of a duplicate), with figures, status, confidence and note', () => {
    expect(checkInsOf(analysis, day('2026-07-01'))).toEqual([
      {
        day: day('2026-07-01'),
        id: 'T-1',
        actual: null,
        measured: null,
        final: 0.7,
        status: 'off track',
        confidence: 8,
        note: 'fine',
      },
      {
        day: day('2026-07-01'),
        id: 'C-1',
        actual: 5,
        measured: 0.5,
        final: 0.5,
        status: 'off track',
        confidence: 7,
        note: '',
      },
    ]);
  });
});

describe('planCheckIn: one block per day, the same day twice replaces it', () => {
  const A = (d: string, id: string, final: number): CheckIn => ({
    day: day(d),
    id,
    actual: null,
    measured: null,
    final,
    status: 'on track',
    confidence: null,
    note: '',
  });
  const row = (d: string, id: string, final: number): CellValue[] => [
    d,
    id,
    '',
    '',
    final,
    'on track',
    '',
    '',
  ];

  it('starts a new tab with the header', () => {
    const write = planCheckIn([], readHistory([], 'History'), day('2026-03-31'), [
      A('2026-03-31', 'X', 0.5),
    ])!;
    expect(write).toEqual({
      row: 1,
      values: [H, row('2026-03-31', 'X', 0.5)],
      textColumns: [1, 2],
      replaced: 0,
    });
  });

  it('appends after the last row', () => {
    const grid = [H, row('2026-03-24', 'X', 0.4)];
    const write = planCheckIn(grid, readHistory(grid, 'History'), day('2026-03-31'), [
      A('2026-03-31', 'X', 0.5),
    ])!;
    expect(write).toEqual({
      row: 3,
      values: [row('2026-03-31', 'X', 0.5)],
      textColumns: [1, 2],
      replaced: 0,
    });
  });

  it('replaces the same day at the end, blanking rows it no longer needs', () => {
    const grid = [H, row('2026-03-24', 'X', 0.4), row('2026-03-31', 'X', 0.45), row('2026-03-31', 'Y', 0.1)];
    const write = planCheckIn(grid, readHistory(grid, 'History'), day('2026-03-31'), [
      A('2026-03-31', 'X', 0.5),
    ])!;
    expect(write.row).toBe(3);
    expect(write.replaced).toBe(2);
    expect(write.values).toEqual([row('2026-03-31', 'X', 0.5), ['', '', '', '', '', '', '', '']]);
  });

  it('replaces the same day in the middle: the rows below move up, still one block', () => {
    const grid = [H, row('2026-03-31', 'X', 0.45), row('2026-04-07', 'X', 0.6), row('2026-03-31', 'Y', 0.1)];
    const after = applyWrite(
      grid,
      planCheckIn(grid, readHistory(grid, 'History'), day('2026-03-31'), [A('2026-03-31', 'X', 0.5)])!,
    );
    expect(after).toEqual([
      H,
      row('2026-04-07', 'X', 0.6),
      row('2026-03-31', 'X', 0.5),
      ['', '', '', '', '', '', '', ''],
    ]);
  });

  it('replaces rows of that day the reader left out (no ID, a duplicate)', () => {
    const grid = [H, row('2026-03-31', '', 0.45), row('2026-03-31', 'X', 0.1), row('2026-03-31', 'X', 0.2)];
    const write = planCheckIn(grid, readHistory(grid, 'History'), day('2026-03-31'), [
      A('2026-03-31', 'X', 0.5),
    ])!;
    expect([write.row, write.replaced]).toEqual([2, 3]);
  });

  it('puts each value under its header in a hand-made layout, keeping extra columns blank', () => {
    const grid: CellValue[][] = [['Note', 'ID', 'Extra', 'Date', 'Final']];
    const write = planCheckIn(grid, readHistory(grid, 'History'), day('2026-03-31'), [
      { ...A('2026-03-31', 'X', 0.5), note: 'hi' },
    ])!;
    expect(write.values).toEqual([['hi', 'X', '', '2026-03-31', 0.5, '', '', '']]);
    expect(write.textColumns).toEqual([4, 2]);
  });

  it('refuses a tab with content but no header', () => {
    const grid = [['something else']];
    expect(planCheckIn(grid, readHistory(grid, 'History'), day('2026-03-31'), [])).toBeNull();
  });

  it('written twice on a day, then read back: that day holds one check-in per goal', () => {
    let grid: CellValue[][] = [];
    for (const finals of [
      [0.1, 0.2],
      [0.3, 0.4],
    ]) {
      const checkIns = finals.map((f, k) => A('2026-03-31', `G${k}`, f));
      grid = applyWrite(grid, planCheckIn(grid, readHistory(grid, 'History'), day('2026-03-31'), checkIns)!);
    }
    const read = readHistory(grid, 'History');
    expect(read.issues).toEqual([]);
    expect(read.checkIns.map((c) => [c.id, c.final])).toEqual([
      ['G0', 0.3],
      ['G1', 0.4],
    ]);
  });
});

describe('trendOf', () => {
  const c = (d: string, final: number | null): CheckIn => ({
    day: day(d),
    id: 'X',
    actual: null,
    measured: null,
    final,
    status: '',
    confidence: null,
    note: '',
  });
  const today = day('2026-07-01');
  it.each<
    [
      string,
      CheckIn[],
      number | null,
      { finals: number[]; lastDay: string | null; sinceLast: number | null; change30: number | null },
    ]
  >([
    ['no check-ins', [], 0.5, { finals: [], lastDay: null, sinceLast: null, change30: null }],
    [
      'a week of history',
      [c('2026-06-24', 0.4)],
      0.5,
      { finals: [0.4], lastDay: '2026-06-24', sinceLast: 0.1, change30: null },
    ],
    [
      'today itself is not "the last check-in"',
      [c('2026-06-24', 0.4), c('2026-07-01', 0.5)],
      0.55,
      { finals: [0.4, 0.5], lastDay: '2026-07-01', sinceLast: 0.15, change30: null },
    ],
    [
      '30 days back: the latest check-in at least 30 days old',
      [c('2026-05-20', 0.1), c('2026-06-01', 0.2), c('2026-06-02', 0.3)],
      0.5,
      { finals: [0.1, 0.2, 0.3], lastDay: '2026-06-02', sinceLast: 0.2, change30: 0.3 },
    ],
    [
      'blank finals are left out',
      [c('2026-05-01', 0.2), c('2026-06-01', null)],
      0.5,
      { finals: [0.2], lastDay: '2026-06-01', sinceLast: 0.3, change30: 0.3 },
    ],
    [
      'no attainment now: no change',
      [c('2026-05-01', 0.2)],
      null,
      { finals: [0.2], lastDay: '2026-05-01', sinceLast: null, change30: null },
    ],
  ])('%s', (_label, checkIns, now, expected) => {
    const t = trendOf(checkIns, now, today);
    expect({
      ...t,
      lastDay: t.lastDay === null ? null : isoDate(t.lastDay),
      sinceLast: round(t.sinceLast),
      change30: round(t.change30),
    }).toEqual(expected);
  });
});

const round = (x: number | null): number | null => (x === null ? null : Math.round(x * 1e9) / 1e9);

describe('analyzeHistory: orphans and falling confidence', () => {
  const analysis = analyzeWorkbook([
    {
      name: 'Team',
      grid: [
        ['ID', 'Goal', 'Target', 'Actual', 'Confidence'],
        ['A', 'Falling', 10, 5, 4],
        ['B', 'One fall', 10, 5, 6],
        ['C', 'Up and down', 10, 5, 6],
      ],
    },
  ]);
  const grid: CellValue[][] = [
    H,
    ...[
      ['A', 8, 6, 5],
      ['B', 8, 8, 6],
      ['C', 8, 6, 7],
    ].flatMap(([id, ...values]) =>
      values.map((v, k) => [`2026-0${k + 4}-01`, id, '', '', '', '', v, ''] as CellValue[]),
    ),
    ['2026-04-01', 'OLD-1', '', '', 0.5, '', '', ''],
    ['2026-05-01', 'old-1', '', '', 0.6, '', '', ''],
  ];
  const result = analyzeHistory(readHistory(grid, 'History'), analysis.goals);

  it('lists each ID no goal has now once, at its last row, as info', () => {
    expect(result.issues.filter((i) => i.code === 'orphan-history')).toMatchObject([
      { severity: 'info', tab: 'History', row: 12, col: 2, column: 'ID', goalId: 'old-1', checkIns: 2 },
    ]);
  });

  it('warns where confidence fell at each of the last two check-ins, at the goal', () => {
    expect(result.issues.filter((i) => i.code === 'confidence-falling')).toMatchObject([
      { severity: 'warning', tab: 'Team', row: 2, col: 5, goalId: 'A', values: [8, 6, 5] },
    ]);
  });

  it('suggests compacting a History past 2M cells', () => {
    const rows = (n: number): CellValue[][] => [
      H,
      ...Array.from({ length: n }, (_, k): CellValue[] => [
        isoDate(day('2020-01-01') + k),
        'A',
        '',
        '',
        '',
        '',
        '',
        '',
      ]),
    ];
    const large = (n: number) =>
      analyzeHistory(readHistory(rows(n), 'History'), analysis.goals).issues.filter(
        (i) => i.code === 'history-large',
      );
    expect(large(249_999)).toEqual([]);
    expect(large(250_000)).toMatchObject([
      { severity: 'info', tab: 'History', row: 0, checkIns: 250_000, cells: 2_000_008 },
    ]);
  });

  it('gives each goal its check-ins, oldest first', () => {
    expect(result.checkIns(2).map((c) => c.confidence)).toEqual([8, 6, 7]);
  });
});

describe('compactHistory', () => {
  /** Weekly check-ins of `goals` goals for `weeks` weeks up to `today`, newest last. */
  function weekly(goals: number, weeks: number, today: number): CellValue[][] {
    const grid: CellValue[][] = [H];
    for (let w = weeks - 1; w >= 0; w--) {
      for (let g = 0; g < goals; g++) grid.push([isoDate(today - 7 * w), `G${g}`, '', '', w, '', '', '']);
    }
    return grid;
  }
  const today = day('2026-06-30');

  it('keeps the last 13 weeks weekly, then month-ends for 24 months, then quarter-ends', () => {
    const grid = weekly(1, 261, today);
    const read = readHistory(grid, 'History');
    const { keep, dropped } = compactHistory(grid, read, today);
    const kept = keep.slice(1).map((r) => grid[r][0] as string);
    expect(keep[0]).toBe(0);
    expect(kept.length + dropped).toBe(261);
    const weeklyFrom = today - 7 * 13;
    expect(kept.filter((d) => day(d) > weeklyFrom)).toHaveLength(13);
    const older = kept.filter((d) => day(d) <= weeklyFrom);
    // At most one per month within the last 24 months, one per quarter before.
    const months = older.filter((d) => d >= '2024-06').map((d) => d.slice(0, 7));
    expect(new Set(months).size).toBe(months.length);
    const quarters = older
      .filter((d) => d < '2024-06')
      .map((d) => `${d.slice(0, 4)}Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3)}`);
    expect(new Set(quarters).size).toBe(quarters.length);
    // Each kept one is the last check-in of its month or quarter.
    expect(older).toContain('2024-06-25');
    expect(older).toContain('2023-12-26');
    expect(older).not.toContain('2023-12-19');
  });

  it('sizes: 5 years of weekly check-ins for 10,000 goals fit in a Sheet once compacted', () => {
    const grid = weekly(1, 261, today);
    const perGoal = compactHistory(grid, readHistory(grid, 'History'), today).keep.length - 1;
    const cells = (rows: number) => rows * HISTORY_HEADERS.length;
    // Uncompacted: 2.61M rows, 20.9M cells, twice Sheets' 10M-cell limit.
    expect(cells(261 * 10_000)).toBeGreaterThan(10_000_000);
    // Compacted: 47 check-ins per goal (13 weekly, 22 month-ends, 12 quarter-ends), 470k rows, 3.76M cells:
    // room left for the goal tabs.
    expect(perGoal).toBe(13 + 22 + 12);
    expect(cells(perGoal * 10_000)).toBe(3_760_000);
  });

  it('compacts each goal on its own, keeps rows it could not read, and is stable', () => {
    const grid = weekly(2, 60, today);
    grid.push(['someday', 'G0', '', '', 1, '', '', '']);
    const read = readHistory(grid, 'History');
    const first = compactHistory(grid, read, today, DEFAULT_COMPACTION);
    expect(first.keep).toContain(grid.length - 1);
    const perGoal = (g: string) => first.keep.filter((r) => grid[r][1] === g).length;
    expect(perGoal('G0')).toBe(perGoal('G1') + 1);
    const compacted = first.keep.map((r) => grid[r]);
    const again = compactHistory(compacted, readHistory(compacted, 'History'), today);
    expect(again.dropped).toBe(0);
  });
});

describe('planCheckIn keeps moved dates as text', () => {
  it('a date cell in a row that moves up is written as its ISO day', () => {
    const grid: CellValue[][] = [
      H,
      ['2026-03-31', 'X', '', '', 0.1, '', '', ''],
      [new Date(2026, 3, 7), 'X', '', '', 0.2, '', '', ''],
    ];
    const write = planCheckIn(grid, readHistory(grid, 'History'), day('2026-03-31'), [])!;
    expect(write.values[0][0]).toBe('2026-04-07');
  });
});

describe('compactedGrid', () => {
  it('moves the kept rows up, blanks the rest, and writes dates as text', () => {
    const grid: CellValue[][] = [
      H,
      [new Date(2020, 0, 7), 'X', '', '', 0.1, '', '', ''],
      ['2020-01-28', 'X', '', '', 0.2, '', '', ''],
      ['2026-06-30', 'X', '', '', 0.9, '', '', ''],
    ];
    const read = readHistory(grid, 'History');
    const compaction = compactHistory(grid, read, day('2026-06-30'));
    expect(compaction).toEqual({ keep: [0, 2, 3], dropped: 1 });
    expect(compactedGrid(grid, read, compaction)).toEqual([
      H,
      grid[2],
      grid[3],
      ['', '', '', '', '', '', '', ''],
    ]);
    const keepFirst = { keep: [0, 1], dropped: 2 };
    expect(compactedGrid(grid, read, keepFirst)[1][0]).toBe('2020-01-07');
  });
});
