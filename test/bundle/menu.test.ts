// Every add-on menu item end to end, without a browser: the built bundle's top-level function, called as Apps Script calls it on a click, over the fake.
// What the sidebars it opens show in a page is test/browser/menu.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_HEADERS } from '../../src/core/history';
import { type CheckReport, INITIAL_VIEW_GLOBAL } from '../../src/server/api';
import { HELP_TEXT, MENU_ITEMS } from '../../src/server/menu';
import { HISTORY_TAB, IDS_TAB, isReservedTabName, ROLLUP_TAB, SETTINGS_TAB } from '../../src/sheets/owned';
import { TEMPLATE_CHOICES, TEMPLATE_HEADERS } from '../../src/sheets/template';
import { dumpValues, type FakeDataValidation, snapshotSpreadsheet } from '../../tools/gas-fake';
import { activeCell, rowOf } from '../browser/page-helpers';
import { type BrowserWorkbook, goalIdsOf, WORKBOOKS } from '../browser/workbooks';
import { type BundleSession, startBundleSession } from '../support/bundle-session';

const MAX_LISTED_ISSUES = 8;

/** The menu as a user sees it: MENU_ITEMS in order, with a separator where one is asked for. */
const EXPECTED_MENU = MENU_ITEMS.flatMap((item) => [
  ...(item.separatorBefore ? ['separator' as const] : []),
  { caption: item.label, functionName: item.functionName },
]);

type MenuCheck = (session: BundleSession, workbook: BrowserWorkbook) => void;

const tabNames = (session: BundleSession) => session.fake.spreadsheet.sheets.map((sheet) => sheet.name);

/** The user's tabs whose first row has the given headers (what the add-on reads as goal tabs has ID and Goal). */
function tabsWithHeaders(session: BundleSession, ...headers: string[]): string[] {
  const values = dumpValues(session.fake.spreadsheet);
  return tabNames(session).filter(
    (name) => !isReservedTabName(name) && headers.every((header) => values[name][0]?.includes(header)),
  );
}

function validationAt(session: BundleSession, tab: string, row: number, col: number): string | null {
  const rule = session.fake.spreadsheet.sheet(tab).peekCell(row, col).validation as FakeDataValidation | null;
  return rule?.describe() ?? null;
}

