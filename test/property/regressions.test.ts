// Bugs the property and fuzz tests found, each pinned by the shrunk counterexample that showed it.
import { describe, expect, it } from 'vitest';
import { normalizeHeader } from '../../src/core/cells';
import type { CellValue } from '../../src/core/model';
import { DEFAULT_SETTINGS } from '../../src/core/model';
import { analyzeWorkbook } from '../../src/core/workbook';
import { customFunctions } from '../../src/main';

const col = (...values: CellValue[]): CellValue[][] => values.map((v) => [v]);
/** Sheets' limit on the characters in one cell. */
const CELL_LIMIT = 50_000;

describe('a long run of spaces inside a cell (normalizeHeader was quadratic)', () => {
  // Found as a slow fuzz run: `a${' '.repeat(49_998)}b` in a Direction cell took ~1 s to look up, per
  // distinct text. Forty such cells would take ~40 s, past the test timeout; now they take milliseconds.
  it('still reads headers with a trailing "(%)" after any run of spaces', () => {
    expect(normalizeHeader(`Target${' '.repeat(CELL_LIMIT - 10)}(%)`)).toBe('target');
    expect(normalizeHeader('Weight (%)')).toBe('weight');
    expect(normalizeHeader('Contribution [share]  ')).toBe('contribution');
  });

  it('reports forty 50,000-character Direction, Type and Rollup cells as issues', () => {
    const rows: CellValue[][] = Array.from({ length: 40 }, (_, i) => {
      const junk = `${i}${' '.repeat(CELL_LIMIT - 10)}x`;
      return [`G-${i}`, 'Goal', junk, junk, junk, 100, 50];
    });
    const analysis = analyzeWorkbook([
      {
        name: 'Goals',
        // One real Type keeps the column ours, so each junk Type cell is its own bad-type (see foreignTypeValues).
        grid: [
          ['ID', 'Goal', 'Direction', 'Type', 'Rollup', 'Target', 'Actual'],
          ...rows,
          ['G-40', 'Goal', '', 'Outcome', '', 100, 50],
        ],
      },
    ]);
    const codes = analysis.issues.map((i) => i.code);
    expect(codes.filter((c) => c === 'bad-direction')).toHaveLength(40);
    expect(codes.filter((c) => c === 'bad-type')).toHaveLength(40);
    expect(codes.filter((c) => c === 'bad-rollup')).toHaveLength(40);
  });
});

describe('a 50,000-character Vanity words setting (the analysis threw)', () => {
  // Shrunk counterexample of the workbook fuzz (seed 1570846249): advise compiled the word into its regex and
  // V8 threw "Invalid regular expression: ... Stack overflow" on first use.
  const settings = [
    ['Setting', 'Value', 'Payout'],
    ['Vanity words', 'x'.repeat(CELL_LIMIT), '1,200'],
  ];
  const goals = [
    ['Goal', 'ID'],
    ['#N/A', 'G-1'],
  ];

  it('is a bad-setting warning, and the default words stay', () => {
    const analysis = analyzeWorkbook([
      { name: ' SETTINGS ', grid: settings },
      { name: 'Goals', grid: goals },
    ]);
    expect(analysis.issues.some((i) => i.code === 'bad-setting' && i.tab === ' SETTINGS ')).toBe(true);
    expect(analysis.settings.vanityWords).toEqual(DEFAULT_SETTINGS.vanityWords);
  });

  it('so does a phrase of thousands of words; a real list of many words still reads', () => {
    const phrase = analyzeWorkbook([
      { name: 'Settings', grid: [['Vanity words', 'ab '.repeat(5_000)]] },
      { name: 'Goals', grid: goals },
    ]);
    expect(phrase.settings.vanityWords).toEqual(DEFAULT_SETTINGS.vanityWords);
    const words = Array.from({ length: 2_000 }, (_, i) => `word ${i}`);
    const list = analyzeWorkbook([
      { name: 'Settings', grid: [['Vanity words', words.join(', ')]] },
      { name: 'Goals', grid: goals },
    ]);
    expect(list.settings.vanityWords).toEqual(words);
  });
});

