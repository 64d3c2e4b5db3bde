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
      { name: 'Goals', grid: [['ID', 'Goal', 'Direction', 'Type', 'Rollup', 'Target', 'Actual'], ...rows] },
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
