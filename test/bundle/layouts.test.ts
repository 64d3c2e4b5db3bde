// Every layout fixture opened as a Google Sheet and read by the add-on itself: the built bundle's Cascade, Check and Roll up over the fake services, goal by goal against the fixture and the core.
import { beforeAll, describe, expect, it } from 'vitest';
import { dayOfDate } from '../../src/core/period';
import { type Analysis, analyzeWorkbook } from '../../src/core/workbook';
import type { CascadeView, CheckReport, GoalView } from '../../src/server/api';
import { goalViews, issueView } from '../../src/server/views';
import { ROLLUP_TAB } from '../../src/sheets/owned';
import { dumpValues } from '../../tools/gas-fake';
import { layoutFixtures } from '../fixtures/layouts';
import type { LayoutFixture } from '../fixtures/layouts/types';
import { type BundleSession, startBundleSession } from '../support/bundle-session';
import { coreTabs, layoutSession, sheetsTabs } from '../support/layout-sheets';

interface Opened {
  session: BundleSession;
  view: CascadeView;
  check: CheckReport;
  /** The core's analysis of the grids the fake holds, on the day the add-on judged them. */
  reference: Analysis;
  /** What the menu's Roll up said went wrong: the alerts it raised. */
  alerts: string[];
  rollup: unknown[][];
}

/** Opens the fixture in the fake spreadsheet, then asks the bundle what the sidebar and the menu ask. */
async function open(fixture: LayoutFixture): Promise<Opened> {
  const { tabs, options } = layoutSession(fixture);
  const session = await startBundleSession(tabs, options);
  const view = session.api.getCascade() as CascadeView;
  const check = session.api.checkWorkbook() as CheckReport;
  const before = session.fake.ui.alerts.length;
  session.api.menuRollUp();
  const alerts = session.fake.ui.alerts.slice(before);
  const rollup = dumpValues(session.fake.spreadsheet)[ROLLUP_TAB] ?? [];
  const timeZone = session.fake.spreadsheet.timeZone;
  const reference = analyzeWorkbook(coreTabs(sheetsTabs(fixture)), {
    decimalSeparator: fixture.decimalSeparator ?? '.',
    timeZone,
    today: dayOfDate(new Date(view.computedAt), timeZone),
  });
  return { session, view, check, reference, alerts, rollup };
}

/** The title of each goal's parent in the Cascade view (from the children lists), null for a root. */
function parentTitles(view: CascadeView): (GoalView | null)[] {
  const byId = new Map(view.goals.map((g, i) => [g.id.toLowerCase(), i]));
  const parent: (GoalView | null)[] = view.goals.map(() => null);
  for (const goal of view.goals) {
    for (const child of goal.children) {
      const i = byId.get(child.toLowerCase());
      if (i !== undefined) parent[i] = goal;
    }
  }
  return parent;
}

/** The Roll-up tab's goal rows (ID, Goal without its indent, Owner, Tab) and scorecards (Owner, Period). */
function rollupTables(values: unknown[][]): {
  goals: { id: string; title: string; owner: string; tab: string }[];
  cards: { owner: string; period: string }[];
} {
  const header = values.findIndex((row) => row[0] === 'ID' && row[1] === 'Goal');
  const cardsTitle = values.findIndex((row, r) => r > header && row[0] === 'Scorecards');
  const goals = values.slice(header + 1, cardsTitle - 1).map((row) => ({
    id: String(row[0]),
    title: String(row[1]).replace(/^\u00a0+/, ''),
    owner: String(row[2]),
    tab: String(row[3]),
  }));
  const cards = values
    .slice(cardsTitle + 2)
    .filter((row) => row[0] !== '')
    .map((row) => ({ owner: String(row[0]), period: String(row[1]) }));
  return { goals, cards };
}

