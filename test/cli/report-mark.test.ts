// The .xlsx mark of our report sheets (workbook defined names): written, read back after a save, moved when the report is replaced, kept on reports the user renamed.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CheckJson } from '../../src/cli/issue-report';
import {
  definedNamesOf,
  markedSheetsOf,
  reportMarkRanges,
  sheetOfRange,
  withReportMarks,
} from '../../src/cli/report-mark';
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

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const book = (inner: string, prefix = '') =>
  `<${prefix}workbook xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="${MAIN}"><${prefix}sheets/>${inner}</${prefix}workbook>`;

describe('definedNamesOf and markedSheetsOf (workbook.xml, as the command line reads it)', () => {
  it.each<[string, string, string[]]>([
    [
      'our mark',
      `<definedNames><definedName name="mbo_cascade_report">'Roll-up'!$A$1</definedName></definedNames>`,
      ['Roll-up'],
    ],
    [
      'kept reports, an apostrophe and an escaped ampersand in a name',
      `<definedNames><definedName name="mbo_cascade_report">'Roll-up (2)'!$A$1</definedName><definedName name="mbo_cascade_report_2">'Bob''s R&amp;D'!$A$1</definedName></definedNames>`,
      ['Roll-up (2)', "Bob's R&D"],
    ],
    [
      'a prefixed workbook',
      `<x:definedNames><x:definedName name="mbo_cascade_report">Report!$A$1</x:definedName></x:definedNames>`,
      ['Report'],
    ],
    [
      'a name scoped to one sheet is not ours',
      `<definedNames><definedName name="mbo_cascade_report" localSheetId="0">Goals!$A$1</definedName></definedNames>`,
      [],
    ],
    [
      'names of the user only',
      `<definedNames><definedName name="mbo_cascade_reports">Goals!$A$1</definedName><definedName name="Print_Area">Goals!$A$1:$B$2</definedName></definedNames>`,
      [],
    ],
    ['no names', '', []],
  ])('%s', (_name, inner, sheets) => {
    const prefix = inner.startsWith('<x:') ? 'x:' : '';
    expect([...markedSheetsOf(book(inner, prefix))]).toEqual(sheets);
  });

  it("splits a name's areas at commas outside quoted sheet names", () => {
    expect(
      definedNamesOf(
        book(`<definedNames><definedName name="n">'a,b'!$A$1,Goals!$B$2</definedName></definedNames>`),
      ),
    ).toEqual([{ name: 'n', ranges: ["'a,b'!$A$1", 'Goals!$B$2'] }]);
  });
});

describe('withReportMarks (workbook.xml, as the command line writes it)', () => {
  const marks = reportMarkRanges('Roll-up', ["Bob's copy"]);

  it.each<[string, string, string]>([
    [
      'adds <definedNames> before calcPr',
      book('<calcPr calcId="1"/>'),
      book(
        `<definedNames><definedName name="mbo_cascade_report">'Roll-up'!$A$1</definedName><definedName name="mbo_cascade_report_2">'Bob''s copy'!$A$1</definedName></definedNames><calcPr calcId="1"/>`,
      ),
    ],
    [
      'replaces our old marks and keeps the user names in place',
      book(
        `<definedNames><definedName name="mbo_cascade_report">'Old'!$A$1</definedName><definedName name="user">Goals!$A$1</definedName><definedName name="mbo_cascade_report_3">'Gone'!$A$1</definedName></definedNames>`,
      ),
      book(
        `<definedNames><definedName name="user">Goals!$A$1</definedName><definedName name="mbo_cascade_report">'Roll-up'!$A$1</definedName><definedName name="mbo_cascade_report_2">'Bob''s copy'!$A$1</definedName></definedNames>`,
      ),
    ],
    [
      'opens a self-closing <definedNames/>',
      book('<definedNames/>'),
      book(
        `<definedNames><definedName name="mbo_cascade_report">'Roll-up'!$A$1</definedName><definedName name="mbo_cascade_report_2">'Bob''s copy'!$A$1</definedName></definedNames>`,
      ),
    ],
    [
      'writes in the workbook prefix',
      book('', 'x:'),
      book(
        `<x:definedNames><x:definedName name="mbo_cascade_report">'Roll-up'!$A$1</x:definedName><x:definedName name="mbo_cascade_report_2">'Bob''s copy'!$A$1</x:definedName></x:definedNames>`,
        'x:',
      ),
    ],
  ])('%s', (_name, before, after) => {
    expect(withReportMarks(before, marks)).toBe(after);
  });

  it('removes a <definedNames> our marks alone filled when there is nothing left to mark', () => {
    const before = book(
      `<definedNames><definedName name="mbo_cascade_report">'Old'!$A$1</definedName></definedNames>`,
    );
    expect(withReportMarks(before, [])).toBe(book(''));
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
