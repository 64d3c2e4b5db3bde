// The cascade as a flat, indented tree: collapsible nodes, search that keeps ancestors, one button per goal.
import type { CascadeView, GoalView, StatusText } from '../server/api';
import { button, el, replaceChildren } from './dom';
import { idKey, matchesQuery, percent, points, statusClass } from './format';
import { highlight } from './highlight';
import { sparkline } from './sparkline';

/** Levels shown open the first time a goal appears: the top goals and their children. */
const OPEN_BELOW_DEPTH = 2;
/** Indentation stops growing here so deep trees still fit in a 300px sidebar. */
const MAX_INDENT = 6;

export interface GoalTree {
  readonly element: HTMLElement;
  show(view: CascadeView, query: string): void;
  filter(query: string): void;
}

/** `choose` goes to a goal; `askRequired`, when given, opens What would it take for a goal with goals below it. */
export function createGoalTree(
  choose: (goal: GoalView) => void,
  askRequired?: (goal: GoalView) => void,
): GoalTree {
  const element = el('ul', { className: 'tree', attrs: { role: 'tree', 'aria-label': 'Goal cascade' } });
  let goals = new Map<string, GoalView>();
  let roots: string[] = [];
  const expanded = new Set<string>();
  const seen = new Set<string>();
  // While searching, every shown node is open unless collapsed during that search; clearing it restores the tree.
  let query = '';
  let collapsedInSearch = new Set<string>();
  // Goals whose error messages are shown; ids of the lists, unique per render.
  const errorsOpen = new Set<string>();
  const errorListIds = new Set<string>();

  function isOpen(key: string): boolean {
    return query ? !collapsedInSearch.has(key) : expanded.has(key);
  }

  function toggle(key: string): void {
    const set = query ? collapsedInSearch : expanded;
    if (set.has(key)) set.delete(key);
    else set.add(key);
    render();
  }

  function render(): void {
    errorListIds.clear();
    const shown = query ? matchesWithAncestors(goals, query) : null;
    const rows: HTMLElement[] = [];
    const placed = new Set<string>();
    // Iterative depth-first walk: no recursion limit, and `placed` stops cycles and duplicate IDs.
    // `under` is set for a shared goal's row under one of its other parents: a leaf that says its share there.
    const stack: { key: string; level: number; under?: string }[] = [...roots, ...orphans(goals, roots)]
      .reverse()
      .map((key) => ({ key, level: 0 }));
    while (stack.length > 0) {
      const { key, level, under } = stack.pop()!;
      const goal = goals.get(key);
      if (!goal || (shown && !shown.has(key))) continue;
      if (under !== undefined) {
        rows.push(renderNode(goal, level, null, key, shareNote(goal, under)));
        continue;
      }
      if (placed.has(key)) continue;
      placed.add(key);
      const children = goal.children
        .map(idKey)
        .filter((child) => goals.has(child) && (!shown || shown.has(child)))
        .map((child) => ({ child, elsewhere: !isPrimaryParent(goals.get(child)!, goal) }))
        .filter(({ child, elsewhere }) => elsewhere || !placed.has(child));
      const open = children.length > 0 && isOpen(key);
      const note = goal.shares === undefined ? '' : shareNote(goal, goal.shares[0].parentId);
      rows.push(renderNode(goal, level, children.length > 0 ? open : null, key, note));
      if (open) {
        for (const { child, elsewhere } of [...children].reverse()) {
          stack.push(
            elsewhere ? { key: child, level: level + 1, under: goal.id } : { key: child, level: level + 1 },
          );
        }
      }
    }
    if (rows.length === 0) {
      rows.push(
        el(
          'li',
          { className: 'empty gray' },
          query
            ? `No goal matches “${query.trim()}”.`
            : 'No goals yet: a goal tab needs an ID column and a Goal column.',
        ),
      );
    }
    replaceChildren(element, ...rows);
  }

  function renderNode(
    goal: GoalView,
    level: number,
    open: boolean | null,
    key: string,
    note = '',
  ): HTMLElement {
    const toggleControl =
      open === null
        ? el('span', { className: 'toggle-spacer', attrs: { 'aria-hidden': 'true' } })
        : button(open ? '▾' : '▸', () => toggle(key), {
            className: 'toggle',
            attrs: { 'aria-label': `${open ? 'Collapse' : 'Expand'} ${goal.id}` },
          });
    const item = el(
      'li',
      {
        className: `node ${statusClass(goal.status)}`,
        data: { id: goal.id },
        attrs: { role: 'treeitem', 'aria-level': String(level + 1) },
      },
      toggleControl,
      el(
        'div',
        { className: 'node-body' },
        renderGoalButton(goal, query, () => choose(goal)),
        note !== '' && el('span', { className: 'shared-note gray' }, note),
        goal.errors !== undefined && renderErrors(goal, goal.errors, key),
      ),
      askRequired !== undefined &&
        goal.children.length > 0 &&
        button('Needs', () => askRequired(goal), {
          className: 'ask-required',
          title: `What would it take for ${goal.id} to reach a level: what each goal below it needs`,
          attrs: { 'aria-label': `What would it take for ${goal.id}` },
        }),
    );
    if (open !== null) item.setAttribute('aria-expanded', String(open));
    item.style.paddingLeft = `${Math.min(level, MAX_INDENT) * 14}px`;
    return item;
  }

  /** The marker of a goal's errors (a button: it sits beside the goal's button, never inside it) and their messages. */
  function renderErrors(goal: GoalView, messages: string[], key: string): HTMLElement {
    const open = errorsOpen.has(key);
    const count = `${messages.length} error${messages.length === 1 ? '' : 's'}`;
    const list = el(
      'ul',
      { className: 'goal-errors small', attrs: { id: `errors-${errorListIds.size}` } },
      ...messages.map((message) => el('li', {}, message)),
    );
    errorListIds.add(key);
    list.hidden = !open;
    const toggle = button(
      [el('span', { attrs: { 'aria-hidden': 'true' } }, '⚠ '), count],
      () => {
        if (errorsOpen.has(key)) errorsOpen.delete(key);
        else errorsOpen.add(key);
        render();
      },
      {
        className: 'error-toggle small',
        title: open ? 'Hide the errors' : 'Show what blocks this goal',
        attrs: {
          'aria-expanded': String(open),
          'aria-controls': list.id,
          'aria-label': `${count} on ${goal.id}`,
        },
      },
    );
    return el('div', { className: 'goal-error-box' }, toggle, list);
  }

  return {
    element,
    show(view, nextQuery) {
      goals = new Map();
      for (const goal of view.goals) {
        // An ID already taken (a duplicate, or a second blank one) names the first goal; this one still
        // gets a node of its own, as an orphan at the top, rather than vanish from the tree.
        const key = goals.has(idKey(goal.id)) ? `\u0000${goal.tab}\u0000${goal.row}` : idKey(goal.id);
        goals.set(key, goal);
      }
      roots = view.roots.map(idKey);
      for (const [key, goal] of goals) {
        if (!seen.has(key) && goal.depth < OPEN_BELOW_DEPTH) expanded.add(key);
        seen.add(key);
      }
      query = nextQuery.trim();
      render();
    },
    filter(nextQuery) {
      if (nextQuery.trim() === query) return;
      query = nextQuery.trim();
      collapsedInSearch = new Set();
      render();
    },
  };
}

