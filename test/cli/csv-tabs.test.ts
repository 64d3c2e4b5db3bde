// CSV files as tabs: one per file named after it, or one file split by a Tab column with rows kept at their CSV row numbers.
import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readCsvTabs, splitByTabColumn, tabNameOfFile } from '../../src/cli/csv-tabs';
import type { Grid } from '../../src/core/model';
import { analyzeWorkbook } from '../../src/core/workbook';
import { useTempDir } from './temp-dir';

const dir = useTempDir();

/** The non-blank rows of a grid with their 1-based row numbers. */
function filledRows(grid: Grid): [number, readonly unknown[]][] {
  return grid.flatMap((row, r): [number, readonly unknown[]][] => (row.length ? [[r + 1, row]] : []));
}

describe('tabNameOfFile', () => {
  it.each([
    ['goals/Demand Gen.csv', 'Demand Gen'],
    ['CMO.CSV', 'CMO'],
    ['/tmp/q3.plan.csv', 'q3.plan'],
  ])('%s is the tab %s', (path, name) => {
    expect(tabNameOfFile(path)).toBe(name);
  });
});

describe('splitByTabColumn', () => {
  it('keeps a CSV without a Tab column as one tab named after the file', () => {
    const records = [
      ['ID', 'Goal'],
      ['A', 'x'],
    ];
    expect(splitByTabColumn('Goals', records)).toEqual([{ name: 'Goals', grid: records }]);
  });

  it('splits rows by the Tab column, keeping the header, the Tab column and each row number', () => {
    const header = ['ID', 'Goal', 'tab ', 'Target'];
    const tabs = splitByTabColumn('all', [
      header,
      ['A', 'x', 'CMO', '10'],
      ['B', 'y', 'Field', '20'],
      ['', '', '', ''],
      ['C', 'z', 'cmo', '30'],
      ['D', 'w', ' ', '40'],
    ]);
    expect(tabs.map((t) => t.name)).toEqual(['CMO', 'Field', 'all']);
    expect(tabs.map((t) => filledRows(t.grid))).toEqual([
      [
        [1, header],
        [2, ['A', 'x', 'CMO', '10']],
        [5, ['C', 'z', 'cmo', '30']],
      ],
      [
        [1, header],
        [3, ['B', 'y', 'Field', '20']],
      ],
      [
        [1, header],
        [6, ['D', 'w', ' ', '40']],
      ],
    ]);
  });

  it('keeps a Tab-column CSV with only its header as one empty tab', () => {
    expect(splitByTabColumn('all', [['ID', 'Goal', 'Tab']])).toEqual([
      { name: 'all', grid: [['ID', 'Goal', 'Tab']] },
    ]);
  });

  it('points issues at the row of the CSV file', () => {
    const tabs = splitByTabColumn('all', [
      ['ID', 'Goal', 'Tab', 'Target', 'Actual'],
      ['A', 'Pipeline', 'CMO', '10', '5'],
      ['B', 'Leads', 'Field', '20', 'lots'],
    ]);
    const issue = analyzeWorkbook(tabs, { today: null }).issues.find((i) => i.code === 'not-a-number');
    expect(issue).toMatchObject({ tab: 'Field', row: 3, col: 5, goalId: 'B' });
  });
});

describe('readCsvTabs', () => {
  it('reads each file as a tab in the order given, numbers as text, BOM and CRLF dropped', async () => {
    const cmo = await dir.write('CMO.csv', '\ufeffID,Goal,Target\r\nC-1,"Pipeline, sourced",$1.2M\r\n');
    const field = await dir.write('Field.csv', 'ID;Goal;Target\nF-1;Events;1,5\n');
    expect(await readCsvTabs([cmo, field])).toEqual([
      {
        name: 'CMO',
        grid: [
          ['ID', 'Goal', 'Target'],
          ['C-1', 'Pipeline, sourced', '$1.2M'],
        ],
      },
      {
        name: 'Field',
        grid: [
          ['ID', 'Goal', 'Target'],
          ['F-1', 'Events', '1,5'],
        ],
      },
    ]);
  });

  it.each<[string, [string, string | Buffer][], RegExp]>([
    [
      'two files with one tab name',
      [
        ['a/CMO.csv', 'ID,Goal\n'],
        ['b/cmo.csv', 'ID,Goal\n'],
      ],
      /Two tabs are named "cmo"/,
    ],
    [
      'a file and a Tab value with one name',
      [
        ['CMO.csv', 'ID,Goal\n'],
        ['all.csv', 'ID,Goal,Tab\nA,x,CMO\n'],
      ],
      /Two tabs are named "CMO"/,
    ],
    [
      'a never-closed quote',
      [['CMO.csv', 'ID,Goal\nA,"oops\n']],
      /CMO\.csv is not valid CSV: a quoted field opened on line 2 is never closed/,
    ],
    [
      'an .xlsx named .csv',
      [['CMO.csv', Buffer.from('PK\x03\x04rest of a zip')]],
      /CMO\.csv is a spreadsheet file, not a CSV/,
    ],
    ['a missing file', [], /nope\.csv does not exist/],
  ])('refuses %s', async (_name, files, message) => {
    const paths: string[] = [];
    for (const [name, content] of files) {
      if (name.includes('/')) await mkdir(dir.path(name.split('/')[0]), { recursive: true });
      paths.push(await dir.write(name, content));
    }
    if (paths.length === 0) paths.push(dir.path('nope.csv'));
    await expect(readCsvTabs(paths)).rejects.toThrow(message);
  });
});
