// The Check panel: every issue of the workbook, counted, grouped by severity then tab, each one selectable.
import type { CheckReport, IssueView, Severity } from '../server/api';
import { createStaleNote } from './changes';
import { button, el, replaceChildren } from './dom';
import { cellLabel, issuePlace, plural, sheetCell, timeOfDay } from './format';
import type { Panel, PanelContext } from './panel';
import { createNotice } from './progress';
import { call } from './rpc';

const SEVERITIES: { severity: Severity; heading: string; one: string; many: string }[] = [
  { severity: 'error', heading: 'Errors', one: 'error', many: 'errors' },
  { severity: 'warning', heading: 'Warnings', one: 'warning', many: 'warnings' },
  { severity: 'info', heading: 'Info', one: 'info', many: 'info' },
];

/** Issues whose fix is a column map: their tab gets a "Map columns" button. */
const MAPPABLE = new Set(['unread-tab', 'no-goal-tabs']);

export function createCheckPanel({ progress, workbookChanged, showPanel }: PanelContext): Panel {
  const notice = createNotice();
  const stale = createStaleNote(() => void check());
  const summary = el('div', { className: 'summary' });
  const list = el('div', { className: 'issues' });
  const recheck = button('Re-check', () => void check(), {
    className: 'action',
    data: { testid: 'recheck' },
  });
  const element = el(
    'section',
    { className: 'panel' },
    el('div', { className: 'toolbar' }, recheck),
    notice.element,
    stale.element,
    summary,
    list,
  );
  let loaded = false;

  async function check(): Promise<void> {
    const report = await progress.run('Checking the workbook…', notice, () => call('checkWorkbook'));
    if (!report) return;
    loaded = true;
    stale.shown(report.checkedAt);
    replaceChildren(
      summary,
      ...renderSummary(report),
      report.goalTabs.length === 0 && renderNoGoalTabs(insertGoalTab, () => showPanel('Columns')),
    );
    replaceChildren(list, ...renderGroups(report.issues, { select, mapColumns }));
  }

  async function insertGoalTab(): Promise<void> {
    const made = await progress.run('Inserting a goal tab…', notice, () => call('insertGoalTab', ''));
    if (!made) return;
    workbookChanged();
    await check();
    const settings = made.settingsCreated ? ' and a Settings tab with the default rules' : '';
    notice.success(`Added the goal tab ${made.tab}${settings}.`);
  }

  function mapColumns(issue: IssueView): void {
    showPanel('Columns', issue.tab);
  }

  function select(issue: IssueView): void {
    void progress.run(`Selecting ${issue.tab} ${cellLabel(issue.row, issue.col)}…`, notice, () =>
      call('selectCell', { tab: issue.tab, row: issue.row, col: issue.col }),
    );
  }

  return {
    title: 'Check',
    element,
    activate: () => {
      if (!loaded) void check();
    },
    invalidate: () => {
      loaded = false;
    },
    changed: (stamp) => stale.changed(stamp),
  };
}

function renderSummary(report: CheckReport): Node[] {
  const counts = el(
    'div',
    { className: 'counts' },
    ...SEVERITIES.map(({ severity, one, many }) =>
      el(
        'div',
        { className: `count count-${severity}`, data: { testid: `count-${severity}` } },
        el('span', { className: 'count-number' }, report.counts[severity]),
        el('span', { className: 'count-label' }, report.counts[severity] === 1 ? one : many),
      ),
    ),
  );
  const scope = el(
    'p',
    { className: 'gray small' },
    `${plural(report.goalCount, 'goal')} on ${plural(report.goalTabs.length, 'tab')} · checked at ${timeOfDay(report.checkedAt)}`,
  );
  return [counts, scope];
}

function renderNoGoalTabs(insert: () => void, mapColumns: () => void): HTMLElement {
  return el(
    'div',
    { className: 'card' },
    el('div', { className: 'card-label' }, 'No goal tabs yet'),
    el(
      'p',
      { className: 'secondary small' },
      'A goal tab has a header row (in its first 10 rows) with a Goal column and an ID, Parent, Target or Actual column. Tabs with other headers: say what their columns hold.',
    ),
    el(
      'div',
      { className: 'toolbar' },
      button('Insert goal tab from template', insert, { className: 'create' }),
      button('Map columns of my tabs', mapColumns),
    ),
  );
}

interface IssueActions {
  select(issue: IssueView): void;
  mapColumns(issue: IssueView): void;
}

function renderGroups(issues: IssueView[], actions: IssueActions): Node[] {
  if (issues.length === 0) {
    return [el('p', { className: 'empty success' }, 'No issues: every goal tab reads cleanly.')];
  }
  const groups: Node[] = [];
  for (const { severity, heading } of SEVERITIES) {
    const ofSeverity = issues.filter((issue) => issue.severity === severity);
    if (ofSeverity.length === 0) continue;
    const byTab = groupByTab(ofSeverity);
    groups.push(
      el(
        'section',
        { className: `group group-${severity}`, data: { severity } },
        el('h2', {}, `${heading} (${ofSeverity.length})`),
        ...[...byTab].map(([tab, tabIssues]) =>
          el(
            'div',
            { className: 'tab-group' },
            el('h3', {}, tab || 'Workbook'),
            el('ul', { className: 'issue-list' }, ...tabIssues.map((issue) => renderIssue(issue, actions))),
          ),
        ),
      ),
    );
  }
  return groups;
}

/** Tabs in the order their first issue appears; issues within a tab by row, then column. */
function groupByTab(issues: IssueView[]): Map<string, IssueView[]> {
  const byTab = new Map<string, IssueView[]>();
  for (const issue of issues) {
    const tabIssues = byTab.get(issue.tab) ?? [];
    tabIssues.push(issue);
    byTab.set(issue.tab, tabIssues);
  }
  for (const tabIssues of byTab.values()) tabIssues.sort((a, b) => a.row - b.row || a.col - b.col);
  return byTab;
}

function renderIssue(issue: IssueView, actions: IssueActions): HTMLElement {
  const where = issuePlace(issue);
  // Workbook-wide issues (no tab or row) have no cell to jump to.
  const canSelect = issue.tab !== '' && issue.row > 0;
  return el(
    'li',
    { className: `issue issue-${issue.severity}`, data: { code: issue.code } },
    el('span', { className: 'dot', attrs: { 'aria-hidden': 'true' } }),
    el(
      'div',
      { className: 'issue-text' },
      el('div', { className: 'issue-message' }, issue.message),
      where && el('div', { className: 'secondary small' }, where),
    ),
    el(
      'div',
      { className: 'issue-actions' },
      canSelect &&
        button('Select', () => actions.select(issue), {
          className: 'small-button',
          title: `Go to ${issue.tab}, ${cellLabel(issue.row, issue.col)}`,
          // Twenty buttons all called "Select" tell a screen reader nothing: each says what it selects.
          attrs: { 'aria-label': selectLabel(issue) },
        }),
      MAPPABLE.has(issue.code) &&
        button('Map columns', () => actions.mapColumns(issue), {
          className: 'small-button',
          title: issue.tab
            ? `Say what the columns of ${issue.tab} hold`
            : 'Say what the columns of your tabs hold',
        }),
    ),
  );
}

/** "Select goal MKT-3 on Goals!B4", or "Select Goals!B4" for an issue of no goal. */
export function selectLabel(issue: IssueView): string {
  const where = sheetCell(issue.tab, issue.row, issue.col);
  return issue.goalId ? `Select goal ${issue.goalId} on ${where}` : `Select ${where}`;
}
