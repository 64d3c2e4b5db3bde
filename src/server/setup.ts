// Endpoints that set a workbook up: a goal tab from the template (and Settings), Parent dropdowns, jumping to a cell.
import { freezeRows } from '../core/freeze';
import { parsePeriod } from '../core/period';
import { addParentDropdowns as writeDropdowns, uniqueIds } from '../sheets/dropdowns';
import { appendHistory } from '../sheets/history';
import { decimalSeparatorOf } from '../sheets/locale';
import { insertRosterTab as insertRoster } from '../sheets/roster';
import { selectCell as select } from '../sheets/select';
import { insertSurveyTab as insertSurvey } from '../sheets/survey';
import { ensureSettingsTab, insertGoalTab as insertTab } from '../sheets/template';
import type { CellRef } from './api';
import { activeSpreadsheet, loadAnalysis, underLock } from './analyze';
import type { ServerContext } from './context';

export function insertGoalTab(ctx: ServerContext, name: string): { tab: string; settingsCreated: boolean } {
  const spreadsheet = activeSpreadsheet(ctx);
  const settingsCreated = ensureSettingsTab(spreadsheet, decimalSeparatorOf(spreadsheet.getSpreadsheetLocale()));
  const sheet = insertTab({ spreadsheet, app: ctx.spreadsheetApp() }, name);
  return { tab: sheet.getName(), settingsCreated };
}

/** Adds a Survey tab: answers 0-10 by respondent group, and their NPS by group. */
export function insertSurveyTab(ctx: ServerContext): { tab: string } {
  const sheet = insertSurvey({ spreadsheet: activeSpreadsheet(ctx), app: ctx.spreadsheetApp() });
  return { tab: sheet.getName() };
}

/** Adds the Roster tab, listing every scorecard owner once, for payouts in money. */
export function insertRosterTab(ctx: ServerContext): { tab: string; owners: number } {
  const { analysis } = loadAnalysis(ctx, ctx.now());
  const owners = [...new Set(analysis.cards.map((card) => card.owner))];
  const sheet = insertRoster(activeSpreadsheet(ctx), owners);
  return { tab: sheet.getName(), owners: owners.length };
}

/**
 * Freezes a period (`FY2026`, `Q3 2026`; blank = the default period): appends each of its scorecards to the History
 * tab with its values, the time, the user and an input hash. Under the document lock, so the values stored are the
 * ones read. Refuses text that is not a period, and a period without scorecards.
 */
export function freezePeriod(ctx: ServerContext, asked: string): { period: string; cards: number } {
  return underLock(ctx, () => {
    const { analysis } = loadAnalysis(ctx, ctx.now());
    const text = asked.trim();
    const period = text === '' ? analysis.settings.defaultPeriod : (parsePeriod(text)?.label ?? null);
    if (period === null) throw new Error(`"${text}" is not a period: write one like FY2026, H1 2026, Q3 2026 or Mar 2026.`);
    const rows = freezeRows(analysis, period, ctx.now().toISOString(), ctx.user());
    if (rows.length === 0) throw new Error(`No scorecard is for ${period || 'the default period'}: nothing to freeze.`);
    appendHistory(activeSpreadsheet(ctx), rows);
    return { period, cards: rows.length };
  });
}

/** Under the document lock: the ID list is shared, and two writers would interleave their lists. */
export function addParentDropdowns(ctx: ServerContext): { columns: number } {
  return underLock(ctx, () => {
    const { read, analysis } = loadAnalysis(ctx, ctx.now());
    const goalTabs = read.tabs.filter((t) => analysis.goalTabs.includes(t.name));
    const writer = { spreadsheet: activeSpreadsheet(ctx), app: ctx.spreadsheetApp() };
    return writeDropdowns(writer, goalTabs, uniqueIds(analysis.goals));
  });
}

export function selectCell(ctx: ServerContext, ref: CellRef): void {
  select(activeSpreadsheet(ctx), ref);
}