/** What clicking each menu item must visibly do, by the function the item calls. */
const MENU_CHECKS: Record<string, MenuCheck> = {
  showSidebar(session) {
    const { fake } = session;
    const before = fake.ui.sidebars.length;
    session.api.showSidebar();
    expect(fake.ui.sidebars).toHaveLength(before + 1);
    const shown = fake.ui.sidebars.at(-1)!;
    expect(shown.getTitle()).toBe('MBO Cascade');
    expect(shown.getContent()).toBe(session.sidebarHtml);
  },

  menuCheckWorkbook(session, workbook) {
    const { fake } = session;
    const before = snapshotSpreadsheet(fake.spreadsheet);
    const alertCount = fake.ui.alerts.length;
    session.api.menuCheckWorkbook();
    expect(fake.ui.alerts).toHaveLength(alertCount + 1);
    const lines = fake.ui.alerts.at(-1)!.split('\n');
    const report = session.api.checkWorkbook() as CheckReport;
    const goalTabs = tabsWithHeaders(session, 'ID', 'Goal').join(', ');
    expect(lines[0]).toBe(
      `Checked ${goalIdsOf(workbook.tabs()).length} goals on ${goalTabs}: ${workbook.errors.length} errors, ${report.counts.warning} warnings, ${report.counts.info} notes.`,
    );
    const listed = lines.filter((line) => line.startsWith('• '));
    expect(listed).toEqual(
      report.issues
        .slice(0, MAX_LISTED_ISSUES)
        .map((issue) => `• ${issue.tab} row ${issue.row} (${issue.column}): ${issue.message}`),
    );
    expect(
      listed.some((line) => workbook.errors.some((error) => line.endsWith(`: ${error.message}`))),
      'an error of this workbook is among the listed issues',
    ).toBe(true);
    expect(lines).toContain(`…and ${report.issues.length - MAX_LISTED_ISSUES} more.`);
    expect(lines.at(-1)).toBe('Open the sidebar to jump to each cell.');
    expect(snapshotSpreadsheet(fake.spreadsheet), 'Check writes nothing').toEqual(before);
  },

  menuRollUp(session, workbook) {
    const { fake } = session;
    expect(tabNames(session)).not.toContain(ROLLUP_TAB);
    session.api.menuRollUp();
    expect(tabNames(session)).toContain(ROLLUP_TAB);
    const ids = goalIdsOf(workbook.tabs());
    const owners = new Set(
      Object.values(workbook.tabs()).flatMap((grid) => grid.slice(1).map((row) => row[2])),
    );
    expect(fake.spreadsheet.toasts.at(-1)).toEqual({
      message: `Rolled up ${ids.length} goals and ${owners.size} scorecards into the ${ROLLUP_TAB} tab.`,
      title: 'MBO Cascade',
    });
    const reportIds = dumpValues(fake.spreadsheet)[ROLLUP_TAB].map((row) => row[0]);
    const count = (list: readonly unknown[], id: string) => list.filter((value) => value === id).length;
    for (const id of ids) expect(count(reportIds, id), id).toBe(count(ids, id));
  },

  menuRecordCheckIn(session, workbook) {
    const { fake } = session;
    expect(tabNames(session)).not.toContain(HISTORY_TAB);
    session.api.menuRecordCheckIn();
    const seen = new Set<string>();
    const ids = goalIdsOf(workbook.tabs()).filter(
      (id) => !seen.has(id.toLowerCase()) && seen.add(id.toLowerCase()),
    );
    const day = /for (\d{4}-\d\d-\d\d) in/.exec(fake.spreadsheet.toasts.at(-1)?.message ?? '')?.[1];
    expect(fake.spreadsheet.toasts.at(-1)?.message).toBe(
      `Recorded ${ids.length} goals for ${day} in the ${HISTORY_TAB} tab.`,
    );
    const rows = () => dumpValues(fake.spreadsheet)[HISTORY_TAB];
    expect(rows()[0]).toEqual([...HISTORY_HEADERS]);
    expect(
      rows()
        .slice(1)
        .map((row) => row[1])
        .sort(),
    ).toEqual([...ids].sort());
    session.api.menuRecordCheckIn();
    expect(fake.spreadsheet.toasts.at(-1)?.message).toBe(
      `Recorded ${ids.length} goals for ${day} in the ${HISTORY_TAB} tab, replacing the ${ids.length} recorded earlier today.`,
    );
    expect(rows()).toHaveLength(1 + ids.length);
  },

  menuCompactHistory(session) {
    const { fake } = session;
    const sheet = fake.spreadsheet.sheet(HISTORY_TAB);
    const before = dumpValues(fake.spreadsheet)[HISTORY_TAB];
    // Twenty weekly check-ins of one goal in the first half of 2023: two quarter-ends stay.
    const old = Array.from({ length: 20 }, (_, w) => [
      new Date(Date.UTC(2023, 0, 3) + w * 7 * 86_400_000).toISOString().slice(0, 10),
      'OLD-1',
      '',
      '',
      w / 20,
      '',
      '',
      '',
    ]);
    sheet.insertRowsAfter(sheet.maxRows, old.length);
    sheet.getRange(before.length + 1, 1, old.length, 8).setValues(old);
    session.api.menuCompactHistory();
    expect(fake.spreadsheet.toasts.at(-1)?.message).toBe(
      `Compacted ${HISTORY_TAB}: kept ${before.length - 1 + 2} check-ins, removed 18 (weekly for 13 weeks, then month-ends, then quarter-ends).`,
    );
    const after = dumpValues(fake.spreadsheet)[HISTORY_TAB];
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((row) => row[0])).toEqual(['2023-03-28', '2023-05-16']);
    session.api.menuCompactHistory();
    expect(fake.spreadsheet.toasts.at(-1)?.message).toBe(
      `Nothing to compact in ${HISTORY_TAB}: ${before.length + 1} check-ins.`,
    );
  },

  menuLinkToParent(session) {
    const { fake } = session;
    fake.spreadsheet.selectCell('Content', rowOf(fake, 'Content', 'CT-2'), 1);
    session.api.menuLinkToParent();
    expect(fake.ui.sidebars.at(-1)!.getTitle()).toBe('MBO Cascade');
    expect(fake.ui.sidebars.at(-1)!.getContent()).toContain(`window.${INITIAL_VIEW_GLOBAL} = "link"`);
  },

  menuInsertGoalTab(session) {
    const { fake } = session;
    const before = tabNames(session);
    expect(before).not.toContain(SETTINGS_TAB);
    session.api.menuInsertGoalTab();
    expect(tabNames(session)).toEqual([...before, SETTINGS_TAB, 'Goals']);
    expect(fake.spreadsheet.toasts.at(-1)?.message).toBe(
      'Added the goal tab Goals and a Settings tab with the default rules.',
    );
    const goals = fake.spreadsheet.sheet('Goals');
    expect(dumpValues(fake.spreadsheet).Goals).toEqual([[...TEMPLATE_HEADERS]]);
    expect(TEMPLATE_CHOICES.Type).toEqual(['Outcome', 'Activity', 'Collaboration']);
    for (const [header, choices] of Object.entries(TEMPLATE_CHOICES)) {
      const col = TEMPLATE_HEADERS.indexOf(header as (typeof TEMPLATE_HEADERS)[number]) + 1;
      const dropdown = `VALUE_IN_LIST(${choices.join('|')}) dropdown warn`;
      expect(validationAt(session, 'Goals', 1, col), `${header} header`).toBeNull();
      expect(validationAt(session, 'Goals', 2, col), header).toBe(dropdown);
      expect(validationAt(session, 'Goals', goals.maxRows, col), header).toBe(dropdown);
    }
    const settings = dumpValues(fake.spreadsheet)[SETTINGS_TAB].map((row) => row[0]);
    expect(settings).toEqual(expect.arrayContaining(['Setting', 'Cap', 'Floor', 'Gap threshold']));
    const report = session.api.checkWorkbook() as CheckReport;
    expect(report.goalTabs, 'the new tab reads as a goal tab').toContain('Goals');
    expect(report.issues.filter((issue) => issue.tab === SETTINGS_TAB)).toEqual([]);

    session.api.menuInsertGoalTab();
    expect(tabNames(session)).toEqual([...before, SETTINGS_TAB, 'Goals', 'Goals 2']);
    expect(fake.spreadsheet.toasts.at(-1)?.message).toBe('Added the goal tab Goals 2.');
  },

  menuAddParentDropdowns(session, workbook) {
    const { fake } = session;
    const selected = activeCell(fake);
    session.api.menuAddParentDropdowns();
    const parentTabs = tabsWithHeaders(session, 'ID', 'Goal', 'Parent');
    expect(parentTabs).toEqual(
      expect.arrayContaining(['CMO', 'Demand Gen', 'Content', 'Field', 'Product Marketing']),
    );
    expect(fake.spreadsheet.toasts.at(-1)?.message).toBe(
      `Added a dropdown of goal IDs to ${parentTabs.length} Parent columns.`,
    );
    const seen = new Set<string>();
    const uniqueIds = goalIdsOf(workbook.tabs()).filter(
      (id) => !seen.has(id.toLowerCase()) && seen.add(id.toLowerCase()),
    );
    const list = fake.spreadsheet.sheet(IDS_TAB);
    expect(list.hidden).toBe(true);
    expect(
      dumpValues(fake.spreadsheet)
        [IDS_TAB].map((row) => row[0])
        .sort(),
    ).toEqual(uniqueIds.sort());
    const dropdown = `VALUE_IN_RANGE(${IDS_TAB}!A1:A${uniqueIds.length}) dropdown warn`;
    for (const tab of parentTabs) {
      const parent = dumpValues(fake.spreadsheet)[tab][0].indexOf('Parent') + 1;
      const sheet = fake.spreadsheet.sheet(tab);
      expect(validationAt(session, tab, 1, parent), `${tab} header`).toBeNull();
      for (let row = 2; row <= sheet.maxRows; row++) {
        const rule = validationAt(session, tab, row, parent);
        if (rule !== dropdown) expect(rule, `${tab} row ${row}`).toBe(dropdown);
      }
    }
    expect(activeCell(fake), 'the selection is where it was').toEqual(selected);
  },

  menuHelp(session) {
    const { fake } = session;
    session.api.menuHelp();
    const help = fake.ui.alerts.at(-1);
    expect(help).toBe(HELP_TEXT);
    expect(help).toContain('header row in its first 10 rows');
    expect(help).toContain(`Roll up rewrites only its own ${ROLLUP_TAB} tab`);
  },
};

