// The .xlsx mark of our report sheets (workbook defined names): written, read back after a save, moved when the report is replaced, kept on reports the user renamed.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CheckJson } from '../../src/cli/issue-report';
import { sheetOfRange } from '../../src/cli/report-mark';
import { REPORT_RANGE_NAME } from '../../src/report/report-tab';
import { markedSheets, markReportSheets } from '../../tools/preview/report-marks';
import { openBook, runMain } from './run-main';
import { writeSampleBook } from './sample-book';
import { useTempDir } from './temp-dir';

const dir = useTempDir();

describe('sheetOfRange', () => {
  it.each([
    ["'Roll-up (2)'!$A$1", 'Roll-up (2)'],
    ["'Bob''s roll-up'!$A$1", "Bob's roll-up"],
    ['Goals!$A$1:$B$3', 'Goals'],
    ['$A$1', null],
  ])('%s -> %s', (range, sheet) => {
    expect(sheetOfRange(range)).toBe(sheet);
  });
});

describe('markReportSheets', () => {
  it("names the live report and the kept ones, leaves the user's own names, and survives a save", async () => {
    const book = new ExcelJS.Workbook();
    for (const name of ['Goals', 'Roll-up', "Bob's copy", 'Q2 snapshot'])
      book.addWorksheet(name).getCell('A1').value = 1;
    book.definedNames.add('Goals!$A$1:$A$3', 'user_range');
    markReportSheets(book, 'Goals'); // replaced below: marks are set, not added
    markReportSheets(book, 'Roll-up', ['Q2 snapshot', "Bob's copy"]);
    const path = dir.path('marks.xlsx');
    await book.xlsx.writeFile(path);
    const read = await openBook(path);
    expect(read.definedNames.model.map((d) => d.name).sort()).toEqual(
      [REPORT_RANGE_NAME, `${REPORT_RANGE_NAME}_2`, `${REPORT_RANGE_NAME}_3`, 'user_range'].sort(),
    );
    expect(markedSheets(read)).toEqual(new Set(['Roll-up', 'Q2 snapshot', "Bob's copy"]));
  });
});

describe('a report the user renamed in Excel (the defined name follows the sheet)', () => {
  it('stays ours: not read as goals, not replaced, still marked after the next rollup', async () => {
    const first = dir.path('first.xlsx');
    await writeSampleBook(dir.path('goals.xlsx'));
    await runMain(['rollup', dir.path('goals.xlsx'), '-o', first]);
    const renamed = dir.path('renamed.xlsx');
    const book = await openBook(first);
    book.getWorksheet('Roll-up')!.name = 'Q2 snapshot';
    markReportSheets(book, null, ['Q2 snapshot']); // what Excel does to the name on a rename
    await book.xlsx.writeFile(renamed);

    const check = JSON.parse((await runMain(['check', renamed, '--json'])).out) as CheckJson;
    expect(check.goals).toBe(31);
    const out = dir.path('out.xlsx');
    expect((await runMain(['rollup', renamed, '-o', out])).code).toBe(0);
    const result = await openBook(out);
    expect(result.worksheets.map((s) => s.name).slice(-2)).toEqual(['Q2 snapshot', 'Roll-up']);
    expect(markedSheets(result)).toEqual(new Set(['Roll-up', 'Q2 snapshot']));
    expect((JSON.parse((await runMain(['check', out, '--json'])).out) as CheckJson).goals).toBe(31);
  });
});
