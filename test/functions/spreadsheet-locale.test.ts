// Custom functions read numbers typed as text with the spreadsheet's decimal separator, and Date cells on its calendar.
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/model';
import { CUSTOM_FUNCTIONS } from '../../src/functions/catalog';
import { fixedLocale, type SheetLocale } from '../../src/functions/locale';
import { inProcessZone, ZONE_PAIRS } from '../support/zones';

const col = (...values: CellValue[]): CellValue[][] => values.map((v) => [v]);
const call = (locale: SheetLocale, fn: string, ...args: unknown[]): unknown =>
  CUSTOM_FUNCTIONS.find((f) => f.name === fn)!.runWith(locale, ...args);

const COMMA = fixedLocale('UTC', ',');
const POINT = fixedLocale('UTC', '.');

/** Numbers as de_DE and fr_FR spreadsheets show them when they are text: grouped with a point or a narrow space. */
const STYLES = [
  { style: 'de_DE', n: (int: string, frac = '') => `${int.replace(/ /g, '.')}${frac ? `,${frac}` : ''}` },
  {
    style: 'fr_FR',
    n: (int: string, frac = '') => `${int.replace(/ /g, '\u202f')}${frac ? `,${frac}` : ''}`,
  },
];

describe.each(STYLES)('numbers typed as text in a $style spreadsheet', ({ n }) => {
  it.each<[string, string, unknown[], unknown]>([
    ['MBO_ATTAINMENT: actual and target', 'MBO_ATTAINMENT', [n('1 234', '5'), n('2 469')], 0.5],
    [
      'MBO_ATTAINMENT: a baseline, a lower goal',
      'MBO_ATTAINMENT',
      [n('1 550'), n('1 400'), n('1 800'), 'lower'],
      0.625,
    ],
    [
      'MBO_ATTAINMENT: a range target',
      'MBO_ATTAINMENT',
      [n('4', '4'), `${n('4', '2')}-${n('4', '8')}`, '', 'range'],
      1,
    ],
    ['MBO_ATTAINMENT: the cap', 'MBO_ATTAINMENT', [200, 100, '', '', n('1', '2')], 1.2],
    [
      'MBO_ROLLUP: attainment and contribution',
      'MBO_ROLLUP',
      [col('A', 'B', 'C'), col('', 'A', 'A'), col('', n('0', '5'), '1'), col('', '3', '1')],
      col(0.625, 0.5, 1),
    ],
    [
      'MBO_SCORE: weights and attainment',
      'MBO_SCORE',
      [col('A', 'A'), col(n('0', '6'), n('0', '4')), col('1', n('0', '5')), 'A'],
      0.8,
    ],
    [
      'MBO_PAYOUT: attainment and curve',
      'MBO_PAYOUT',
      [
        n('0', '9'),
        [
          [n('0', '8'), n('0', '5')],
          ['1', '1'],
        ],
      ],
      0.75,
    ],
    ['MBO_STATUS: attainment and elapsed share', 'MBO_STATUS', [n('0', '4'), n('0', '5')], 'at risk'],
    ['MBO_NPS: whole scores typed as text', 'MBO_NPS', [col('10', n('9', '0'), '3')], ((2 - 1) / 3) * 100],
  ])('%s', (_name, fn, args, expected) => {
    expect(call(COMMA, fn, ...args)).toEqual(expected);
  });

  it('MBO_CASCADE and MBO_VALIDATE: a goal table with text numbers', () => {
    const table = [
      ['ID', 'Goal', 'Target', 'Actual'],
      ['G-1', 'Revenue', n('1 000'), n('500', '5')],
    ];
    const rows = call(COMMA, 'MBO_CASCADE', table) as unknown[][];
    expect(rows[1][6]).toBeCloseTo(0.5005, 12);
    const issues = call(COMMA, 'MBO_VALIDATE', table) as unknown[][];
    expect(issues.map((r) => r[4])).not.toContain('not-a-number');
  });
});

describe('the same text in a spreadsheet with a decimal point', () => {
  it('is not a number, so the locale is what reads it', () => {
    expect(call(POINT, 'MBO_ATTAINMENT', '1.234,5', 100)).toMatch(/^⚠ "1\.234,5".*not a number/);
    expect(call(POINT, 'MBO_ATTAINMENT', '1,234.5', '2,469')).toBe(0.5);
  });
});

describe.each(ZONE_PAIRS)(
  'Date cells in a spreadsheet in $zone, the functions run in $processZone',
  ({ zone, processZone, marchFirst }) => {
    const locale = fixedLocale(zone, '.');
    const run = (fn: string, ...args: unknown[]) =>
      inProcessZone(processZone, () => call(locale, fn, ...args));

    it('MBO_CASCADE and MBO_VALIDATE read IDs, parents and periods on its calendar', () => {
      const table = [
        ['ID', 'Goal', 'Owner', 'Parent', 'Weight', 'Period'],
        [marchFirst, 'Dated', 'Ava', '', 0.5, marchFirst],
        ['C-1', 'Child', 'Ava', marchFirst, 0.2, marchFirst],
      ];
      const rows = run('MBO_CASCADE', table) as unknown[][];
      expect(rows.slice(1).map((r) => [r[0], r[3], r[5]])).toEqual([
        ['2026-03-01', '', '2026-03-01'],
        ['C-1', '2026-03-01', '2026-03-01 › C-1'],
      ]);
      const issues = run('MBO_VALIDATE', table) as unknown[][];
      expect(issues.map((r) => r[5]).join('\n')).toMatch(/weights for Mar 2026 add up to 70%/);
    });

    it('MBO_PATH and MBO_ROLLUP read dated IDs as the same text', () => {
      expect(run('MBO_PATH', 'C-1', col(marchFirst, 'C-1'), col('', '2026-03-01'))).toBe('2026-03-01 › C-1');
      expect(run('MBO_ROLLUP', col(marchFirst, 'C-1'), col('', '2026-03-01'), col('', 0.5))).toEqual(
        col(0.5, 0.5),
      );
      expect(run('MBO_SCORE', col(marchFirst), col(1), col(0.5))).toEqual([['2026-03-01', 0.5]]);
    });

    it('MBO_FORECAST reads an asOf Date cell as its day there', () => {
      const history = [
        ['Date', 'ID', 'Final'],
        ['2026-02-28', 'G-1', 0.4],
        ['2026-03-01', 'G-1', 0.41],
      ];
      // As of March 1 (day 60 of Q1's 90): the line through both check-ins; on February 28 it would be one's pace.
      expect(run('MBO_FORECAST', history, 'G-1', 'Q1 2026', '', marchFirst)).toBeCloseTo(0.41 + 0.01 * 30, 9);
    });

    it('a Date where a number belongs is quoted as its day there', () => {
      expect(run('MBO_ATTAINMENT', marchFirst, 100)).toMatch(/^⚠ "2026-03-01" is not a number/);
    });
  },
);
