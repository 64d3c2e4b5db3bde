// check and rollup on the sample .xlsx, in-process: the same analysis as the sample's grids, the add-on's Roll-up cells, and the user's tabs kept.
import { readFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeRollup } from '../../src/cli/index';
import type { CheckJson } from '../../src/cli/issue-report';
import { readWorkbook } from '../../src/cli/xlsx-read';
import { describeIssue, placeName } from '../../src/core/issues';
import { dayOfDate, parseDay } from '../../src/core/period';
import { analyzeWorkbook } from '../../src/core/workbook';
import { buildRollupReport, PERCENT_FORMAT, reportGrid } from '../../src/report/rollup-table';
import { ROLLUP_TAB } from '../../src/sheets/owned';
import { markedSheets } from '../../tools/preview/report-marks';
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

  it('replaces its own report in its place, marked, and never reads it as goals', async () => {
    const first = dir.path('first.xlsx');
    expect((await runMain(['rollup', await sampleFile(), '-o', first])).code).toBe(0);
    // The user moves the report second in the tab bar.
    const moved = dir.path('moved.xlsx');
    const book = await openBook(first);
    const ordered = book.worksheets as unknown as { orderNo: number; name: string }[];
    const second = ordered[1].orderNo;
    for (const sheet of ordered) if (sheet.name !== ROLLUP_TAB && sheet.orderNo >= second) sheet.orderNo += 1;
    (book.getWorksheet(ROLLUP_TAB) as unknown as { orderNo: number }).orderNo = second;
    await book.xlsx.writeFile(moved);
    expect((await openBook(moved)).worksheets.map((s) => s.name).slice(0, 2)).toEqual(['CMO', ROLLUP_TAB]);
    expect(markedSheets(await openBook(moved))).toEqual(new Set([ROLLUP_TAB]));

    const check = JSON.parse((await runMain(['check', moved, '--json'])).out) as CheckJson;
    expect(check.goals).toBe(31);
    expect(check.issues.map((issue) => issue.code)).not.toContain('duplicate-id');
    const out = dir.path('out.xlsx');
    const run = await runMain(['rollup', moved, '-o', out]);
    expect(run.code).toBe(0);
    expect(run.out).not.toContain('left alone');
    const result = await openBook(out);
    expect(result.worksheets.map((s) => s.name)).toEqual([
      'CMO',
      ROLLUP_TAB,
      'Demand Gen',
      'Content',
      'Field',
      'Product Marketing',
      NOTES_TAB,
    ]);
    expect(markedSheets(result)).toEqual(new Set([ROLLUP_TAB]));
    const expected = expectedRollup();
    expect(sheetGrid(result.getWorksheet(ROLLUP_TAB)!, expected.rows, expected.columns)).toEqual(
      reportGrid(expected),
    );
  });

  it('a sheet of the user named Roll-up (any case) is read as goals and kept; the report goes to Roll-up (2), and says so', async () => {
    const path = await sampleFile((book) => {
      const theirs = book.addWorksheet('roll-up');
      theirs.addRow(['ID', 'Goal', 'Owner', 'Parent']);
      theirs.addRow(['U-1', 'A goal on a tab the user named roll-up', 'Uma', 'CMO-1']);
    });
    const check = JSON.parse((await runMain(['check', path, '--json'])).out) as CheckJson;
    expect(check.goals).toBe(32);
    const out = dir.path('out.xlsx');
    const run = await runMain(['rollup', path, '-o', out]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('Your tab "Roll-up" is left alone: the report is in "Roll-up (2)".');
    // Also a note on stderr, which reaches the user when stdout goes to a file or a pipe.
    expect(run.err).toBe(
      'mbo-cascade: note: Your tab "Roll-up" is left alone: the report is in "Roll-up (2)".\n',
    );
    const result = await openBook(out);
    expect(result.worksheets.map((s) => s.name).slice(-2)).toEqual(['roll-up', 'Roll-up (2)']);
    expect(sheetGrid(result.getWorksheet('roll-up')!, 2, 4)).toEqual([
      ['ID', 'Goal', 'Owner', 'Parent'],
      ['U-1', 'A goal on a tab the user named roll-up', 'Uma', 'CMO-1'],
    ]);
    expect(markedSheets(result)).toEqual(new Set(['Roll-up (2)']));
    const ids = sheetGrid(result.getWorksheet('Roll-up (2)')!, 40, 1).map((r) => r[0]);
    expect(ids).toContain('U-1');
    // Rolled up again: the user's sheet still stays, our Roll-up (2) is replaced.
    const again = dir.path('again.xlsx');
    expect((await runMain(['rollup', out, '-o', again])).code).toBe(0);
    const twice = await openBook(again);
    expect(twice.worksheets.map((s) => s.name).slice(-2)).toEqual(['roll-up', 'Roll-up (2)']);
    expect(sheetGrid(twice.getWorksheet('roll-up')!, 2, 4)[1][0]).toBe('U-1');
  });

  it('a report written before reports were marked (no defined name) is recognised by its cells and replaced', async () => {
    const first = dir.path('first.xlsx');
    await runMain(['rollup', await sampleFile(), '-o', first]);
    const unmarked = dir.path('unmarked.xlsx');
    const book = await openBook(first);
    book.definedNames.model = [];
    await book.xlsx.writeFile(unmarked);
    expect(markedSheets(await openBook(unmarked)).size).toBe(0);
    const check = JSON.parse((await runMain(['check', unmarked, '--json'])).out) as CheckJson;
    expect(check.goals).toBe(31);
    const out = dir.path('out.xlsx');
    expect((await runMain(['rollup', unmarked, '-o', out])).code).toBe(0);
    const result = await openBook(out);
    expect(result.worksheets.filter((s) => s.name.startsWith('Roll-up')).map((s) => s.name)).toEqual([
      ROLLUP_TAB,
    ]);
    expect(markedSheets(result)).toEqual(new Set([ROLLUP_TAB]));
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