it('every menu item has an end-to-end check', () => {
  expect(Object.keys(MENU_CHECKS).sort()).toEqual(MENU_ITEMS.map((item) => item.functionName).sort());
});

describe('the add-on menu, end to end in the built bundle', () => {
  describe.each(WORKBOOKS)('on the $name workbook', (workbook) => {
    let session: BundleSession;

    beforeAll(async () => {
      session = await startBundleSession(workbook.tabs());
    });

    it('loading the script makes no call; onOpen in AuthMode.NONE builds the menu and touches no spreadsheet', () => {
      const { fake } = session;
      expect(fake.log.snapshot(), 'calls made by loading the script').toEqual({});
      session.api.onOpen({ authMode: 'NONE' });
      expect(fake.ui.menus).toHaveLength(1);
      expect(fake.ui.menus[0].items).toEqual(EXPECTED_MENU);
      expect(fake.ui.menus[0].added).toBe(true);
      expect(Object.keys(fake.log.snapshot())).toEqual([
        'Menu.addItem',
        'Menu.addSeparator',
        'Menu.addToUi',
        'SpreadsheetApp.getUi',
        'Ui.createAddonMenu',
      ]);
    });

    it('onInstall builds the same menu, through onOpen', () => {
      const { fake } = session;
      fake.log.reset();
      session.api.onInstall({ authMode: 'FULL' });
      expect(fake.ui.menus).toHaveLength(2);
      expect(fake.ui.menus[1].items).toEqual(EXPECTED_MENU);
      expect(fake.ui.menus[1].added).toBe(true);
      expect(fake.log.countPrefix('Spreadsheet.')).toBe(0);
    });

    it.each(MENU_ITEMS.map((item) => ({ label: item.label, functionName: item.functionName })))(
      '$label ($functionName)',
      ({ functionName }) => {
        const alerts = session.fake.ui.alerts.length;
        MENU_CHECKS[functionName](session, workbook);
        // A handler that fails shows its message in an alert; only Check and Help alert on purpose.
        const expectedAlerts = functionName === 'menuCheckWorkbook' || functionName === 'menuHelp' ? 1 : 0;
        expect(session.fake.ui.alerts.slice(alerts)).toHaveLength(expectedAlerts);
      },
    );
  });
});
