// One browser-test session: a fake spreadsheet, the built bundle loaded over it, and the sidebar it shows served to headless Chromium.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createFakeGas, type FakeGas, type FakeTabs } from '../../tools/gas-fake';
import { type LoadedBundle, loadBundle } from '../../tools/load-bundle';
import {
  openSidebar,
  type ServerFunction,
  type SidebarBrowser,
  type SidebarServer,
  serveSidebar,
} from './harness';

export const ROOT = join(import.meta.dirname, '../..');
export const BUILT_SIDEBAR = join(ROOT, 'dist/Sidebar.html');

export interface SidebarSession {
  fake: FakeGas;
  bundle: LoadedBundle;
  /** The bundle's top-level functions: what Apps Script and google.script.run call. */
  api: Record<string, ServerFunction>;
  /** dist/Sidebar.html as built. */
  sidebarHtml: string;
  server: SidebarServer;
  browser: SidebarBrowser;
  page: Page;
  close(): Promise<void>;
}

/**
 * Starts a session over `tabs`. The page served is whatever the server last handed to showSidebar
 * (an error page until it has), so a test opens it by calling a menu function first.
 */
export async function startSidebarSession(tabs: FakeTabs): Promise<SidebarSession> {
  if (!existsSync(BUILT_SIDEBAR)) throw new Error('dist/Sidebar.html is missing: run `npm run build` first');
  const sidebarHtml = await readFile(BUILT_SIDEBAR, 'utf8');
  const fake = createFakeGas({ tabs, htmlFiles: { Sidebar: sidebarHtml } });
  const bundle = loadBundle({
    SpreadsheetApp: fake.SpreadsheetApp,
    LockService: fake.LockService,
    HtmlService: fake.HtmlService,
    Charts: fake.Charts,
    PropertiesService: fake.PropertiesService,
  });
  adoptDatesIntoScriptRealm(fake, bundle);
  const api = bundle.functions as Record<string, ServerFunction>;
  const server = await serveSidebar(() => {
    const shown = fake.ui.sidebars.at(-1);
    if (!shown) throw new Error('The server has not opened a sidebar');
    return shown.getContent();
  }, api);
  const browser = await openSidebar(server.url);
  return {
    fake,
    bundle,
    api,
    sidebarHtml,
    server,
    browser,
    page: browser.page,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * In Apps Script a Date from getValues() is the script's own Date; the fixture's Dates were made in
 * this realm, where the bundle's `instanceof Date` is false. Each becomes a Date of the bundle's realm
 * (the fake hands such a value back as it is), so a Date in a cell reads as it would in Sheets.
 */
function adoptDatesIntoScriptRealm(fake: FakeGas, bundle: LoadedBundle): void {
  for (const sheet of fake.spreadsheet.sheets) {
    for (const cells of sheet.data) {
      for (const cell of cells ?? []) {
        if (cell?.value instanceof Date)
          cell.value = bundle.evaluate(`new Date(${cell.value.getTime()})`) as Date;
      }
    }
  }
}
