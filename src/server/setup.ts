// Endpoints that set a workbook up: a goal tab from the template (and Settings), Parent dropdowns, jumping to a cell.

import { decimalSeparatorOf } from '../core/locale';
import { uniqueIds, writeParentDropdowns } from '../sheets/dropdowns';
import { activateCell } from '../sheets/select';
import { ensureSettingsTab, insertTemplateTab } from '../sheets/template';
import { activeSpreadsheet, loadAnalysis, underLock } from './analyze';
import type { CellRef } from './api';
import type { ServerContext } from './context';

export function insertGoalTab(ctx: ServerContext, name: string): { tab: string; settingsCreated: boolean } {
  const spreadsheet = activeSpreadsheet(ctx);
  const settingsCreated = ensureSettingsTab(
    spreadsheet,
    decimalSeparatorOf(spreadsheet.getSpreadsheetLocale()),
  );
  const sheet = insertTemplateTab({ spreadsheet, app: ctx.spreadsheetApp() }, name);
  return { tab: sheet.getName(), settingsCreated };
}

/** Under the document lock: the ID list is shared, and two writers would interleave their lists. */
export function addParentDropdowns(ctx: ServerContext): { columns: number } {
  return underLock(ctx, () => {
    const { read, analysis } = loadAnalysis(ctx, ctx.now());
    const goalTabs = read.tabs.filter((t) => analysis.goalTabs.includes(t.name));
    const writer = { spreadsheet: activeSpreadsheet(ctx), app: ctx.spreadsheetApp() };
    return writeParentDropdowns(writer, goalTabs, uniqueIds(analysis.goals));
  });
}

export function selectCell(ctx: ServerContext, ref: CellRef): void {
  activateCell(activeSpreadsheet(ctx), ref);
}
