// The Link panel: pick a parent for the goal in the selected row from every goal in the workbook.
import type { LinkView } from '../server/api';
import { button, el, replaceChildren } from './dom';
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
  const list = el('ul', { className: 'candidates', attrs: { 'aria-label': 'Possible parents' } });
  const candidatesSection = el('div', { className: 'candidates-section' }, search, heading, list);
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

  async function link(goal: LinkedGoal, candidate: Candidate): Promise<void> {
    const next = await progress.run(`Linking ${goal.id} to ${candidate.id}…`, notice, () =>
      call('linkToParent', goal.tab, goal.row, candidate.id),
    );
    if (!next) return;
    workbookChanged();
    show(next);
    const was = goal.parentId ? ` (was ${goal.parentId})` : '';
    notice.success(
      `${goal.id} now aligns to ${candidate.id}${was}. Parent cell written on ${goal.tab}, row ${goal.row}.`,
    );
  }

  async function addDropdowns(): Promise<void> {
    const result = await progress.run('Adding Parent dropdowns…', notice, () => call('addParentDropdowns'));
    if (result) notice.success(`Added a dropdown of goal IDs to ${plural(result.columns, 'Parent column')}.`);
  }

  function show(next: LinkView): void {
    view = next;
    replaceChildren(goalCard, ...renderGoal(next));
    candidatesSection.hidden = next.goal === null;
    renderCandidates();
  }

  function renderCandidates(): void {
    const goal = view?.goal;
    if (!view || !goal) return;
    const shown = view.candidates.filter((c) => matchesQuery(search.value, c.id, c.title, c.owner, c.tab));
    replaceChildren(
      heading,
      search.value.trim()
        ? `Possible parents (${shown.length} of ${view.candidates.length})`
        : 'Possible parents',
    );
    replaceChildren(
      list,
      ...(shown.length > 0
        ? shown.map((candidate) => renderCandidate(goal, candidate, () => void link(goal, candidate)))
        : [el('li', { className: 'empty gray' }, `No goal matches “${search.value.trim()}”.`)]),
    );
  }

  // The selection in the sheet may have moved since last time, so every visit reads it again.
  return { title: 'Link', element, activate: () => void load(), invalidate: () => {} };
}

function renderGoal(view: LinkView): Node[] {
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
  ];
}

function renderCandidate(goal: LinkedGoal, candidate: Candidate, choose: () => void): HTMLElement {
  const isCurrent = goal.parentId !== '' && idKey(goal.parentId) === idKey(candidate.id);
  const reason = !candidate.allowed
    ? idKey(candidate.id) === idKey(goal.id)
      ? 'This is the selected goal itself.'
      : `Would make a cycle: ${candidate.id} sits under ${goal.id}.`
    : isCurrent
      ? 'Current parent.'
      : '';
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
      reason &&
        el('span', { className: `candidate-reason small ${candidate.allowed ? 'gray' : 'error'}` }, reason),
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
