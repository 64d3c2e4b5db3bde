// check and rollup on the sample .xlsx, in-process: the same analysis as the sample's grids, the add-on's Roll-up cells, and the user's tabs kept.
import { readFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { describeIssue, placeName } from '../../src/core/issues';
import { dayOfDate, parseDay } from '../../src/core/period';
import { analyzeWorkbook } from '../../src/core/workbook';
import { buildRollupReport, PERCENT_FORMAT, reportGrid } from '../../src/report/rollup-table';
import { ROLLUP_TAB } from '../../src/sheets/owned';
import { writeRollup } from '../../tools/cli/index';
import type { CheckJson } from '../../tools/cli/issue-report';
import { readWorkbook } from '../../tools/cli/xlsx-read';
import { marketingWorkbook } from '../../tools/samples/marketing';
import { NOW, openBook, runMain, sheetGrid } from './run-main';
import { NOTES_FORMULA, NOTES_TAB, STYLED_FILL, writeSampleBook } from './sample-book';
import { useTempDir } from './temp-dir';

const dir = useTempDir();

/** The sample analysed straight from its grids, as the add-on would: the reference for every comparison. */
function sampleAnalysis(today = dayOfDate(NOW)) {
  return analyzeWorkbook(marketingWorkbook(), { today });
}

function expectedRollup(today = dayOfDate(NOW)) {
  return buildRollupReport(sampleAnalysis(today), NOW.toISOString());
}

async function sampleFile(edit?: (book: ExcelJS.Workbook) => void): Promise<string> {
  const path = dir.path('goals.xlsx');
  await writeSampleBook(path, edit);
  return path;
}

describe('reading the sample .xlsx', () => {
  it('gives the analysis the sample grids give', async () => {
    const analysis = analyzeWorkbook(await readWorkbook(await sampleFile()), { today: dayOfDate(NOW) });
    const reference = sampleAnalysis();
    expect(analysis.goalTabs).toEqual(reference.goalTabs);
    expect(analysis.goals).toEqual(reference.goals);
    expect([...analysis.results]).toEqual([...reference.results]);
    expect(analysis.issues).toEqual(reference.issues);
  });
});

describe('check', () => {
  it('prints every issue with its cell, goal ID and message, then a summary; exit 0 without errors', async () => {
    const path = await sampleFile();
    const run = await runMain(['check', path]);
    const { issues } = sampleAnalysis();
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.some((i) => i.severity === 'error')).toBe(false);
    expect(run).toMatchObject({ code: 0, err: '' });
    const lines = run.out.trimEnd().split('\n');
    expect(lines).toHaveLength(issues.length + 1);
    issues.forEach((issue, i) => {
      expect(lines[i]).toMatch(new RegExp(`^${issue.severity} +`));
      expect(lines[i]).toContain(placeName(issue));
      expect(lines[i]).toContain(issue.goalId);
      expect(lines[i].endsWith(describeIssue(issue))).toBe(true);
    });
    expect(lines.at(-1)).toBe(
      `${path}: 31 goals on 5 goal tabs; 0 errors, ${issues.length} warnings, 0 info.`,
    );
  });

  it('prints one JSON document with --json, judged on --today', async () => {
    const path = await sampleFile();
    const run = await runMain(['check', path, '--json', '--today', '2026-01-31']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as CheckJson;
    const reference = sampleAnalysis(parseDay('2026-01-31') ?? 0);
    expect(Object.keys(json)).toEqual(['files', 'today', 'goalTabs', 'goals', 'counts', 'issues']);
    expect(json).toMatchObject({
      files: [path],
      today: '2026-01-31',
      goalTabs: reference.goalTabs,
      goals: 31,
      counts: { error: 0, warning: reference.issues.length, info: 0 },
    });
    expect(json.issues).toEqual(
      reference.issues.map((issue) => ({
        code: issue.code,
        severity: issue.severity,
        tab: issue.tab,
        row: issue.row,
        col: issue.col,
        column: issue.column,
        goalId: issue.goalId,
        cell: placeName(issue),
        message: describeIssue(issue),
      })),
    );
  });

  it('exits 1 when any issue is an error, and names the cell', async () => {
    const path = await sampleFile((book) => {
      book.getWorksheet('Field')!.getCell('K3').value = 'a dozen';
    });
    const run = await runMain(['check', path]);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/^error +Field!K3 +FM-2 +"a dozen" in Actual is not a number:/m);
    expect(run.out).toMatch(/; 1 error, \d+ warnings, 0 info\.\n$/);
  });
});

