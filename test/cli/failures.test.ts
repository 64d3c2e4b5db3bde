// Every way a run can fail: a message on stderr naming the problem, nothing on stdout, the exit code, and no file written or changed.
import { mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runMain } from './run-main';
import { writeOleFile, writeSampleBook } from './sample-book';
import { useTempDir } from './temp-dir';

const dir = useTempDir();

async function notesOnlyBook(path: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Notes').addRow(['Budget', 'Amount']);
  await book.xlsx.writeFile(path);
  return path;
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Each case makes its input in the temp folder and returns the arguments to run. */
type Case = [name: string, make: () => Promise<string[]>, message: RegExp];

const unreadable: Case[] = [
  ['a missing file', async () => [dir.path('missing.xlsx')], /missing\.xlsx does not exist\./],
  [
    'a password-protected workbook (OLE signature)',
    async () => {
      await writeOleFile(dir.path('locked.xlsx'));
      return [dir.path('locked.xlsx')];
    },
    /locked\.xlsx is password-protected or not an \.xlsx/,
  ],
  [
    'an old .xls',
    async () => {
      await writeOleFile(dir.path('old.xls'));
      return [dir.path('old.xls')];
    },
    /old\.xls is password-protected or not an \.xlsx/,
  ],
  [
    'a file that is not a zip',
    async () => [await dir.write('notes.xlsx', 'ID,Goal\nA,x\n')],
    /notes\.xlsx is not an \.xlsx workbook \(it is not a zip archive\)/,
  ],
  ['an empty file', async () => [await dir.write('empty.xlsx', '')], /empty\.xlsx is empty/],
  [
    'a truncated zip',
    async () => {
      const path = dir.path('cut.xlsx');
      await writeSampleBook(path);
      const bytes = await readFile(path);
      await writeFile(path, bytes.subarray(0, bytes.length / 2));
      return [path];
    },
    /cut\.xlsx could not be read as an \.xlsx workbook \(.+\): is it corrupt\?/,
  ],
  [
    'a folder',
    async () => {
      await mkdir(dir.path('folder.xlsx'));
      return [dir.path('folder.xlsx')];
    },
    /folder\.xlsx is a directory/,
  ],
  [
    'an .xlsx named .csv',
    async () => {
      await writeSampleBook(dir.path('book.csv'));
      return [dir.path('book.csv')];
    },
    /book\.csv is a spreadsheet file, not a CSV/,
  ],
  [
    'a CSV with a never-closed quote',
    async () => [await dir.write('Goals.csv', 'ID,Goal\nA,"Grow\n')],
    /Goals\.csv is not valid CSV: a quoted field opened on line 2 is never closed/,
  ],
];

describe.each(['check', 'rollup'])('%s refuses an input it cannot read, exit 2', (command) => {
  it.each(unreadable)('%s', async (_name, make, message) => {
    const files = await make();
    const out = dir.path('out.xlsx');
    const run = await runMain(command === 'check' ? ['check', ...files] : ['rollup', ...files, '-o', out]);
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toMatch(/^mbo-cascade: /);
    expect(run.err).toMatch(message);
    expect(run.err).not.toMatch(/\n\s+at /);
    expect(await exists(out)).toBe(false);
  });
});

describe('a workbook with no goal tab', () => {
  it('check reports it as an error, exit 1', async () => {
    const run = await runMain(['check', await notesOnlyBook(dir.path('notes.xlsx'))]);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/^error +workbook +No goal tab found: give a tab a header row/m);
  });

  it('check exits 1 when a tab looks like goals but is not read: goals were left out', async () => {
    const goals = await dir.write('Goals.csv', 'ID,Goal,Owner,Target,Actual\nG-1,Grow pipeline,Ana,10,5\n');
    const plan = await dir.write('Plan.csv', 'Ref,Owner,Target,Actual\nP-1,Ana,10,5\n');
    const read = await runMain(['check', goals]);
    expect(read.out).not.toContain('unread-tab');
    const run = await runMain(['check', goals, plan]);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/Plan.*looks like goals/);
  });

  it('check reports it for CSV input too', async () => {
    const run = await runMain(['check', await dir.write('Budget.csv', 'Item,Amount\nTravel,"1,200"\n')]);
    expect(run.code).toBe(1);
    expect(run.out).toContain('No goal tab found');
  });

  it('rollup writes nothing, exit 1', async () => {
    const out = dir.path('out.xlsx');
    const run = await runMain(['rollup', await notesOnlyBook(dir.path('notes.xlsx')), '-o', out]);
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err).toMatch(/notes\.xlsx: No goal tab found: .* Nothing was written\.\n$/);
    expect(await exists(out)).toBe(false);
  });
});

