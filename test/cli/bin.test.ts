// End to end through the built executable (node dist/cli/mbo-cascade.mjs, what package.json's bin names): exit codes, stdout and stderr, the written file.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDay } from '../../src/core/period';
import { analyzeWorkbook } from '../../src/core/workbook';
import { buildRollupReport, reportGrid } from '../../src/report/rollup-table';
import { ROLLUP_TAB } from '../../src/sheets/owned';
import { marketingWorkbook } from '../../tools/samples/marketing';
import { openBook, sheetGrid } from './run-main';
import { writeOleFile, writeSampleBook } from './sample-book';
import { useTempDir } from './temp-dir';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = useTempDir();

function bin(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'dist/cli/mbo-cascade.mjs'), ...args], {
      cwd: dir.path('.'),
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('dist/cli/mbo-cascade.mjs', () => {
  it('is the executable package.json names', async () => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
    expect(pkg.bin).toEqual({ 'mbo-cascade': 'dist/cli/mbo-cascade.mjs' });
  });

  it('prints the help with --help, exit 0', async () => {
    const run = await bin('--help');
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toContain('mbo-cascade rollup BOOK.xlsx -o OUT.xlsx');
    // What rollup does to a tab of the user's named Roll-up, as the README says: kept, never replaced.
    expect(run.out.replace(/\s+/g, ' ')).toContain('a tab of yours named Roll-up is kept');
    expect(run.out).toContain('mbo-cascade freeze BOOK.xlsx --period PERIOD -o OUT.xlsx [--by NAME]');
    // Every line fits a terminal 80 columns wide.
    expect(run.out.split('\n').filter((line) => line.length > 80)).toEqual([]);
  });

  it('checks a workbook given by a path relative to the current folder, exit 0', async () => {
    await writeSampleBook(dir.path('goals.xlsx'));
    const run = await bin('check', 'goals.xlsx');
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toMatch(/^warning +CMO!K4 +CMO-3 +Alignment gap/);
    expect(run.out).toMatch(/\ngoals\.xlsx: 31 goals on 5 goal tabs; 0 errors, 9 warnings, 0 info\.\n$/);
  });

  it('exits 1 with --json when the workbook has an error', async () => {
    await writeSampleBook(dir.path('goals.xlsx'), (book) => {
      book.getWorksheet('CMO')!.getCell('D2').value = 'NOPE-1';
    });
    const run = await bin('check', 'goals.xlsx', '--json');
    expect(run.code).toBe(1);
    const json = JSON.parse(run.out);
    expect(json.counts.error).toBe(1);
    expect(json.issues).toContainEqual(
      expect.objectContaining({ code: 'unknown-parent', severity: 'error', cell: 'CMO!D2', goalId: 'CMO-1' }),
    );
  });

  it('rolls up to a new file and leaves the input as it was', async () => {
    const input = dir.path('goals.xlsx');
    await writeSampleBook(input);
    const before = await readFile(input);
    const run = await bin('rollup', 'goals.xlsx', '-o', 'out.xlsx', '--today', '2026-06-30');
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toMatch(/^Wrote out\.xlsx: Roll-up of 31 goals and 10 scorecards/);
    expect((await readFile(input)).equals(before)).toBe(true);

    const today = parseDay('2026-06-30');
    const expected = reportGrid(
      buildRollupReport(analyzeWorkbook(marketingWorkbook(), { today }), new Date().toISOString()),
    );
    const written = sheetGrid(
      (await openBook(dir.path('out.xlsx'))).getWorksheet(ROLLUP_TAB)!,
      expected.length,
      expected[0].length,
    );
    // The note carries the clock of the run; every other cell is the add-on's.
    expect(written[0][0]).toMatch(
      /^Computed by MBO Cascade on \d{4}-\d\d-\d\d \d\d:\d\d \([^)]+\) from CMO, Demand Gen/,
    );
    expect(written.slice(1)).toEqual(expected.slice(1));
  });

  it.each([
    ['a missing file', async () => {}, 'missing.xlsx', /^mbo-cascade: missing\.xlsx does not exist\.\n$/],
    [
      'an encrypted workbook',
      () => writeOleFile(dir.path('locked.xlsx')),
      'locked.xlsx',
      /^mbo-cascade: locked\.xlsx is password-protected or not an \.xlsx/,
    ],
  ])('explains %s on stderr, exit 2', async (_name, make, file, message) => {
    await make();
    const run = await bin('check', file);
    expect(run).toMatchObject({ code: 2, out: '' });
    expect(run.err).toMatch(message);
  });
});
