// The Roll up endpoint: analyse under the document lock and replace our report tab with the report.
import { buildRollupReport } from '../report/rollup-table';
import { readWorkbook } from '../sheets/read';
import { replaceRollupTab } from '../sheets/rollup';
import { activeSpreadsheet, analyzeRead } from './analyze';
import type { RollupSummary } from './api';
import { noteRollUp } from './changes';
import type { ServerContext } from './context';
import { loadHistory } from './history';

export function rollUp(ctx: ServerContext): RollupSummary {
  const now = ctx.now();
  const spreadsheet = activeSpreadsheet(ctx);
  const writer = {
    spreadsheet,
    app: ctx.spreadsheetApp(),
    charts: ctx.charts(),
    lock: ctx.lockService().getDocumentLock(),
  };
  const { report, tab } = replaceRollupTab(writer, () => {
    const read = readWorkbook(spreadsheet);
    const analysis = analyzeRead(read, now);
    return buildRollupReport(analysis, now.toISOString(), loadHistory(ctx, read, analysis));
  });
  noteRollUp(ctx, now);
  return {
    tab: tab.name,
    note: tab.note,
    goalCount: report.goalCount,
    scorecardCount: report.scorecardCount,
    computedAt: now.toISOString(),
  };
}
