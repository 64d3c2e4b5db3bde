// The command line and the check-in log: check-in appends today's check-in to a copy (text as text, the day in a time zone, only to a tab of ours), check validates the log, rollup shows trends.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CheckJson } from '../../src/cli/issue-report';
import { checkInsOf, HISTORY_HEADERS } from '../../src/core/history';
import { analyzeWorkbook } from '../../src/core/workbook';
import { ROLLUP_TAB } from '../../src/sheets/owned';
import { marketingWorkbook } from '../../tools/samples/marketing';
import { NOW, openBook, runMain } from './run-main';
import { writeSampleBook } from './sample-book';
import { useTempDir } from './temp-dir';

const dir = useTempDir();
/** The marketing sample's goal IDs: a check-in's rows. */
const GOALS = checkInsOf(analyzeWorkbook(marketingWorkbook()), 0).length;

async function sample(edit?: (book: ExcelJS.Workbook) => void): Promise<string> {
  const path = dir.path('goals.xlsx');
  await writeSampleBook(path, edit);
  return path;
}

/** The ranges of the log's mark, the defined name mbo_cascade_check_ins. */
const logMarks = (book: ExcelJS.Workbook): string[] =>
  book.definedNames.model.filter((n) => n.name === 'mbo_cascade_check_ins').flatMap((n) => [...n.ranges]);

/** The first column of a CSV log below its header: its dates. */
const dates = (csv: string): string[] =>
  csv
    .split('\r\n')
    .slice(1)
    .filter((line) => line !== '')
    .map((line) => line.split(',')[0]);

/** A sheet's rows as values from A1 ('' for blanks), as far as it has rows. */
function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const values = (row.values as unknown[]).slice(1).map((v) => v ?? '');
    rows[n - 1] = values;
  });
  return Array.from(rows, (r) => r ?? []);
}