describe('MBO_ROLLUP methods (a junk entry in a method column threw; prototype keys were accepted)', () => {
  it('a junk method in a column is that row’s problem, not the whole call’s', () => {
    // Shrunk counterexample of the custom-function fuzz: method [[0]] for one goal threw an argument error.
    const one = customFunctions.MBO_ROLLUP(
      [['A']],
      [['مرحبا بالعالم']],
      [['مرحبا بالعالم']],
      [['']],
      [[0]],
    ) as string[][];
    expect(one[0][0]).toMatch(/^⚠ /);
    const rows = customFunctions.MBO_ROLLUP(
      col('A', 'B', 'C', 'D'),
      col('', 'A', 'A', 'B'),
      col('', '', 0.5, 1),
      '',
      col('min', 'sideways', '', ''),
    ) as unknown[][];
    // B says why; its own roll-up falls back to the default (1 from D), and A takes the weaker of B and C.
    expect(rows).toEqual([
      [0.5],
      [expect.stringMatching(/^⚠ MBO_ROLLUP: method must be average, min or own, not "sideways"/)],
      [0.5],
      [1],
    ]);
  });

  it('words every object inherits are no methods', () => {
    // METHODS['constructor'] was Object, so the roll-up of A came out as A's row index (0).
    for (const word of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(() =>
        customFunctions.MBO_ROLLUP(col('A', 'B', 'C'), col('', 'A', 'A'), col('', 0.5, 1), '', word),
      ).toThrow(/^MBO_ROLLUP: method must be average, min or own/);
      const rows = customFunctions.MBO_ROLLUP(
        col('A', 'B'),
        col('', 'A'),
        col('', 0.5),
        '',
        col(word, ''),
      ) as unknown[][];
      expect(rows[0][0]).toMatch(/^⚠ MBO_ROLLUP: method must be/);
    }
  });
});