describe.each(layoutFixtures.map((f) => [f.name, f] as const))('%s, opened in Sheets', (_, fixture) => {
  let opened: Opened;
  beforeAll(async () => {
    opened = await open(fixture);
  });

  it('Check reads every tab as goals, and finds the issues the core finds in the same cells', () => {
    const { check, reference } = opened;
    expect(check.goalTabs).toEqual(fixture.tabs.map((t) => t.name));
    expect(check.issues.filter((i) => i.code === 'unread-tab' || i.code === 'no-goal-tabs')).toEqual([]);
    expect(check.goalCount).toBe(fixture.expect.goals.length);
    expect(check.issues).toEqual(reference.issues.map(issueView));
    const codes = new Set(check.issues.map((i) => i.code));
    for (const code of fixture.expect.issueCodes ?? []) expect(codes).toContain(code);
    const skipped = check.issues
      .filter((i) => i.code === 'section-row' || i.code === 'total-row')
      .map((i) => ({ tab: i.tab, row: i.row, why: i.code === 'section-row' ? 'section' : 'total' }));
    expect(skipped).toEqual(fixture.expect.skippedRows ?? []);
  });

  it('Cascade gives every goal as the core gives it for the same grids', () => {
    const { view, reference } = opened;
    const core = goalViews(reference);
    expect(view.roots).toEqual(core.roots);
    expect(view.goals).toEqual(core.goals);
  });

  it.each(fixture.expect.goals.map((e, i) => [`${e.tab}: ${e.title}`, e, i] as const))(
    'Cascade: %s has its row, parent, owner, ID, measured and final attainment',
    (_, expected, i) => {
      const goal = opened.view.goals[i];
      if (goal === undefined) throw new Error(`goal ${i} missing: the view has ${opened.view.goals.length}`);
      expect([goal.tab, goal.title]).toEqual([expected.tab, expected.title]);
      if (expected.row !== undefined) expect(goal.row).toBe(expected.row);
      const parent = parentTitles(opened.view)[i];
      expect(parent === null ? null : [parent.tab, parent.title]).toEqual(
        expected.parentTitle === null ? null : [expected.parentTab ?? expected.tab, expected.parentTitle],
      );
      expect(goal.depth).toBe(parent === null ? 0 : parent.depth + 1);
      if (expected.id !== undefined) expect(goal.id).toBe(expected.id);
      if (expected.owner !== undefined) expect(goal.owner).toBe(expected.owner);
      if (expected.measured === null) expect(goal.measured).toBeNull();
      else if (expected.measured !== undefined) expect(goal.measured).toBeCloseTo(expected.measured, 9);
      if (expected.final === null) expect(goal.final).toBeNull();
      else if (expected.final !== undefined) expect(goal.final).toBeCloseTo(expected.final, 9);
    },
  );

  it('Roll up writes its tab without an alert, listing every goal once with its owner and tab', () => {
    const { alerts, rollup, view } = opened;
    expect(alerts).toEqual([]);
    const { goals } = rollupTables(rollup);
    const key = (g: { tab: string; title: string }) => `${g.tab} | ${g.title}`;
    expect(goals.map(key).sort()).toEqual(fixture.expect.goals.map(key).sort());
    const viewOf = new Map(view.goals.map((g) => [g.id, g]));
    for (const row of goals) {
      const goal = viewOf.get(row.id);
      expect(goal, row.id).toBeDefined();
      expect([row.title, row.owner, row.tab]).toEqual([goal?.title, goal?.owner, goal?.tab]);
    }
  });

  it('Roll up lists the scorecards the core gives, each goal’s owner with the period the fixture expects', () => {
    const { rollup, reference } = opened;
    const { cards } = rollupTables(rollup);
    expect(cards).toEqual(reference.cards.map((c) => ({ owner: c.owner, period: c.period })));
    for (const [i, expected] of fixture.expect.goals.entries()) {
      if (expected.period === undefined) continue;
      const owner = opened.view.goals[i]?.owner ?? '';
      expect(owner, `${expected.title}: a period is shown only on its owner's scorecard`).not.toBe('');
      expect(cards, `${expected.title}: ${owner}, ${expected.period}`).toContainEqual({
        owner,
        period: expected.period,
      });
    }
  });
});