describe('mistakes on the command line, exit 2, the input untouched', () => {
  const book = () => dir.path('goals.xlsx');
  it.each<[string, () => string[], RegExp]>([
    ['an unknown command', () => ['lint', book()], /Unknown command "lint"/],
    ['no file', () => ['check'], /Name the workbook to check/],
    ['an unknown flag', () => ['check', book(), '--verbose'], /Unknown option '--verbose'/],
    [
      'a date that is not one',
      () => ['check', book(), '--today', '2026-02-30'],
      /--today needs a date like 2026-06-30, not "2026-02-30"/,
    ],
    [
      '-o on check',
      () => ['check', book(), '-o', dir.path('x.xlsx')],
      /check writes nothing: -o is for rollup/,
    ],
    ['rollup without -o', () => ['rollup', book()], /rollup needs -o OUT\.xlsx/],
    ['--json on rollup', () => ['rollup', book(), '-o', dir.path('x.xlsx'), '--json'], /--json is for check/],
    [
      'an output that is the input',
      () => ['rollup', book(), '-o', book()],
      /The output .*goals\.xlsx is the input/,
    ],
    [
      'an output that is the input by another path',
      () => ['rollup', book(), '-o', `${dir.path('sub')}/../goals.xlsx`],
      /is the input/,
    ],
    [
      'an output that is not .xlsx',
      () => ['rollup', book(), '-o', dir.path('out.csv')],
      /must be an \.xlsx file/,
    ],
    [
      'an .xlsx and a CSV',
      () => ['check', book(), dir.path('a.csv')],
      /either one \.xlsx workbook or CSV files, not both/,
    ],
    ['two .xlsx', () => ['check', book(), book()], /one \.xlsx workbook at a time/],
  ])('%s', async (_name, argv, message) => {
    await mkdir(dir.path('sub'));
    await writeSampleBook(book());
    const before = await readFile(book());
    const run = await runMain(argv());
    expect(run).toMatchObject({ code: 2, out: '' });
    expect(run.err).toMatch(message);
    expect((await readFile(book())).equals(before)).toBe(true);
  });

  it('points to --help after a usage mistake', async () => {
    expect((await runMain(['check', '--verbose'])).err).toMatch(/\nRun mbo-cascade --help for usage\.\n$/);
  });

  it('refuses an output that is a link to the input', async () => {
    await writeSampleBook(dir.path('goals.xlsx'));
    await symlink(dir.path('goals.xlsx'), dir.path('link.xlsx'));
    const before = await readFile(dir.path('goals.xlsx'));
    const run = await runMain(['rollup', dir.path('goals.xlsx'), '-o', dir.path('link.xlsx')]);
    expect(run).toMatchObject({ code: 2, out: '' });
    expect(run.err).toMatch(/link\.xlsx is the input/);
    expect((await readFile(dir.path('goals.xlsx'))).equals(before)).toBe(true);
  });

  it('prints the help on stderr when run with no arguments', async () => {
    const run = await runMain([]);
    expect(run).toMatchObject({ code: 2, out: '' });
    expect(run.err).toMatch(/^mbo-cascade: check MBO goal workbooks/);
  });
});
