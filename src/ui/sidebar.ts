// Entry point of the sidebar: builds the tabs, wires each panel to the server, opens Check.
import { INITIAL_VIEW_GLOBAL } from '../server/api';
import { createCascadePanel } from './cascade-panel';
import { watchChanges } from './changes';
import { createCheckPanel } from './check-panel';
import { createColumnsPanel } from './columns-panel';
import { el } from './dom';
import { createLinkPanel } from './link-panel';
import type { Panel, PanelContext } from './panel';
import { createProgress } from './progress';

function byId<T extends HTMLElement>(id: string, type: { new (): T }): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`sidebar.html lacks #${id}`);
  return element;
}

function start(): void {
  const form = byId('app', HTMLFieldSetElement);
  const tabList = byId('tabs', HTMLDivElement);
  const panelHost = byId('panels', HTMLElement);
  const progress = createProgress(form, byId('progress', HTMLDivElement));

  const panels: Panel[] = [];
  const watcher = watchChanges((stamp) => {
    for (const panel of panels) panel.changed?.(stamp);
  });
  const context: PanelContext = {
    progress,
    workbookChanged: () => {
      for (const panel of panels) panel.invalidate();
      // Our write moved the change stamps (a Parent cell, the Roll-up tab): ask now rather than at the next poll.
      watcher.poll();
    },
    showPanel: (title, focus) => {
      const index = panels.findIndex((panel) => panel.title === title);
      if (index === -1) return;
      tabs[index].focus();
      select(index, focus);
    },
  };
  panels.push(
    createCheckPanel(context),
    createLinkPanel(context),
    createCascadePanel(context),
    createColumnsPanel(context),
  );

  const tabs = panels.map((panel, index) => {
    const id = `panel-${panel.title.toLowerCase()}`;
    panel.element.id = id;
    panel.element.setAttribute('role', 'tabpanel');
    panelHost.appendChild(panel.element);
    return el(
      'button',
      {
        className: 'tab',
        type: 'button',
        attrs: { role: 'tab', 'aria-controls': id },
        on: {
          click: () => select(index),
          keydown: (event) => {
            // The WAI-ARIA tabs pattern: arrows wrap, Home and End jump, and selection follows focus.
            const next = tabKeyTarget(event.key, index, panels.length);
            if (next === null) return;
            event.preventDefault();
            // Focus first: the panel's load disables the form and gives focus back to what had it.
            tabs[next].focus();
            select(next);
          },
        },
      },
      panel.title,
    );
  });
  tabList.append(...tabs);

  function select(chosen: number, focus?: string): void {
    panels.forEach((panel, index) => {
      const active = index === chosen;
      panel.element.hidden = !active;
      tabs[index].setAttribute('aria-selected', String(active));
      tabs[index].tabIndex = active ? 0 : -1;
    });
    panels[chosen].activate(focus);
  }

  select(initialPanel(panels));
}

/** The tab a key moves to from `index` among `count` tabs; null for keys the tab list does not handle. */
function tabKeyTarget(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** The menu may open the sidebar on a given panel by setting a global before this script runs. */
function initialPanel(panels: Panel[]): number {
  const wanted = (globalThis as Record<string, unknown>)[INITIAL_VIEW_GLOBAL];
  const index = panels.findIndex((panel) => panel.title.toLowerCase() === wanted);
  return index === -1 ? 0 : index;
}

start();
