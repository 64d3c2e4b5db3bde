// Clicks through the built sidebar in headless Chromium; every call runs the built server bundle on a fake spreadsheet.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CascadeView, CheckReport, GoalView } from '../../src/server/api';
import { createFakeGas, dumpValues, type FakeGas, type FakeTabs } from '../../tools/gas-fake';
import { type LoadedBundle, loadBundle } from '../../tools/load-bundle';
import { marketingWorkbook } from '../../tools/samples/marketing';
import {
  CHROMIUM,
  illegalValuePath,
  openSidebar,
  type ServerFunction,
  type SidebarBrowser,
  type SidebarServer,
  serveSidebar,
} from './harness';

const root = join(import.meta.dirname, '../..');
const ARTIFACTS = join(root, 'test-artifacts');
const SCREENSHOTS = join(root, 'docs/screenshots');
const HOSTILE_TITLE = '<img src=x onerror=alert(1)>';
const hasChromium = existsSync(CHROMIUM);

/** The marketing sample, plus a goal whose title is markup (it must show as text) and one with two errors. */
function workbook(): FakeTabs {
  const tabs: FakeTabs = Object.fromEntries(marketingWorkbook().map((tab) => [tab.name, tab.grid]));
  const content = tabs.Content.map((row) => [...row]);
  content.push(
    [
      'CT-5',
      HOSTILE_TITLE,
      'Omar Haddad',
      'CT-1',
      'Activity',
      'Tutorials',
      'count',
      'higher',
      '',
      10,
      4,
      0.1,
      '',
      '',
      'FY2026',
      '',
    ],
    [
      'CT-6',
      'Grow newsletter subscribers to 20k',
      'Priya Nair',
      'CMO-9',
      'Outcome',
      'Subscribers',
      'count',
      'higher',
      '',
      20000,
      'about 15k',
      '',
      '',
      '',
      'FY2026',
      'Unknown parent, unreadable actual',
    ],
  );
  return { ...tabs, Content: content };
}

/** Header columns of a tab, 1-based, by lower-case name. */
function columnOf(fake: FakeGas, tab: string, header: string): number {
  const headers = dumpValues(fake.spreadsheet)[tab][0].map((h) => String(h).toLowerCase());
  return headers.indexOf(header.toLowerCase()) + 1;
}

function rowOf(fake: FakeGas, tab: string, id: string): number {
  return dumpValues(fake.spreadsheet)[tab].findIndex((row) => row[0] === id) + 1;
}

function activeCell(fake: FakeGas): { tab: string; row: number; col: number } {
  const range = fake.spreadsheet.activeRange;
  return { tab: fake.spreadsheet.activeSheet?.name ?? '', row: range?.row ?? 0, col: range?.column ?? 0 };
}

/** The panels the README shows; the other pictures (busy, error, search) stay in test-artifacts. */
const DOC_SCREENSHOTS = new Set(['check', 'link', 'cascade']);

async function screenshot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0); // no hover highlight in the picture
  const path = join(ARTIFACTS, `sidebar-${name}.png`);
  await page.screenshot({ path }); // the viewport: what the sidebar shows at once
  // docs/screenshots is committed: refresh it only when asked, so a test run leaves the tree clean.
  if (process.env.UPDATE_SCREENSHOTS && DOC_SCREENSHOTS.has(name)) {
    await copyFile(path, join(SCREENSHOTS, `sidebar-${name}.png`));
  }
}

describe('illegalValuePath (what google.script.run can carry)', () => {
  it.each([
    ['plain data', { a: [1, 'x', true, null, { b: 2 }] }, null],
    ['a Date', { checkedAt: new Date(0) }, 'result.checkedAt'],
    ['a Date deep in an array', { goals: [{}, { at: new Date(0) }] }, 'result.goals[1].at'],
    ['a function', { run: () => 1 }, 'result.run'],
    ['NaN', [Number.NaN], 'result[0]'],
    ['a class instance', new Map(), 'result'],
  ])('%s', (_name, value, path) => {
    expect(illegalValuePath(value)).toBe(path);
  });
});

