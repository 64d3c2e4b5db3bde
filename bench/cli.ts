// The .xlsx command line on a 100k-goal workbook: check, and a round trip that writes the Roll-up tab into a copy.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { checkFiles, rollupFiles, SILENT_PROGRESS } from '../tools/cli';
import { generateWorkbook } from './generate';
import { fmt, gc, type Section } from './measure';

async function writeXlsx(path: string, goals: number): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const tab of generateWorkbook({ goals, tabs: 10, depth: 6 })) {
    const sheet = book.addWorksheet(tab.name);
    for (const row of tab.grid) sheet.addRow(row as ExcelJS.CellValue[]);
  }
  await book.xlsx.writeFile(path);
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  gc();
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

export async function benchCli(): Promise<Section[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mbo-bench-'));
  const table: (string | number)[][] = [
    ['goals', 'file (MB)', 'check (ms)', 'rollup round trip (ms)', 'output (MB)'],
  ];
  try {
    for (const goals of [10_000, 100_000]) {
      const input = join(dir, `book-${goals}.xlsx`);
      const output = join(dir, `out-${goals}.xlsx`);
      await writeXlsx(input, goals);
      const options = { today: null, now: new Date(Date.UTC(2026, 10, 23)), progress: SILENT_PROGRESS };
      const check = await timed(() => checkFiles([input], false, options));
      const rollup = await timed(() => rollupFiles([input], output, options));
      table.push([
        fmt.int(goals),
        fmt.mb(statSync(input).size),
        fmt.ms(check.ms),
        fmt.ms(rollup.ms),
        fmt.mb(statSync(output).size),
      ]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return [
    {
      title: 'Command line on .xlsx (exceljs), 10 tabs',
      table,
      checks: [],
      notes: [
        'Round trip = read the workbook, analyse it, add the Roll-up tab and write a copy (the input is never written).',
      ],
    },
  ];
}
