// Runs the command line in-process with captured output and a fixed clock, and reads written workbooks back.

import type { Worksheet } from 'exceljs';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import type { ReportCell } from '../../src/report/rollup-table';

/** The clock every in-process run sees: the Roll-up's "computed on" time and the default day. */
export const NOW = new Date('2026-05-04T10:20:30.000Z');

/** The user every in-process run sees: freeze's Frozen by without --by. */
export const USER = 'ops-runner';

export interface Run {
  code: number;
  out: string;
  err: string;
}

export async function runMain(argv: string[], { errIsTTY = false } = {}): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    errIsTTY,
    now: () => NOW,
    user: () => USER,
  });
  return { code, out, err };
}

export async function openBook(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

/** The sheet's values as a rows x columns grid from A1, '' where a cell is blank. */
export function sheetGrid(sheet: Worksheet, rows: number, columns: number): ReportCell[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => {
      const value = sheet.getCell(r + 1, c + 1).value;
      return value === null || value === undefined ? '' : (value as ReportCell);
    }),
  );
}
