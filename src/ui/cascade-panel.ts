// The Cascade panel: the goal tree with attainment bars, collapsible, searchable; a click jumps to the goal.
import type { CascadeView, GoalView } from '../server/api';
import { createRollupNote, createStaleNote } from './changes';
import { button, el, replaceChildren } from './dom';
import { plural, timeOfDay } from './format';
import { createGoalTree } from './goal-tree';
import type { Panel, PanelContext } from './panel';
import { createNotice } from './progress';
import { createRequiredSection } from './required-view';
import { call } from './rpc';

export function createCascadePanel({ progress, workbookChanged }: PanelContext): Panel {
  const notice = createNotice();
  const stale = createStaleNote(() => void load());
  const rollupStale = createRollupNote(() => void rollUp());
  const summary = el('p', { className: 'gray small' });
  const search = el('input', {
    className: 'search',
    type: 'search',
    attrs: { placeholder: 'Search goals, IDs, owners', 'aria-label': 'Search the cascade' },
  });
  const tree = createGoalTree(jumpTo, (goal) => void required.open(goal));
  const required = createRequiredSection(progress, notice, (tab, row, id) => jumpToRow(tab, row, id));
  const element = el(
    'section',
    { className: 'panel' },
    el(
      'div',
      { className: 'toolbar' },
      button('Roll up', () => void rollUp(), {
        className: 'action',
        title: 'Writes every goal’s attainment and each owner’s scorecard to the Roll-up tab',
      }),
      button('Record check-in', () => void recordCheckIn(), {
        title:
          'Adds today’s figures, confidence and notes of every goal to the Check-ins tab (today’s earlier check-in is replaced)',
      }),
      button('Refresh', () => void load()),
    ),
    notice.element,
    stale.element,
    rollupStale.element,
    search,
    summary,
    required.element,
    legend(),
    tree.element,
  );
  let loaded = false;
  search.addEventListener('input', () => tree.filter(search.value));

  async function load(): Promise<void> {
    const view = await progress.run('Computing the cascade…', notice, () => call('getCascade'));
    if (!view) return;
    loaded = true;
    replaceChildren(summary, describe(view));
    summary.title = `Computed at ${timeOfDay(view.computedAt)}`;
    stale.shown(view.computedAt);
    tree.show(view, search.value);
  }

  async function rollUp(): Promise<void> {
    const result = await progress.run('Writing the Roll-up tab…', notice, () => call('rollUp'));
    if (!result) return;
    workbookChanged();
    notice.success(
      `Wrote ${plural(result.goalCount, 'goal')} and ${plural(result.scorecardCount, 'scorecard')} to the ${result.tab} tab.` +
        (result.note ? ` ${result.note}` : ''),
    );
  }

  async function recordCheckIn(): Promise<void> {
    const result = await progress.run('Recording the check-in…', notice, () => call('recordCheckIn'));
    if (!result) return;
    workbookChanged();
    // The tree again, with the new check-in in each trend; then the message (loading clears the notice).
    await load();
    const replaced =
      result.replaced > 0 ? `, replacing ${plural(result.replaced, 'row')} of earlier today` : '';
    // The note says when a tab of the user's was left alone, or an old History log renamed.
    notice.success(
      `Recorded ${plural(result.goalCount, 'goal')} for ${result.day} in the ${result.tab} tab${replaced}.` +
        (result.note ? ` ${result.note}` : ''),
    );
  }

  // A key result in numbered columns goes to its own cell: its row is its goal's.
  function jumpTo(goal: GoalView): void {
    jumpToRow(goal.tab, goal.row, goal.id, goal.col ?? 0);
  }

  function jumpToRow(tab: string, row: number, id: string, col = 0): void {
    void progress.run(`Going to ${id}…`, notice, () => call('selectCell', { tab, row, col }));
  }

  return {
    title: 'Cascade',
    element,
    activate: () => {
      if (!loaded) void load();
    },
    invalidate: () => {
      loaded = false;
    },
    changed: (stamp) => {
      stale.changed(stamp);
      rollupStale.changed(stamp);
    },
  };
}

function describe(view: CascadeView): string {
  const gaps = view.goals.filter((goal) => goal.gap !== null).length;
  const cycled = view.goals.filter((goal) => goal.onCycle).length;
  const parts = [plural(view.goals.length, 'goal'), plural(gaps, 'alignment gap')];
  if (cycled > 0) parts.push(`${cycled} on a cycle`);
  if (view.counts.error > 0) parts.push(plural(view.counts.error, 'error'));
  parts.push(view.lastCheckIn ? `last check-in ${view.lastCheckIn}` : 'no check-in yet');
  return parts.join(' · ');
}

function legend(): HTMLElement {
  const entries: [string, string][] = [
    ['status-on-track', 'on track'],
    ['status-at-risk', 'at risk'],
    ['status-off-track', 'off track'],
    ['status-not-measured', 'not measured'],
  ];
  return el(
    'div',
    { className: 'legend secondary small', attrs: { 'aria-label': 'Statuses' } },
    ...entries.map(([className, label]) =>
      el(
        'span',
        {},
        el('span', { className: `swatch ${className}`, attrs: { 'aria-hidden': 'true' } }),
        label,
      ),
    ),
  );
}
