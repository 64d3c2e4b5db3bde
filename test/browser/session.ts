// One browser-test session: a fake spreadsheet, the built bundle loaded over it, and the sidebar it shows served to headless Chromium.
import type { Page } from 'playwright-core';
import type { FakeTabs } from '../../tools/gas-fake';
import { type BundleOptions, type BundleSession, startBundleSession } from '../support/bundle-session';
import { openSidebar, type SidebarBrowser, type SidebarServer, serveSidebar } from './harness';

export { ROOT } from '../support/bundle-session';

export interface SidebarSession extends BundleSession {
  server: SidebarServer;
  browser: SidebarBrowser;
  page: Page;
  close(): Promise<void>;
}

/**
 * Starts a session over `tabs`. The page served is whatever the server last handed to showSidebar
 * (an error page until it has), so a test opens it by calling a menu function first.
 */
export async function startSidebarSession(tabs: FakeTabs, options?: BundleOptions): Promise<SidebarSession> {
  const session = await startBundleSession(tabs, options);
  const { fake, api } = session;
  const server = await serveSidebar(() => {
    const shown = fake.ui.sidebars.at(-1);
    if (!shown) throw new Error('The server has not opened a sidebar');
    return shown.getContent();
  }, api);
  const browser = await openSidebar(server.url);
  return {
    ...session,
    server,
    browser,
    page: browser.page,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
