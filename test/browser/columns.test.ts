// The Columns panel in headless Chromium over the built bundle: from Check's warning to a saved map, and the tab's goals in the Cascade.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpValues, type FakeTabs } from '../../tools/gas-fake';
import { browserSuiteTitle, skipBrowserTests } from '../support/chromium';
import { disabled, eventually, screenshot, text } from './page-helpers';
import { type SidebarSession, startSidebarSession } from './session';

/** A goal tab, and a tab of goals under headers nobody taught us: an ID and a target, but no goal text. */
function tabs(): FakeTabs {
  return {
    Goals: [
      ['ID', 'Goal', 'Owner', 'Target', 'Actual'],
      ['G-1', 'Grow revenue to $10M', 'Dana', 10, 6],
    ],
    Initiatives: [
      ['Initiative', 'Value now', 'Goal number', 'Target', 'Aligns to'],
      ['Open the Lyon office', 3, 'I-1', 4, 'G-1'],
      ['Hire 4 engineers', 2, 'I-2', 4, 'G-1'],
    ],
    People: [
      ['Name', 'Email'],
      ['Dana', 'dana@example.com'],
    ],
  };
}

describe.skipIf(skipBrowserTests)(browserSuiteTitle('the Columns panel'), () => {
  let session: SidebarSession;
  const page = () => session.page;
  const columns = () => page().locator('#panel-columns');
  const section = (tab: string) => columns().locator(`fieldset.column-tab[data-tab="${tab}"]`);
  const verdict = (tab: string) => section(tab).locator('.verdict');
  const select = (tab: string, key: string) => section(tab).locator(`select[data-key="${key}"]`);

  beforeAll(async () => {
    session = await startSidebarSession(tabs());
    session.api.showSidebar();
    await page().goto(session.server.url);
  });

  afterAll(async () => {
    await session?.close();
  });

  it("Check's unread-tab warning opens Columns on that tab, its first dropdown focused", async () => {
    const initiatives = page()
      .locator('#panel-check .tab-group')
      .filter({ has: page().locator('h3', { hasText: /^Initiatives$/ }) });
    const warning = initiatives.locator('.issue[data-code="unread-tab"]');
    await eventually(() => warning.count()).toBe(1);
    expect(await page().locator('#panel-check .issue[data-code="unread-tab"]').count()).toBe(1);
    await warning.scrollIntoViewIfNeeded();
    await screenshot(page(), 'columns-check-warning');
    await warning.getByRole('button', { name: 'Map columns' }).click();
    await eventually(() => page().getByRole('tab', { name: 'Columns' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    await eventually(() => section('Initiatives').isVisible()).toBe(true);
    await eventually(() => page().evaluate(() => document.activeElement?.getAttribute('data-key'))).toBe(
      'initiative',
    );
    // Near misses first; a list of people is offered too, our own tabs never.
    const offered = await columns()
      .locator('fieldset.column-tab')
      .evaluateAll((sections) => sections.map((s) => (s as HTMLElement).dataset.tab));
    expect(offered).toEqual(['Initiatives', 'People']);
  });

  it('shows each header with a labelled dropdown: what it reads as now, and a verdict in words', async () => {
    await expect(select('Initiatives', 'initiative').inputValue()).resolves.toBe('');
    await expect(select('Initiatives', 'goalnumber').inputValue()).resolves.toBe('id');
    await expect(select('Initiatives', 'alignsto').inputValue()).resolves.toBe('parent');
    // Every dropdown is named by its header.
    await expect(page().getByLabel('Value now').inputValue()).resolves.toBe('');
    const options = await select('Initiatives', 'valuenow').locator('option').allInnerTexts();
    expect(options[0]).toBe('Not mapped');
    expect(options).toContain('Actual');
    expect(options.at(-1)).toBe('Ignore this column');
    // A header we know offers no "Not mapped".
    const known = await select('Initiatives', 'goalnumber').locator('option').allInnerTexts();
    expect(known).not.toContain('Not mapped');
    expect(known).toContain('ID (its name)');
    expect(await text(verdict('Initiatives'))).toMatch(
      /^✗\s*Not read: map the column that says what each goal is/,
    );
    await expect(disabled(columns().getByTestId('save-columns'))).resolves.toBe(true);
  });

  it('a choice updates the verdict from the server, as it would read once saved', async () => {
    await select('Initiatives', 'initiative').selectOption('goal');
    await eventually(() => text(verdict('Initiatives'))).toMatch(
      /^✓\s*Once saved: Reads as goals from row 1: Goal, ID, Target, Parent\.$/,
    );
    await select('Initiatives', 'valuenow').selectOption('actual');
    await eventually(() => text(verdict('Initiatives'))).toMatch('Goal, Actual, ID, Target, Parent.');
    await eventually(() => text(columns().locator('.unsaved'))).toBe('2 changes not saved');
    expect(
      await text(
        section('Initiatives').locator(
          '#' + (await select('Initiatives', 'valuenow').getAttribute('aria-describedby')),
        ),
      ),
    ).toMatch(/^Actual: a number/);
    // Nothing is written until Save.
    expect(session.fake.spreadsheet.sheets.map((s) => s.name)).not.toContain('Settings');
    await page().evaluate(() => window.scrollTo(0, 0));
    await screenshot(page(), 'columns', 'columns');
  });

  it('a failing save says why and changes nothing', async () => {
    session.fake.log.failAfter(0, { always: true });
    try {
      await columns().getByTestId('save-columns').click();
      await eventually(() => text(columns().locator('.notice.error'))).toMatch('Injected fault');
      expect(session.fake.spreadsheet.sheets.map((s) => s.name)).not.toContain('Settings');
      await eventually(() => disabled(columns().getByTestId('save-columns'))).toBe(false);
      await eventually(() => text(verdict('Initiatives'))).toMatch('Once saved: Reads as goals');
    } finally {
      session.fake.log.heal();
    }
  });

  it('Save writes the Column rows to Settings and the tab leaves the list, read', async () => {
    await columns().getByTestId('save-columns').click();
    await eventually(() => text(columns().locator('.notice.success'))).toMatch(
      /^Saved 2 columns to a new Settings tab \(with the default rules\)\. Initiatives now reads as goals\. 3 goals on 2 tabs\.$/,
    );
    const rows = dumpValues(session.fake.spreadsheet).Settings.filter((r) => r[0] === 'Column');
    expect(rows.map((r) => r.slice(1, 3))).toEqual([
      ['Initiative', 'Goal'],
      ['Value now', 'Actual'],
    ]);
    await eventually(() => section('Initiatives').count()).toBe(0);
    await eventually(() => section('People').count()).toBe(1);
  });

  it("the Cascade shows the tab's goals under their parent, and Check no longer warns", async () => {
    await page().getByRole('tab', { name: 'Cascade' }).click();
    const cascade = page().locator('#panel-cascade');
    await eventually(() => cascade.locator('.node[data-id="I-1"]').isVisible()).toBe(true);
    await eventually(() => cascade.locator('.node[data-id="I-2"]').getAttribute('aria-level')).toBe('2');
    expect(await text(cascade.locator('.node[data-id="I-1"] .goal-title'))).toBe('Open the Lyon office');
    await page().getByRole('tab', { name: 'Check' }).click();
    await eventually(() => text(page().locator('#panel-check p.gray.small').first())).toMatch(
      /^3 goals on 2 tabs/,
    );
    expect(await page().locator('#panel-check .issue[data-code="unread-tab"]').count()).toBe(0);
  });

  it('is reachable by keyboard from the tab list', async () => {
    await page().getByRole('tab', { name: 'Check' }).focus();
    await page().keyboard.press('ArrowLeft');
    await eventually(() => page().getByRole('tab', { name: 'Columns' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    // Save is disabled with nothing to save: Tab goes on to Refresh, then to the first header's dropdown.
    await page().keyboard.press('Tab');
    await eventually(() => page().evaluate(() => document.activeElement?.textContent)).toBe('Refresh');
    await page().keyboard.press('Tab');
    await eventually(() => page().evaluate(() => document.activeElement?.getAttribute('data-key'))).toBe(
      'name',
    );
  });

  it('raised no page errors and loaded nothing remote', () => {
    expect(session.browser.blocked).toEqual([]);
    expect(session.browser.errors).toEqual([]);
    expect(session.browser.dialogs).toEqual([]);
  });
});
