// The sidebar in headless Chromium on three vendors' goal imports opened as Sheets: Culture Amp (key results in numbered columns), BigPicture (outline numbers), Peoplebox (a foreign Goal Type column, e-mail owners).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport, IssueView } from '../../src/server/api';
import { issuePlace } from '../../src/ui/format';
import { bigpictureOkrImport, cultureAmpIndividualGoals, peopleboxGoalsImportV2 } from '../fixtures/layouts';
import type { ExpectedGoal, LayoutFixture } from '../fixtures/layouts/types';
import { type BundleSession, startBundleSession } from '../support/bundle-session';
import { browserSuiteTitle, skipBrowserTests } from '../support/chromium';
import { layoutSession } from '../support/layout-sheets';
import {
  openSidebar,
  type ServerFunction,
  type SidebarBrowser,
  type SidebarServer,
  serveSidebar,
} from './harness';
import { activeCell, disabled, eventually, expandAll, text } from './page-helpers';

/** The fixture's goals in the order the Cascade tree shows them (each goal, then its subtree), with their level. */
function expectedTree(fixture: LayoutFixture): [string, number][] {
  const goals = fixture.expect.goals;
  const isChild = (child: ExpectedGoal, parent: ExpectedGoal) =>
    child.parentTitle === parent.title && (child.parentTab ?? child.tab) === parent.tab;
  const rows: [string, number][] = [];
  const walk = (goal: ExpectedGoal, level: number) => {
    rows.push([goal.title, level]);
    for (const child of goals.filter((g) => isChild(g, goal))) walk(child, level + 1);
  };
  for (const root of goals.filter((g) => g.parentTitle === null)) walk(root, 1);
  return rows;
}

/** What the Cascade tree shows, top to bottom: each node's title and level. */
async function shownTree(page: Page): Promise<[string, number][]> {
  return page
    .locator('#panel-cascade .node')
    .evaluateAll((nodes) =>
      nodes.map((node) => [
        node.querySelector('.goal-title')?.textContent ?? '',
        Number(node.getAttribute('aria-level')),
      ]),
    ) as Promise<[string, number][]>;
}

/** Every issue the Check panel lists: its message and the place under it, sorted. */
async function shownIssues(page: Page): Promise<[string, string][]> {
  const rows = await page
    .locator('#panel-check .issue')
    .evaluateAll((items) =>
      items.map((item) => [
        item.querySelector('.issue-message')?.textContent ?? '',
        item.querySelector('.issue-text .secondary')?.textContent ?? '',
      ]),
    );
  return (rows as [string, string][]).sort();
}

const issueRows = (issues: readonly IssueView[]): [string, string][] =>
  issues.map((issue): [string, string] => [issue.message, issuePlace(issue)]).sort();

