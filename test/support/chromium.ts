// Headless Debian Chromium for browser tests: one launcher that refuses remote requests and records errors and dialogs.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Where the browser tests find Chromium, and what they do without it. */
export interface ChromiumPlan {
  /** CHROMIUM_PATH, or Debian's /usr/bin/chromium. */
  path: string;
  /** True when the path exists. */
  found: boolean;
  /** Skip the browser suites: only for a local run without Chromium. In CI they run, and fail. */
  skip: boolean;
  /** Why Chromium cannot be used, and how to get it; '' when found. */
  missing: string;
}

/** CI is set (to anything but '', 0 or false) by .ci/run and by CI services. */
export function isCI(env: NodeJS.ProcessEnv): boolean {
  const ci = (env.CI ?? '').trim().toLowerCase();
  return ci !== '' && ci !== '0' && ci !== 'false';
}

export function chromiumPlan(env: NodeJS.ProcessEnv, exists: (path: string) => boolean): ChromiumPlan {
  const path = env.CHROMIUM_PATH?.trim() || '/usr/bin/chromium';
  const found = exists(path);
  const missing = found
    ? ''
    : `${path} not found: install Chromium (apt-get install chromium) or set CHROMIUM_PATH to one`;
  return { path, found, skip: !found && !isCI(env), missing };
}

const PLAN = chromiumPlan(process.env, existsSync);
export const CHROMIUM = PLAN.path;
export const hasChromium = PLAN.found;
/** describe.skipIf(skipBrowserTests): a developer without Chromium gets a skip, CI a failure. */
export const skipBrowserTests = PLAN.skip;

/** A browser suite's title; when it is skipped, it says why and how to run it. */
export function browserSuiteTitle(title: string): string {
  return PLAN.skip ? `${title} — SKIPPED: ${PLAN.missing}` : title;
}

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
  // In CI a missing Chromium fails every browser suite here, with the reason, instead of skipping it.
  if (!PLAN.found) throw new Error(`Browser tests need Chromium: ${PLAN.missing}.`);
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
