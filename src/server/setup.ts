// Endpoints that set a workbook up: a goal tab from the template (and Settings), Parent dropdowns, jumping to a cell.
import { addParentDropdowns as writeDropdowns, uniqueIds } from '../sheets/dropdowns';
import { decimalSeparatorOf } from '../sheets/locale';
import { withDocumentLock } from '../sheets/lock';
import { selectCell as select } from '../sheets/select';
import { ensureSettingsTab, insertGoalTab as insertTab } from '../sheets/template';
import type { CellRef } from './api';
import { loadAnalysis } from './analyze';
import type { ServerContext } from './context';

export function insertGoalTab(ctx: ServerContext, name: string): { tab: string; settingsCreated: boolean } {
  const app = ctx.spreadsheetApp();
  const spreadsheet = app.getActiveSpreadsheet();
  const settingsCreated = ensureSettingsTab(
    spreadsheet,
    decimalSeparatorOf(spreadsheet.getSpreadsheetLocale()),
  );
  const sheet = insertTab({ spreadsheet, app }, name);
  return { tab: sheet.getName(), settingsCreated };
}

/** Under the document lock: the ID list is shared, and two writers would interleave their lists. */
export function addParentDropdowns(ctx: ServerContext): { columns: number } {
  const app = ctx.spreadsheetApp();
  const spreadsheet = app.getActiveSpreadsheet();
  return withDocumentLock(
    ctx.lockService().getDocumentLock(),
    () => app.flush(),
    () => {
      const { read, analysis } = loadAnalysis(ctx, ctx.now());
      const goalTabs = read.tabs.filter((t) => analysis.goalTabs.includes(t.name));
      return writeDropdowns({ spreadsheet, app }, goalTabs, uniqueIds(analysis.goals));
    },
  );
}

export function selectCell(ctx: ServerContext, ref: CellRef): void {
  select(ctx.spreadsheetApp().getActiveSpreadsheet(), ref);
}
