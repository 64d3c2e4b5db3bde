// The sidebar tried as a new user would: keyboard, screen reader names, contrast, long IDs, errors and staleness in the tree.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/server/api';
import type { FakeTabs } from '../../tools/gas-fake';
import { hasChromium } from '../support/chromium';
import { disabled, eventually } from './page-helpers';
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

describe.skipIf(!hasChromium)('the sidebar for a new user, in headless Chromium', () => {
  const s = session(brokenWorkbook);
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
});
