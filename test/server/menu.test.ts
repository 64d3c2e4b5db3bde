// The add-on menu: onOpen builds it without touching the spreadsheet; each item runs its action and reports back.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { INITIAL_VIEW_GLOBAL } from '../../src/server/api';
import { buildMenu, MENU_ITEMS, menuItems, onInstall, onOpen, showSidebar } from '../../src/server/menu';
import { withInitialView } from '../../src/server/sidebar';
import { ROLLUP_TAB } from '../../src/sheets/owned';
import { createFakeGas, type FakeGas, fakeServerContext } from '../../tools/gas-fake';
import { marketingCascade } from '../fixtures/marketing-cascade';

const SIDEBAR_HTML =
  '<!doctype html><html><head><meta charset="utf-8"></head><body><script>app()</script></body></html>';

function stubGlobals(gas: FakeGas): void {
  vi.stubGlobal('SpreadsheetApp', gas.SpreadsheetApp);
  vi.stubGlobal('LockService', gas.LockService);
  vi.stubGlobal('HtmlService', gas.HtmlService);
  vi.stubGlobal('Charts', gas.Charts);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const EXPECTED_MENU = [
  { caption: 'Open sidebar', functionName: 'showSidebar' },
  { caption: 'Check workbook', functionName: 'menuCheckWorkbook' },
  { caption: 'Roll up', functionName: 'menuRollUp' },
  { caption: 'Record check-in', functionName: 'menuRecordCheckIn' },
  { caption: 'Compact check-ins', functionName: 'menuCompactHistory' },
  'separator',
  { caption: 'Link selected row to a parent…', functionName: 'menuLinkToParent' },
  { caption: 'Insert goal tab from template', functionName: 'menuInsertGoalTab' },
  { caption: 'Insert Survey tab', functionName: 'menuInsertSurveyTab' },
  { caption: 'Insert Roster tab', functionName: 'menuInsertRosterTab' },
  { caption: 'Freeze period…', functionName: 'menuFreezePeriod' },
  { caption: 'Add Parent dropdowns', functionName: 'menuAddParentDropdowns' },
  'separator',
  { caption: 'Help', functionName: 'menuHelp' },
];

describe('onOpen', () => {
  it('builds the add-on menu with the real globals and makes no spreadsheet call (AuthMode.NONE)', () => {
    const gas = createFakeGas({ tabs: marketingCascade() });
    stubGlobals(gas);
    onOpen({ authMode: 'NONE' });
    expect(gas.ui.menus).toHaveLength(1);
    expect(gas.ui.menus[0].items).toEqual(EXPECTED_MENU);
    expect(gas.ui.menus[0].added).toBe(true);
    const calls = Object.keys(gas.log.snapshot());
    expect(calls.sort()).toEqual(
      [
        'Menu.addItem',
        'Menu.addSeparator',
        'Menu.addToUi',
        'SpreadsheetApp.getUi',
        'Ui.createAddonMenu',
      ].sort(),
    );
  });

  it('onInstall builds the same menu', () => {
    const gas = createFakeGas();
    stubGlobals(gas);
    onInstall({});
    expect(gas.ui.menus[0].items).toEqual(EXPECTED_MENU);
  });

  it('MENU_ITEMS names the function behind each item', () => {
    expect(MENU_ITEMS.map((i) => i.functionName)).toEqual(
      EXPECTED_MENU.filter((i) => i !== 'separator').map((i) => (i as { functionName: string }).functionName),
    );
  });
});

describe('menu handlers', () => {
  function run(label: string, gas: FakeGas): void {
    const item = menuItems(fakeServerContext(gas)).find((i) => i.label === label);
    if (!item) throw new Error(`no menu item ${label}`);
    item.handler();
  }

  it('Open sidebar shows the built Sidebar page titled MBO Cascade', () => {
    const gas = createFakeGas({ htmlFiles: { Sidebar: SIDEBAR_HTML } });
    stubGlobals(gas);
    showSidebar();
    expect(gas.ui.sidebars).toHaveLength(1);
    expect(gas.ui.sidebars[0].getTitle()).toBe('MBO Cascade');
    expect(gas.ui.sidebars[0].getContent()).toBe(SIDEBAR_HTML);
  });

  it('Link selected row… opens the sidebar on the link panel, set before the page script runs', () => {
    const gas = createFakeGas({ htmlFiles: { Sidebar: SIDEBAR_HTML } });
    run('Link selected row to a parent…', gas);
    const html = gas.ui.sidebars[0].getContent();
    const hint = `<script>window.${INITIAL_VIEW_GLOBAL} = "link";</script>`;
    expect(html).toContain(`<head>${hint}<meta`);
    expect(html.indexOf(hint)).toBeLessThan(html.indexOf('app()'));
    expect(withInitialView('<p>no head</p>', 'check')).toBe(
      `<script>window.${INITIAL_VIEW_GLOBAL} = "check";</script><p>no head</p>`,
    );
  });

  it('Check workbook alerts a summary with the first issues', () => {
    const gas = createFakeGas({ tabs: marketingCascade() });
    run('Check workbook', gas);
    expect(gas.ui.alerts).toHaveLength(1);
    const text = gas.ui.alerts[0];
    expect(text).toContain('Checked 12 goals on CMO, Demand Gen, Content: 0 errors, 3 warnings, 0 notes.');
    expect(text).toContain('• Demand Gen row 3 (Actual): Alignment gap');
    expect(text).toContain('Open the sidebar');
  });

  it('Roll up writes the tab and says so in a toast', () => {
    const gas = createFakeGas({ tabs: marketingCascade() });
    run('Roll up', gas);
    expect(gas.spreadsheet.sheets.map((s) => s.name)).toContain(ROLLUP_TAB);
    expect(gas.spreadsheet.toasts).toEqual([
      { message: 'Rolled up 12 goals and 5 scorecards into the Roll-up tab.', title: 'MBO Cascade' },
    ]);
  });

  it('a failing action becomes an alert with its message', () => {
    const gas = createFakeGas({ tabs: marketingCascade() });
    gas.otherExecution().getDocumentLock().waitLock(1);
    run('Roll up', gas);
    expect(gas.ui.alerts).toEqual([expect.stringContaining('Someone else is updating this spreadsheet')]);
    expect(gas.spreadsheet.sheets.map((s) => s.name)).not.toContain(ROLLUP_TAB);
  });

  it('Insert goal tab adds Goals and Settings', () => {
    const gas = createFakeGas();
    run('Insert goal tab from template', gas);
    expect(gas.spreadsheet.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Settings', 'Goals']);
    expect(gas.spreadsheet.toasts[0].message).toBe(
      'Added the goal tab Goals and a Settings tab with the default rules.',
    );
    expect(gas.spreadsheet.activeSheet?.name).toBe('Goals');
  });

  it('Add Parent dropdowns reports the columns', () => {
    const gas = createFakeGas({ tabs: marketingCascade() });
    run('Add Parent dropdowns', gas);
    expect(gas.spreadsheet.toasts[0].message).toBe('Added a dropdown of goal IDs to 3 Parent columns.');
  });

  it('Help explains the model in an alert', () => {
    const gas = createFakeGas();
    run('Help', gas);
    expect(gas.ui.alerts[0]).toMatch(/header row in its first 10 rows/);
  });

  it('buildMenu over a context builds the same menu', () => {
    const gas = createFakeGas();
    buildMenu(fakeServerContext(gas));
    expect(gas.ui.menus[0].items).toEqual(EXPECTED_MENU);
    expect(gas.log.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(0);
  });
});
