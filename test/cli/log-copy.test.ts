// The shared log writer's pieces: CSV text as a spreadsheet app reads it back, the output checks for CSV input, and who runs the command.
import { userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { readCsvInput } from '../../src/cli/csv-tabs';
import { allCsv, assertCsvLogOutput, csvText } from '../../src/cli/log-copy';
import { osUserName } from '../../src/cli/main';
import type { CellValue } from '../../src/core/model';
import { useTempDir } from './temp-dir';

const dir = useTempDir();

describe('csvText', () => {
  it.each<[string, CellValue[][], string]>([
    [
      'numbers and text',
      [
        ['Period', 'Score'],
        ['FY2026', 0.75],
      ],
      'Period,Score\r\nFY2026,0.75\r\n',
    ],
    [
      'a comma, a quote and a line break are quoted',
      [['a,b', 'say "hi"', 'two\nlines']],
      '"a,b","say ""hi""","two\nlines"\r\n',
    ],
    ['blanks stay blank', [['x', '', null, 'y']], 'x,,,y\r\n'],
    ['a space at either end is kept by quoting', [[' padded ']], '" padded "\r\n'],
  ])('%s', async (_name, rows, text) => {
    const written = csvText(rows);
    expect(written).toBe(`\ufeff${text}`);
    // Read back as the command line reads CSV: the same cells, as text.
    const path = await dir.write('Log.csv', written);
    const [tab] = (await readCsvInput([path])).tabs;
    expect(tab.grid).toEqual(rows.map((r) => r.map((v) => (v === null ? '' : String(v)))));
  });
});

describe('the output from CSV files', () => {
  it.each<[string, string[], string, RegExp | null]>([
    ['a new .csv', ['Goals.csv'], 'Frozen payouts.csv', null],
    [
      'an .xlsx',
      ['Goals.csv'],
      'out.xlsx',
      /From CSV files, freeze writes the log as a CSV file: name the output \.csv\./,
    ],
    [
      'one of the inputs',
      ['Goals.csv', 'Frozen payouts.csv'],
      'Frozen payouts.csv',
      /is the input Frozen payouts\.csv/,
    ],
  ])('%s', (_name, files, out, refused) => {
    const check = () => assertCsvLogOutput(files, out, 'freeze', 'the log');
    if (refused === null) expect(check).not.toThrow();
    else expect(check).toThrow(refused);
  });

  it.each<[string[], boolean]>([
    [['a.csv', 'B.CSV'], true],
    [['a.csv', 'b.xlsx'], false],
    [['b.xlsx'], false],
    [[], false],
  ])('allCsv(%j) is %s', (files, expected) => {
    expect(allCsv(files)).toBe(expected);
  });
});

describe('osUserName', () => {
  it('is the operating system’s name for this process’s user', () => {
    expect(osUserName()).toBe(userInfo().username);
  });
});
