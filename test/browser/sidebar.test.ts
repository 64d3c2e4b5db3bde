// Clicks through the built sidebar in headless Chromium on each test workbook; every call runs the built server bundle on a fake spreadsheet.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_HEADERS } from '../../src/core/history';
import type { CascadeView, CheckReport, GoalView, RequiredView } from '../../src/server/api';
import { HISTORY_TAB, isReservedTabName, ROLLUP_TAB } from '../../src/sheets/owned';
import { percent } from '../../src/ui/format';
import { needText } from '../../src/ui/required-view';
import { dumpFormulas, dumpValues, snapshotSpreadsheet } from '../../tools/gas-fake';
import { browserSuiteTitle, skipBrowserTests } from '../support/chromium';
import { illegalValuePath } from './harness';
import {
  activeCell,
  cellValue,
  columnOf,
  disabled,
  eventually,
  expandAll,
  rowOf,
  screenshot,
  shownIds,
  text,
  withAncestors,
} from './page-helpers';
import { type SidebarSession, startSidebarSession } from './session';
import { type BrowserWorkbook, type ExpectedError, goalIdsOf, MARKUP_TITLE, WORKBOOKS } from './workbooks';

/** Which workbook's picture of each panel the README shows: the broken one lists errors of every kind. */
const README_PICTURES: Record<string, BrowserWorkbook['name']> = {
  check: 'broken',
  link: 'sample',
  cascade: 'sample',
};

/** The listed error with this message whose place line (cell · column · goal ID) names this column and goal. */
function issueItem(page: Page, error: ExpectedError): Locator {
  const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const place = page.locator('.secondary', {
    hasText: new RegExp(`· ${literal(error.column)} · ${literal(error.goalId)}$`),
  });
  return page
    .locator('#panel-check .group-error .issue')
    .filter({ hasText: error.message })
    .filter({ has: place });
}

/** The title as the Roll-up tab shows it: indented by depth with non-breaking spaces. */
const withoutIndent = (value: unknown) => String(value).replace(/^\u00a0+/, '');

describe('illegalValuePath (what google.script.run can carry)', () => {
  it.each([
    ['plain data', { a: [1, 'x', true, null, { b: 2 }] }, null],
    ['a Date', { checkedAt: new Date(0) }, 'result.checkedAt'],
    ['a Date deep in an array', { goals: [{}, { at: new Date(0) }] }, 'result.goals[1].at'],
    ['a function', { run: () => 1 }, 'result.run'],
    ['NaN', [Number.NaN], 'result[0]'],
    ['a class instance', new Map(), 'result'],
  ])('%s', (_name, value, path) => {
    expect(illegalValuePath(value)).toBe(path);
  });
});

