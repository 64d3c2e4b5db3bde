// The whole analysis of a workbook: settings, goal tabs, links, cascade, scorecards and advice, in one pass.
import { advise } from './advise';
import { UTC } from './calendar';
import { cascade } from './cascade';
import { type Efficiency, efficiency } from './efficiency';
import { frozenChanges, isFrozenLog } from './freeze';
import { type Links, linkGoals } from './graph';
import { inspectTab } from './header';
import { type Issue, issueAt, NOWHERE } from './issues';
import type { CascadeResults, Goal, Grid, Scorecard, Settings } from './model';
import { type Payouts, payouts } from './payouts';
import { type Period, parsePeriod } from './period';
import { isRosterTab, type Roster, readRoster } from './roster';
import { groupByOwnerPeriod, type OwnerPeriod, scorecards } from './score';
import { readSettings } from './settings';
import { columnMapOf, type Merge, readGoalTab } from './table';

export interface TabInput {
  name: string;
  /** The tab's values from A1, as getValues() returns them. */
  grid: Grid;
  /** Added to grid row numbers when the grid does not start at row 1. */
  rowOffset?: number;
  /** Merged cells, 1-based in the grid: a merged Objective, Parent, Owner or Period applies to every row it covers. */
  merges?: readonly Merge[];
}

export interface Analysis {
  goals: Goal[];
  /** Each goal's cascade result, by goal index: results.final(i), results.at(i). */
  results: CascadeResults;
  cards: Scorecard[];
  /** Every issue, in workbook order (tab, row), then by severity. */
  issues: Issue[];
  goalTabs: string[];
  settings: Settings;
  /** The goals of each scorecard, by card index (cards[c] is groups[c]'s owner and period). */
  groups: OwnerPeriod[];
  /** Payouts in money and their subtotals, from a Roster tab; null without one. */
  payouts: Payouts | null;
  /** Spend rolled up the tree and return per dollar, from Budget/Spend columns; null when no goal has either. */
  efficiency: Efficiency | null;
  /** UTC day number the status was judged at; null = judged against full targets. */
  today: number | null;
  links: Links;
}

export interface AnalyzeOptions {
  /** Used as is; otherwise read from a tab named Settings, or the defaults. */
  settings?: Settings;
  today?: number | null;
  /** The spreadsheet locale's decimal separator, for numbers typed as text; a Settings row overrides it. */
  decimalSeparator?: '.' | ',';
  /** The spreadsheet's time zone, which Date cells are read in (default UTC). Ignored when `settings` is given: they carry one. */
  timeZone?: string;
  /**
   * The Frozen payouts log (the tab Freeze period appends to), when there is one: each period frozen there is compared
   * with today's scorecards (frozen-period-changed). Which tab it is, the caller knows: the add-on marks its log.
   */
  frozen?: TabInput | null;
}

const SETTINGS_TAB = 'settings';
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

