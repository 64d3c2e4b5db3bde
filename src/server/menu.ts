// The add-on menu: onOpen builds it (nothing else, so it works in AuthMode.NONE), and each item's handler.
import { ROLLUP_TAB } from '../sheets/owned';
import { activeSpreadsheet } from './analyze';
import type { CheckReport } from './api';
import { liveContext, type ServerContext } from './context';
import { compactHistoryTab, recordCheckIn } from './history';
import { checkWorkbook } from './reports';
import { rollUp } from './rollup';
import { addParentDropdowns, freezePeriod, insertGoalTab, insertRosterTab, insertSurveyTab } from './setup';
import { openSidebar } from './sidebar';

export interface MenuItem {
  label: string;
  /** The global function Apps Script calls for this item: src/main.ts must expose it under this name. */
  functionName: string;
  handler: () => void;
  separatorBefore: boolean;
}

const MAX_LISTED_ISSUES = 8;

export const FREEZE_PROMPT =
  'Freeze which period (e.g. FY2026 or Q3 2026)? Its scorecards are stored on the Frozen payouts tab, and any later change to them is a warning.';

export const HELP_TEXT = [
  'Goal tabs: every tab with a header row in its first 10 rows naming each goal (Goal, Key Result, Objective) and how it is measured or aligned (ID, Parent, Target, Progress…). The Columns panel maps other headers.',
  "A goal's Parent is the ID of the goal it contributes to, on any tab; attainment rolls up to parents.",
  'Check workbook lists problems; the sidebar links each to its cell, shows the cascade and links goals.',
  `Roll up rewrites only its own ${ROLLUP_TAB} tab: goal tree, attainment, status, scorecards.`,
  'Cap, floor, payout curve and other rules: the Settings tab, made with your first template goal tab.',
].join('\n\n');

export function checkSummary(report: CheckReport): string {
  const { error, warning, info } = report.counts;
  const tabs = report.goalTabs.length ? report.goalTabs.join(', ') : 'no goal tab';
  const head = `Checked ${report.goalCount} goals on ${tabs}: ${error} errors, ${warning} warnings, ${info} notes.`;
  if (report.issues.length === 0) return `${head}\n\nNo problems found.`;
  const listed = report.issues.slice(0, MAX_LISTED_ISSUES).map((i) => {
    const where = i.tab ? `${i.tab}${i.row ? ` row ${i.row}` : ''}${i.column ? ` (${i.column})` : ''}: ` : '';
    return `• ${where}${i.message}`;
  });
  const more = report.issues.length - listed.length;
  const tail = more > 0 ? `\n…and ${more} more.` : '';
  return `${head}\n\n${listed.join('\n')}${tail}\n\nOpen the sidebar to jump to each cell.`;
}

/** The menu items, each bound to a context. */
export function menuItems(ctx: ServerContext): MenuItem[] {
  const ui = () => ctx.spreadsheetApp().getUi();
  const toast = (message: string) => activeSpreadsheet(ctx).toast(message, 'MBO Cascade');
  /** An item whose action's failure becomes an alert, not Apps Script's bare "script error" toast. */
  const item = (
    label: string,
    functionName: string,
    action: () => void,
    separatorBefore = false,
  ): MenuItem => ({
    label,
    functionName,
    handler: () => {
      try {
        action();
      } catch (error) {
        ui().alert(error instanceof Error ? error.message : String(error));
      }
    },
    separatorBefore,
  });
  return [
    item('Open sidebar', 'showSidebar', () => openSidebar(ctx)),
    item('Check workbook', 'menuCheckWorkbook', () => ui().alert(checkSummary(checkWorkbook(ctx)))),
    item('Roll up', 'menuRollUp', () => {
      const done = rollUp(ctx);
      const note = done.note ? ` ${done.note}` : '';
      toast(
        `Rolled up ${done.goalCount} goals and ${done.scorecardCount} scorecards into the ${done.tab} tab.${note}`,
      );
    }),
    item('Record check-in', 'menuRecordCheckIn', () => {
      const done = recordCheckIn(ctx);
      const replaced = done.replaced > 0 ? `, replacing the ${done.replaced} recorded earlier today` : '';
      const note = done.note ? ` ${done.note}` : '';
      toast(`Recorded ${done.goalCount} goals for ${done.day} in the ${done.tab} tab${replaced}.${note}`);
    }),
    item('Compact check-ins', 'menuCompactHistory', () => {
      const done = compactHistoryTab(ctx);
      toast(
        done.dropped === 0
          ? `Nothing to compact in ${done.tab}: ${done.kept} check-ins.`
          : `Compacted ${done.tab}: kept ${done.kept} check-ins, removed ${done.dropped} (weekly for 13 weeks, then month-ends, then quarter-ends).`,
      );
    }),
    item('Link selected row to a parent…', 'menuLinkToParent', () => openSidebar(ctx, 'link'), true),
    item('Insert goal tab from template', 'menuInsertGoalTab', () => {
      const made = insertGoalTab(ctx, '');
      const settings = made.settingsCreated ? ' and a Settings tab with the default rules' : '';
      toast(`Added the goal tab ${made.tab}${settings}.`);
    }),
    item('Insert Survey tab', 'menuInsertSurveyTab', () => {
      const { tab } = insertSurveyTab(ctx);
      toast(`Added the ${tab} tab: answers 0-10 by respondent group, their NPS by group in G1.`);
    }),
    item('Insert Roster tab', 'menuInsertRosterTab', () => {
      const { tab, owners } = insertRosterTab(ctx);
      toast(
        `Added the ${tab} tab with ${owners} owner${owners === 1 ? '' : 's'}: fill in Manager, Start, End, Target bonus and Currency.`,
      );
    }),
    item('Freeze period…', 'menuFreezePeriod', () => {
      const asked = ui().prompt(FREEZE_PROMPT).getResponseText().trim();
      if (asked === '') {
        toast('Nothing frozen.');
        return;
      }
      const { period, cards, tab } = freezePeriod(ctx, asked);
      toast(`Froze ${period}: ${cards} scorecard${cards === 1 ? '' : 's'} stored on the ${tab} tab.`);
    }),
    item('Add Parent dropdowns', 'menuAddParentDropdowns', () => {
      const { columns } = addParentDropdowns(ctx);
      toast(`Added a dropdown of goal IDs to ${columns} Parent column${columns === 1 ? '' : 's'}.`);
    }),
    item('Help', 'menuHelp', () => ui().alert(HELP_TEXT), true),
  ];
}

/** Builds the add-on menu: getUi and menu calls only, no spreadsheet access (onOpen may run in AuthMode.NONE). */
export function buildMenu(ctx: ServerContext, items: readonly MenuItem[] = menuItems(ctx)): void {
  const menu = ctx.spreadsheetApp().getUi().createAddonMenu();
  for (const item of items) {
    if (item.separatorBefore) menu.addSeparator();
    menu.addItem(item.label, item.functionName);
  }
  menu.addToUi();
}

/** The menu items bound to the real Apps Script services; src/main.ts exposes each handler as a global. */
export const MENU_ITEMS: readonly MenuItem[] = menuItems(liveContext);

/** Trigger: runs when the spreadsheet opens, possibly in AuthMode.NONE. */
export function onOpen(_event?: unknown): void {
  buildMenu(liveContext, MENU_ITEMS);
}

/** Trigger: runs when the add-on is installed; the menu must appear without reopening the file. */
export function onInstall(event?: unknown): void {
  onOpen(event);
}

/** The Open sidebar menu item, also a global. */
export function showSidebar(): void {
  openSidebar(liveContext);
}
