// The add-on menu: onOpen builds it (nothing else, so it works in AuthMode.NONE), and each item's handler.
import { ROLLUP_TAB } from '../sheets/owned';
import type { CheckReport } from './api';
import { type ServerContext, liveContext } from './context';
import { checkWorkbook } from './reports';
import { rollUp } from './rollup';
import { addParentDropdowns, insertGoalTab } from './setup';
import { openSidebar } from './sidebar';

export interface MenuItem {
  label: string;
  /** The global function Apps Script calls for this item: src/main.ts must expose it under this name. */
  functionName: string;
  handler: () => void;
  separatorBefore?: boolean;
}

const MAX_LISTED_ISSUES = 8;

export const HELP_TEXT = [
  'Goal tabs: every tab with ID and Goal headers in one of its first 5 rows.',
  "A goal's Parent is the ID of the goal it contributes to, on any tab; attainment rolls up to parents.",
  'Check workbook lists problems; the sidebar links each to its cell, shows the cascade and links goals.',
  `Roll up rewrites only the ${ROLLUP_TAB} tab: the goal tree with attainment and status, and scorecards.`,
  'Cap, floor, payout curve and other rules live on the Settings tab, made with your first template goal tab.',
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

/** Runs a menu action; a failure becomes an alert, not Apps Script's bare "script error" toast. */
function guarded(ctx: ServerContext, action: () => void): () => void {
  return () => {
    try {
      action();
    } catch (error) {
      ctx
        .spreadsheetApp()
        .getUi()
        .alert(error instanceof Error ? error.message : String(error));
    }
  };
}

/** The menu items, each bound to a context. */
export function menuItems(ctx: ServerContext): MenuItem[] {
  const ui = () => ctx.spreadsheetApp().getUi();
  const toast = (message: string) =>
    ctx.spreadsheetApp().getActiveSpreadsheet().toast(message, 'MBO Cascade');
  return [
    { label: 'Open sidebar', functionName: 'showSidebar', handler: guarded(ctx, () => openSidebar(ctx)) },
    {
      label: 'Check workbook',
      functionName: 'menuCheckWorkbook',
      handler: guarded(ctx, () => ui().alert(checkSummary(checkWorkbook(ctx)))),
    },
    {
      label: 'Roll up',
      functionName: 'menuRollUp',
      handler: guarded(ctx, () => {
        const done = rollUp(ctx);
        toast(
          `Rolled up ${done.goalCount} goals and ${done.scorecardCount} scorecards into the ${done.tab} tab.`,
        );
      }),
    },
    {
      label: 'Link selected row to a parent…',
      functionName: 'menuLinkToParent',
      handler: guarded(ctx, () => openSidebar(ctx, 'link')),
      separatorBefore: true,
    },
    {
      label: 'Insert goal tab from template',
      functionName: 'menuInsertGoalTab',
      handler: guarded(ctx, () => {
        const made = insertGoalTab(ctx, '');
        const settings = made.settingsCreated ? ' and a Settings tab with the default rules' : '';
        toast(`Added the goal tab ${made.tab}${settings}.`);
      }),
    },
    {
      label: 'Add Parent dropdowns',
      functionName: 'menuAddParentDropdowns',
      handler: guarded(ctx, () => {
        const { columns } = addParentDropdowns(ctx);
        toast(`Added a dropdown of goal IDs to ${columns} Parent column${columns === 1 ? '' : 's'}.`);
      }),
    },
    {
      label: 'Help',
      functionName: 'menuHelp',
      handler: guarded(ctx, () => ui().alert(HELP_TEXT)),
      separatorBefore: true,
    },
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