describe.skipIf(skipBrowserTests)(browserSuiteTitle('the sidebar on vendors’ goal imports'), () => {
  // One browser and one page server for the file; each fixture gets its own fake spreadsheet and bundle behind them.
  let current: BundleSession;
  let server: SidebarServer;
  let browser: SidebarBrowser;
  const page = () => browser.page;
  const cascade = () => page().locator('#panel-cascade');
  const check = () => page().locator('#panel-check');
  const link = () => page().locator('#panel-link');
  const node = (id: string) => cascade().locator(`.node[data-id="${id}"]`);

  beforeAll(async () => {
    current = await startBundleSession({});
    const forward =
      (name: string): ServerFunction =>
      (...args) =>
        current.api[name](...args);
    const api = Object.fromEntries(Object.keys(current.api).map((name) => [name, forward(name)]));
    server = await serveSidebar(() => current.fake.ui.sidebars.at(-1)!.getContent(), api);
    browser = await openSidebar(server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens the fixture as the active spreadsheet and the sidebar over it, on the Check panel. */
  async function openWorkbook(fixture: LayoutFixture): Promise<void> {
    const { tabs, options } = layoutSession(fixture);
    current = await startBundleSession(tabs, options);
    current.api.showSidebar();
    await page().goto(server.url);
    await page().waitForFunction(() => !(document.getElementById('app') as HTMLFieldSetElement).disabled);
  }

  async function showCascade(): Promise<void> {
    await page().getByRole('tab', { name: 'Cascade' }).click();
    await eventually(() => cascade().locator('.node').count()).toBeGreaterThan(0);
    await expandAll(page());
  }

  /** Check lists every issue of the server's report, each with its place; the counts match. */
  async function checkShowsReport(): Promise<CheckReport> {
    await page().getByRole('tab', { name: 'Check' }).click();
    const report = current.api.checkWorkbook() as CheckReport;
    await eventually(() => shownIssues(page())).toEqual(issueRows(report.issues));
    expect(await text(check().getByTestId('count-warning').locator('.count-number'))).toBe(
      String(report.counts.warning),
    );
    return report;
  }

  describe('Culture Amp individual goals: key results in numbered columns', () => {
    const fixture = cultureAmpIndividualGoals;
    const tab = fixture.tabs[0].name;
    const goalId = `${tab}!4`;
    const kr1 = `${goalId} KR1`;
    const krTitleColumn = fixture.tabs[0].grid[0].indexOf('key_result_1_title') + 1;

    beforeAll(() => openWorkbook(fixture));

    it('Check: every issue with its place; no column named that the tab lacks', async () => {
      const report = await checkShowsReport();
      expect(report.goalCount).toBe(fixture.expect.goals.length);
      const places = (await shownIssues(page())).map(([, place]) => place);
      // The import has no Type column: the advice about Outcomes says so rather than naming one.
      expect(places).toContain(`row 4 · no Type column · ${goalId}`);
      expect(places.filter((place) => / · Type\b/.test(place))).toEqual([]);
    });

    it('Cascade: each key result under its goal, rolled up by it', async () => {
      await showCascade();
      expect(await shownTree(page())).toEqual(expectedTree(fixture));
      // The average of 40% and 75%, rounded as people round it.
      expect(await text(node(goalId).locator('.goal-meta').first())).toContain('rolled up 58%');
      expect(await text(node(kr1).locator('.goal-meta'))).toContain('measured 40%');
    });

    it('Cascade: selecting a key result goes to its own title cell (the row is its goal’s), the goal to its row', async () => {
      await node(kr1).locator('button.goal').click();
      await eventually(() => activeCell(current.fake)).toEqual({ tab, row: 4, col: krTitleColumn });
      await node(goalId).locator('button.goal').first().click();
      await eventually(() => activeCell(current.fake)).toEqual({ tab, row: 4, col: 1 });
    });

    it('Link: a key result selected in its columns is refused with the server’s reason', async () => {
      const reason = `"Rank top 3 for 10 priority keywords" is a key result of ${goalId}, written in the key-result columns of its row: it trees up to ${goalId}. Link ${goalId} instead.`;
      current.fake.spreadsheet.selectCell(tab, 4, krTitleColumn);
      await page().getByRole('tab', { name: 'Link' }).click();
      await eventually(() => text(link().locator('.goal-card'))).toContain(
        `${kr1} Rank top 3 for 10 priority keywords`,
      );
      const other = link().locator(`button.candidate[data-id="${tab}!2"]`);
      await eventually(() => disabled(other)).toBe(true);
      // Said once above the list, not on each of the six candidates.
      expect(await text(link().locator('.refusal'))).toBe(reason);
      expect(await text(other)).not.toContain(reason);
      expect(await link().locator('button.candidate:enabled').count()).toBe(0);
      // Its only way to a parent from the panel, Remove parent, gets the server's refusal, and nothing is written.
      const before = JSON.stringify(current.fake.spreadsheet.sheet(tab).data);
      await link().getByRole('button', { name: 'Remove parent' }).click();
      await eventually(() => text(link().locator('.notice.error'))).toBe(reason);
      expect(JSON.stringify(current.fake.spreadsheet.sheet(tab).data)).toBe(before);
    });

    it('Link: the goal of the row cannot take a parent either: the import has no Parent column, said once', async () => {
      current.fake.spreadsheet.selectCell(tab, 4, 2);
      await link().getByTestId('use-selection').click();
      await eventually(() => text(link().locator('.goal-card'))).toContain(
        `${goalId} Grow organic search traffic`,
      );
      await eventually(() => text(link().locator('.refusal'))).toBe(
        `Tab "${tab}" has no Parent column: add a column headed Parent, then link again.`,
      );
      expect(await link().locator('button.candidate:enabled').count()).toBe(0);
    });

    it('ran without page errors, dialogs or requests elsewhere', () => {
      expect([browser.errors, browser.dialogs, browser.blocked]).toEqual([[], [], []]);
    });
  });

  describe('BigPicture OKR import: the hierarchy in outline numbers', () => {
    const fixture = bigpictureOkrImport;
    const tab = fixture.tabs[0].name;

    beforeAll(() => openWorkbook(fixture));

    it('Check: every issue with its place, the foreign Type column and the period mismatch on their cells', async () => {
      await checkShowsReport();
      const shown = await shownIssues(page());
      const at = (code: string) => {
        const report = current.api.checkWorkbook() as CheckReport;
        return report.issues.filter((i) => i.code === code).map(issuePlace);
      };
      expect(at('foreign-type-column')).toEqual(['B1 · Type']);
      expect(at('period-mismatch')).toEqual([`E6 · Period · ${tab}!6`]);
      expect(shown.map(([, place]) => place)).toContain(`E6 · Period · ${tab}!6`);
    });

    it('Cascade: the outline depth as levels (1, 1.1, 1.1.1)', async () => {
      await showCascade();
      expect(await shownTree(page())).toEqual(expectedTree(fixture));
      expect(expectedTree(fixture).map(([, level]) => level)).toEqual([1, 2, 3, 2, 3, 3]);
    });

    it('Cascade: selecting a key result (1.2.2) goes to its row', async () => {
      await node(`${tab}!7`).locator('button.goal').click();
      await eventually(() => activeCell(current.fake)).toEqual({ tab, row: 7, col: 1 });
    });

    it('ran without page errors, dialogs or requests elsewhere', () => {
      expect([browser.errors, browser.dialogs, browser.blocked]).toEqual([[], [], []]);
    });
  });

  describe('Peoplebox goals import: a foreign Goal Type column and e-mail co-owners', () => {
    const fixture = peopleboxGoalsImportV2;
    const tab = fixture.tabs[0].name;
    const goalTypeColumn = fixture.tabs[0].grid[0].indexOf('Goal Type') + 1;

    beforeAll(() => openWorkbook(fixture));

    it('Check: the Goal Type column’s warning on its header cell, every other issue with its place', async () => {
      await checkShowsReport();
      const foreign = check().locator('.issue[data-code="foreign-type-column"]');
      expect(await text(foreign.locator('.issue-message'))).toContain('"Goal Type" column holds');
      expect(await text(foreign.locator('.issue-text .secondary'))).toBe(
        `${String.fromCharCode(64 + goalTypeColumn)}1 · Type`,
      );
      await foreign.getByRole('button', { name: /^Select/ }).click();
      await eventually(() => activeCell(current.fake)).toEqual({ tab, row: 1, col: goalTypeColumn });
    });

    it('Cascade: the Parent Row IDs as levels; two owners in one cell shown as written, within the sidebar', async () => {
      await showCascade();
      expect(await shownTree(page())).toEqual(expectedTree(fixture));
      const grid = fixture.tabs[0].grid;
      const ownersCell = String(grid[6][grid[0].indexOf('Owner Emails')]);
      expect(ownersCell, 'row 7 has two owners').toMatch(/^[^,]+@[^,]+,\s*[^,]+@/);
      const owners = await cascade().locator('.goal-owner').allInnerTexts();
      expect(owners).toContain(ownersCell);
      expect(
        await page().evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
        'no sideways scrolling',
      ).toBe(true);
    });

    it('Cascade: selecting a child goal goes to its row', async () => {
      const child = fixture.expect.goals.find((g) => g.parentTitle !== null)!;
      await cascade().locator('button.goal', { hasText: child.title }).click();
      await eventually(() => activeCell(current.fake)).toEqual({ tab, row: child.row, col: 1 });
    });

    it('ran without page errors, dialogs or requests elsewhere', () => {
      expect([browser.errors, browser.dialogs, browser.blocked]).toEqual([[], [], []]);
    });
  });
});
