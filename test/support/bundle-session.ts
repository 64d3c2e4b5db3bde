// The built bundle loaded over a fake spreadsheet, as Apps Script runs it: what the menu and endpoint tests call, with or without a browser.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createFakeGas, type FakeGas, type FakeTabs } from '../../tools/gas-fake';
import { type LoadedBundle, loadBundle } from '../../tools/load-bundle';
import type { ServerFunction } from '../../tools/script-run-bridge';

export const ROOT = join(import.meta.dirname, '../..');
export const BUILT_SIDEBAR = join(ROOT, 'dist/Sidebar.html');

export interface BundleSession {
  fake: FakeGas;
  bundle: LoadedBundle;
  /** The bundle's top-level functions: what Apps Script and google.script.run call. */
  api: Record<string, ServerFunction>;
  /** dist/Sidebar.html as built. */
  sidebarHtml: string;
}

/** How the spreadsheet differs from a plain en_US one. */
export interface BundleOptions {
  /** The spreadsheet locale (`de_DE` reads text numbers with a decimal comma); default en_US. */
  locale?: string;
  /** Merged blocks by tab, 1-based (the top-left cell holds the value), as getMergedRanges lists them. */
  merges?: Record<string, readonly { row: number; col: number; rows: number; cols: number }[]>;
}

/** dist/ loaded over a fake spreadsheet holding `tabs`, with the built sidebar as its HTML file. */
export async function startBundleSession(
  tabs: FakeTabs,
  options: BundleOptions = {},
): Promise<BundleSession> {
  if (!existsSync(BUILT_SIDEBAR)) throw new Error('dist/Sidebar.html is missing: run `npm run build` first');
  const sidebarHtml = await readFile(BUILT_SIDEBAR, 'utf8');
  const fake = createFakeGas({ tabs, locale: options.locale, htmlFiles: { Sidebar: sidebarHtml } });
  for (const [name, blocks] of Object.entries(options.merges ?? {})) {
    const sheet = fake.spreadsheet.sheet(name);
    for (const m of blocks)
      sheet.merges.push({ row: m.row, column: m.col, numRows: m.rows, numColumns: m.cols });
  }
  const bundle = loadBundle({
    SpreadsheetApp: fake.SpreadsheetApp,
    LockService: fake.LockService,
    HtmlService: fake.HtmlService,
    Charts: fake.Charts,
    Session: fake.Session,
    PropertiesService: fake.PropertiesService,
  });
  adoptDatesIntoScriptRealm(fake, bundle);
  return { fake, bundle, api: bundle.functions as Record<string, ServerFunction>, sidebarHtml };
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
