// The bench's .xlsx writer: what it writes reads back in exceljs cell for cell (values, text, formulas without results).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type XlsxCell, xlsxBytes } from '../../bench/xlsx-writer';

async function readBack(rows: XlsxCell[][]): Promise<Map<string, unknown>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsxBytes('Roll up & more', rows) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const cells = new Map<string, unknown>([['sheet name', sheet.name]]);
  sheet.eachRow((row) => row.eachCell((cell) => cells.set(cell.address, cell.value)));
  return cells;
}

describe('xlsxBytes', () => {
  it.each([
    { what: 'a number', cell: 0.6955555555555555, address: 'A1', value: 0.6955555555555555 },
    { what: 'a negative number', cell: -12, address: 'A1', value: -12 },
    { what: 'text', cell: 'G12', address: 'A1', value: 'G12' },
    { what: 'text needing escapes', cell: 'a < b & "c" > d', address: 'A1', value: 'a < b & "c" > d' },
    {
      what: 'a formula, no cached result',
      cell: '=IF(ISNUMBER(C2),C2,"")',
      address: 'A1',
      value: { formula: 'IF(ISNUMBER(C2),C2,"")' },
    },
  ])('writes $what', async ({ cell, address, value }) => {
    const cells = await readBack([[cell]]);
    expect(cells.get(address)).toEqual(value);
  });

  it('skips blanks, keeps the sheet name and numbers columns past Z', async () => {
    const row: XlsxCell[] = Array.from({ length: 28 }, (_, i) => (i % 2 === 0 ? i : null));
    row[1] = '';
    const cells = await readBack([row, ['second row']]);
    expect(cells.get('sheet name')).toBe('Roll up & more');
    expect(cells.get('A1')).toBe(0);
    expect(cells.has('B1')).toBe(false);
    expect(cells.get('AA1')).toBe(26);
    expect(cells.has('AB1')).toBe(false);
    expect(cells.get('A2')).toBe('second row');
    expect(cells.size).toBe(1 + 14 + 1);
  });
});
