// Headless Debian Chromium for browser tests: one launcher that refuses remote requests and records errors and dialogs.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** Browser tests skip (with a message) where Debian's chromium is not installed; .ci/run installs it. */
export const hasChromium = existsSync(CHROMIUM);

/** Flags this machine needs: no sandbox as root, and no background traffic on a closed network. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export interface ObservedPage {
  context: BrowserContext;
  page: Page;
  /** alert/confirm/prompt dialogs: a sign that sheet text ran as script. */
  dialogs: string[];
  /** Uncaught page errors and console errors. */
  errors: string[];
  /** Requests to anywhere but `origin`: the page must load nothing remote. */
  blocked: string[];
  close(): Promise<void>;
}

export interface PageOptions {
  viewport: { width: number; height: number };
  deviceScaleFactor?: number;
}

/** A fresh profile and page; every request outside `origin` is aborted and recorded. */
export async function openObservedPage(origin: string, options: PageOptions): Promise<ObservedPage> {
  const profile = await mkdtemp(join(tmpdir(), 'mbo-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: options.viewport,
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    args: ARGS,
  });
  const dialogs: string[] = [];
  const errors: string[] = [];
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    if (route.request().url().startsWith(origin)) return route.continue();
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