describe.skipIf(!hasChromium)(
  `the sidebar in headless Chromium${hasChromium ? '' : ` — SKIPPED: ${CHROMIUM} not found (apt-get install chromium)`}`,
  () => {
    let fake: FakeGas;
    let bundle: LoadedBundle;
    let server: SidebarServer;
    let browser: SidebarBrowser;
    let page: Page;
    const api = () => bundle.functions as Record<string, ServerFunction>;

    beforeAll(async () => {
      await mkdir(ARTIFACTS, { recursive: true });
      if (process.env.UPDATE_SCREENSHOTS) await mkdir(SCREENSHOTS, { recursive: true });
      const sidebarFile = join(root, 'dist/Sidebar.html');
      if (!existsSync(sidebarFile))
        throw new Error('dist/Sidebar.html is missing: run `npm run build` first');
      fake = createFakeGas({ tabs: workbook(), htmlFiles: { Sidebar: await readFile(sidebarFile, 'utf8') } });
      bundle = loadBundle({
        SpreadsheetApp: fake.SpreadsheetApp,
        LockService: fake.LockService,
        HtmlService: fake.HtmlService,
        Charts: fake.Charts,
      });
      api().showSidebar(); // the menu's Open sidebar
      server = await serveSidebar(shownSidebar, api());
      browser = await openSidebar(server.url);
      page = browser.page;
      await page.goto(server.url);
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    /** The page the add-on last handed to showSidebar, as Apps Script would serve it. */
    function shownSidebar(): string {
      const shown = fake.ui.sidebars.at(-1);
      if (!shown) throw new Error('The server has not opened a sidebar');
      return shown.getContent();
    }

    it('opens on Check: counts at the top, issues grouped by severity then tab', async () => {
      const report = api().checkWorkbook() as CheckReport;
      await eventually(() => text(page.getByTestId('count-error').locator('.count-number'))).toBe(
        String(report.counts.error),
      );
      await eventually(() => text(page.getByTestId('count-warning').locator('.count-number'))).toBe(
        String(report.counts.warning),
      );
      await eventually(() => text(page.getByTestId('count-info').locator('.count-number'))).toBe(
        String(report.counts.info),
      );
      const check = page.locator('#panel-check');
      await eventually(() => check.locator('.issue').count()).toBe(report.issues.length);
      const severities = await check
        .locator('.group')
        .evaluateAll((groups) => groups.map((g) => (g as HTMLElement).dataset.severity));
      expect(severities).toEqual(
        ['error', 'warning', 'info'].filter((s) => report.issues.some((i) => i.severity === s)),
      );
      await screenshot(page, 'check');
    });

    it("an issue's Select button moves the sheet's active cell to it", async () => {
      const report = api().checkWorkbook() as CheckReport;
      const target = report.issues.find((issue) => issue.tab && issue.row > 0 && issue.col > 0);
      expect(target, 'an issue pointing at a cell').toBeDefined();
      const item = page.locator('#panel-check .issue', { hasText: target!.message }).first();
      await item.getByRole('button', { name: 'Select' }).click();
      await eventually(() => activeCell(fake)).toEqual({
        tab: target!.tab,
        row: target!.row,
        col: target!.col,
      });
    });

    it('shows progress while a call runs: the sidebar is disabled and says what it is doing', async () => {
      const release = server.hold();
      try {
        await page.getByRole('button', { name: 'Re-check' }).click();
        const toast = page.locator('#progress .toast');
        await eventually(() => toast.isVisible()).toBe(true);
        await eventually(() => text(toast)).toMatch('Checking the workbook');
        await eventually(() => disabled(page.getByRole('button', { name: 'Re-check' }))).toBe(true);
        await eventually(() => disabled(page.getByRole('tab', { name: 'Cascade' }))).toBe(true);
        await screenshot(page, 'busy');
      } finally {
        release();
      }
      await eventually(() => page.locator('#progress .toast').isVisible()).toBe(false);
      await eventually(() => disabled(page.getByRole('button', { name: 'Re-check' }))).toBe(false);
    });

    it('Link: the selected goal, searchable parents, cycle-making ones disabled with the reason', async () => {
      const row = rowOf(fake, 'Demand Gen', 'DG-1');
      fake.spreadsheet.selectCell('Demand Gen', row, 2);
      await page.getByRole('tab', { name: 'Link' }).click();
      const link = page.locator('#panel-link');
      await eventually(() => text(link.locator('.goal-card'))).toMatch('DG-1');
      await eventually(() => text(link.locator('.goal-card'))).toMatch('aligns to CMO-1');

      // DG-2 sits under DG-1, and DG-6 under DG-2: either as DG-1's parent would close a loop.
      for (const below of ['DG-2', 'DG-6']) {
        const candidate = link.locator(`button.candidate[data-id="${below}"]`);
        await eventually(() => disabled(candidate)).toBe(true);
        await eventually(() => text(candidate)).toMatch('Would make a cycle');
      }
      expect(
        await link.locator('button.candidate[data-id="DG-1"]').count(),
        'the goal itself is no choice',
      ).toBe(0);

      await screenshot(page, 'link');

      await link.getByRole('searchbox').fill('influenced revenue');
      await eventually(() => link.locator('button.candidate').count()).toBe(1);
      await eventually(() => text(link.locator('button.candidate'))).toMatch('CMO-2');
    });

    it('Link: choosing a parent writes the Parent cell and says so', async () => {
      const link = page.locator('#panel-link');
      await link.locator('button.candidate[data-id="CMO-2"]').click();
      await eventually(() => text(link.locator('.notice.success'))).toMatch('DG-1 now aligns to CMO-2');
      const parent = dumpValues(fake.spreadsheet)['Demand Gen'][rowOf(fake, 'Demand Gen', 'DG-1') - 1][
        columnOf(fake, 'Demand Gen', 'Parent') - 1
      ];
      expect(parent).toBe('CMO-2');
      await eventually(() => text(link.locator('.goal-card'))).toMatch('aligns to CMO-2');
      await link.getByRole('searchbox').fill('');
      await eventually(() => text(link.locator('button.candidate[data-id="CMO-2"]'))).toMatch(
        'Current parent',
      );
    });

    it('Link: Add Parent dropdowns reports the columns it covered', async () => {
      const link = page.locator('#panel-link');
      await link.getByRole('button', { name: 'Add Parent dropdowns' }).click();
      await eventually(() => text(link.locator('.notice.success'))).toMatch(
        /Added a dropdown of goal IDs to \d+ Parent columns?/,
      );
    });

    it('Cascade: the tree with status colours, measured vs rolled up, and alignment gaps flagged', async () => {
      const view = api().getCascade() as CascadeView;
      const byId = new Map(view.goals.map((goal) => [goal.id, goal]));
      await page.getByRole('tab', { name: 'Cascade' }).click();
      const cascade = page.locator('#panel-cascade');
      for (const rootId of view.roots) {
        await eventually(() => cascade.locator(`.node[data-id="${rootId}"]`).isVisible()).toBe(true);
      }
      await eventually(() => cascade.locator('.node[data-id="DG-1"]').getAttribute('aria-level')).toBe('2'); // under CMO-2 now

      const shown = await shownIds(page);
      expect(
        shown.some((id) => byId.get(id)?.gap !== null),
        'some shown goal has a gap',
      ).toBe(true);
      for (const id of shown) {
        const goal = byId.get(id)!;
        const node = cascade.locator(`.node[data-id="${id}"]`);
        expect(await node.getAttribute('class'), id).toContain(`status-${goal.status.replace(/ /g, '-')}`);
        expect(await node.locator('.gap-flag').count(), `${id} gap flag`).toBe(goal.gap === null ? 0 : 1);
        const figures = await text(node.locator('.goal-meta'));
        if (goal.measured !== null)
          expect(figures, id).toContain(`measured ${Math.round(goal.measured * 100)}%`);
        if (goal.rolledUp !== null)
          expect(figures, id).toContain(`rolled up ${Math.round(goal.rolledUp * 100)}%`);
      }
    });

    it('Cascade: nodes collapse and expand', async () => {
      const cascade = page.locator('#panel-cascade');
      await cascade.getByRole('button', { name: 'Collapse CMO-1', exact: true }).click();
      await eventually(() => cascade.locator('.node[data-id="CT-1"]').count()).toBe(0);
      await eventually(() => cascade.locator('.node[data-id="CMO-1"]').getAttribute('aria-expanded')).toBe(
        'false',
      );
      await screenshot(page, 'cascade'); // CMO-1 folded, so CMO-2's tree and its alignment gap show
      await cascade.getByRole('button', { name: 'Expand CMO-1', exact: true }).click();
      await eventually(() => cascade.locator('.node[data-id="CT-1"]').isVisible()).toBe(true);
    });

    it('Cascade: search keeps the matches and their ancestors only', async () => {
      const view = api().getCascade() as CascadeView;
      const cascade = page.locator('#panel-cascade');
      await cascade.getByRole('searchbox').fill('webinar');
      const expected = withAncestors(view, (goal) => goal.title.toLowerCase().includes('webinar'));
      await eventually(() => shownIds(page)).toEqual(expected);
      await eventually(() => text(cascade.locator('mark').first())).toMatch(/webinar/i);
      await screenshot(page, 'cascade-search');
    });

    it('Cascade: clicking a goal selects its row in the sheet', async () => {
      const view = api().getCascade() as CascadeView;
      const webinar = view.goals.find((goal) => goal.title.toLowerCase().includes('webinar'))!;
      await page.locator(`#panel-cascade .node[data-id="${webinar.id}"] button.goal`).click();
      await eventually(() => activeCell(fake)).toMatchObject({ tab: webinar.tab, row: webinar.row });
    });

    it('a goal titled with markup shows as text and runs nothing', async () => {
      const cascade = page.locator('#panel-cascade');
      await cascade.getByRole('searchbox').fill('onerror');
      const title = cascade.locator('.node[data-id="CT-5"] .goal-title');
      await eventually(() => text(title)).toBe(HOSTILE_TITLE);
      expect(await page.locator('img').count()).toBe(0);
      expect(browser.dialogs).toEqual([]);
      await cascade.getByRole('searchbox').fill('');
    });

    it('Roll up writes the Roll-up tab and reports what it wrote', async () => {
      const cascade = page.locator('#panel-cascade');
      await cascade.getByRole('button', { name: 'Roll up' }).click();
      await eventually(() => text(cascade.locator('.notice.success'))).toMatch(
        /Wrote \d+ goals and \d+ scorecards to the .+ tab\./,
      );
      expect(fake.spreadsheet.sheets.map((sheet) => sheet.name)).toContain('Roll-up');
    });

    it('a failing call shows its error message', async () => {
      fake.log.failAfter(0, { always: true });
      try {
        const cascade = page.locator('#panel-cascade');
        await cascade.getByRole('button', { name: 'Roll up' }).click();
        await eventually(() => text(cascade.locator('.notice.error'))).toMatch('Injected fault');
        await eventually(() => disabled(cascade.getByRole('button', { name: 'Roll up' }))).toBe(false);
        await screenshot(page, 'error');
      } finally {
        fake.log.heal();
      }
    });

    it("the menu's Link item opens the sidebar on the Link panel", async () => {
      fake.spreadsheet.selectCell('Content', rowOf(fake, 'Content', 'CT-2'), 1);
      api().menuLinkToParent();
      await page.goto(server.url);
      await eventually(() => page.getByRole('tab', { name: 'Link' }).getAttribute('aria-selected')).toBe(
        'true',
      );
      await eventually(() => text(page.locator('#panel-link .goal-card'))).toMatch('CT-2');
    });

    it('loaded nothing remote and raised no page errors', () => {
      expect(browser.blocked).toEqual([]);
      expect(browser.errors).toEqual([]);
      expect(browser.dialogs).toEqual([]);
    });
  },
);

/** IDs of goals matching `match` and of all their ancestors, in no particular order (sorted). */
function withAncestors(view: CascadeView, match: (goal: GoalView) => boolean): string[] {
  const parentOf = new Map<string, string>();
  for (const goal of view.goals) for (const child of goal.children) parentOf.set(child, goal.id);
  const ids = new Set<string>();
  for (const goal of view.goals.filter(match)) {
    for (let at: string | undefined = goal.id; at !== undefined && !ids.has(at); at = parentOf.get(at))
      ids.add(at);
  }
  return [...ids].sort();
}

async function shownIds(page: Page): Promise<string[]> {
  const ids = await page
    .locator('#panel-cascade .node')
    .evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.id ?? ''));
  return ids.sort();
}

/** Retries an assertion for a while: the page updates after the server answers. */
function eventually<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 10_000, interval: 50 });
}

/** The visible text of every element the locator matches, joined; '' when none (never waits). */
async function text(locator: Locator): Promise<string> {
  return (await locator.allInnerTexts()).join('\n');
}

/** Whether the first match is disabled, counting a disabled <fieldset> around it; null when absent. */
async function disabled(locator: Locator): Promise<boolean | null> {
  const states = await locator.evaluateAll((elements) =>
    elements.map((element) => element.matches(':disabled')),
  );
  return states[0] ?? null;
}