describe('rollup', () => {
  it('writes the Roll-up the add-on builds, leaving the input byte for byte as it was', async () => {
    const path = await sampleFile();
    const before = await readFile(path);
    const out = dir.path('out.xlsx');
    const run = await runMain(['rollup', path, '-o', out]);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toBe(
      `Wrote ${out}: Roll-up of 31 goals and 10 scorecards from CMO, Demand Gen, Content, Field, Product Marketing; ` +
        '0 errors and 9 warnings (mbo-cascade check lists them).\n',
    );
    expect((await readFile(path)).equals(before)).toBe(true);

    const book = await openBook(out);
    const expected = expectedRollup();
    const sheet = book.getWorksheet(ROLLUP_TAB)!;
    expect(sheetGrid(sheet, expected.rows, expected.columns)).toEqual(reportGrid(expected));
    // Nothing beyond the report's own rectangle.
    expect(sheet.actualRowCount).toBeLessThanOrEqual(expected.rows);
    expect(sheet.actualColumnCount).toBeLessThanOrEqual(expected.columns);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      ...marketingWorkbook().map((t) => t.name),
      NOTES_TAB,
      ROLLUP_TAB,
    ]);
  });

  it('keeps the user tabs: values, styles, number formats and formulas', async () => {
    const path = await sampleFile();
    const out = dir.path('out.xlsx');
    await runMain(['rollup', path, '-o', out]);
    const [input, output] = [await openBook(path), await openBook(out)];
    for (const tab of [...marketingWorkbook().map((t) => t.name), NOTES_TAB]) {
      const [a, b] = [input.getWorksheet(tab)!, output.getWorksheet(tab)!];
      expect(sheetGrid(b, 20, 20)).toEqual(sheetGrid(a, 20, 20));
    }
    const notes = output.getWorksheet(NOTES_TAB)!;
    expect(notes.getCell('A1').font).toMatchObject({ bold: true, color: { argb: 'FF9C5700' } });
    expect(notes.getCell('A1').fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: STYLED_FILL },
    });
    expect(notes.getCell('B2').numFmt).toBe('#,##0.00 "EUR"');
    expect(notes.getCell('B4').value).toEqual({ formula: NOTES_FORMULA, result: 2000 });
  });

  it('formats the Roll-up as the add-on does where .xlsx can: percents, bold headers, frozen rows, status colours', async () => {
    const out = dir.path('out.xlsx');
    await runMain(['rollup', await sampleFile(), '-o', out]);
    const sheet = (await openBook(out)).getWorksheet(ROLLUP_TAB)!;
    const expected = expectedRollup();
    for (const box of expected.percent) {
      for (let r = box.row; r < box.row + box.numRows; r++)
        for (let c = box.col; c < box.col + box.numCols; c++)
          expect(sheet.getCell(r, c).numFmt).toBe(PERCENT_FORMAT);
    }
    for (const box of expected.bold) {
      for (let c = box.col; c < box.col + box.numCols; c++)
        expect(sheet.getCell(box.row, c).font?.bold).toBe(true);
    }
    expect(sheet.getCell(4, 2).font?.bold).toBeFalsy();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: expected.frozenRows });
    expect(sheet.getColumn(2).width).toBeGreaterThan(40);
    const status = expected.status!;
    const rules = (
      sheet as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }
    ).conditionalFormattings;
    expect(rules).toHaveLength(1);
    expect(rules[0].ref).toBe(`H${status.row}:H${status.row + status.numRows - 1}`);
    expect(rules[0].rules.map((rule) => rule.formulae[0])).toEqual([
      '"on track"',
      '"at risk"',
      '"off track"',
    ]);
  });

  it('replaces a Roll-up already in the workbook, in its place, and never reads it as goals', async () => {
    const path = await sampleFile((book) => {
      const stale = book.addWorksheet(ROLLUP_TAB);
      stale.addRow(['ID', 'Goal']);
      stale.addRow(['CMO-1', 'an old copy of a goal']);
      // Second in the tab bar.
      const ordered = book.worksheets as unknown as { orderNo: number; name: string }[];
      for (const sheet of ordered) if (sheet.name !== ROLLUP_TAB && sheet.orderNo >= 2) sheet.orderNo += 1;
      (stale as unknown as { orderNo: number }).orderNo = 2;
    });
    expect((await openBook(path)).worksheets.map((s) => s.name).slice(0, 2)).toEqual(['CMO', ROLLUP_TAB]);
    const check = JSON.parse((await runMain(['check', path, '--json'])).out) as CheckJson;
    expect(check.goals).toBe(31);
    expect(check.issues.map((issue) => issue.code)).not.toContain('duplicate-id');

    const out = dir.path('out.xlsx');
    expect((await runMain(['rollup', path, '-o', out])).code).toBe(0);
    const book = await openBook(out);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'CMO',
      ROLLUP_TAB,
      'Demand Gen',
      'Content',
      'Field',
      'Product Marketing',
      NOTES_TAB,
    ]);
    const expected = expectedRollup();
    expect(sheetGrid(book.getWorksheet(ROLLUP_TAB)!, expected.rows, expected.columns)).toEqual(
      reportGrid(expected),
    );
  });

  it('judges status on --today', async () => {
    const out = dir.path('out.xlsx');
    await runMain(['rollup', await sampleFile(), '-o', out, '--today', '2026-12-31']);
    const yearEnd = expectedRollup(parseDay('2026-12-31') ?? 0);
    expect(reportGrid(yearEnd)).not.toEqual(reportGrid(expectedRollup()));
    expect(sheetGrid((await openBook(out)).getWorksheet(ROLLUP_TAB)!, yearEnd.rows, yearEnd.columns)).toEqual(
      reportGrid(yearEnd),
    );
  });
});

describe('writeRollup, for callers holding an analysis', () => {
  it('writes the Roll-up of the analysis it is given into a copy of the workbook', async () => {
    const path = await sampleFile();
    const out = dir.path('out.xlsx');
    const analysis = sampleAnalysis(parseDay('2026-12-31') ?? 0);
    const report = await writeRollup(path, out, analysis, { now: NOW });
    expect(report).toEqual(buildRollupReport(analysis, NOW.toISOString()));
    const sheet = (await openBook(out)).getWorksheet(ROLLUP_TAB)!;
    expect(sheetGrid(sheet, report.rows, report.columns)).toEqual(reportGrid(report));
    await expect(writeRollup(path, path, analysis)).rejects.toThrow(/is the input/);
  });
});