describe.skipIf(skipBrowserTests)(browserSuiteTitle('the sidebar in headless Chromium'), () => {
  describe.each(WORKBOOKS)('on the $name workbook', (workbook) => {
    let session: SidebarSession;
    const page = () => session.page;
    const fake = () => session.fake;
    const api = () => session.api;
    const picture = (panel: string) =>
      screenshot(
        page(),
        `${workbook.name}-${panel}`,
        README_PICTURES[panel] === workbook.name ? panel : undefined,
      );

    beforeAll(async () => {
      session = await startSidebarSession(workbook.tabs());
      api().showSidebar(); // the menu's Open sidebar
      await page().goto(session.server.url);
    });

    afterAll(async () => {
      await session?.close();
    });

    it('opens on Check: counts at the top, issues grouped by severity then tab', async () => {
      const report = api().checkWorkbook() as CheckReport;
      const count = (severity: string) =>
        text(page().getByTestId(`count-${severity}`).locator('.count-number'));
      await eventually(() => count('error')).toBe(String(workbook.errors.length));
      await eventually(() => count('warning')).toBe(String(report.counts.warning));
      await eventually(() => count('info')).toBe(String(report.counts.info));
      const check = page().locator('#panel-check');
      await eventually(() => check.locator('.issue').count()).toBe(report.issues.length);
      const severities = await check
        .locator('.group')
        .evaluateAll((groups) => groups.map((g) => (g as HTMLElement).dataset.severity));
      expect(severities).toEqual(
        ['error', 'warning', 'info'].filter((s) => report.issues.some((i) => i.severity === s)),
      );
      await picture('check');
    });

    it('Check lists every error with its message and goal', async () => {
      const errors = page().locator('#panel-check .group-error .issue');
      await eventually(() => errors.count()).toBe(workbook.errors.length);
      for (const expected of workbook.errors) {
        const item = issueItem(page(), expected);
        expect(await item.count(), `${expected.code} on ${expected.goalId}`).toBe(1);
        expect(await item.getAttribute('data-code')).toBe(expected.code);
      }
    });

    it("Select goes to each kind of error's cell: the goal's row, the column at fault", async () => {
      const kinds = [...new Set(workbook.errors.map((error) => error.code))];
      for (const code of kinds) {
        const expected = workbook.errors.find((error) => error.code === code)!;
        await issueItem(page(), expected).getByRole('button', { name: 'Select' }).click();
        await eventually(() => activeCell(fake()), code).toEqual({
          tab: expected.tab,
          row: rowOf(fake(), expected.tab, expected.goalId),
          col: columnOf(fake(), expected.tab, expected.column),
        });
        // Start the next one from elsewhere, so the wait above can only pass once Select has moved the cell.
        fake().spreadsheet.selectCell('CMO', 1, 1);
      }
    });

    it('shows progress while a call runs: the sidebar is disabled and says what it is doing', async () => {
      const release = session.server.hold();
      try {
        await page().getByRole('button', { name: 'Re-check' }).click();
        const toast = page().locator('#progress .toast');
        await eventually(() => toast.isVisible()).toBe(true);
        await eventually(() => text(toast)).toMatch('Checking the workbook');
        await eventually(() => disabled(page().getByRole('button', { name: 'Re-check' }))).toBe(true);
        await eventually(() => disabled(page().getByRole('tab', { name: 'Cascade' }))).toBe(true);
        await picture('busy');
      } finally {
        release();
      }
      await eventually(() => page().locator('#progress .toast').isVisible()).toBe(false);
      await eventually(() => disabled(page().getByRole('button', { name: 'Re-check' }))).toBe(false);
    });

    it('Link: the selected goal, searchable parents, cycle-making ones disabled with the reason', async () => {
      fake().spreadsheet.selectCell('Demand Gen', rowOf(fake(), 'Demand Gen', 'DG-1'), 2);
      await page().getByRole('tab', { name: 'Link' }).click();
      const link = page().locator('#panel-link');
      await eventually(() => text(link.locator('.goal-card'))).toMatch('DG-1');
      await eventually(() => text(link.locator('.goal-card'))).toMatch('aligns to CMO-1');

      // DG-2 sits under DG-1, and DG-6 under DG-2: either as DG-1's parent would close a loop.
      for (const below of ['DG-2', 'DG-6']) {
        const candidate = link.locator(`button.candidate[data-id="${below}"]`);
        await eventually(() => disabled(candidate)).toBe(true);
        await eventually(() => text(candidate)).toMatch('Would make a cycle');
      }
      expect(
        await link.locator('button.candidate[data-id="DG-1"]').count(),
        'the goal itself is no choice',
      ).toBe(0);

      await picture('link');

      await link.getByRole('searchbox').fill('influenced revenue');
      await eventually(() => link.locator('button.candidate').count()).toBe(1);
      await eventually(() => text(link.locator('button.candidate'))).toMatch('CMO-2');
    });

    it('Link: choosing a parent writes the Parent cell and says so', async () => {
      const link = page().locator('#panel-link');
      await link.locator('button.candidate[data-id="CMO-2"]').click();
      await eventually(() => text(link.locator('.notice.success'))).toMatch('DG-1 now aligns to CMO-2');
      const parent = cellValue(
        fake(),
        'Demand Gen',
        rowOf(fake(), 'Demand Gen', 'DG-1'),
        columnOf(fake(), 'Demand Gen', 'Parent'),
      );
      expect(parent).toBe('CMO-2');
      await eventually(() => text(link.locator('.goal-card'))).toMatch('aligns to CMO-2');
      await link.getByRole('searchbox').fill('');
      await eventually(() => text(link.locator('button.candidate[data-id="CMO-2"]'))).toMatch(
        'Current parent',
      );
    });

    it('Link: Add Parent dropdowns reports the columns it covered', async () => {
      const link = page().locator('#panel-link');
      await link.getByRole('button', { name: 'Add Parent dropdowns' }).click();
      await eventually(() => text(link.locator('.notice.success'))).toBe(
        'Added a dropdown of goal IDs to 5 Parent columns.',
      );
    });

    it('Cascade: the tree with status colours, measured vs rolled up, and alignment gaps flagged', async () => {
      const view = api().getCascade() as CascadeView;
      const byId = new Map<string, GoalView>();
      for (const goal of view.goals) if (!byId.has(goal.id)) byId.set(goal.id, goal); // the tree puts an ID's first goal first
      await page().getByRole('tab', { name: 'Cascade' }).click();
      const cascade = page().locator('#panel-cascade');
      for (const rootId of view.roots) {
        await eventually(() => cascade.locator(`.node[data-id="${rootId}"]`).first().isVisible()).toBe(true);
      }
      await eventually(() => cascade.locator('.node[data-id="DG-1"]').getAttribute('aria-level')).toBe('2'); // under CMO-2 now

      const shown = await shownIds(page());
      expect(
        shown.some((id) => byId.get(id)?.gap !== null),
        'some shown goal has a gap',
      ).toBe(true);
      for (const id of new Set(shown)) {
        const goal = byId.get(id)!;
        const node = cascade.locator(`.node[data-id="${id}"]`).first();
        expect(await node.getAttribute('class'), id).toContain(`status-${goal.status.replace(/ /g, '-')}`);
        expect(await node.locator('.gap-flag').count(), `${id} gap flag`).toBe(goal.gap === null ? 0 : 1);
        expect(await node.locator('.cycle-flag').count(), `${id} cycle flag`).toBe(goal.onCycle ? 1 : 0);
        const figures = await text(node.locator('.goal-meta'));
        if (goal.measured !== null) expect(figures, id).toContain(`measured ${percent(goal.measured)}`);
        if (goal.rolledUp !== null) expect(figures, id).toContain(`rolled up ${percent(goal.rolledUp)}`);
      }
    });

    it('Cascade: nodes collapse and expand', async () => {
      const cascade = page().locator('#panel-cascade');
      await cascade.getByRole('button', { name: 'Collapse CMO-1', exact: true }).click();
      await eventually(() => cascade.locator('.node[data-id="CT-1"]').count()).toBe(0);
      await eventually(() => cascade.locator('.node[data-id="CMO-1"]').getAttribute('aria-expanded')).toBe(
        'false',
      );
      await picture('cascade'); // CMO-1 folded, so CMO-2's tree and its alignment gap show
      await cascade.getByRole('button', { name: 'Expand CMO-1', exact: true }).click();
      await eventually(() => cascade.locator('.node[data-id="CT-1"]').isVisible()).toBe(true);
    });

    it('Cascade: search keeps the matches and their ancestors only', async () => {
      const view = api().getCascade() as CascadeView;
      const cascade = page().locator('#panel-cascade');
      await cascade.getByRole('searchbox').fill('webinar');
      const expected = withAncestors(view, (goal) => goal.title.toLowerCase().includes('webinar'));
      await eventually(() => shownIds(page())).toEqual(expected);
      await eventually(() => text(cascade.locator('mark').first())).toMatch(/webinar/i);
      await picture('cascade-search');
    });

    it('Cascade: clicking a goal selects its row in the sheet', async () => {
      const view = api().getCascade() as CascadeView;
      const webinar = view.goals.find((goal) => goal.title.toLowerCase().includes('webinar'))!;
      await page().locator(`#panel-cascade .node[data-id="${webinar.id}"] button.goal`).click();
      await eventually(() => activeCell(fake())).toMatchObject({ tab: webinar.tab, row: webinar.row });
    });

    it('Cascade: each goal shows its run-rate forecast', async () => {
      const view = api().getCascade() as CascadeView;
      const cascade = page().locator('#panel-cascade');
      await cascade.getByRole('searchbox').fill('');
      const forecasted = view.goals.filter((goal) => goal.forecast !== undefined && goal.id !== '');
      expect(forecasted.length).toBeGreaterThan(0);
      for (const id of new Set(await shownIds(page()))) {
        const goal = view.goals.find((g) => g.id === id)!;
        const figures = await text(cascade.locator(`.node[data-id="${id}"]`).first().locator('.goal-meta'));
        if (goal.forecast === undefined) expect(figures, id).not.toContain('forecast');
        else expect(figures, id).toContain(`forecast ${percent(goal.forecast)}`);
      }
    });

    it('Cascade: What would it take lists the Actual each goal below needs, for any level, and goes to each', async () => {
      const view = api().getCascade() as CascadeView;
      // A goal that rolls up (no Actual of its own), so the goals below it are what counts.
      const parent = view.goals.find(
        (goal) => goal.measured === null && goal.children.length > 1 && !goal.onCycle && goal.id !== '',
      )!;
      const cascade = page().locator('#panel-cascade');
      const section = cascade.getByRole('region', { name: 'What would it take' });
      expect(await section.isVisible()).toBe(false);
      await cascade.getByRole('button', { name: `What would it take for ${parent.id}`, exact: true }).click();
      const shows = async (level: number) => {
        const expected = api().getRequired(parent.id, level) as RequiredView;
        expect(expected.requirements.length).toBeGreaterThan(0);
        // The summary and the list change together: once it names the level, the list is that level's.
        await eventually(() => text(section.locator('.required-summary'))).toContain(
          `For ${parent.id} to reach ${Math.round(level * 100)}%`,
        );
        expect(await section.locator('.requirement').count()).toBe(expected.requirements.length);
        const items = section.locator('.requirement');
        for (let k = 0; k < expected.requirements.length; k++) {
          const r = expected.requirements[k];
          expect(await items.nth(k).getAttribute('data-id')).toBe(r.id);
          expect(await text(items.nth(k).locator('.requirement-need'))).toBe(needText(r));
        }
        return expected;
      };
      const atFull = await shows(1);
      expect(atFull.requirements.some((r) => r.verdict === 'needs' && r.actualNeeded !== null)).toBe(true);
      await picture('what-would-it-take');
      await section.getByRole('spinbutton').fill('140');
      await section.getByRole('button', { name: 'Show' }).click();
      await shows(1.4);
      const first = atFull.requirements[0];
      await section.locator('.requirement button.goal').first().click();
      await eventually(() => activeCell(fake())).toMatchObject({ tab: first.tab, row: first.row });
      await section.getByRole('button', { name: 'Close What would it take' }).click();
      expect(await section.isVisible()).toBe(false);
    });

    it('a goal titled with markup shows as text and runs nothing', async () => {
      const cascade = page().locator('#panel-cascade');
      await cascade.getByRole('searchbox').fill('onerror');
      const title = cascade.locator('.node[data-id="CT-5"] .goal-title');
      await eventually(() => text(title)).toBe(MARKUP_TITLE);
      expect(await page().locator('img').count()).toBe(0);
      expect(session.browser.dialogs).toEqual([]);
      await cascade.getByRole('searchbox').fill('');
    });

    it('Cascade: opened all the way, the tree shows every goal once, duplicates and cycles included', async () => {
      await eventually(() => page().locator('#panel-cascade .node[data-id="CT-5"]').count()).toBe(1);
      await expandAll(page());
      expect(await shownIds(page())).toEqual(goalIdsOf(workbook.tabs()).sort());
    });

    it('Roll up writes the Roll-up tab: every goal with its title as text, the user’s tabs untouched', async () => {
      const userTabs = () =>
        snapshotSpreadsheet(fake().spreadsheet).filter((sheet) => !isReservedTabName(sheet.name));
      const before = userTabs();
      const cascade = page().locator('#panel-cascade');
      await cascade.getByRole('button', { name: 'Roll up' }).click();
      await eventually(() => text(cascade.locator('.notice.success'))).toMatch(
        new RegExp(
          `^Wrote ${goalIdsOf(workbook.tabs()).length} goals and \\d+ scorecards to the Roll-up tab\\.$`,
        ),
      );
      expect(userTabs()).toEqual(before);

      const formulas = dumpFormulas(fake().spreadsheet)[ROLLUP_TAB];
      expect(formulas.flat().filter((formula) => formula !== '')).toEqual([]);
      const report = dumpValues(fake().spreadsheet)[ROLLUP_TAB];
      const values = dumpValues(fake().spreadsheet);
      for (const tab of before.map((sheet) => sheet.name)) {
        for (const [id, title] of values[tab].slice(1)) {
          if (id === '') continue;
          const rows = report.filter((cells) => cells[0] === id && withoutIndent(cells[1]) === title);
          expect(rows.length, `${tab} ${String(id)}: ${String(title)}`).toBeGreaterThan(0);
        }
      }
    });

    it('Record check-in writes a row per goal to Check-ins; a goal checked in before shows its sparkline and change', async () => {
      const view = api().getCascade() as CascadeView;
      const tracked = view.goals.find((goal) => goal.final !== null && goal.id !== '' && !goal.onCycle)!;
      // An earlier check-in for one goal, as if recorded long ago.
      const history = fake().spreadsheet.insertSheet(HISTORY_TAB, fake().spreadsheet.sheets.length);
      history
        .getRange(1, 1, 2, 8)
        .setValues([[...HISTORY_HEADERS], ['2020-01-01', tracked.id, '', '', 0.01, '', '', '']]);
      const cascade = page().locator('#panel-cascade');
      await cascade.getByRole('button', { name: 'Record check-in' }).click();
      await eventually(() => text(cascade.locator('.notice.success'))).toMatch(
        /^Recorded \d+ goals for \d{4}-\d\d-\d\d in the Check-ins tab\.$/,
      );
      const recorded = Number(/Recorded (\d+)/.exec(await text(cascade.locator('.notice.success')))![1]);
      expect(dumpValues(fake().spreadsheet)[HISTORY_TAB]).toHaveLength(2 + recorded);
      const node = cascade.locator(`.node[data-id="${tracked.id}"]`).first();
      await eventually(() => node.locator('svg.sparkline polyline').count()).toBe(1);
      expect(await node.locator('svg.sparkline').getAttribute('aria-label')).toMatch(
        /^Trend over 2 check-ins: 1% to \d+%$/,
      );
      expect(await text(node.locator('.trend-change'))).toMatch(/^▲ \+\d+ pts since last check-in$/);
      await node.scrollIntoViewIfNeeded();
      await picture('check-in');
    });

    it('a failing call shows its error message', async () => {
      fake().log.failAfter(0, { always: true });
      try {
        const cascade = page().locator('#panel-cascade');
        await cascade.getByRole('button', { name: 'Roll up' }).click();
        await eventually(() => text(cascade.locator('.notice.error'))).toMatch('Injected fault');
        await eventually(() => disabled(cascade.getByRole('button', { name: 'Roll up' }))).toBe(false);
        await picture('error');
      } finally {
        fake().log.heal();
      }
    });

    it('loaded nothing remote and raised no page errors', () => {
      expect(session.browser.blocked).toEqual([]);
      expect(session.browser.errors).toEqual([]);
      expect(session.browser.dialogs).toEqual([]);
    });
  });
});
