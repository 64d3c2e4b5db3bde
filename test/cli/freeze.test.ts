// The freeze command: a copy of the workbook with the period's scorecards on the Frozen payouts log, which check then compares with (round trips through .xlsx and CSV), and its refusals.
import { readFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CheckJson } from '../../src/cli/issue-report';
import { FROZEN_HEADERS, FROZEN_LOG_NAME } from '../../src/core/freeze';
import { analyzeWorkbook } from '../../src/core/workbook';
import { marketingWorkbook } from '../../tools/samples/marketing';
import { NOW, openBook, runMain, USER } from './run-main';
import { writeSampleBook } from './sample-book';
import { useTempDir } from './temp-dir';

const dir = useTempDir();
/** The marketing sample's FY2026 scorecards: what a freeze of FY2026 stores. */
const CARDS = analyzeWorkbook(marketingWorkbook()).cards.filter((card) => card.period === 'FY2026');
/** The owner of CMO-1 (row 2 of the CMO tab, Actual in column K): the scorecard an edit there changes. */
const CMO_1 = { tab: 'CMO', cell: 'K2', owner: 'Dana Reyes' };

async function sample(edit?: (book: ExcelJS.Workbook) => void): Promise<string> {
  const path = dir.path('goals.xlsx');
  await writeSampleBook(path, edit);
  return path;
}

/** A sheet's rows as values from A1 ('' for blanks). */
function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1).map((v) => v ?? '');
  });
  return Array.from(rows, (r) => r ?? []);
}

