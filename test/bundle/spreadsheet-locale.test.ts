// The built bundle in a vm with a fake SpreadsheetApp: custom functions read the spreadsheet's locale and time zone, lazily.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/model';
import { createFakeGas, type FakeGas } from '../../tools/gas-fake';
import { type LoadedBundle, loadBundle } from '../../tools/load-bundle';
import { inProcessZone, SPREADSHEET_ZONES } from '../support/zones';

const root = join(import.meta.dirname, '..', '..');
const col = (...values: CellValue[]): CellValue[][] => values.map((v) => [v]);

beforeAll(() => {
  // Only when missing: rebuilding here would race other test files reading dist/ (npm test builds first).
  if (!existsSync(join(root, 'dist', 'mbo.js'))) {
    execFileSync(process.execPath, [join(root, 'tools', 'build.mjs')], { cwd: root, stdio: 'ignore' });
  }
});

/** The bundle loaded over a fake spreadsheet with this locale and zone. */
function bundleOver(locale: string, timeZone = 'UTC'): { gas: FakeGas; bundle: LoadedBundle } {
  const gas = createFakeGas({ locale, timeZone });
  return { gas, bundle: loadBundle({ SpreadsheetApp: gas.SpreadsheetApp }) };
}

const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe.each([
  { locale: 'de_DE', n: (s: string) => s },
  { locale: 'fr_FR', n: (s: string) => s.replace(/\./g, '\u202f') },
])('a $locale spreadsheet: numbers typed as text with a decimal comma', ({ locale, n }) => {
  it.each<[string, unknown[], unknown]>([
    ['MBO_ATTAINMENT', [n('1.234,5'), n('2.469')], 0.5],
    ['MBO_ATTAINMENT', [n('4,4'), '4,2-4,8', '', 'range'], 1],
    [
      'MBO_ROLLUP',
      [col('A', 'B', 'C'), col('', 'A', 'A'), col('', '0,5', '1'), col('', '3', '1')],
      col(0.625, 0.5, 1),
    ],
    ['MBO_SCORE', [col('A', 'A'), col('0,6', '0,4'), col('1', '0,5'), 'A'], 0.8],
    [
      'MBO_PAYOUT',
      [
        '0,9',
        [
          ['0,8', '0,5'],
          ['1', '1'],
        ],
      ],
      0.75,
    ],
    ['MBO_STATUS', ['0,4', '0,5'], 'at risk'],
  ])('%s(%j)', (fn, args, expected) => {
    const { bundle } = bundleOver(locale);
    expect(plain(bundle.functions[fn](...args))).toEqual(expected);
  });

  it('MBO_CASCADE reads a goal table’s text numbers with the comma', () => {
    const { bundle } = bundleOver(locale);
    const rows = bundle.functions.MBO_CASCADE([
      ['ID', 'Goal', 'Target', 'Actual'],
      ['G-1', 'Revenue', n('1.000'), n('500,5')],
    ]) as unknown[][];
    expect(rows[1][6]).toBeCloseTo(0.5005, 12);
  });
});

describe('an en_US spreadsheet', () => {
  it('reads the same text as no number, and 1,234.5 as one', () => {
    const { bundle } = bundleOver('en_US');
    expect(bundle.functions.MBO_ATTAINMENT('1.234,5', 100)).toMatch(/^⚠ "1\.234,5".*not a number/);
    expect(bundle.functions.MBO_ATTAINMENT('1,234.5', '2,469')).toBe(0.5);
  });
});

describe('what a call asks the spreadsheet', () => {
  it('nothing when every cell is a number and none is a Date', () => {
    const { gas, bundle } = bundleOver('de_DE');
    bundle.functions.MBO_ATTAINMENT(col(80, 90), 100);
    bundle.functions.MBO_PATH('B', col('A', 'B'), col('', 'A'));
    expect(gas.log.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(0);
  });

  it('the locale once, however many text numbers', () => {
    const { gas, bundle } = bundleOver('de_DE');
    bundle.functions.MBO_ATTAINMENT(col('1,5', '2,5', '3,5'), '10');
    expect(gas.log.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(1);
    expect(gas.log.count('Spreadsheet.getSpreadsheetLocale')).toBe(1);
    expect(gas.log.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(0);
  });
});

describe.each(SPREADSHEET_ZONES)(
  'a spreadsheet in $zone, the bundle run with the process in UTC and Kiritimati',
  ({ zone, marchFirst }) => {
    it.each(['UTC', 'Pacific/Kiritimati', 'Pacific/Honolulu'])(
      'reads Date cells on its calendar (process in %s)',
      (processZone) => {
        const { gas, bundle } = bundleOver('en_US', zone);
        const date = bundle.evaluate(`new Date(${marchFirst.getTime()})`) as Date;
        const table = [
          ['ID', 'Goal', 'Parent', 'Period'],
          [date, 'Dated', '', date],
          ['C-1', 'Child', date, date],
        ];
        const rows = inProcessZone(processZone, () => bundle.functions.MBO_CASCADE(table)) as unknown[][];
        expect(rows.slice(1).map((r) => [r[0], r[5]])).toEqual([
          ['2026-03-01', '2026-03-01'],
          ['C-1', '2026-03-01 › C-1'],
        ]);
        const path = inProcessZone(processZone, () =>
          bundle.functions.MBO_PATH('C-1', col(date, 'C-1'), col('', date)),
        );
        expect(path).toBe('2026-03-01 › C-1');
        expect(gas.log.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(2);
      },
    );
  },
);
