// What the browser tests read from the sidebar page and from the fake sheet: text, states, shown goals, cells, screenshots.
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { CascadeView, GoalView } from '../../src/server/api';
import { dumpValues, type FakeGas } from '../../tools/gas-fake';
import { ROOT } from './session';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const SCREENSHOTS = join(ROOT, 'docs/screenshots');

/** Retries an assertion for a while: the page updates after the server answers. */
export function eventually<T>(read: () => T | Promise<T>, message?: string) {
  return expect.poll(read, { timeout: 10_000, interval: 50, message });
}

/** The visible text of every element the locator matches, joined; '' when none (never waits). */
export async function text(locator: Locator): Promise<string> {
  return (await locator.allInnerTexts()).join('\n');
}

/** Whether the first match is disabled, counting a disabled <fieldset> around it; null when absent. */
export async function disabled(locator: Locator): Promise<boolean | null> {
  const states = await locator.evaluateAll((elements) =>
    elements.map((element) => element.matches(':disabled')),
  );
  return states[0] ?? null;
}

/** IDs of the goals the Cascade panel shows, one per node (a duplicate ID twice), sorted. */
export async function shownIds(page: Page): Promise<string[]> {
  const ids = await page
    .locator('#panel-cascade .node')
    .evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.id ?? ''));
  return ids.sort();
}

/** Opens every collapsed node of the Cascade panel, until none is left. */
export async function expandAll(page: Page): Promise<void> {
  const collapsed = page.locator('#panel-cascade .node[aria-expanded="false"] > button.toggle');
  for (let left = await collapsed.count(); left > 0; left = await collapsed.count()) {
    await collapsed.first().click();
    await eventually(() => collapsed.count()).toBeLessThan(left);
  }
}

/** IDs of goals matching `match` and of all their ancestors, sorted. */
export function withAncestors(view: CascadeView, match: (goal: GoalView) => boolean): string[] {
  const parentOf = new Map<string, string>();
  for (const goal of view.goals) for (const child of goal.children) parentOf.set(child, goal.id);
  const ids = new Set<string>();
  for (const goal of view.goals.filter(match)) {
    for (let at: string | undefined = goal.id; at !== undefined && !ids.has(at); at = parentOf.get(at))
      ids.add(at);
  }
  return [...ids].sort();
}

/** A header's column on a tab, 1-based, by lower-case name; 0 when absent. */
export function columnOf(fake: FakeGas, tab: string, header: string): number {
  const headers = dumpValues(fake.spreadsheet)[tab][0].map((h) => String(h).toLowerCase());
  return headers.indexOf(header.toLowerCase()) + 1;
}

/** The first row of a tab whose ID (column A) is `id`, 1-based; 0 when absent. */
export function rowOf(fake: FakeGas, tab: string, id: string): number {
  return dumpValues(fake.spreadsheet)[tab].findIndex((row) => row[0] === id) + 1;
}

/** What a cell holds, as getValues() would show it. */
export function cellValue(fake: FakeGas, tab: string, row: number, col: number): unknown {
  return fake.spreadsheet.sheet(tab).peekCell(row, col).value;
}

export function activeCell(fake: FakeGas): { tab: string; row: number; col: number } {
  const range = fake.spreadsheet.activeRange;
  return { tab: fake.spreadsheet.activeSheet?.name ?? '', row: range?.row ?? 0, col: range?.column ?? 0 };
}

/**
 * Saves what the sidebar shows at once (the viewport) as test-artifacts/sidebar-<name>.png. With
 * UPDATE_SCREENSHOTS set, `docName` also refreshes docs/screenshots/sidebar-<docName>.png, the
 * picture the README shows; otherwise a test run leaves the committed tree clean.
 */
export async function screenshot(page: Page, name: string, docName?: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.mouse.move(0, 0); // no hover highlight in the picture
  const path = join(ARTIFACTS, `sidebar-${name}.png`);
  await page.screenshot({ path });
  if (process.env.UPDATE_SCREENSHOTS && docName) {
    await mkdir(SCREENSHOTS, { recursive: true });
    await copyFile(path, join(SCREENSHOTS, `sidebar-${docName}.png`));
  }
}
