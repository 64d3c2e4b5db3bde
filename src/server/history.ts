// Check-ins from the server: the check-in log read against an analysis, and Record check-in under the document lock.
import { legacyLogIssue, logName } from '../core/check-in-tab';
import {
  analyzeHistory,
  checkInsOf,
  compactedGrid,
  compactHistory,
  type HistoryAnalysis,
  isoDate,
  planCheckIn,
  readHistory,
  textColumns,
} from '../core/history';
import { describeIssue, issueAt, NOWHERE } from '../core/issues';
import { decimalSeparatorOf } from '../core/locale';
import { dayOfDate } from '../core/period';
import type { Analysis } from '../core/workbook';
import {
  locateCheckIns,
  readHistoryTab,
  readHistoryTail,
  writeCompactedHistory,
  writeHistory,
} from '../sheets/history';
import type { WorkbookRead } from '../sheets/read';
import type { CheckInSummary } from './api';

/** What Compact check-ins did. */
export interface CompactionSummary {
  tab: string;
  /** Check-ins kept and removed. */
  kept: number;
  dropped: number;
}

import { activeSpreadsheet, loadAnalysis, underLock } from './analyze';
import type { ServerContext } from './context';
import { TREND_POINTS } from './views';

/** The check-in log (one more batched read) against the analysis: its issues, orphans and each goal's check-ins. */
export function loadHistory(ctx: ServerContext, read: WorkbookRead, analysis: Analysis): HistoryAnalysis {
  const spreadsheet = activeSpreadsheet(ctx);
  const choice = locateCheckIns(spreadsheet);
  const grid = readHistoryTab(spreadsheet, choice) ?? [];
  const history = analyzeHistory(readHistory(grid, logName(choice), read.decimalSeparator), analysis.goals);
  const legacy = legacyLogIssue(choice);
  if (legacy !== null) history.issues.unshift(legacy);
  return history;
}

/**
 * The latest check-ins only, for the Cascade view: the History tab's last (TREND_POINTS + 1) rows per goal, so reading
 * it takes as long for five years of History as for one quarter. Its issues are not the tab's (Check reads it all).
 */
export function loadRecentHistory(
  ctx: ServerContext,
  read: WorkbookRead,
  analysis: Analysis,
): HistoryAnalysis {
  const rows = Math.max(1, analysis.goals.length) * (TREND_POINTS + 1);
  const spreadsheet = activeSpreadsheet(ctx);
  const choice = locateCheckIns(spreadsheet);
  const grid = readHistoryTail(spreadsheet, choice, rows) ?? [];
  return analyzeHistory(readHistory(grid, logName(choice), read.decimalSeparator), analysis.goals);
}

/**
 * Record check-in: under the document lock, reads the goals and the check-in log, and writes today's check-in (one
 * row per goal ID) with one setValues: after the last row, or over today's earlier check-in. Only a tab of ours (by
 * mark, or by our header) is written to; without one a new `Check-ins` tab is made (see chooseCheckInTab). A log of
 * ours whose Date and ID header was edited away is refused, not overwritten.
 */
export function recordCheckIn(ctx: ServerContext): CheckInSummary {
  const now = ctx.now();
  const today = dayOfDate(now);
  return underLock(ctx, () => {
    const { read, analysis } = loadAnalysis(ctx, now);
    const spreadsheet = activeSpreadsheet(ctx);
    const choice = locateCheckIns(spreadsheet);
    const grid = readHistoryTab(spreadsheet, choice) ?? [];
    const tab = logName(choice);
    const history = readHistory(grid, tab, read.decimalSeparator);
    const checkIns = checkInsOf(analysis, today);
    if (checkIns.length === 0)
      throw new Error('No goal to record: a check-in needs goals with IDs on goal tabs.');
    const write = planCheckIn(grid, history, today, checkIns);
    if (write === null) {
      const issue = issueAt({ ...NOWHERE, tab }, { code: 'history-no-header' });
      throw new Error(`${tab}: ${describeIssue(issue)}`);
    }
    writeHistory(spreadsheet, write, choice);
    const note =
      choice.renameTo === null
        ? choice.note
        : `Renamed the tab "${tab}" to "${choice.renameTo}": Excel refuses a sheet named History.`;
    return {
      tab: choice.renameTo ?? choice.write,
      day: isoDate(today),
      goalCount: checkIns.length,
      replaced: write.replaced,
      note,
    };
  });
}

/**
 * Compact check-ins (see compactHistory): under the document lock, keeps the last 13 weeks as they are, month-ends for
 * 24 months and quarter-ends before, in one write over the tab; rows that do not read as check-ins stay. A tab
 * without a header row is refused.
 */
export function compactHistoryTab(ctx: ServerContext): CompactionSummary {
  const now = ctx.now();
  return underLock(ctx, () => {
    const spreadsheet = activeSpreadsheet(ctx);
    const choice = locateCheckIns(spreadsheet);
    const grid = readHistoryTab(spreadsheet, choice);
    const tab = logName(choice);
    if (grid === null) throw new Error(`There is no ${tab} tab yet: Record check-in makes it.`);
    const read = readHistory(grid, tab, decimalSeparatorOf(spreadsheet.getSpreadsheetLocale()));
    if (read.header === null) {
      throw new Error(
        `${tab}: ${describeIssue(issueAt({ ...NOWHERE, tab }, { code: 'history-no-header' }))}`,
      );
    }
    const compaction = compactHistory(grid, read, dayOfDate(now));
    const kept = read.checkIns.length - compaction.dropped;
    if (compaction.dropped > 0) {
      writeCompactedHistory(
        spreadsheet,
        tab,
        compactedGrid(grid, read, compaction),
        compaction.keep.length,
        textColumns(read.header),
      );
    }
    return { tab, kept, dropped: compaction.dropped };
  });
}
