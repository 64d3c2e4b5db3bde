// check and rollup on CSV input: one file per tab or one file split by a Tab column, analysed like the sample's grids.
import { describe, expect, it } from 'vitest';
import { readCsvTabs } from '../../src/cli/csv-tabs';
import type { CheckJson } from '../../src/cli/issue-report';
import type { CellValue } from '../../src/core/model';
import { dayOfDate } from '../../src/core/period';
import { analyzeWorkbook } from '../../src/core/workbook';
import { buildRollupReport, reportGrid } from '../../src/report/rollup-table';
import { ROLLUP_TAB } from '../../src/sheets/owned';
import { marketingWorkbook } from '../../tools/samples/marketing';
import { NOW, openBook, runMain, sheetGrid } from './run-main';
import { useTempDir } from './temp-dir';

const dir = useTempDir();
const reference = () => analyzeWorkbook(marketingWorkbook(), { today: dayOfDate(NOW) });

function csvField(value: CellValue): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const toCsv = (rows: readonly (readonly CellValue[])[]): string =>
  rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';

async function csvPerTab(): Promise<string[]> {
  return Promise.all(marketingWorkbook().map((tab) => dir.write(`${tab.name}.csv`, toCsv(tab.grid))));
}

/** All tabs in one file: a Tab column first, then each tab's rows (one header for all). */
async function csvWithTabColumn(): Promise<{ path: string; rowOf: Map<string, number> }> {
  const tabs = marketingWorkbook();
  const rows: CellValue[][] = [['Tab', ...tabs[0].grid[0]]];
  const rowOf = new Map<string, number>();
  for (const tab of tabs) {
    for (const row of tab.grid.slice(1)) {
      rows.push([tab.name, ...row]);
      rowOf.set(String(row[0]), rows.length);
    }
  }
  return { path: await dir.write('all goals.csv', `\ufeff${toCsv(rows)}`), rowOf };
}

describe('CSV, one file per tab', () => {
  it('analyses numbers typed as text exactly as the numbers themselves', async () => {
    const analysis = analyzeWorkbook(await readCsvTabs(await csvPerTab()), { today: dayOfDate(NOW) });
    expect([...analysis.results]).toEqual([...reference().results]);
    expect(analysis.issues).toEqual(reference().issues);
  });

  it('rolls up into a new .xlsx: the CSV tabs as text, then the Roll-up', async () => {
    const files = await csvPerTab();
    const out = dir.path('out.xlsx');
    const run = await runMain(['rollup', ...files, '-o', out]);
    expect(run).toMatchObject({ code: 0, err: '' });
    const book = await openBook(out);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      ...marketingWorkbook().map((t) => t.name),
      ROLLUP_TAB,
    ]);
    const cmo = marketingWorkbook()[0].grid;
    expect(sheetGrid(book.getWorksheet('CMO')!, cmo.length, cmo[0].length)).toEqual(
      cmo.map((row) => row.map((v) => (v === '' ? '' : String(v)))),
    );
    const expected = buildRollupReport(reference(), NOW.toISOString());
    expect(sheetGrid(book.getWorksheet(ROLLUP_TAB)!, expected.rows, expected.columns)).toEqual(
      reportGrid(expected),
    );
  });
});

describe('CSV named like the report', () => {
  it("a Roll-up.csv of goals is the user's: read, kept, and the report goes to Roll-up (2)", async () => {
    const files = await csvPerTab();
    const theirs = await dir.write(
      'Roll-up.csv',
      toCsv([
        ['ID', 'Goal', 'Owner', 'Parent'],
        ['U-1', 'A goal in a file named Roll-up', 'Uma', 'CMO-1'],
      ]),
    );
    const check = JSON.parse((await runMain(['check', ...files, theirs, '--json'])).out) as CheckJson;
    expect(check.goals).toBe(32);
    const out = dir.path('out.xlsx');
    const run = await runMain(['rollup', ...files, theirs, '-o', out]);
    expect(run.out).toContain('the report is in "Roll-up (2)"');
    const book = await openBook(out);
    expect(book.worksheets.map((s) => s.name).slice(-2)).toEqual(['Roll-up', 'Roll-up (2)']);
    expect(sheetGrid(book.getWorksheet('Roll-up')!, 2, 2)[1]).toEqual([
      'U-1',
      'A goal in a file named Roll-up',
    ]);
  });

  it('a CSV saved from a report is recognised by its cells and not read as goals', async () => {
    const files = await csvPerTab();
    const report = reportGrid(buildRollupReport(reference(), NOW.toISOString()));
    const saved = await dir.write('Roll-up.csv', toCsv(report));
    const check = JSON.parse((await runMain(['check', ...files, saved, '--json'])).out) as CheckJson;
    expect(check.goals).toBe(31);
  });
});

describe('CSV, one file with a Tab column', () => {
  it('gives the same cascade, with issues on the rows of the file', async () => {
    const { path, rowOf } = await csvWithTabColumn();
    const run = await runMain(['check', path, '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as CheckJson;
    expect(json.goalTabs).toEqual(reference().goalTabs);
    expect(json.goals).toBe(31);
    const ref = reference().issues;
    expect(json.issues.map((i) => [i.code, i.tab, i.goalId])).toEqual(
      ref.map((i) => [i.code, i.tab, i.goalId]),
    );
    for (const issue of json.issues.filter((i) => i.goalId)) {
      // One column to the right of the sample's: the Tab column comes first.
      const original = ref.find((i) => i.code === issue.code && i.goalId === issue.goalId)!;
      expect([issue.row, issue.col]).toEqual([rowOf.get(issue.goalId), original.col + 1]);
    }
  });

  it('rolls up to the same Roll-up as the sample', async () => {
    const { path } = await csvWithTabColumn();
    const out = dir.path('out.xlsx');
    expect((await runMain(['rollup', path, '-o', out])).code).toBe(0);
    const book = await openBook(out);
    const expected = buildRollupReport(reference(), NOW.toISOString());
    const grid = sheetGrid(book.getWorksheet(ROLLUP_TAB)!, expected.rows, expected.columns);
    // Rows moved to their places in the file, but the Roll-up shows no row numbers: it is the sample's.
    expect(grid).toEqual(reportGrid(expected));
  });
});