describe('check-in', () => {
  it('writes a copy with a Check-ins tab: our header, one row per goal, dates and IDs as text, marked as ours', async () => {
    const input = await sample();
    const out = dir.path('out.xlsx');
    const run = await runMain(['check-in', input, '-o', out, '--time-zone', 'UTC']);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toBe(`Wrote ${out}: recorded ${GOALS} goals for 2026-05-04 in the Check-ins tab.\n`);
    const book = await openBook(out);
    const rows = rowsOf(book.getWorksheet('Check-ins')!);
    expect(rows[0]).toEqual(HISTORY_HEADERS);
    expect(rows).toHaveLength(1 + GOALS);
    expect(rows.slice(1).every((r) => r[0] === '2026-05-04')).toBe(true);
    expect(rows.slice(1).map((r) => [typeof r[0], typeof r[1]])).toEqual(
      new Array(GOALS).fill(['string', 'string']),
    );
    expect(logMarks(book)).toEqual(["'Check-ins'!$A$1"]);
    // Every other sheet is the input's, in its place; the log goes last. The input is never written to.
    const before = await openBook(input);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      ...before.worksheets.map((w) => w.name),
      'Check-ins',
    ]);
    expect(before.getWorksheet('Check-ins')).toBeUndefined();
  });

  it('records the day in the given time zone', async () => {
    const input = await sample();
    // NOW is 10:20 UTC on May 4: already May 5 in Kiritimati (UTC+14), still May 3 nowhere west of UTC-11.
    for (const [zone, day] of [
      ['Pacific/Kiritimati', '2026-05-05'],
      ['America/Los_Angeles', '2026-05-04'],
      ['Pacific/Pago_Pago', '2026-05-03'],
    ]) {
      const out = dir.path(`${day}.xlsx`);
      const run = await runMain(['check-in', input, '-o', out, '--time-zone', zone]);
      expect(run.out, zone).toContain(`for ${day} in the Check-ins tab`);
      expect(rowsOf((await openBook(out)).getWorksheet('Check-ins')!)[1][0]).toBe(day);
    }
    expect(
      (await runMain(['check-in', input, '-o', dir.path('x.xlsx'), '--time-zone', 'Mars/Olympus'])).err,
    ).toMatch(/--time-zone needs an IANA zone/);
  });

  it('appends another day, and replaces the same day in place', async () => {
    const first = dir.path('1.xlsx');
    await runMain(['check-in', await sample(), '-o', first, '--today', '2026-05-04']);
    const second = dir.path('2.xlsx');
    expect((await runMain(['check-in', first, '-o', second, '--today', '2026-05-11'])).code).toBe(0);
    expect(rowsOf((await openBook(second)).getWorksheet('Check-ins')!)).toHaveLength(1 + 2 * GOALS);
    const third = dir.path('3.xlsx');
    const again = await runMain(['check-in', second, '-o', third, '--today', '2026-05-11']);
    expect(again.out).toContain(`replacing the ${GOALS} recorded earlier that day`);
    const rows = rowsOf((await openBook(third)).getWorksheet('Check-ins')!);
    expect(rows).toHaveLength(1 + 2 * GOALS);
    expect(rows.filter((r) => r[0] === '2026-05-11')).toHaveLength(GOALS);
  });

  it('keeps text as text: an ID like 1.10 and a note that looks like a formula', async () => {
    const input = dir.path('text.xlsx');
    const book = new ExcelJS.Workbook();
    const goals = book.addWorksheet('Goals');
    goals.addRow(['ID', 'Goal', 'Target', 'Actual', 'Note']);
    goals.addRow(['1.10', 'Revenue', 10, 5, '=1+1']);
    await book.xlsx.writeFile(input);
    const out = dir.path('out.xlsx');
    expect((await runMain(['check-in', input, '-o', out, '--today', '2026-05-04'])).code).toBe(0);
    const sheet = (await openBook(out)).getWorksheet('Check-ins')!;
    expect(sheet.getCell('B2').value).toBe('1.10');
    expect(sheet.getCell('H2').value).toBe('=1+1');
    expect(sheet.getCell('H2').formula).toBeUndefined();
    expect(sheet.getCell('C2').value).toBe(5);
  });

  it('never writes to a tab of the user’s named Check-ins: the log goes to Check-ins (2), and it says so', async () => {
    const input = await sample((book) => {
      const mine = book.addWorksheet('Check-ins');
      mine.addRow(['Customer', 'Date']);
      mine.addRow(['ACME', '2026-05-01']);
    });
    const out = dir.path('out.xlsx');
    const run = await runMain(['check-in', input, '-o', out]);
    expect(run.out).toMatch(
      /in the Check-ins \(2\) tab\. Your tab "Check-ins" is not a check-in log and is left alone/,
    );
    const book = await openBook(out);
    expect(rowsOf(book.getWorksheet('Check-ins')!)).toEqual([
      ['Customer', 'Date'],
      ['ACME', '2026-05-01'],
    ]);
    expect(rowsOf(book.getWorksheet('Check-ins (2)')!)).toHaveLength(1 + GOALS);
    // Next time the marked tab is the log, whatever the user's tab is called.
    const next = dir.path('next.xlsx');
    expect((await runMain(['check-in', out, '-o', next, '--today', '2026-06-01'])).out).toContain(
      'in the Check-ins (2) tab.',
    );
  });

  it('refuses a workbook without goals, and writes nothing', async () => {
    const input = await dir.write('Notes.csv', 'Just,notes\r\n');
    const run = await runMain(['check-in', input, '-o', dir.path('out.csv')]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/no goal to record/);
    expect((await runMain(['check-in', input, '-o', dir.path('out.xlsx')])).err).toMatch(
      /name the output \.csv/,
    );
  });

  it('from CSV files, writes the log as a CSV file that check and rollup read with them', async () => {
    const goals = await dir.write(
      'Goals.csv',
      'ID,Goal,Period,Target,Actual,Note\r\nG-1,Revenue,FY2026,10,5,"=1+1, a note"\r\n',
    );
    const log = dir.path('Check-ins.csv');
    const first = await runMain(['check-in', goals, '-o', log, '--today', '2026-04-01']);
    expect(first.out).toBe(`Wrote ${log}: the check-in log with recorded 1 goal for 2026-04-01.\n`);
    expect(await readFile(log, 'utf8')).toBe(
      `\ufeff${HISTORY_HEADERS.join(',')}\r\n2026-04-01,G-1,5,0.5,0.5,on track,,"=1+1, a note"\r\n`,
    );
    const next = dir.path('next.csv');
    await runMain(['check-in', goals, log, '-o', next, '--today', '2026-05-04']);
    expect(dates(await readFile(next, 'utf8'))).toEqual(['2026-04-01', '2026-05-04']);
    const check = JSON.parse((await runMain(['check', goals, log, '--json'])).out) as CheckJson;
    expect(check.issues.filter((i) => i.tab === 'Check-ins')).toEqual([]);
    const rollup = dir.path('rollup.xlsx');
    await runMain(['rollup', goals, log, '-o', rollup]);
    const report = rowsOf((await openBook(rollup)).getWorksheet(ROLLUP_TAB)!);
    expect(report[3][report[2].indexOf('Last check-in')]).not.toBe('');
  });
});

