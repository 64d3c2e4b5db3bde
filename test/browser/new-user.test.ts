// The sidebar tried as a new user would: keyboard, screen reader names, contrast, long IDs, errors and staleness in the tree.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
