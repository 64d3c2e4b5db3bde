// Headless Chromium for the preview tests: the page at a laptop's size, remote requests refused, errors and dialogs recorded.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export interface PreviewBrowser {
  context: BrowserContext;
  page: Page;
  /** alert/confirm/prompt dialogs: a sign that cell text ran as script. */
  dialogs: string[];
  /** Uncaught page errors and console errors, in the page and the sidebar. */
  errors: string[];
  /** Requests to anywhere but the preview: it must load nothing remote. */
  blocked: string[];
  close(): Promise<void>;
}

export async function openPreview(url: string): Promise<PreviewBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'mbo-preview-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 860 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const dialogs: string[] = [];
  const errors: string[] = [];
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    if (route.request().url().startsWith(url)) return route.continue();
    blocked.push(route.request().url());
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return {
    context,
    page,
    dialogs,
    errors,
    blocked,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
