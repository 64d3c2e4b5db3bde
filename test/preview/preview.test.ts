// The local preview in headless Chromium: edit cells, watch the Formulas tab recompute, and drive the real sidebar over the same spreadsheet.
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/server/api';
import { type RunningPreview, startPreview } from '../../tools/preview/start';
import { browserSuiteTitle, skipBrowserTests } from '../support/chromium';
import { openPreview, type PreviewBrowser } from './browser';

const root = join(import.meta.dirname, '../..');
const ARTIFACTS = join(root, 'test-artifacts');
const DOC_SCREENSHOT = join(root, 'docs/screenshots/preview.png');
const built = existsSync(join(root, 'dist/Sidebar.html'));
const HOSTILE_TEXT = '<img src=x onerror=alert(1)>';

/** Columns of the goal tabs and of the Formulas tab's MBO_CASCADE result. */
const GOAL = { id: 1, goal: 2, parent: 4, actual: 11 };
const CASCADE_ATTAINMENT = 9;

const title = 'the local preview in headless Chromium';
describe.skipIf(skipBrowserTests || !built)(
  built ? browserSuiteTitle(title) : `${title} — SKIPPED: run \`npm run build\` first`,
  () => {
    let preview: RunningPreview;
    let browser: PreviewBrowser;
    let page: Page;
    let sidebar: FrameLocator;

    beforeAll(async () => {
      await mkdir(ARTIFACTS, { recursive: true });
      preview = await startPreview();
      browser = await openPreview(preview.server.url);
      page = browser.page;
      sidebar = page.frameLocator('#sidebar');
      await page.goto(preview.server.url);
    });

    afterAll(async () => {
      await browser?.close();
      await preview?.close();
    });

    const cell = (ref: string): Locator => page.locator(`#grid td[data-ref="${ref}"]`);

    /** The row whose column A shows exactly `id`, on the tab shown. */
    async function rowOf(id: string): Promise<number> {
      const found = page.locator(`#grid td[data-col="${GOAL.id}"]`, { hasText: new RegExp(`^${id}$`) });
      await expect.poll(() => found.count()).toBe(1);
      return Number(await found.getAttribute('data-row'));
    }

    async function openTab(name: string): Promise<void> {
      await page.getByRole('tab', { name, exact: true }).click();
      await eventually(() => page.locator('#tab-strip .tab.selected').innerText()).toBe(name);
    }

    /** Clicks a cell, types as a user does (typing replaces the contents) and presses Enter. */
    async function typeInto(ref: string, text: string): Promise<void> {
      await cell(ref).click();
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
    }

    async function cascadeAttainment(id: string): Promise<string> {
      await openTab('Formulas');
      const row = await rowOf(id);
      return text(page.locator(`#grid td[data-row="${row}"][data-col="${CASCADE_ATTAINMENT}"]`));
    }

    it('opens on the first tab, beside the sidebar showing the check of the same workbook', async () => {
      await eventually(() => text(cell('A1'))).toBe('ID');
      await eventually(() => text(cell('B2'))).toBe('Grow marketing-sourced pipeline to $40M');
      const report = (await preview.session.rpc({ name: 'checkWorkbook', args: [] })) as {
        value: CheckReport;
      };
      const warnings = sidebar.getByTestId('count-warning').locator('.count-number');
      await eventually(() => text(warnings)).toBe(String(report.value.counts.warning));
    });

    it("the Formulas tab shows MBO_ results computed by the bundle: CT-1's 7.1M of 8M is 88.8%", async () => {
      await eventually(() => cascadeAttainment('CT-1')).toBe('88.8%');
      await eventually(() => text(cell('B5'))).toBe('50'); // MBO_NPS of the survey in row 4
      await screenshot('formulas');
    });

    it('editing an Actual on a team tab updates the spreadsheet and recomputes MBO_CASCADE', async () => {
      await openTab('Content');
      const row = await rowOf('CT-1');
      await typeInto(`K${row}`, '4000000');
      await eventually(() => text(cell(`K${row}`))).toBe('4,000,000');
      expect(preview.session.gas.spreadsheet.sheet('Content').peekCell(row, GOAL.actual).value).toBe(4000000);
      await eventually(() => cascadeAttainment('CT-1')).toBe('50.0%');
    });

    it("the sidebar's cascade shows the edit after a Refresh", async () => {
      await sidebar.getByRole('tab', { name: 'Cascade' }).click();
      await sidebar.getByRole('button', { name: 'Refresh' }).click();
      const meta = sidebar.locator('.node[data-id="CT-1"] .goal-meta');
      await eventually(() => text(meta)).toMatch('measured 50%');
      await openTab('Formulas');
      await cell('A7').click(); // the formula bar shows the formula behind the spilled table
      await eventually(() => page.locator('#formula-input').inputValue()).toMatch(
        /^=MBO_CASCADE\(CMO!A1:P20, /,
      );
      await screenshot('cascade', { docs: true });
    });

    it('Check from the sidebar lists the error an edit made; Select takes the grid to the cell', async () => {
      await openTab('Content');
      const row = await rowOf('CT-2');
      await typeInto(`K${row}`, 'TBD');
      await eventually(() => text(cell(`K${row}`))).toBe('TBD');
      await openTab('Formulas'); // elsewhere, so the jump back can be seen
      await sidebar.getByRole('tab', { name: 'Check' }).click();
      await sidebar.getByRole('button', { name: 'Re-check' }).click();
      await eventually(() => text(sidebar.getByTestId('count-error').locator('.count-number'))).toBe('1');
      const issue = sidebar.locator('#panel-check .issue', { hasText: 'CT-2' }).filter({ hasText: 'TBD' });
      await eventually(() => issue.count()).toBe(1);
      await screenshot('check');
      await issue.getByRole('button', { name: 'Select' }).click();
      await eventually(() => page.locator('#tab-strip .tab.selected').innerText()).toBe('Content');
      await eventually(() => page.locator('#grid td.selected').getAttribute('data-ref')).toBe(`K${row}`);
      await eventually(() => text(page.locator('#cell-name'))).toBe(`K${row}`);
    });

    it("Link from the sidebar writes the selected goal's Parent, and the grid shows it", async () => {
      await openTab('Demand Gen');
      const row = await rowOf('DG-1');
      await cell(`B${row}`).click();
      await sidebar.getByRole('tab', { name: 'Link' }).click();
      await eventually(() => text(sidebar.locator('#panel-link .goal-card'))).toMatch('DG-1');
      await sidebar.locator('#panel-link button.candidate[data-id="CMO-2"]').click();
      await eventually(() => text(cell(`D${row}`))).toBe('CMO-2');
    });

    it('Roll up from the sidebar adds a Roll-up tab to the grid', async () => {
      await sidebar.getByRole('tab', { name: 'Cascade' }).click();
      await sidebar.getByRole('button', { name: 'Roll up' }).click();
      await eventually(() => text(sidebar.locator('#panel-cascade .notice.success'))).toMatch(
        /Wrote \d+ goals/,
      );
      await eventually(() => page.getByRole('tab', { name: 'Roll-up' }).count()).toBe(1);
      await openTab('Roll-up');
      await eventually(() => text(cell('A1'))).toMatch(/^Computed by MBO Cascade/);
      await eventually(() => page.locator('#grid td', { hasText: /^CT-1$/ }).count()).toBeGreaterThan(0);
      await screenshot('rollup');
    });

    it("the add-on menu runs the bundle's handlers: Help shows its alert", async () => {
      await page.getByRole('button', { name: /Extensions/ }).click();
      await page.getByRole('menuitem', { name: 'Help' }).click();
      const alert = page.getByRole('alertdialog');
      await eventually(() => text(alert)).toMatch('every tab with a header row in its first 10 rows');
      await alert.getByRole('button', { name: 'OK' }).click();
      await eventually(() => alert.count()).toBe(0);
    });

    it('text typed into a cell shows as text and runs nothing', async () => {
      await openTab('CMO');
      await typeInto('Q2', HOSTILE_TEXT);
      await eventually(() => text(cell('Q2'))).toBe(HOSTILE_TEXT);
      expect(await page.locator('img').count()).toBe(0);
      expect(browser.dialogs).toEqual([]);
    });

    it('typing fast into cell after cell keeps every cell, across Tab, Enter and a refresh mid-way', async () => {
      await openTab('Field');
      const values = () => preview.session.gas.spreadsheet.sheet('Field');
      await cell('A30').click();
      // No pause for the server between keys: each commit's refresh arrives while the next cell is being typed.
      for (const value of ['w1', 'w2', 'w3', 'w4']) {
        await page.keyboard.type(value, { delay: 0 });
        await page.keyboard.press('Tab');
      }
      await cell('A32').click();
      for (const value of ['11', '12', '13', '14', '15']) {
        await page.keyboard.type(value, { delay: 0 });
        await page.keyboard.press('Enter');
      }
      const row30 = () => [1, 2, 3, 4].map((c) => values().peekCell(30, c).value);
      const column = () => [32, 33, 34, 35, 36].map((r) => values().peekCell(r, 1).value);
      await eventually(row30).toEqual(['w1', 'w2', 'w3', 'w4']);
      await eventually(column).toEqual([11, 12, 13, 14, 15]);
      // And the grid shows them all once the server has answered.
      await eventually(() => Promise.all(['A30', 'B30', 'C30', 'D30'].map((ref) => text(cell(ref))))).toEqual(
        ['w1', 'w2', 'w3', 'w4'],
      );
      await eventually(() =>
        Promise.all(['A32', 'A33', 'A34', 'A35', 'A36'].map((ref) => text(cell(ref)))),
      ).toEqual(['11', '12', '13', '14', '15']);
    });

    it('Shift+Tab moves back a cell, from the grid and from a cell being edited', async () => {
      await openTab('Field');
      await cell('D40').click();
      await page.keyboard.press('Shift+Tab');
      await eventually(() => page.locator('#grid td.selected').getAttribute('data-ref')).toBe('C40');
      await page.keyboard.type('back');
      await page.keyboard.press('Shift+Tab');
      await eventually(() => page.locator('#grid td.selected').getAttribute('data-ref')).toBe('B40');
      await eventually(() => preview.session.gas.spreadsheet.sheet('Field').peekCell(40, 3).value).toBe(
        'back',
      );
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('grid-scroll');
    });

    it('text running on over empty cells is clipped at the next cell that holds something', async () => {
      await openTab('Field');
      await typeInto('F42', 'x');
      await typeInto(
        'C42',
        'A long note that runs on over the empty cells to its right, and far beyond them',
      );
      await eventually(() => cell('C42').locator('.overflow-text').count()).toBe(1);
      const reach = await page.evaluate(() => {
        const rect = (ref: string) =>
          document.querySelector(`#grid td[data-ref="${ref}"]`)!.getBoundingClientRect();
        const shown = document.querySelector('#grid td[data-ref="C42"] .overflow-text')!;
        return {
          textRight: shown.getBoundingClientRect().right,
          stop: rect('F42').left,
          start: rect('D42').left,
        };
      });
      expect(reach.textRight, 'runs on over D and E').toBeGreaterThan(reach.start);
      expect(reach.textRight, 'stops at F, which holds x').toBeLessThanOrEqual(reach.stop + 1);
    });

    it('loaded nothing remote and raised no page errors', () => {
      expect(browser.blocked).toEqual([]);
      expect(browser.errors).toEqual([]);
      expect(browser.dialogs).toEqual([]);
    });

    async function screenshot(name: string, options: { docs?: boolean } = {}): Promise<void> {
      await page.mouse.move(0, 0);
      const path = join(ARTIFACTS, `preview-${name}.png`);
      await page.screenshot({ path });
      // docs/screenshots is committed: refreshed only when asked, so a test run leaves the tree clean.
      if (options.docs && process.env.UPDATE_SCREENSHOTS) await copyFile(path, DOC_SCREENSHOT);
    }
  },
);

/** Retries an assertion for a while: the page updates after the server answers. */
function eventually<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 10_000, interval: 50 });
}

/** The visible text of every element the locator matches, joined; '' when none (never waits). */
async function text(locator: Locator): Promise<string> {
  return (await locator.allInnerTexts()).join('\n');
}
