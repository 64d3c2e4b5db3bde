// The sidebar tried as a new user would: keyboard, screen reader names, contrast, long IDs, errors and staleness in the tree.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CascadeView, CheckReport } from '../../src/server/api';
import type { FakeCellInput, FakeTabs } from '../../tools/gas-fake';
import { browserSuiteTitle, skipBrowserTests } from '../support/chromium';
import { columnOf, disabled, eventually, rowOf, text } from './page-helpers';
import { type SidebarSession, startSidebarSession } from './session';
import { brokenWorkbook } from './workbooks';

/** The focused element's tab label and whether that tab is the selected one. */
async function focusedTab(page: Page): Promise<{ label: string; selected: string | null }> {
  return page.evaluate(() => {
    const active = document.activeElement;
    return {
      label:
        active?.getAttribute('role') === 'tab'
          ? (active.textContent ?? '')
          : `(not a tab: ${active?.tagName})`,
      selected: active?.getAttribute('aria-selected') ?? null,
    };
  });
}

/** Waits until no server call runs: the form is enabled again. */
async function idle(page: Page): Promise<void> {
  await eventually(() => disabled(page.locator('#app'))).toBe(false);
}

/** An ID of 40 characters, as some companies' goal codes are. */
const LONG_ID = 'MKT-2026-NA-ENTERPRISE-PIPELINE-SOURCED1';

/** The broken workbook (loops, duplicates, junk numbers) plus a goal with a long ID under CMO-1. */
function newUserWorkbook(): FakeTabs {
  const tabs = brokenWorkbook();
  const header = tabs.Content[0].map(String);
  const cells: Record<string, FakeCellInput> = {
    ID: LONG_ID,
    Goal: 'Enterprise pipeline sourced in North America',
    Owner: 'Priya Nair',
    Parent: 'CMO-1',
    Type: 'Outcome',
    Metric: 'Sourced pipeline',
    Unit: '$',
    Target: 4_000_000,
    Actual: 1_000_000,
    Period: 'FY2026',
  };
  return { ...tabs, Content: [...tabs.Content, header.map((name) => cells[name] ?? '')] };
}

function session(tabs: () => FakeTabs) {
  let current: SidebarSession;
  beforeAll(async () => {
    current = await startSidebarSession(tabs());
    current.api.showSidebar();
    await current.page.goto(current.server.url);
    await current.page.waitForFunction(
      () => !(document.getElementById('app') as HTMLFieldSetElement).disabled,
    );
  });
  afterAll(async () => {
    await current?.close();
  });
  return () => current;
}

