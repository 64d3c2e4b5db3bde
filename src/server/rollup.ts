// The Roll up endpoint: analyse under the document lock and replace the Roll-up tab with the report.
import { buildRollupReport } from '../report/rollup-table';
import { ROLLUP_TAB } from '../sheets/owned';
import { readWorkbook } from '../sheets/read';
import { replaceRollupTab } from '../sheets/rollup';
import { activeSpreadsheet, analyzeRead } from './analyze';
import type { RollupSummary } from './api';
import type { ServerContext } from './context';

export function rollUp(ctx: ServerContext): RollupSummary {
  const now = ctx.now();
  const spreadsheet = activeSpreadsheet(ctx);
  const writer = {
    spreadsheet,
    app: ctx.spreadsheetApp(),
    charts: ctx.charts(),
    lock: ctx.lockService().getDocumentLock(),
  };
  const report = replaceRollupTab(writer, () =>
    buildRollupReport(analyzeRead(readWorkbook(spreadsheet), now), now.toISOString()),
  );
  return {
    tab: ROLLUP_TAB,
    goalCount: report.goalCount,
    scorecardCount: report.scorecardCount,
    computedAt: now.toISOString(),
  };
}
