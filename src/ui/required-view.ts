// What would it take: for a goal chosen in the Cascade panel, the Actual each goal feeding it needs, on its own, for it to reach a level.
import type { GoalView, RequiredView, RequirementView } from '../server/api';
import { button, el, replaceChildren } from './dom';
import { percent } from './format';
import type { Notice, Progress } from './progress';
import { call } from './rpc';

/** The level asked for first: the full target. */
const DEFAULT_LEVEL_PERCENT = 100;

export interface RequiredSection {
  readonly element: HTMLElement;
  /** Shows the section for this goal and asks the server at the level in the box. */
  open(goal: GoalView): Promise<void>;
  close(): void;
}

/** `jump` selects a goal's row in the sheet. */
export function createRequiredSection(
  progress: Progress,
  notice: Notice,
  jump: (tab: string, row: number, id: string) => void,
): RequiredSection {
  const heading = el('h3', { className: 'required-heading' });
  const level = el('input', {
    className: 'required-level',
    type: 'number',
    attrs: { min: '0', max: '1000', step: '5', 'aria-label': 'Attainment to reach, in percent' },
  });
  level.value = String(DEFAULT_LEVEL_PERCENT);
  const summary = el('p', { className: 'secondary small required-summary' });
  const list = el('ul', { className: 'required-list', attrs: { 'aria-label': 'What each goal needs' } });
  let goal: GoalView | null = null;
  const element = el(
    'section',
    { className: 'required', attrs: { 'aria-label': 'What would it take' } },
    el(
      'div',
      { className: 'required-head' },
      heading,
      button('×', () => close(), {
        className: 'required-close',
        attrs: { 'aria-label': 'Close What would it take' },
      }),
    ),
    el(
      'form',
      {
        className: 'required-form',
        on: {
          submit: (event) => {
            event.preventDefault();
            void load();
          },
        },
      },
      el('label', {}, 'To reach ', level, ' %'),
      button('Show', () => void load(), { className: 'action' }),
    ),
    summary,
    list,
  );
  element.hidden = true;

  async function load(): Promise<void> {
    if (goal === null) return;
    const wanted = Number(level.value);
    if (!Number.isFinite(wanted) || wanted < 0) {
      notice.error('Type the attainment to reach, in percent: 100 for the full target.');
      return;
    }
    const asked = goal;
    const view = await progress.run(`Working out what ${asked.id} needs…`, notice, () =>
      call('getRequired', asked.id, wanted / 100),
    );
    if (!view || goal !== asked) return;
    show(view);
  }

  function show(view: RequiredView): void {
    // A goal with an Actual of its own is measured by it: the goals below it do not lift it (the model's final rule).
    const ownActual = view.requirements.length === 1 && view.requirements[0].via.length === 0;
    replaceChildren(
      summary,
      view.requirements.length === 0
        ? `Nothing feeds ${view.id}: it has no goals below it.`
        : ownActual
          ? `For ${view.id} to reach ${percent(view.level)} (now ${percent(view.final)}): it is measured by its own Actual, so the goals below it do not lift it.`
          : `For ${view.id} to reach ${percent(view.level)} (now ${percent(view.final)}), each goal on its own, the others as they are:`,
    );
    replaceChildren(list, ...view.requirements.map(renderRequirement));
  }

  function renderRequirement(r: RequirementView): HTMLElement {
    return el(
      'li',
      { className: `requirement verdict-${r.verdict}`, data: { id: r.id } },
      button(
        [
          el(
            'span',
            { className: 'goal-head' },
            el('span', { className: 'goal-id' }, r.id),
            el('span', { className: 'goal-title' }, r.title),
          ),
          el('span', { className: 'requirement-need small' }, needText(r)),
          r.via.length > 1 &&
            el('span', { className: 'secondary small' }, `via ${r.via.slice(1).join(' › ')}`),
        ],
        () => jump(r.tab, r.row, r.id),
        { className: 'goal', title: `${r.tab}, row ${r.row}: click to go there` },
      ),
    );
  }

  function close(): void {
    goal = null;
    element.hidden = true;
    replaceChildren(list);
    replaceChildren(summary);
  }

  return {
    element,
    async open(next) {
      goal = next;
      replaceChildren(heading, `What would it take: ${next.id}`);
      heading.title = next.title;
      element.hidden = false;
      replaceChildren(list);
      replaceChildren(summary);
      await load();
      // The section sits above the tree: a goal chosen far down would leave it out of sight (and the sidebar gives
      // focus back to the button pressed once a call is done), so focus and show the level box.
      level.focus({ preventScroll: true });
      element.scrollIntoView({ block: 'start' });
    },
    close,
  };
}

/** What one goal needs, in words: an Actual (with its unit and where it is now), or the server's reason. */
export function needText(r: RequirementView): string {
  if (r.verdict === 'needs' && r.actualNeeded !== null) {
    const now = r.actual === null ? 'not measured yet' : `now ${amount(r.actual, r.unit)}`;
    return `needs an Actual of ${amount(r.actualNeeded, r.unit)} (${now})`;
  }
  return r.message;
}

/** 1234.5 with unit `$` -> "$1,234.5"; with `%` -> "12.3%" for 0.123; any other unit follows the number. */
function amount(value: number, unit: string): string {
  const u = unit.trim();
  if (u === '%') return `${(Math.round(value * 1000) / 10).toLocaleString('en-US')}%`;
  const text = (Math.round(value * 100) / 100).toLocaleString('en-US');
  if (u === '') return text;
  return /^[$€£¥]$/.test(u) ? `${u}${text}` : `${text} ${u}`;
}