describe('check and rollup read the log', () => {
  it('check validates the Check-ins tab like a goal tab', async () => {
    const recorded = dir.path('recorded.xlsx');
    await runMain(['check-in', await sample(), '-o', recorded, '--today', '2026-05-04']);
    const book = await openBook(recorded);
    const log = book.getWorksheet('Check-ins')!;
    log.addRow(['someday', 'M-1', 1, '', '', '', '', '']);
    log.addRow(['2026-05-04', 'GONE-1', 1, '', '', '', '', '']);
    const edited = dir.path('edited.xlsx');
    await book.xlsx.writeFile(edited);
    const run = await runMain(['check', edited, '--json']);
    expect(run.code).toBe(1);
    const found = (JSON.parse(run.out) as CheckJson).issues
      .filter((i) => i.tab === 'Check-ins')
      .map((i) => [i.code, i.row]);
    expect(found).toEqual([
      ['bad-check-in-date', 2 + GOALS],
      ['orphan-history', 3 + GOALS],
    ]);
  });

  it('a marked log renamed by the user is still the log, not a tab that looks like goals', async () => {
    const recorded = dir.path('recorded.xlsx');
    await runMain(['check-in', await sample(), '-o', recorded, '--today', '2026-05-04']);
    const book = await openBook(recorded);
    book.getWorksheet('Check-ins')!.name = 'Weekly log';
    book.definedNames.model = book.definedNames.model.map((n) => ({
      ...n,
      ranges: n.ranges.map((r) => r.replace("'Check-ins'", "'Weekly log'")),
    }));
    const renamed = dir.path('renamed.xlsx');
    await book.xlsx.writeFile(renamed);
    const run = await runMain(['check', renamed, '--json']);
    expect((JSON.parse(run.out) as CheckJson).issues.filter((i) => i.tab === 'Weekly log')).toEqual([]);
    expect(run.code).toBe(0);
    const next = dir.path('next.xlsx');
    expect((await runMain(['check-in', renamed, '-o', next, '--today', '2026-05-11'])).out).toContain(
      'in the Weekly log tab.',
    );
  });

  it('rollup gives each goal its last check-in and 30-day change', async () => {
    const recorded = dir.path('recorded.xlsx');
    await runMain(['check-in', await sample(), '-o', recorded, '--today', '2026-03-31']);
    const out = dir.path('rollup.xlsx');
    expect((await runMain(['rollup', recorded, '-o', out])).code).toBe(0);
    const sheet = (await openBook(out)).getWorksheet(ROLLUP_TAB)!;
    const header = rowsOf(sheet)[2];
    const last = header.indexOf('Last check-in');
    expect(last).toBeGreaterThan(0);
    expect(header[last + 1]).toBe('30-day change');
    const goalRows = rowsOf(sheet).slice(3, 3 + GOALS);
    expect(goalRows.filter((r) => r[last] !== '')).toHaveLength(GOALS);
    // Nothing changed since March 31 (more than 30 days before NOW): a change of 0 wherever there is an attainment.
    expect(goalRows.some((r) => r[last + 1] === 0)).toBe(true);
    expect(NOW.toISOString().slice(0, 10)).toBe('2026-05-04');
    // The day is text, as the add-on writes it, never a date a spreadsheet could show another way.
    expect(goalRows.map((r) => r[last])).toEqual(new Array(GOALS).fill('2026-03-31'));
  });

  it.each([
    // NOW is 10:20 UTC on May 4: summer time in both.
    ['Europe/Berlin', '2026-05-04 12:20 (Europe/Berlin)'],
    ['America/Los_Angeles', '2026-05-04 03:20 (America/Los_Angeles)'],
  ])('rollup --time-zone %s gives the time in the note in that zone', async (zone, time) => {
    const out = dir.path(`${zone.replace('/', '-')}.xlsx`);
    expect((await runMain(['rollup', await sample(), '-o', out, '--time-zone', zone])).code).toBe(0);
    const note = String(rowsOf((await openBook(out)).getWorksheet(ROLLUP_TAB)!)[0][0]);
    expect(note).toMatch(
      new RegExp(`^Computed by MBO Cascade on ${time.replace(/[()]/g, '\\$&')} from CMO, `),
    );
  });

  it('an old log named History (CSV) is read with a note, and check-in says to name the file Check-ins.csv', async () => {
    const goals = await dir.write('Goals.csv', 'ID,Goal,Target,Actual\r\nG-1,Revenue,10,5\r\n');
    const history = await dir.write(
      'History.csv',
      `${HISTORY_HEADERS.join(',')}\r\n2026-04-01,G-1,4,0.4,0.4,on track,,\r\n`,
    );
    const check = JSON.parse((await runMain(['check', goals, history, '--json'])).out) as CheckJson;
    expect(check.issues.find((i) => i.code === 'legacy-check-in-tab')).toMatchObject({
      tab: 'History',
      severity: 'info',
    });
    const out = dir.path('out.csv');
    const run = await runMain(['check-in', goals, history, '-o', out, '--today', '2026-05-04']);
    expect(run.err).toBe('');
    expect(run.out).toMatch(
      /read from History: Excel refuses a sheet named History, so name the file Check-ins\.csv\./,
    );
    expect(dates(await readFile(out, 'utf8'))).toEqual(['2026-04-01', '2026-05-04']);
  });

  it('rollup of a CSV set with an old History.csv: the log is read as the log and written as a Check-ins tab, marked', async () => {
    const cmo = await dir.write(
      'CMO.csv',
      'ID,Goal,Owner,Parent,Period,Unit,Target,Actual\r\nCMO-1,Pipeline,Ava,,FY2026,$,1000,400\r\n',
    );
    const field = await dir.write(
      'Field.csv',
      'ID,Goal,Owner,Parent,Period,Unit,Target,Actual\r\nF-1,Field events,Lee,CMO-1,FY2026,$,500,200\r\n',
    );
    const history = await dir.write(
      'History.csv',
      `${HISTORY_HEADERS.join(',')}\r\n2026-03-31,CMO-1,200,0.2,0.2,on track,7,\r\n` +
        '2026-03-31,F-1,100,0.2,0.2,on track,8,\r\n2026-04-30,CMO-1,300,0.3,0.3,on track,6,\r\n',
    );
    const out = dir.path('out.xlsx');
    const run = await runMain(['rollup', cmo, field, history, '-o', out]);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toMatch(
      /from CMO, Field;.* The check-in log History is the tab "Check-ins": Excel refuses a sheet named History\.\n$/,
    );
    const book = await openBook(out);
    // Excel reserves the name History: the output has none, and the log is ours by its mark.
    expect(book.worksheets.map((s) => s.name)).toEqual(['CMO', 'Field', 'Check-ins', ROLLUP_TAB]);
    expect(logMarks(book)).toEqual(["'Check-ins'!$A$1"]);
    expect(rowsOf(book.getWorksheet('Check-ins')!)[0]).toEqual(HISTORY_HEADERS);
    // Read as the log, not as goals: the Roll-up has each goal's last check-in, and no row of the log.
    const report = rowsOf(book.getWorksheet(ROLLUP_TAB)!);
    const last = report[2].indexOf('Last check-in');
    const goals = report.slice(3).filter((r) => r[0] === 'CMO-1' || r[0] === 'F-1');
    expect(goals.map((r) => [r[0], r[last]])).toEqual([
      ['CMO-1', '2026-04-30'],
      ['F-1', '2026-03-31'],
    ]);
    // The output read back: the marked log, with no note about an old History log.
    const check = JSON.parse((await runMain(['check', out, '--json'])).out) as CheckJson;
    expect(check.issues.filter((i) => i.tab === 'Check-ins' || i.code === 'legacy-check-in-tab')).toEqual([]);
  });

  it('an old log named History in an .xlsx is renamed Check-ins and marked', async () => {
    const recorded = dir.path('recorded.xlsx');
    await runMain(['check-in', await sample(), '-o', recorded, '--today', '2026-05-04']);
    const book = await openBook(recorded);
    // As a Sheets download names it; exceljs's setter refuses the name Excel reserves, so it is set underneath.
    (book.getWorksheet('Check-ins') as unknown as { _name: string })._name = 'History';
    book.definedNames.model = [];
    const legacy = dir.path('legacy.xlsx');
    await book.xlsx.writeFile(legacy);
    const check = JSON.parse((await runMain(['check', legacy, '--json'])).out) as CheckJson;
    expect(check.issues.find((i) => i.code === 'legacy-check-in-tab')).toMatchObject({ tab: 'History' });
    const out = dir.path('out.xlsx');
    const run = await runMain(['check-in', legacy, '-o', out, '--today', '2026-05-11']);
    expect(run.out).toMatch(/in the Check-ins tab\. Renamed the tab "History" to "Check-ins"/);
    const written = await openBook(out);
    expect(written.getWorksheet('History')).toBeUndefined();
    expect(rowsOf(written.getWorksheet('Check-ins')!)).toHaveLength(1 + 2 * GOALS);
    expect(logMarks(written)).toEqual(["'Check-ins'!$A$1"]);
  });
});
