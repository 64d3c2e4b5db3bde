// Check-ins from the server: the History tab read against an analysis, and Record check-in under the document lock.
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
import { readHistoryTab, readHistoryTail, writeCompactedHistory, writeHistory } from '../sheets/history';
import { HISTORY_TAB } from '../sheets/owned';
import type { WorkbookRead } from '../sheets/read';
import type { CheckInSummary } from './api';

/** What Compact History did. */
export interface CompactionSummary {
  tab: string;
  /** Check-ins kept and removed. */
  kept: number;
  dropped: number;
}

import { activeSpreadsheet, loadAnalysis, underLock } from './analyze';
import type { ServerContext } from './context';
import { TREND_POINTS } from './views';

/** The History tab (one more batched read) against the analysis: its issues, orphans and each goal's check-ins. */
export function loadHistory(ctx: ServerContext, read: WorkbookRead, analysis: Analysis): HistoryAnalysis {
  const grid = readHistoryTab(activeSpreadsheet(ctx)) ?? [];
  return analyzeHistory(readHistory(grid, HISTORY_TAB, read.decimalSeparator), analysis.goals);
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
  const grid = readHistoryTail(activeSpreadsheet(ctx), rows) ?? [];
  return analyzeHistory(readHistory(grid, HISTORY_TAB, read.decimalSeparator), analysis.goals);
}

/**
 * Record check-in: under the document lock, reads the goals and the History tab, and writes today's check-in (one
 * row per goal ID) with one setValues: after the last row, or over today's earlier check-in. A History tab that has
 * content but no Date and ID header is refused, not overwritten.
 */
export function recordCheckIn(ctx: ServerContext): CheckInSummary {
  const now = ctx.now();
  const today = dayOfDate(now);
  return underLock(ctx, () => {
    const { read, analysis } = loadAnalysis(ctx, now);
    const spreadsheet = activeSpreadsheet(ctx);
    const grid = readHistoryTab(spreadsheet) ?? [];
    const history = readHistory(grid, HISTORY_TAB, read.decimalSeparator);
    const checkIns = checkInsOf(analysis, today);
    if (checkIns.length === 0)
      throw new Error('No goal to record: a check-in needs goals with IDs on goal tabs.');
    const write = planCheckIn(grid, history, today, checkIns);
    if (write === null) {
      const issue = issueAt({ ...NOWHERE, tab: HISTORY_TAB }, { code: 'history-no-header' });
      throw new Error(`${HISTORY_TAB}: ${describeIssue(issue)}`);
    }
    writeHistory(spreadsheet, write);
    return { tab: HISTORY_TAB, day: isoDate(today), goalCount: checkIns.length, replaced: write.replaced };
  });
}

/**
 * Compact History (see compactHistory): under the document lock, keeps the last 13 weeks as they are, month-ends for
 * 24 months and quarter-ends before, in one write over the tab; rows that do not read as check-ins stay. A tab
 * without a header row is refused.
 */
export function compactHistoryTab(ctx: ServerContext): CompactionSummary {
  const now = ctx.now();
  return underLock(ctx, () => {
    const spreadsheet = activeSpreadsheet(ctx);
    const grid = readHistoryTab(spreadsheet);
    if (grid === null) throw new Error(`There is no ${HISTORY_TAB} tab yet: Record check-in makes it.`);
    const read = readHistory(grid, HISTORY_TAB, decimalSeparatorOf(spreadsheet.getSpreadsheetLocale()));
    if (read.header === null) {
      throw new Error(
        `${HISTORY_TAB}: ${describeIssue(issueAt({ ...NOWHERE, tab: HISTORY_TAB }, { code: 'history-no-header' }))}`,
      );
    }
    const compaction = compactHistory(grid, read, dayOfDate(now));
    const kept = read.checkIns.length - compaction.dropped;
    if (compaction.dropped > 0) {
      writeCompactedHistory(
        spreadsheet,
        compactedGrid(grid, read, compaction),
        compaction.keep.length,
        textColumns(read.header),
      );
    }
    return { tab: HISTORY_TAB, kept, dropped: compaction.dropped };
  });
}
