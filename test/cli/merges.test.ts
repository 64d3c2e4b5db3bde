// The command line reads merged cells of an .xlsx as Sheets does: a merged Owner or Objective covers every row under it.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { mergeBlocks, readWorkbook } from '../../src/cli/xlsx-read';
import { analyzeWorkbook } from '../../src/core/workbook';
import { useTempDir } from './temp-dir';

describe('merged cells in an .xlsx', () => {
  const dir = useTempDir();

  it('pass their blocks to the reader, so a merged Owner owns both goals', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Goals');
    sheet.addRows([
      ['ID', 'Goal', 'Owner', 'Target', 'Actual'],
      ['G-1', 'Grow pipeline', 'Dana', 10, 5],
      ['G-2', 'Raise conversion', null, 10, 8],
    ]);
    sheet.mergeCells('C2:C3');
    const path = dir.path('merged.xlsx');
    await book.xlsx.writeFile(path);

    const tabs = await readWorkbook(path);
    expect(tabs[0].merges).toEqual([{ row: 2, col: 3, rows: 2, cols: 1 }]);
    const analysis = analyzeWorkbook(tabs);
    expect(analysis.goals.map((g) => g.owner)).toEqual(['Dana', 'Dana']);
    expect(analysis.issues.map((i) => i.code)).not.toContain('missing-owner');
  });
});

describe('mergeBlocks: <mergeCell ref> ranges as the core blocks', () => {
  it.each([
    ['a column of two', ['C2:C3'], [{ row: 2, col: 3, rows: 2, cols: 1 }]],
    ['a block', ['B5:D7'], [{ row: 5, col: 2, rows: 3, cols: 3 }]],
    ['written bottom-right first', ['D7:B5'], [{ row: 5, col: 2, rows: 3, cols: 3 }]],
    ['lower-case letters', ['aa1:ab1'], [{ row: 1, col: 27, rows: 1, cols: 2 }]],
    ['one cell hides nothing', ['A1:A1'], []],
    ['not a range', ['A1', 'x:y'], []],
  ])('%s', (_name, ranges, blocks) => {
    expect(mergeBlocks(ranges)).toEqual(blocks);
  });
});