describe.skipIf(skipBrowserTests)(
  browserSuiteTitle('the sidebar for a new user, in headless Chromium'),
  () => {
    const s = session(newUserWorkbook);
    const page = () => s().page;

    it('tabs follow the WAI-ARIA pattern: arrows, Home and End move focus and selection; one tab in the Tab order', async () => {
      await page().getByRole('tab', { name: 'Check' }).focus();
      const steps: [string, string][] = [
        ['ArrowRight', 'Link'],
        ['ArrowRight', 'Cascade'],
        ['ArrowLeft', 'Link'],
        ['End', 'Columns'],
        ['ArrowRight', 'Check'],
        ['ArrowLeft', 'Columns'],
        ['Home', 'Check'],
      ];
      for (const [key, label] of steps) {
        await page().keyboard.press(key);
        await idle(page());
        expect(await focusedTab(page()), `${key} to ${label}`).toEqual({ label, selected: 'true' });
        const tabIndexes = await page()
          .getByRole('tab')
          .evaluateAll((tabs) => tabs.map((tab) => [tab.textContent, (tab as HTMLElement).tabIndex]));
        expect(tabIndexes.filter(([, index]) => index === 0)).toEqual([[label, 0]]);
      }
    });

    it('Check: each Select button says which goal and cell it selects', async () => {
      await page().getByRole('tab', { name: 'Check' }).click();
      await idle(page());
      const selects = page().locator('#panel-check .issue button', { hasText: 'Select' });
      const names = await selects.evaluateAll((buttons) =>
        buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent ?? ''),
      );
      expect(names.length).toBeGreaterThan(10);
      const report = s().api.checkWorkbook() as CheckReport;
      const cells = report.issues.filter((issue) => issue.tab !== '' && issue.row > 0);
      expect(new Set(names).size, 'one name per goal and cell').toBe(
        new Set(cells.map((issue) => `${issue.goalId} ${issue.tab} ${issue.row} ${issue.col}`)).size,
      );
      expect(names).toContain('Select goal CT-6 on Content!D9');
      expect(names).toContain('Select goal FM-6 on Field!K9');
      expect(names).toContain("Select goal DG-9 on 'Demand Gen'!J13");
      expect(names, 'a warning on a whole tab names no goal').toContain('Select Content!L3');
      for (const name of names)
        expect(name).toMatch(/^Select (goal .+ on )?('.+'|[^ ]+)(![A-Z]+\d+| row \d+)$/);
    });

    it('Cascade: a long ID is cut with an ellipsis, said in full to a screen reader, and leaves room for the title', async () => {
      await page().getByRole('tab', { name: 'Cascade' }).click();
      await idle(page());
      const node = page().locator(`#panel-cascade .node[data-id="${LONG_ID}"]`);
      await eventually(() => node.count()).toBe(1);
      const box = await node.evaluate((li) => {
        const width = (selector: string) => li.querySelector(selector)!.getBoundingClientRect().width;
        const id = li.querySelector('.goal-id') as HTMLElement;
        return {
          idCut: id.scrollWidth > id.clientWidth,
          overflow: getComputedStyle(id).textOverflow,
          idTitle: id.title,
          title: width('.goal-title'),
          bar: width('.bar'),
          button: width('button.goal'),
          pageFits: document.documentElement.scrollWidth <= window.innerWidth,
        };
      });
      expect(box).toMatchObject({ idCut: true, overflow: 'ellipsis', idTitle: LONG_ID, pageFits: true });
      // Before the fix the ID took the whole line and the title got 0px.
      expect(box.title, 'the title keeps at least 40% of the line').toBeGreaterThanOrEqual(box.button * 0.4);
      expect(box.bar, 'the bar spans the goal').toBeGreaterThanOrEqual(box.button - 20);
      expect(
        await node.getByRole('button', { name: new RegExp(`^${LONG_ID} Enterprise pipeline`) }).count(),
      ).toBe(1);
    });

    it('Cascade: every goal says its status in words, not by colour alone, and its button is named with it', async () => {
      await page().getByRole('tab', { name: 'Cascade' }).click();
      await idle(page());
      const view = s().api.getCascade() as CascadeView;
      // A duplicated ID has a node per goal: compare with the node at the same place among that ID's nodes.
      const statusesOf = new Map<string, string[]>();
      for (const goal of view.goals)
        statusesOf.set(goal.id, [...(statusesOf.get(goal.id) ?? []), goal.status]);
      const nodes = await page()
        .locator('#panel-cascade .node')
        .evaluateAll((items) =>
          items.map((li) => ({
            id: (li as HTMLElement).dataset.id ?? '',
            shown: (li.querySelector('.goal-status') as HTMLElement | null)?.innerText ?? '',
          })),
        );
      expect(nodes.length).toBeGreaterThan(5);
      const seen = new Set<string>();
      for (const { id, shown } of nodes) {
        const status = shown.slice(2);
        expect(statusesOf.get(id), id).toContain(status);
        seen.add(status);
        expect(shown, id).toMatch(/^[^ ] (on track|at risk|off track|not measured)$/);
        const named = page()
          .locator(`#panel-cascade .node[data-id="${id}"]`)
          .getByRole('button', { name: new RegExp(`\\b${status}\\b`) });
        expect(await named.count(), `${id}'s button says ${status}`).toBeGreaterThan(0);
      }
      expect([...seen].sort(), 'the workbook shows every status').toEqual(
        ['at risk', 'not measured', 'off track', 'on track'].filter((status) =>
          view.goals.some((g) => g.status === status),
        ),
      );
    });

    it.each(['Cascade', 'Check', 'Link'])(
      '%s: every text meets WCAG AA contrast (4.5:1) as Chromium computes its colours',
      async (panel) => {
        s().fake.spreadsheet.selectCell('Demand Gen', 2, 1); // Link shows the goal there and its possible parents
        await page().getByRole('tab', { name: panel }).click();
        await idle(page());
        const selector = `#panel-${panel.toLowerCase()}`;
        if (panel === 'Cascade') {
          await eventually(() => page().locator(`${selector} .gap-flag`).count()).toBeGreaterThan(0);
          await eventually(() => page().locator(`${selector} .cycle-flag`).count()).toBeGreaterThan(0);
        }
        const texts = await page().locator(selector).evaluate(lowContrastTexts);
        expect(texts.checked, 'texts checked').toBeGreaterThan(20);
        expect(texts.failing).toEqual([]);
      },
    );

    it('Cascade: goals with errors show a marker; pressing it shows the messages', async () => {
      await page().getByRole('tab', { name: 'Cascade' }).click();
      await idle(page());
      const view = s().api.getCascade() as CascadeView;
      const cascade = page().locator('#panel-cascade');
      const markers = await cascade
        .locator('.node')
        .evaluateAll((items) =>
          items.map((li) => [
            `${(li as HTMLElement).dataset.id}`,
            (li.querySelector('.error-toggle') as HTMLElement | null)?.innerText ?? '',
          ]),
        );
      const expected = view.goals
        .filter((goal) => markers.some(([id]) => id === goal.id))
        .map((goal) => {
          const count = goal.errors?.length ?? 0;
          return [goal.id, count === 0 ? '' : `⚠ ${count} error${count === 1 ? '' : 's'}`];
        });
      expect(markers.sort()).toEqual(expected.sort());
      expect(markers.filter(([, marker]) => marker !== '').length).toBeGreaterThan(3);

      const ct6 = view.goals.find((goal) => goal.id === 'CT-6')!;
      expect(ct6.errors).toHaveLength(2);
      const node = cascade.locator('.node[data-id="CT-6"]');
      const toggle = node.getByRole('button', { name: '2 errors on CT-6' });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await node.locator('.goal-errors').isVisible()).toBe(false);
      await toggle.click();
      await eventually(() => node.locator('.goal-errors').isVisible()).toBe(true);
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await node.locator('.goal-errors li').allInnerTexts()).toEqual(ct6.errors);
      await toggle.click();
      await eventually(() => node.locator('.goal-errors').isVisible()).toBe(false);
    });

    it('Link: a parent whose sum roll-up is in another unit is greyed out, naming both units', async () => {
      s().fake.spreadsheet.selectCell('Demand Gen', rowOf(s().fake, 'Demand Gen', 'DG-6'), 2);
      await page().getByRole('tab', { name: 'Link' }).click();
      await idle(page());
      const link = page().locator('#panel-link');
      await eventually(() => text(link.locator('.goal-card'))).toMatch('DG-6');
      const sumParent = link.locator('button.candidate[data-id="DG-1"]');
      expect(await disabled(sumParent)).toBe(true);
      expect(await text(sumParent.locator('.candidate-reason'))).toBe(
        'DG-1 adds up its children in $ (a sum roll-up), and DG-6 is in count: link DG-6 to a goal in count, or change a Unit.',
      );
      expect(
        await disabled(link.locator('button.candidate[data-id="CMO-1"]')),
        'an average takes any unit',
      ).toBe(false);
    });

    it('says when its results and the Roll-up tab are older than the last edit, and Refresh brings them up to date', async () => {
      const cascade = page().locator('#panel-cascade');
      const check = page().locator('#panel-check');
      const focusSidebar = () => page().evaluate(() => window.dispatchEvent(new Event('focus')));
      await page().getByRole('tab', { name: 'Cascade' }).click();
      await idle(page());
      await cascade.getByRole('button', { name: 'Roll up', exact: true }).click();
      await eventually(() => text(cascade.locator('.notice.success'))).toMatch('Roll-up tab');
      // Writing the Roll-up tab had both panels computed again on their next visit.
      await page().getByRole('tab', { name: 'Check' }).click();
      await idle(page());
      await page().getByRole('tab', { name: 'Cascade' }).click();
      await idle(page());
      await focusSidebar();
      await idle(page());
      expect(
        await page()
          .locator('.stale')
          .evaluateAll((notes) => notes.filter((n) => !(n as HTMLElement).hidden).length),
        'fresh results say nothing',
      ).toBe(0);

      // A person types a new Actual for CMO-1 in the sheet; Sheets runs the onEdit simple trigger.
      const { fake, api } = s();
      const row = rowOf(fake, 'CMO', 'CMO-1');
      fake.spreadsheet
        .sheet('CMO')
        .getRange(row, columnOf(fake, 'CMO', 'Actual'))
        .setValue(40_000_000);
      await new Promise((resolve) => setTimeout(resolve, 5)); // the edit comes after the results, on the server's clock
      api.onEdit({});
      await focusSidebar(); // back in the sidebar, it asks whether anything changed
      const time = String.raw`\d{1,2}:\d\d(?: [AP]M)?`; // as the browser's locale writes a time of day
      const resultsNote = cascade.locator('.stale:not(.rollup-stale)');
      await eventually(() => text(resultsNote)).toMatch(
        new RegExp(`^Results from ${time} — the sheet changed since \\(last edit ${time}\\)\\.\\s*Refresh$`),
      );
      expect(await text(cascade.locator('.rollup-stale'))).toMatch(
        new RegExp(`^The Roll-up tab is as of ${time}, before the last edit at ${time}\\.\\s*Roll up again$`),
      );
      expect(await text(cascade.locator('.node[data-id="CMO-1"] .goal-percent'))).not.toBe('100%');

      await resultsNote.getByRole('button', { name: 'Refresh' }).click();
      await eventually(() => text(cascade.locator('.node[data-id="CMO-1"] .goal-percent'))).toBe('100%');
      await eventually(() => resultsNote.isVisible()).toBe(false);
      expect(await cascade.locator('.rollup-stale').isVisible(), 'the Roll-up tab is still old').toBe(true);
      await cascade.getByRole('button', { name: 'Roll up again' }).click();
      await eventually(() => cascade.locator('.rollup-stale').isVisible()).toBe(false);

      // Check, shown with fresh results (Roll up had it compute again), then another edit in the sheet.
      await page().getByRole('tab', { name: 'Check' }).click();
      await idle(page());
      expect(await check.locator('.stale').isVisible()).toBe(false);
      fake.spreadsheet
        .sheet('CMO')
        .getRange(row, columnOf(fake, 'CMO', 'Actual'))
        .setValue('lots');
      await new Promise((resolve) => setTimeout(resolve, 5));
      api.onEdit({});
      await focusSidebar();
      await eventually(() => check.locator('.stale').isVisible()).toBe(true);
      const errorsBefore = await text(page().getByTestId('count-error').locator('.count-number'));
      await check.locator('.stale').getByRole('button', { name: 'Refresh' }).click();
      await eventually(() => check.locator('.stale').isVisible()).toBe(false);
      expect(Number(await text(page().getByTestId('count-error').locator('.count-number')))).toBe(
        Number(errorsBefore) + 1,
      );
    });
  },
);

