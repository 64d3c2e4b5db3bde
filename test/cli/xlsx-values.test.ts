// What the reader takes from .xlsx cells: cached formula results, plain text from rich text and links, error text, blank merge cells; text written back stays text.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/cli/xlsx-read';
import { analyzeWorkbook } from '../../src/core/workbook';
import { ROLLUP_TAB } from '../../src/sheets/owned';
import { openBook, runMain } from './run-main';
import { useTempDir } from './temp-dir';

const dir = useTempDir();
const HOSTILE = '=IMPORTXML("http://x","//a")';

/** One goal tab exercising every kind of cell value exceljs hands over. */
async function valuesBook(): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Goals');
  sheet.addRow(['ID', 'Goal', 'Owner', 'Parent', 'Type', 'Target', 'Actual', 'Period']);
  sheet.addRow([
    { text: 'A-1', hyperlink: 'https://example.com/a-1' },
    { richText: [{ text: 'Grow ', font: { bold: true } }, { text: 'pipeline' }] },
    'Ann',
    null,
    'Outcome',
    100,
    { formula: 'F2*0.8', result: 80 },
    'FY2026',
  ]);
  sheet.addRow(['A-2', 'Not computed yet', 'Ann', 'A-1', 'Outcome', 100, { formula: 'F3*0.5' }, 'FY2026']);
  sheet.addRow([
    'A-3',
    'Broken lookup',
    'Bo',
    'A-1',
    'Outcome',
    100,
    { formula: 'VLOOKUP(1,Z:Z,2,0)', result: { error: '#N/A' } },
    'FY2026',
  ]);
  sheet.addRow(['A-4', 'Merged title', 'hidden by the merge', 'A-1', 'Outcome', 100, 90, 'FY2026']);
  sheet.mergeCells('B5:C5');
  sheet.addRow(['A-5', HOSTILE, 'Cy', null, 'Outcome', 100, 70, 'FY2026']);
  const path = dir.path('values.xlsx');
  await book.xlsx.writeFile(path);
  return path;
}

describe('reading .xlsx cell values', () => {
  it('reads what a spreadsheet shows: cached results, plain text, error text, blank merge cells', async () => {
    const [tab] = await readWorkbook(await valuesBook());
    expect(tab).toEqual({
      name: 'Goals',
      grid: [
        ['ID', 'Goal', 'Owner', 'Parent', 'Type', 'Target', 'Actual', 'Period'],
        ['A-1', 'Grow pipeline', 'Ann', '', 'Outcome', 100, 80, 'FY2026'],
        ['A-2', 'Not computed yet', 'Ann', 'A-1', 'Outcome', 100, '', 'FY2026'],
        ['A-3', 'Broken lookup', 'Bo', 'A-1', 'Outcome', 100, '#N/A', 'FY2026'],
        ['A-4', 'Merged title', '', 'A-1', 'Outcome', 100, 90, 'FY2026'],
        ['A-5', HOSTILE, 'Cy', '', 'Outcome', 100, 70, 'FY2026'],
      ],
      // The merged block the hidden cell belongs to: a merged Owner or Objective covers its rows.
      merges: [{ row: 5, col: 2, rows: 1, cols: 2 }],
    });
  });

  it('turns those values into the issues the add-on would raise', async () => {
    const analysis = analyzeWorkbook(await readWorkbook(await valuesBook()), { today: null });
    const found = analysis.issues.map((i) => [i.code, i.goalId]);
    expect(found).toContainEqual(['unmeasured', 'A-2']);
    expect(found).toContainEqual(['not-a-number', 'A-3']);
    expect(found).toContainEqual(['missing-owner', 'A-4']);
    expect(analysis.issues.find((i) => i.code === 'not-a-number')).toMatchObject({
      text: '#N/A',
      tab: 'Goals',
      row: 4,
      col: 7,
    });
  });

  it('writes a title that looks like a formula into the Roll-up as text', async () => {
    const out = dir.path('out.xlsx');
    expect((await runMain(['rollup', await valuesBook(), '-o', out])).code).toBe(0);
    const sheet = (await openBook(out)).getWorksheet(ROLLUP_TAB)!;
    const cells: ExcelJS.Cell[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    const hostile = cells.filter((cell) => cell.value === HOSTILE);
    expect(hostile).toHaveLength(1);
    expect(hostile[0].type).toBe(ExcelJS.ValueType.String);
    expect(cells.some((cell) => cell.type === ExcelJS.ValueType.Formula)).toBe(false);
  });
});
