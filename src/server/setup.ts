// Endpoints that set a workbook up: a goal tab from the template (and Settings), Parent dropdowns, jumping to a cell.

import { planFreeze } from '../core/freeze-plan';
import { decimalSeparatorOf } from '../core/locale';
import { uniqueIds, writeParentDropdowns } from '../sheets/dropdowns';
import { appendFrozen } from '../sheets/frozen';
import { addRosterTab } from '../sheets/roster';
import { activateCell } from '../sheets/select';
import { addSurveyTab } from '../sheets/survey';
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

/** Adds a Survey tab: answers 0-10 by respondent group, and their NPS by group. */
export function insertSurveyTab(ctx: ServerContext): { tab: string } {
  const sheet = addSurveyTab({ spreadsheet: activeSpreadsheet(ctx), app: ctx.spreadsheetApp() });
  return { tab: sheet.getName() };
}

/** Adds the Roster tab, listing every scorecard owner once, for payouts in money. */
export function insertRosterTab(ctx: ServerContext): { tab: string; owners: number } {
  const { analysis } = loadAnalysis(ctx, ctx.now());
  const owners = [...new Set(analysis.cards.map((card) => card.owner))];
  const sheet = addRosterTab(activeSpreadsheet(ctx), owners);
  return { tab: sheet.getName(), owners: owners.length };
}

/**
 * Freezes a period (`FY2026`, `Q3 2026`; blank = the default period): appends each of its scorecards to our Frozen
 * payouts tab (see sheets/frozen.ts) with its values, the time, the user and an input hash. Under the document lock, so
 * the values stored are the ones read. Refuses text that is not a period, and a period without scorecards (see
 * core/freeze-plan.ts, which the command line's freeze shares). A period frozen before is frozen again: the new rows
 * supersede the old, which stay.
 */
export function freezePeriod(
  ctx: ServerContext,
  asked: string,
): { period: string; cards: number; tab: string } {
  return underLock(ctx, () => {
    const { read, analysis } = loadAnalysis(ctx, ctx.now());
    const plan = planFreeze(analysis, asked, ctx.now().toISOString(), ctx.user(), read.frozen?.grid ?? null);
    if (!plan.ok) throw new Error(plan.message);
    const log = appendFrozen(activeSpreadsheet(ctx), plan.rows);
    return { period: plan.period, cards: plan.rows.length, tab: log.getName() };
  });
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