function renderGoalButton(goal: GoalView, query: string, onClick: () => void): HTMLButtonElement {
  const fill = el('span', { className: 'bar-fill' });
  fill.style.width = `${Math.max(0, Math.min(goal.final ?? 0, 1)) * 100}%`;
  const figures: string[] = [];
  if (goal.measured !== null) figures.push(`measured ${percent(goal.measured)}`);
  if (goal.children.length > 0) figures.push(`rolled up ${percent(goal.rolledUp)}`);
  if (figures.length === 0) figures.push('not measured yet');
  // The run-rate projection to the period's end, and its payout where Settings has a curve.
  if (goal.forecast !== undefined)
    figures.push(
      `forecast ${percent(goal.forecast)}${goal.forecastPayout === undefined ? '' : ` (pays ${percent(goal.forecastPayout)})`}`,
    );
  return button(
    [
      el(
        'span',
        { className: 'goal-head' },
        el('span', { className: 'goal-id', title: goal.id }, ...highlight(goal.id, query)),
        el('span', { className: 'goal-title' }, ...highlight(goal.title, query)),
        el(
          'span',
          { className: 'goal-percent', title: `Final attainment: ${goal.status}` },
          percent(goal.final),
        ),
      ),
      el('span', { className: 'bar', attrs: { 'aria-hidden': 'true' } }, fill),
      // Owner and figures share one line; the tab is in the tooltip (and still found by search).
      el(
        'span',
        { className: 'goal-meta secondary small' },
        statusBadge(goal.status),
        ' · ',
        goal.owner && el('span', { className: 'goal-owner' }, ...highlight(goal.owner, query)),
        goal.owner && ' · ',
        figures.join(' · '),
      ),
      (goal.sinceLast !== undefined || (goal.trend?.length ?? 0) > 1) && trendLine(goal),
      goal.gap !== null &&
        el(
          'span',
          {
            className: 'flag gap-flag small',
            title: 'The outcome measured on its own and what the goals below it roll up to differ too much',
          },
          `Alignment gap ${points(goal.gap)}`,
        ),
      goal.onCycle &&
        el('span', { className: 'flag cycle-flag small' }, 'On a cycle of Parent links: no roll-up'),
    ],
    onClick,
    { className: 'goal', title: `${goal.tab}, row ${goal.row}: click to go there` },
  );
}

