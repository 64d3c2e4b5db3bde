// The Columns panel: say what each column of a tab not read as goals holds, see whether the tab would read, save the map to Settings.
import type {
  ColumnChoiceView,
  ColumnHeaderView,
  ColumnsSaved,
  ColumnsTabView,
  ColumnsView,
  FieldOption,
  TabVerdictView,
} from '../server/api';
import { button, el, replaceChildren } from './dom';
import { columnLetter, plural } from './format';
import type { Panel, PanelContext } from './panel';
import { createNotice } from './progress';
import { call, errorMessage } from './rpc';

const IGNORE = 'ignore';
/** Wait this long after a change before asking the server what the map would read: arrowing through a list asks once. */
const HINT_DELAY_MS = 250;

interface HeaderControl {
  header: ColumnHeaderView;
  select: HTMLSelectElement;
  about: HTMLElement;
}

interface TabControl {
  tab: ColumnsTabView;
  section: HTMLElement;
  verdict: HTMLElement;
  controls: HeaderControl[];
}

export function createColumnsPanel({ progress, workbookChanged }: PanelContext): Panel {
  const notice = createNotice();
  const saveButton = button('Save', () => void save(), {
    className: 'action',
    data: { testid: 'save-columns' },
    title: 'Writes the map as Column rows of the Settings tab',
  });
  const unsaved = el('span', { className: 'unsaved secondary small', attrs: { 'aria-live': 'polite' } });
  const list = el('div', { className: 'column-tabs' });
  const element = el(
    'section',
    { className: 'panel' },
    el(
      'div',
      { className: 'toolbar' },
      saveButton,
      button('Refresh', () => void load()),
      unsaved,
    ),
    notice.element,
    el(
      'p',
      { className: 'secondary small' },
      'Tabs not read as goals. Say what each column holds: the map is kept as Column rows in the Settings tab, and every part of mbo-cascade reads with it.',
    ),
    list,
  );
  let controls: TabControl[] = [];
  let loaded = false;
  let hintTimer: ReturnType<typeof setTimeout> | undefined;
  /** Answers to older hint requests are dropped: only the latest choices count. */
  let hintRound = 0;

  async function load(focusTab?: string): Promise<void> {
    stopHints();
    const view = await progress.run('Reading the tabs’ headers…', notice, () => call('getColumns'));
    if (!view) return;
    loaded = true;
    show(view);
    if (focusTab !== undefined) focusOn(focusTab);
  }

  function show(view: ColumnsView): void {
    controls = view.tabs.map((tab, index) => renderTab(tab, index, view.fields));
    replaceChildren(
      list,
      ...(controls.length > 0
        ? controls.map((c) => c.section)
        : [
            el('p', { className: 'empty success' }, 'Every tab with headers reads as goals: nothing to map.'),
          ]),
    );
    refreshState();
  }

  function renderTab(tab: ColumnsTabView, index: number, fields: FieldOption[]): TabControl {
    const headerControls = tab.headers.map((header) => renderHeader(header, index, fields));
    const verdict = el('p', { className: 'verdict', attrs: { role: 'status', 'aria-live': 'polite' } });
    const section = el(
      'fieldset',
      { className: 'card column-tab', data: { tab: tab.tab } },
      el('legend', { className: 'column-tab-name' }, tab.tab),
      el(
        'p',
        { className: 'secondary small' },
        `Header row ${tab.row} · ${tab.kind === 'near-miss' ? 'looks like goals, not read' : 'not goals'}`,
      ),
      el(
        'ul',
        { className: 'column-list' },
        ...headerControls.map((control) =>
          el(
            'li',
            { className: 'column-item' },
            el(
              'label',
              { attrs: { for: control.select.id } },
              el(
                'span',
                { className: 'column-letter secondary', attrs: { 'aria-hidden': 'true' } },
                columnLetter(control.header.column),
              ),
              ' ',
              control.header.header,
            ),
            control.select,
            control.about,
          ),
        ),
      ),
      verdict,
    );
    const control = { tab, section, verdict, controls: headerControls };
    showVerdict(control, tab.verdict, false);
    return control;
  }

  function renderHeader(header: ColumnHeaderView, tabIndex: number, fields: FieldOption[]): HeaderControl {
    const id = `column-${tabIndex}-${header.column}`;
    const about = el('div', { className: 'column-about secondary small', attrs: { id: `${id}-about` } });
    const option = (value: string, text: string, label = text, about = '') =>
      el('option', { attrs: { value }, data: { label, about } }, text);
    const select = el(
      'select',
      {
        className: 'column-select',
        attrs: { id, 'aria-describedby': about.id },
        data: { key: header.key },
        on: { change: () => chosen(header.key, select.value) },
      },
      // A header whose name we know always reads as something: "not mapped" would be a lie.
      header.known === '' && option('', 'Not mapped'),
      ...fields.map((f) =>
        option(f.field, f.field === header.known ? `${f.label} (its name)` : f.label, f.label, f.about),
      ),
      option(IGNORE, 'Ignore this column'),
    );
    select.value = header.choice;
    return { header, select, about };
  }

  /** One choice applies to every header with the same key (one Column row serves them all). */
  function chosen(key: string, value: string): void {
    for (const tab of controls) {
      for (const c of tab.controls) if (c.header.key === key) c.select.value = value;
    }
    notice.clear();
    refreshState();
    scheduleHint();
  }

  /** The headers whose choice differs from what the sheet reads now, one per key. */
  function changedChoices(): ColumnChoiceView[] {
    const byKey = new Map<string, ColumnChoiceView>();
    for (const tab of controls) {
      for (const { header, select } of tab.controls) {
        if (select.value !== header.choice && !byKey.has(header.key)) {
          byKey.set(header.key, { header: header.header, choice: select.value });
        }
      }
    }
    return [...byKey.values()];
  }

  function refreshState(): void {
    for (const tab of controls) for (const c of tab.controls) describeChoice(c);
    const changes = changedChoices().length;
    saveButton.disabled = changes === 0;
    replaceChildren(unsaved, changes === 0 ? '' : `${plural(changes, 'change')} not saved`);
  }

  /** One line under a dropdown: what the header reads as now and why, or what the new choice will do. */
  function describeChoice({ header, select, about }: HeaderControl): void {
    const value = select.value;
    const label = select.selectedOptions[0]?.dataset.label ?? value;
    let line: string;
    if (value !== header.choice) {
      line =
        value === IGNORE
          ? 'Will be left out.'
          : value === ''
            ? 'Will not be read.'
            : `${label}: ${select.selectedOptions[0]?.dataset.about ?? ''}`;
    } else if (header.source === 'synonym') {
      line = `Known header: read as ${label}.`;
    } else if (header.source === 'settings') {
      line =
        value === IGNORE
          ? 'Left out, by a Column row in Settings.'
          : `Read as ${label}, by a Column row in Settings.`;
    } else if (header.source === 'outline') {
      line = 'An outline column (Main, L1, L2…): its level says where a goal sits.';
    } else {
      line = 'Not read.';
    }
    replaceChildren(about, line);
  }

  function showVerdict(control: TabControl, verdict: TabVerdictView, proposed: boolean): void {
    const reads = verdict.reads === 'goals';
    control.verdict.className = `verdict ${reads ? 'verdict-goals' : 'verdict-not'}`;
    replaceChildren(
      control.verdict,
      el('span', { className: 'verdict-icon', attrs: { 'aria-hidden': 'true' } }, reads ? '✓' : '✗'),
      el('span', {}, proposed ? `Once saved: ${verdict.message}` : verdict.message),
    );
  }

  function stopHints(): void {
    if (hintTimer !== undefined) clearTimeout(hintTimer);
    hintTimer = undefined;
    hintRound += 1;
  }

  function scheduleHint(): void {
    stopHints();
    for (const control of controls) {
      control.verdict.className = 'verdict verdict-checking';
      replaceChildren(
        control.verdict,
        el('span', { className: 'verdict-icon', attrs: { 'aria-hidden': 'true' } }, '…'),
        el('span', {}, 'Checking…'),
      );
    }
    const round = hintRound;
    hintTimer = setTimeout(() => void hint(round), HINT_DELAY_MS);
  }

  /** Asks the server what the choices would read (the core's rule, never redone here) and shows it per tab. */
  async function hint(round: number): Promise<void> {
    const choices = changedChoices();
    try {
      const view = await call('getColumns', choices);
      if (round !== hintRound) return;
      for (const control of controls) {
        const next = view.tabs.find((t) => t.tab === control.tab.tab);
        if (next) showVerdict(control, next.verdict, choices.length > 0);
      }
    } catch (error) {
      if (round !== hintRound) return;
      for (const control of controls) {
        control.verdict.className = 'verdict verdict-not';
        replaceChildren(control.verdict, `Could not check: ${errorMessage(error)}`);
      }
    }
  }

  async function save(): Promise<void> {
    const choices = changedChoices();
    if (choices.length === 0) return;
    stopHints();
    const before = new Set(controls.map((c) => c.tab.tab));
    const saved = await progress.run('Saving the column map to Settings…', notice, () =>
      call('saveColumns', choices),
    );
    if (!saved) {
      scheduleHint(); // the verdicts were left at "Checking…"
      return;
    }
    workbookChanged();
    loaded = true;
    show(saved.columns);
    notice.success(savedMessage(saved, choices.length, before));
  }

  function focusOn(tabName: string): void {
    const control = controls.find((c) => c.tab.tab === tabName);
    if (!control) return;
    control.section.scrollIntoView({ block: 'start' });
    control.controls[0]?.select.focus();
  }

  return {
    title: 'Columns',
    element,
    activate: (focusTab) => {
      if (!loaded) void load(focusTab);
      else if (focusTab !== undefined) focusOn(focusTab);
    },
    invalidate: () => {
      loaded = false;
    },
  };
}

function savedMessage(saved: ColumnsSaved, count: number, before: Set<string>): string {
  const where = saved.settingsCreated ? 'a new Settings tab (with the default rules)' : 'the Settings tab';
  const read = saved.check.goalTabs.filter((tab) => before.has(tab));
  const now =
    read.length > 0 ? ` ${read.join(', ')} now ${read.length === 1 ? 'reads' : 'read'} as goals.` : '';
  return `Saved ${plural(count, 'column')} to ${where}.${now} ${plural(saved.check.goalCount, 'goal')} on ${plural(saved.check.goalTabs.length, 'tab')}.`;
}
