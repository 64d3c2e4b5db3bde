// Reads the active spreadsheet and analyses it: the one path from Sheets to the core for every endpoint.
import { dayOfDate } from '../core/period';
import { type Analysis, analyzeWorkbook } from '../core/workbook';
import { readWorkbook, type WorkbookRead } from '../sheets/read';
import type { ServerContext } from './context';

export interface Loaded {
  read: WorkbookRead;
  analysis: Analysis;
}

/** The analysis of what was read, judged at `now`; the locale's decimal separator reads text numbers. */
export function analyzeRead(read: WorkbookRead, now: Date): Analysis {
  return analyzeWorkbook(read.tabs, { today: dayOfDate(now), decimalSeparator: read.decimalSeparator });
}

/** One batched read of the active spreadsheet and its analysis, judged at `now`. */
export function loadAnalysis(ctx: ServerContext, now: Date): Loaded {
  const read = readWorkbook(ctx.spreadsheetApp().getActiveSpreadsheet());
  return { read, analysis: analyzeRead(read, now) };
}
