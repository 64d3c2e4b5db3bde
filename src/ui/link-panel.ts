// The Link panel: pick a parent for the goal in the selected row from every goal in the workbook.
import type { LinkView } from '../server/api';
import { button, type Child, el, replaceChildren } from './dom';
import { idKey, matchesQuery, percent, plural } from './format';
import type { Panel, PanelContext } from './panel';
import { createNotice } from './progress';
import { call } from './rpc';

type Candidate = LinkView['candidates'][number];
type LinkedGoal = NonNullable<LinkView['goal']>;

export function createLinkPanel({ progress, workbookChanged }: PanelContext): Panel {
  const notice = createNotice();
  const goalCard = el('div', { className: 'card goal-card' });
  const search = el('input', {
    className: 'search',
    type: 'search',
    attrs: { placeholder: 'Search ID, goal, owner or tab', 'aria-label': 'Search possible parents' },
  });
  const heading = el('h2', {});
  // Why no parent can be chosen, said once when it is the same for all (a key result, a tab without a Parent column).
  const refusal = el('p', { className: 'error small refusal' });
  const list = el('ul', { className: 'candidates', attrs: { 'aria-label': 'Possible parents' } });
  const candidatesSection = el('div', { className: 'candidates-section' }, refusal, search, heading, list);
  const element = el(
    'section',
    { className: 'panel' },
    el(
      'div',
      { className: 'toolbar' },
      button('Use selected row', () => void load(), {
        className: 'action',
        data: { testid: 'use-selection' },
      }),
    ),
    notice.element,
    goalCard,
    candidatesSection,
    el(
      'div',
      { className: 'footer-section' },
      el('h2', {}, 'In the sheet'),
      el(
        'p',
        { className: 'secondary small' },
        'Let people pick a parent in the sheet itself: each Parent column gets a dropdown of every goal ID.',
      ),
      button('Add Parent dropdowns', () => void addDropdowns()),
    ),
  );
  let view: LinkView | null = null;
  search.addEventListener('input', () => renderCandidates());

  async function load(): Promise<void> {
    const next = await progress.run('Reading the selected row…', notice, () => call('getLinkView'));
    if (next) show(next);
  }

  /** parentId '' makes the goal top-level. goal.id goes along so the server refuses if the row changed meanwhile. */
  async function link(goal: LinkedGoal, parentId: string): Promise<void> {
    const label = parentId ? `Linking ${goal.id} to ${parentId}…` : `Removing the parent of ${goal.id}…`;
    const next = await progress.run(label, notice, () =>
      call('linkToParent', goal.tab, goal.row, parentId, goal.id),
    );
    if (!next) return;
    workbookChanged();
    show(next);
    const was = goal.parentId ? ` (was ${goal.parentId})` : '';
    const now = parentId ? `now aligns to ${parentId}${was}` : `is now a top-level goal${was}`;
    notice.success(`${goal.id} ${now}. Parent cell written on ${goal.tab}, row ${goal.row}.`);
  }

  async function addDropdowns(): Promise<void> {
    const result = await progress.run('Adding Parent dropdowns…', notice, () => call('addParentDropdowns'));
    if (result) notice.success(`Added a dropdown of goal IDs to ${plural(result.columns, 'Parent column')}.`);
  }

  function show(next: LinkView): void {
    view = next;
    replaceChildren(goalCard, ...renderGoal(next, (goal) => void link(goal, '')));
    candidatesSection.hidden = next.goal === null;
    renderCandidates();
  }

  function renderCandidates(): void {
    const goal = view?.goal;
    if (!view || !goal) return;
    // The goal itself is never a choice: leave it out rather than list it disabled.
    const others = view.candidates.filter((c) => idKey(c.id) !== idKey(goal.id));
    const common = commonRefusal(others);
    replaceChildren(refusal, common);
    refusal.hidden = common === '';
    const shown = others.filter((c) => matchesQuery(search.value, c.id, c.title, c.owner, c.tab));
    replaceChildren(
      heading,
      search.value.trim() ? `Possible parents (${shown.length} of ${others.length})` : 'Possible parents',
    );
    replaceChildren(
      list,
      ...(shown.length > 0
        ? shown.map((candidate) =>
            renderCandidate(goal, candidate, () => void link(goal, candidate.id), common !== ''),
          )
        : [el('li', { className: 'empty gray' }, emptyMessage(search.value.trim()))]),
    );
  }

  // The selection in the sheet may have moved since last time, so every visit reads it again.
  return { title: 'Link', element, activate: () => void load(), invalidate: () => {} };
}

/** The reason every candidate is refused, when it is one and the same for all (the goal's own); else ''. */
function commonRefusal(candidates: readonly Candidate[]): string {
  const reasons = new Set(candidates.map((c) => (c.allowed ? '' : c.reason)));
  return reasons.size === 1 && !reasons.has('') ? [...reasons][0] : '';
}

function emptyMessage(query: string): string {
  return query ? `No goal matches “${query}”.` : 'No other goal in the workbook yet.';
}

function renderGoal(view: LinkView, unlink: (goal: LinkedGoal) => void): Child[] {
  const goal = view.goal;
  if (!goal) {
    return [
      el('div', { className: 'card-label' }, 'No goal selected'),
      el('p', { className: 'gray' }, view.reason || 'Select a goal row on a goal tab.'),
      el('p', { className: 'secondary small' }, 'Then press “Use selected row”.'),
    ];
  }
  return [
    el('div', { className: 'card-label' }, 'Selected goal'),
    el('div', { className: 'goal-line' }, el('span', { className: 'goal-id' }, goal.id), ' ', goal.title),
    el(
      'div',
      { className: 'secondary small' },
      `${goal.tab} · row ${goal.row} · `,
      goal.parentId ? `aligns to ${goal.parentId}` : 'top-level goal (no parent)',
    ),
    goal.parentId &&
      button('Remove parent', () => unlink(goal), {
        className: 'link-button small',
        title: `Clears the Parent cell: ${goal.id} becomes a top-level goal`,
      }),
  ];
}

/** `reasonAbove`: the refusal is said once above the list, so the candidate does not repeat it. */
function renderCandidate(
  goal: LinkedGoal,
  candidate: Candidate,
  choose: () => void,
  reasonAbove = false,
): HTMLElement {
  const isCurrent = goal.parentId !== '' && idKey(goal.parentId) === idKey(candidate.id);
  const reason = !candidate.allowed ? candidate.reason : isCurrent ? 'Current parent.' : '';
  const shownReason = reasonAbove && !candidate.allowed ? '' : reason;
  const choice = button(
    [
      el(
        'span',
        { className: 'candidate-main' },
        el('span', { className: 'goal-id' }, candidate.id),
        ' ',
        el('span', { className: 'candidate-title' }, candidate.title),
      ),
      el(
        'span',
        { className: 'candidate-attainment', title: 'Current attainment' },
        percent(candidate.final),
      ),
      el(
        'span',
        { className: 'candidate-meta secondary small' },
        [candidate.owner, candidate.tab].filter(Boolean).join(' · '),
      ),
      shownReason &&
        el(
          'span',
          { className: `candidate-reason small ${candidate.allowed ? 'gray' : 'error'}` },
          shownReason,
        ),
    ],
    choose,
    {
      className: 'candidate',
      disabled: !candidate.allowed || isCurrent,
      data: { id: candidate.id },
      title: candidate.allowed && !isCurrent ? `Align ${goal.id} to ${candidate.id}` : reason,
    },
  );
  return el('li', {}, choice);
}
