// A date cell in an .xlsx reads on the calendar day the file shows, whatever this process's time zone: a Period typed as "Mar 2026" stays March in Berlin, Tokyo and Los Angeles.
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeTabs } from '../../src/cli/commands';
import { readWorkbook } from '../../src/cli/xlsx-read';
import { NOW } from './run-main';
import { useTempDir } from './temp-dir';

const dir = useTempDir();
const savedZone = process.env.TZ;
afterAll(() => {
  if (savedZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedZone;
});

/** A goal tab whose Period cells are dates (what Sheets and Excel make of "Mar 2026" and "2026-12-31" typed in). */
async function datedBook(): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Goals');
  sheet.addRow(['ID', 'Goal', 'Owner', 'Target', 'Actual', 'Period']);
  sheet.addRow(['G-1', 'Grow pipeline', 'Dana', 10, 5, new Date(Date.UTC(2026, 2, 1))]);
  sheet.addRow(['G-2', 'Close the year', 'Dana', 10, 5, new Date(Date.UTC(2026, 11, 31))]);
  for (const row of [2, 3]) sheet.getCell(row, 6).numFmt = 'yyyy-mm-dd';
  const path = dir.path('dated.xlsx');
  // exceljs writes a Date as the serial of its UTC day: the file says 2026-03-01 and 2026-12-31.
  await book.xlsx.writeFile(path);
  return path;
}

describe.each(['Europe/Berlin', 'Asia/Tokyo', 'America/Los_Angeles'])('in %s', (zone) => {
  it('a date Period reads as its calendar month and day', async () => {
    const path = await datedBook();
    process.env.TZ = zone;
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
    const tabs = await readWorkbook(path);
    const cell = tabs[0].grid[1][5] as Date;
    expect([cell.getFullYear(), cell.getMonth() + 1, cell.getDate(), cell.getHours()]).toEqual([
      2026, 3, 1, 0,
    ]);
    const analysis = analyzeTabs(tabs, { today: null, now: NOW });
    expect(analysis.goals.map((g) => g.period)).toEqual(['Mar 2026', 'Dec 2026']);
  });
});