/**
 * Runs in the page: every visible text of `root` (not in a disabled control, which WCAG exempts), its colour against
 * the first opaque background behind it, and the ones under 4.5:1. Colours come from getComputedStyle, as `rgb()`/`rgba()`.
 */
function lowContrastTexts(root: Element): { checked: number; failing: string[] } {
  const parse = (css: string): number[] => (css.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = ([r, g, b]: number[]): number => {
    const linear = (c: number) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const background = (element: Element): number[] => {
    for (let at: Element | null = element; at; at = at.parentElement) {
      const [r, g, b, a = 1] = parse(getComputedStyle(at).backgroundColor);
      if (a > 0) return [r, g, b];
    }
    return [255, 255, 255];
  };
  let checked = 0;
  const failing: string[] = [];
  for (const element of [root, ...root.querySelectorAll('*')]) {
    const ownText = [...element.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent ?? '')
      .join('')
      .trim();
    if (!ownText || !(element as HTMLElement).offsetParent || element.closest(':disabled')) continue;
    const style = getComputedStyle(element);
    const [r, g, b, a = 1] = parse(style.color);
    const back = background(element);
    // A translucent colour shows blended with what is behind it.
    const fore = [r, g, b].map((c, k) => c * a + back[k] * (1 - a));
    const [light, dark] = [luminance(fore), luminance(back)].sort((x, y) => y - x);
    const ratio = (light + 0.05) / (dark + 0.05);
    checked += 1;
    if (ratio < 4.5)
      failing.push(`${element.className || element.tagName} “${ownText.slice(0, 30)}” ${ratio.toFixed(2)}:1`);
  }
  return { checked, failing: [...new Set(failing)] };
}