describe('numbers near the largest double never come back as NaN or Infinity', () => {
  // Found by the extreme-number fuzz (EXTREME_CALLS): sums and differences of finite numbers overflowed.
  const MAX = Number.MAX_VALUE;

  it.each<[string, () => unknown, unknown]>([
    // (A - B) / (T - B) = (2e308) / (2e308): both differences overflowed, Infinity / Infinity was NaN.
    ['MBO_ATTAINMENT across the whole range', () => customFunctions.MBO_ATTAINMENT(1e308, 1e308, -1e308), 1],
    [
      'MBO_ATTAINMENT, lower is better, across the whole range',
      () => customFunctions.MBO_ATTAINMENT(-1e308, -1e308, 1e308, 'lower'),
      1,
    ],
    [
      'MBO_ATTAINMENT half way across the whole range',
      () => customFunctions.MBO_ATTAINMENT(0, 1e308, -1e308),
      0.5,
    ],
    // 1e308 + 1e308 overflowed the weighted sum: Infinity / 2.
    [
      'MBO_ROLLUP of two huge attainments',
      () =>
        customFunctions.MBO_ROLLUP(
          col('A', 'B', 'C'),
          col('', 'A', 'A'),
          col('', 1e308, 1e308),
          col('', 1, 1),
        ),
      col(1e308, 1e308, 1e308),
    ],
    [
      'MBO_ROLLUP of the largest and its negative',
      () => customFunctions.MBO_ROLLUP(col('A', 'B', 'C'), col('', 'A', 'A'), col('', MAX, -MAX)),
      col(0, MAX, -MAX),
    ],
    // Contributions of 1e308 each: their total overflowed and the parent came back blank (Infinity / Infinity).
    [
      'MBO_ROLLUP with huge contributions',
      () =>
        customFunctions.MBO_ROLLUP(
          col('A', 'B', 'C'),
          col('', 'A', 'A'),
          col('', 0.5, 1),
          col('', 1e308, 1e308),
        ),
      col(0.75, 0.5, 1),
    ],
    [
      'MBO_SCORE of two huge attainments',
      () => customFunctions.MBO_SCORE(col('A', 'A'), col(1, 1), col(1e308, 1e308), 'A'),
      1e308,
    ],
    [
      'MBO_SCORE with huge weights',
      () => customFunctions.MBO_SCORE(col('A', 'A'), col(1e308, 1e308), col(0.5, 1), 'A'),
      0.75,
    ],
    [
      'MBO_SCORE with the tiniest weights',
      () => customFunctions.MBO_SCORE(col('A', 'A'), col(5e-324, 5e-324), col(0.7, 0.7), 'A'),
      0.7,
    ],
    // The span of payouts (1e308 - -1e308) overflowed: 0 × Infinity was NaN, a share of it Infinity.
    [
      'MBO_PAYOUT on a curve across the whole range',
      () =>
        customFunctions.MBO_PAYOUT(col(-1e308, 0, 1e308), [
          [-1e308, -1e308],
          [1e308, 1e308],
        ]),
      col(-1e308, 0, 1e308),
    ],
    [
      'MBO_PAYOUT on a curve from -1e308 that rises one ulp after 0',
      () =>
        customFunctions.MBO_PAYOUT(col(0, 5e-324, 1), [
          [0, -1e308],
          [5e-324, MAX],
        ]),
      // Within 1e-9 below a point is paid as at it (rounding noise), so 0 is paid as at 5e-324.
      col(MAX, MAX, MAX),
    ],
    [
      'MBO_PAYOUT on a steep curve: 0 to 1e308 within one ulp of 100%',
      () =>
        customFunctions.MBO_PAYOUT(col(1, 1 + Number.EPSILON, 2), [
          [1, 0],
          [1 + Number.EPSILON, 1e308],
        ]),
      col(1e308, 1e308, 1e308),
    ],
    [
      'MBO_PAYOUT half way up a curve from -MAX to MAX',
      () =>
        customFunctions.MBO_PAYOUT(0.5, [
          [0, -MAX],
          [1, MAX],
        ]),
      0,
    ],
  ])('%s', (_name, call, expected) => {
    expect(call()).toEqual(expected);
  });

  it('MBO_CASCADE sums huge actuals that come back down (1e308 + 1e308 - 1e308) to the true total', () => {
    const rows = customFunctions.MBO_CASCADE([
      ['ID', 'Goal', 'Parent', 'Unit', 'Target', 'Actual', 'Rollup'],
      ['P', 'Total', '', '$', 1e308, '', 'sum'],
      ['A', 'One', 'P', '$', 1, 1e308, ''],
      ['B', 'Two', 'P', '$', 1, 1e308, ''],
      ['C', 'Three', 'P', '$', 1, -1e308, ''],
    ]) as unknown[][];
    expect(rows[1][7]).toBe(1);
  });

  it('the analysis keeps gaps finite with caps and floors at the ends of the range', () => {
    const analysis = analyzeWorkbook(
      [
        {
          name: 'Goals',
          grid: [
            ['ID', 'Goal', 'Parent', 'Target', 'Actual', 'Cap', 'Floor'],
            ['P', 'Top', '', 1, MAX, MAX, -MAX],
            ['C', 'Child', 'P', 1, -MAX, MAX, -MAX],
          ],
        },
      ],
      { settings: { ...DEFAULT_SETTINGS, cap: MAX, floor: -MAX } },
    );
    const top = analysis.results.at(0);
    expect([top.measured, top.rolledUp, top.final]).toEqual([MAX, -MAX, MAX]);
    expect(top.gap).toBe(MAX);
    expect(analysis.issues.find((i) => i.code === 'alignment-gap')).toBeDefined();
  });
});