export function analyzeWorkbook(tabs: readonly TabInput[], options: AnalyzeOptions = {}): Analysis {
  const issues: Issue[] = [];
  const settingsTab = tabs.find((t) => t.name.trim().toLowerCase() === SETTINGS_TAB);
  const settings =
    options.settings ??
    readSettingsInto(settingsTab, options.decimalSeparator ?? '.', options.timeZone ?? UTC, issues);

  const listed = new Set(settings.goalTabs.map((n) => n.trim().toLowerCase()));
  for (const name of settings.goalTabs) {
    if (!tabs.some((t) => t.name.trim().toLowerCase() === name.trim().toLowerCase())) {
      issues.push(
        issueAt(
          { ...NOWHERE, tab: settingsTab?.name ?? 'Settings' },
          { code: 'settings-tab-missing', tabName: name },
        ),
      );
    }
  }

  const goals: Goal[] = [];
  const goalTabs: string[] = [];
  let roster: Roster | null = null;
  for (const tab of tabs) {
    if (tab === settingsTab) continue;
    if (isRosterTab(tab.name)) {
      const read = readRoster(tab.name, tab.grid, settings.decimalSeparator, settings.timeZone);
      roster = read.roster;
      for (const i of read.issues) issues.push(i);
      continue;
    }
    const read = readGoalTab(tab.name, tab.grid, settings, goals.length, tab);
    if (!read) {
      if (listed.has(tab.name.trim().toLowerCase())) {
        issues.push(issueAt({ ...NOWHERE, tab: tab.name }, { code: 'no-goal-tabs' }));
      } else {
        const unread = unreadTabIssue(tab, settings);
        if (unread !== null) issues.push(unread);
      }
      continue;
    }
    goalTabs.push(tab.name);
    for (const g of read.goals) goals.push(g);
    for (const i of read.issues) issues.push(i);
  }
  if (goalTabs.length === 0 && !issues.some((i) => i.code === 'no-goal-tabs')) {
    issues.push(issueAt(NOWHERE, { code: 'no-goal-tabs' }));
  }

  const today = options.today ?? null;
  const links = linkGoals(goals);
  const periodOf = periodLookup(settings);
  const cascaded = cascade(goals, links, settings, today, periodOf);
  const owners = groupByOwnerPeriod(goals, settings.defaultPeriod, settings.sharedCredit);
  const scored = scorecards(goals, cascaded.results, settings, owners);
  const advice = advise(goals, links, settings, owners);
  const spent = efficiency(goals, links);
  const paid = roster === null ? null : payouts(goals, scored.cards, owners, roster);

  for (const list of [
    links.issues,
    cascaded.issues,
    scored.issues,
    advice,
    spent.issues,
    paid?.issues ?? [],
  ]) {
    for (const i of list) issues.push(i);
  }
  const hashed = {
    goals,
    results: cascaded.results,
    cards: scored.cards,
    groups: owners,
    settings,
    payouts: paid?.payouts ?? null,
  };
  const frozen = options.frozen ?? null;
  if (frozen !== null) for (const i of frozenChanges(frozen.name, frozen.grid, hashed)) issues.push(i);
  return {
    groups: owners,
    goals,
    results: cascaded.results,
    cards: scored.cards,
    issues: sortIssues(issues, goalTabs),
    goalTabs,
    settings,
    payouts: paid?.payouts ?? null,
    efficiency: spent.efficiency,
    today,
    links,
  };
}

/** Tabs this product owns or reads otherwise: never goal tabs, never "looks like goals". */
const NOT_GOAL_TABS = /^(settings|history|check-?ins(\s*\(\d+\))?|roster|survey|roll-?up(\s*\(\d+\))?)$/i;

/** True for a tab this product owns or reads otherwise (Settings, Roll-up…): never offered as goals. */
export function isNotGoalTab(name: string): boolean {
  return NOT_GOAL_TABS.test(name.trim());
}

/** A warning for a tab that holds goal-like headers but could not be read as goals: never a silent skip. */
function unreadTabIssue(tab: TabInput, settings: Settings): Issue | null {
  if (isNotGoalTab(tab.name) || isFrozenLog(tab.grid)) return null;
  const shape = inspectTab(tab.grid, columnMapOf(settings));
  if (shape.kind !== 'near-miss') return null;
  const row = shape.row + 1 + (tab.rowOffset ?? 0);
  return issueAt(
    { tab: tab.name, row, col: 0, column: '', goalId: '' },
    { code: 'unread-tab', headers: shape.headers, missing: shape.missing },
  );
}

function readSettingsInto(
  tab: TabInput | undefined,
  decimalSeparator: '.' | ',',
  timeZone: string,
  issues: Issue[],
): Settings {
  const read = readSettings(tab ? tab.grid : null, tab?.name, decimalSeparator, timeZone);
  for (const i of read.issues) issues.push(i);
  return read.settings;
}

/** Periods repeat across thousands of goals: parse each distinct label once. */
export function periodLookup(settings: Settings): (g: Goal) => Period | null {
  const cache = new Map<string, Period | null>();
  return (g) => {
    const label = g.period || settings.defaultPeriod;
    if (!label) return null;
    let p = cache.get(label);
    if (p === undefined) {
      p = parsePeriod(label);
      cache.set(label, p);
    }
    return p;
  };
}

function sortIssues(issues: Issue[], goalTabs: readonly string[]): Issue[] {
  const tabRank = new Map(goalTabs.map((t, i) => [t, i + 1]));
  return issues
    .map((issue, seq) => ({ issue, seq }))
    .sort(
      (a, b) =>
        (tabRank.get(a.issue.tab) ?? 0) - (tabRank.get(b.issue.tab) ?? 0) ||
        a.issue.row - b.issue.row ||
        SEVERITY_RANK[a.issue.severity] - SEVERITY_RANK[b.issue.severity] ||
        a.seq - b.seq,
    )
    .map((x) => x.issue);
}
