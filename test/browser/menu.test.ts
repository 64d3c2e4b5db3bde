// The sidebars the add-on menu opens, in headless Chromium: Open sidebar shows the Check panel, Link selected row the Link panel.
// Everything else each menu item does needs no page: test/bundle/menu.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteTitle, skipBrowserTests } from '../support/chromium';
import { eventually, rowOf, text } from './page-helpers';
import { type SidebarSession, startSidebarSession } from './session';
import { WORKBOOKS } from './workbooks';

describe.skipIf(skipBrowserTests)(browserSuiteTitle('the sidebars the add-on menu opens'), () => {
  describe.each(WORKBOOKS)('on the $name workbook', (workbook) => {
    let session: SidebarSession;

    beforeAll(async () => {
      session = await startSidebarSession(workbook.tabs());
    });

    afterAll(async () => {
      await session?.close();
    });

    it('Open sidebar shows the Check panel with this workbook’s errors', async () => {
      const { page } = session;
      session.api.showSidebar();
      await page.goto(session.server.url);
      await eventually(() => page.getByRole('tab', { name: 'Check' }).getAttribute('aria-selected')).toBe(
        'true',
      );
      await eventually(() => text(page.getByTestId('count-error').locator('.count-number'))).toBe(
        String(workbook.errors.length),
      );
      await eventually(() => page.locator('#panel-check .group-error .issue').count()).toBe(
        workbook.errors.length,
      );
    });

    it('Link selected row to a parent… shows the Link panel on the selected goal', async () => {
      const { fake, page } = session;
      fake.spreadsheet.selectCell('Content', rowOf(fake, 'Content', 'CT-2'), 1);
      session.api.menuLinkToParent();
      await page.goto(session.server.url);
      await eventually(() => page.getByRole('tab', { name: 'Link' }).getAttribute('aria-selected')).toBe(
        'true',
      );
      await eventually(() => text(page.locator('#panel-link .goal-card'))).toMatch('CT-2');
      await eventually(() => text(page.locator('#panel-link .goal-card'))).toMatch('aligns to CT-1');
    });

    it('the sidebars it opened raised no page errors and loaded nothing remote', () => {
      expect(session.browser.errors).toEqual([]);
      expect(session.browser.blocked).toEqual([]);
      expect(session.browser.dialogs).toEqual([]);
    });
  });
});