/** Status in words with a mark, so it never rests on colour alone; the mark is hidden from screen readers. */
const STATUS_MARKS: Record<StatusText, string> = {
  'on track': '✓',
  'at risk': '!',
  'off track': '✕',
  'not measured': '–',
};

function statusBadge(status: StatusText): HTMLElement {
  return el(
    'span',
    { className: 'goal-status' },
    el('span', { className: 'status-mark', attrs: { 'aria-hidden': 'true' } }, STATUS_MARKS[status]),
    ` ${status}`,
  );
}

/** The goal's sparkline (two check-ins or more) and its change since the last check-in: `▲ 5 pts since last check-in`. */
function trendLine(goal: GoalView): HTMLElement {
  const values = goal.trend ?? [];
  const label = `Trend over ${values.length} check-in${values.length === 1 ? '' : 's'}: ${percent(values[0])} to ${percent(values[values.length - 1])}`;
  const change = goal.sinceLast;
  const direction =
    change === undefined || Math.round(change * 100) === 0 ? 'flat' : change > 0 ? 'up' : 'down';
  const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '■';
  return el(
    'span',
    { className: 'trend small secondary', title: label },
    // One check-in is no trend yet: a line needs two points.
    values.length > 1 && sparkline(values, label),
    change !== undefined &&
      el(
        'span',
        { className: `trend-change trend-${direction}` },
        `${arrow} ${points(change)} since last check-in`,
      ),
  );
}

/** Whether `parent` is the first of a shared goal's parents (where its own goals show), or its only one. */
function isPrimaryParent(child: GoalView, parent: GoalView): boolean {
  return child.shares === undefined || idKey(child.shares[0].parentId) === idKey(parent.id);
}

/** A shared goal's note under one of its parents: `shared: 40% here`, and where its own goals are when elsewhere. */
function shareNote(goal: GoalView, parentId: string): string {
  const shares = goal.shares ?? [];
  const here = shares.find((s) => idKey(s.parentId) === idKey(parentId));
  const share = here === undefined ? '' : `${Math.round(here.share * 1000) / 10}% `;
  const primary = shares[0]?.parentId;
  const elsewhere =
    primary !== undefined && idKey(primary) !== idKey(parentId) ? `; its goals are under ${primary}` : '';
  return `shared: ${share}here${elsewhere}`;
}

/**
 * Keys of goals matching the query, plus every ancestor of each, so matches keep their place in the tree: a goal
 * shared by several parents leads up through each of them.
 */
function matchesWithAncestors(goals: Map<string, GoalView>, query: string): Set<string> {
  const parentsOf = new Map<string, string[]>();
  for (const [key, goal] of goals) {
    for (const child of goal.children) {
      const parents = parentsOf.get(idKey(child));
      if (parents === undefined) parentsOf.set(idKey(child), [key]);
      else parents.push(key);
    }
  }
  const shown = new Set<string>();
  const stack: string[] = [];
  for (const [key, goal] of goals) {
    if (!matchesQuery(query, goal.id, goal.title, goal.owner, goal.tab)) continue;
    // Walk up until the tops or goals already shown; `shown` also ends walks around a cycle.
    stack.push(key);
    while (stack.length > 0) {
      const at = stack.pop()!;
      if (shown.has(at)) continue;
      shown.add(at);
      for (const parent of parentsOf.get(at) ?? []) stack.push(parent);
    }
  }
  return shown;
}

/** Goals no root reaches (the server lists every root, but a tree must never hide a goal). */
function orphans(goals: Map<string, GoalView>, roots: string[]): string[] {
  const reached = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const key = stack.pop()!;
    const goal = goals.get(key);
    if (!goal || reached.has(key)) continue;
    reached.add(key);
    for (const child of goal.children) stack.push(idKey(child));
  }
  return [...goals.keys()].filter((key) => !reached.has(key));
}