/** check --json's frozen-period-changed issues: whose scorecard (as the message names them), and the message. */
async function frozenChanges(
  files: string[],
  ...flags: string[]
): Promise<{ person: string; message: string }[]> {
  const run = await runMain(['check', ...files, '--json', ...flags]);
  return (JSON.parse(run.out) as CheckJson).issues
    .filter((i) => i.code === 'frozen-period-changed')
    .map((i) => ({ person: /^(.*)'s scorecard for /.exec(i.message)?.[1] ?? '', message: i.message }));
}

describe('freeze', () => {
  it('writes a copy with the Frozen payouts tab last: the headers, one row per scorecard of the period, the time and the user', async () => {
    const input = await sample();
    const out = dir.path('out.xlsx');
    const run = await runMain(['freeze', input, '--period', 'fy 2026', '-o', out, '--time-zone', 'UTC']);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toMatch(
      new RegExp(
        `^Wrote ${out}: froze FY2026 \\(${CARDS.length} scorecards\\) in the Frozen payouts tab, on 2026-05-04 10:20 \\(UTC\\) by ${USER}\\.`,
      ),
    );
    const book = await openBook(out);
    const rows = rowsOf(book.getWorksheet(FROZEN_LOG_NAME)!);
    expect(rows[0]).toEqual(FROZEN_HEADERS);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[7], r[8]])).toEqual(
      CARDS.map((card) => ['FY2026', card.owner, NOW.toISOString(), USER]),
    );
    expect(rows.slice(1).map((r) => r[3])).toEqual(CARDS.map((card) => card.payout));
    const before = await openBook(input);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      ...before.worksheets.map((w) => w.name),
      FROZEN_LOG_NAME,
    ]);
    expect(before.getWorksheet(FROZEN_LOG_NAME)).toBeUndefined();
  });

  it.each([
    ['--by names who froze it', ['--by', 'Finance Team'], 'Finance Team'],
    ['without --by, the computer’s user', [], USER],
  ])('%s', async (_name, flags, by) => {
    const out = dir.path('out.xlsx');
    expect((await runMain(['freeze', await sample(), '--period', 'FY2026', '-o', out, ...flags])).code).toBe(
      0,
    );
    const rows = rowsOf((await openBook(out)).getWorksheet(FROZEN_LOG_NAME)!).slice(1);
    expect(new Set(rows.map((r) => r[8]))).toEqual(new Set([by]));
  });

  it.each([
    // NOW is 10:20 UTC on May 4: summer time in both.
    ['Europe/Berlin', '2026-05-04 12:20 (Europe/Berlin)'],
    ['America/Los_Angeles', '2026-05-04 03:20 (America/Los_Angeles)'],
  ])(
    '--time-zone %s: the freeze, and check’s frozen-period-changed, give the time in that zone',
    async (zone, time) => {
      const out = dir.path('out.xlsx');
      const run = await runMain([
        'freeze',
        await sample(),
        '--period',
        'FY2026',
        '-o',
        out,
        '--time-zone',
        zone,
      ]);
      expect(run.out).toContain(`, on ${time} by ${USER}.`);
      // The log stores the instant in UTC, whatever the zone.
      expect(rowsOf((await openBook(out)).getWorksheet(FROZEN_LOG_NAME)!)[1][7]).toBe(NOW.toISOString());
      const edited = await editActual(out, 1000);
      const [change] = await frozenChanges([edited], '--time-zone', zone);
      expect(change.message).toContain(`(frozen ${time} by ${USER}).`);
    },
  );

  it('freezing a frozen period again appends, says so, and check compares with the latest freeze', async () => {
    const first = dir.path('first.xlsx');
    await runMain([
      'freeze',
      await sample(),
      '--period',
      'FY2026',
      '-o',
      first,
      '--by',
      'Ann',
      '--time-zone',
      'UTC',
    ]);
    const edited = await editActual(first, 1000);
    expect((await frozenChanges([edited])).map((c) => c.person)).toEqual([CMO_1.owner]);
    const second = dir.path('second.xlsx');
    const run = await runMain([
      'freeze',
      edited,
      '--period',
      'FY2026',
      '-o',
      second,
      '--by',
      'Bob',
      '--time-zone',
      'UTC',
    ]);
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      'FY2026 was frozen before (2026-05-04 10:20 (UTC) by Ann): check compares with this freeze from now on, and the earlier rows stay as a log.',
    );
    const rows = rowsOf((await openBook(second)).getWorksheet(FROZEN_LOG_NAME)!);
    expect(rows).toHaveLength(1 + 2 * CARDS.length);
    expect(rows.slice(1).map((r) => r[8])).toEqual([...CARDS.map(() => 'Ann'), ...CARDS.map(() => 'Bob')]);
    expect(await frozenChanges([second])).toEqual([]);
  });

  it('never appends to a tab of the user’s named Frozen payouts: the log goes to Frozen payouts (2), and it says so', async () => {
    const input = await sample((book) => {
      const mine = book.addWorksheet('Frozen payouts');
      mine.addRow(['Payout notes', 'Agreed']);
      mine.addRow(['Q1 bonus', 'yes']);
    });
    const out = dir.path('out.xlsx');
    const run = await runMain(['freeze', input, '--period', 'FY2026', '-o', out]);
    expect(run.out).toMatch(
      /in the Frozen payouts \(2\) tab, on .* Your tab "Frozen payouts" is not a Frozen payouts log/,
    );
    const book = await openBook(out);
    expect(rowsOf(book.getWorksheet('Frozen payouts')!)).toEqual([
      ['Payout notes', 'Agreed'],
      ['Q1 bonus', 'yes'],
    ]);
    expect(rowsOf(book.getWorksheet('Frozen payouts (2)')!)).toHaveLength(1 + CARDS.length);
    // Next time the log is found by its headers, under whatever name it has.
    const next = dir.path('next.xlsx');
    expect((await runMain(['freeze', out, '--period', 'FY2026', '-o', next])).out).toContain(
      'in the Frozen payouts (2) tab, on ',
    );
  });
});

