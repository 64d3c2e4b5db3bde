// Reads the active spreadsheet and analyses it: the one path from Sheets to the core for every endpoint.
import { dayOfDate } from '../core/period';
import { type Analysis, analyzeWorkbook } from '../core/workbook';
import type { SpreadsheetPort } from '../sheets/gas';
import { withDocumentLock } from '../sheets/lock';
import { readWorkbook, type WorkbookRead } from '../sheets/read';
import type { ServerContext } from './context';

export interface Loaded {
  read: WorkbookRead;
  analysis: Analysis;
}

/**
 * The analysis of what was read, judged on the day `now` falls on in the spreadsheet's time zone; the locale's
 * decimal separator reads text numbers and the zone reads Date cells.
 */
export function analyzeRead(read: WorkbookRead, now: Date): Analysis {
  const { decimalSeparator, timeZone } = read;
  return analyzeWorkbook(read.tabs, { today: dayOfDate(now, timeZone), decimalSeparator, timeZone });
}

export const activeSpreadsheet = (ctx: ServerContext): SpreadsheetPort =>
  ctx.spreadsheetApp().getActiveSpreadsheet();

/** Runs `work` under the document lock, its writes flushed before the next holder reads. */
export const underLock = <T>(ctx: ServerContext, work: () => T): T =>
  withDocumentLock(ctx.lockService().getDocumentLock(), () => ctx.spreadsheetApp().flush(), work);

/** One batched read of the active spreadsheet and its analysis, judged at `now`. */
export function loadAnalysis(ctx: ServerContext, now: Date): Loaded {
  const read = readWorkbook(activeSpreadsheet(ctx));
  return { read, analysis: analyzeRead(read, now) };
}