describe('freeze, then check: the round trip', () => {
  it('through an .xlsx: nothing changed, then an Actual edited in the copy warns about its owner', async () => {
    const out = dir.path('frozen.xlsx');
    expect((await runMain(['freeze', await sample(), '--period', 'FY2026', '-o', out])).code).toBe(0);
    expect(await frozenChanges([out])).toEqual([]);
    expect((await frozenChanges([await editActual(out, 1000)])).map((c) => c.person)).toEqual([CMO_1.owner]);
  });

  it('from CSV files: the log is a CSV file that check reads with the goals', async () => {
    const goals = (actual: number) =>
      `ID,Goal,Owner,Target,Actual,Weight,Period\r\nA,Revenue,Ann,100,${actual},1,H1 2026\r\nB,Pipeline,Bob,100,80,1,H1 2026\r\nC,Later,Ann,100,10,1,H2 2026\r\n`;
    const input = await dir.write('Goals.csv', goals(90));
    const log = dir.path('Frozen payouts.csv');
    const run = await runMain([
      'freeze',
      input,
      '--period',
      '2026-H1',
      '-o',
      log,
      '--by',
      'CFO',
      '--time-zone',
      'UTC',
    ]);
    expect(run.out).toBe(
      `Wrote ${log}: the Frozen payouts log, with H1 2026 (2 scorecards) frozen on 2026-05-04 10:20 (UTC) by CFO. Give that file with the goals’ files to check and rollup.\n`,
    );
    const lines = (await readFile(log, 'utf8')).split('\r\n');
    expect(lines[0]).toBe(`\ufeff${FROZEN_HEADERS.join(',')}`);
    expect(lines.slice(1, 3).map((l) => l.split(',').slice(0, 4))).toEqual([
      // Score, then Payout by the default curve (80% pays 50%, 100% pays 100%).
      ['H1 2026', 'Ann', '0.9', '0.75'],
      ['H1 2026', 'Bob', '0.8', '0.5'],
    ]);
    expect(await frozenChanges([input, log])).toEqual([]);
    // The other period may change; H1 2026 may not.
    await dir.write('Goals.csv', goals(90).replace('C,Later,Ann,100,10', 'C,Later,Ann,100,20'));
    expect(await frozenChanges([input, log])).toEqual([]);
    await dir.write('Goals.csv', goals(50));
    expect((await frozenChanges([input, log])).map((c) => c.person)).toEqual(['Ann']);
    // Freezing again from CSV: the whole log, old rows then new, to a new file.
    const next = dir.path('next.csv');
    expect((await runMain(['freeze', input, log, '--period', 'H1 2026', '-o', next])).code).toBe(0);
    expect((await readFile(next, 'utf8')).split('\r\n').filter((l) => l !== '')).toHaveLength(1 + 2 + 2);
    expect(await frozenChanges([input, next])).toEqual([]);
  });
});

describe('freeze refuses, and writes nothing', () => {
  it.each<[string, (input: string, csv: string) => string[], number, RegExp]>([
    ['without --period', (input) => [input, '-o', 'OUT'], 2, /freeze needs --period/],
    [
      'a --period that is no period',
      (input) => [input, '--period', 'someday', '-o', 'OUT'],
      2,
      /--period needs a period like FY2026/,
    ],
    [
      'a period without scorecards',
      (input) => [input, '--period', 'Q1 2030', '-o', 'OUT'],
      1,
      /No scorecard is for Q1 2030, so nothing was frozen: freeze a period that has scorecards \(FY2026\)\./,
    ],
    ['without -o', (input) => [input, '--period', 'FY2026'], 2, /freeze needs -o OUT\.xlsx/],
    ['the input as the output', (input) => [input, '--period', 'FY2026', '-o', input], 2, /is the input/],
    [
      'an .xlsx output from CSV files',
      (_input, csv) => [csv, '--period', 'FY2026', '-o', 'OUT'],
      2,
      /name the output \.csv/,
    ],
  ])('%s', async (_name, args, code, message) => {
    const input = await sample();
    const csv = await dir.write(
      'Goals.csv',
      'ID,Goal,Owner,Target,Actual,Period\r\nA,Revenue,Ann,100,90,FY2026\r\n',
    );
    const out = dir.path('out.xlsx');
    const run = await runMain(['freeze', ...args(input, csv).map((a) => (a === 'OUT' ? out : a))]);
    expect(run.code).toBe(code);
    expect(run.err).toMatch(message);
    await expect(readFile(out)).rejects.toThrow();
  });

  it('an output that exists, unless --force', async () => {
    const input = await sample();
    const out = await dir.write('out.xlsx', 'mine');
    const run = await runMain(['freeze', input, '--period', 'FY2026', '-o', out]);
    expect(run).toMatchObject({ code: 2 });
    expect(run.err).toMatch(/already exists: choose another file with -o, or add --force/);
    expect(await readFile(out, 'utf8')).toBe('mine');
    expect((await runMain(['freeze', input, '--period', 'FY2026', '-o', out, '--force'])).code).toBe(0);
  });

  it.each([
    ['check', ['--period', 'FY2026']],
    ['rollup', ['-o', 'x.xlsx', '--by', 'Ann']],
    ['check-in', ['-o', 'x.xlsx', '--period', 'FY2026']],
  ])('%s with a flag of freeze’s', async (command, flags) => {
    const run = await runMain([command, 'goals.xlsx', ...flags]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/--(period|by) is for freeze/);
  });
});

/** A copy of `path` with CMO-1's Actual set to `actual` (saved by exceljs, as another spreadsheet app would save it). */
async function editActual(path: string, actual: number): Promise<string> {
  const book = await openBook(path);
  book.getWorksheet(CMO_1.tab)!.getCell(CMO_1.cell).value = actual;
  const edited = dir.path(`edited-${actual}.xlsx`);
  await book.xlsx.writeFile(edited);
  return edited;
}
