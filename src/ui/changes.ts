// Staleness: polls the server's change stamps and tells each panel when what it shows predates the last edit.
import type { ChangeStamp } from '../server/api';
import { button, el, replaceChildren } from './dom';
import { timeOfDay } from './format';
import { call } from './rpc';

/** How often an open, visible sidebar asks: one properties read on the server, no spreadsheet access. */
export const POLL_MS = 30_000;

/** True when `later` is an instant after `earlier` (both ISO timestamps from the server's clock). */
export function isAfter(later: string, earlier: string): boolean {
  const a = Date.parse(later);
  const b = Date.parse(earlier);
  return Number.isFinite(a) && Number.isFinite(b) && a > b;
}

/**
 * Asks for the change stamps now, whenever the sidebar gets focus back (the user was in the sheet) or becomes
 * visible, and every POLL_MS while visible. Calls never overlap, never disable the sidebar, and failures are
 * ignored: staleness is a hint, and the next poll tries again.
 */
export function watchChanges(onStamp: (stamp: ChangeStamp) => void): { poll(): void } {
  let inFlight = false;
  function poll(): void {
    if (inFlight) return;
    inFlight = true;
    call('getChanges')
      .then(onStamp, () => {})
      .finally(() => {
        inFlight = false;
      });
  }
  window.addEventListener('focus', poll);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') poll();
  });
  setInterval(() => {
    if (document.visibilityState === 'visible') poll();
  }, POLL_MS);
  poll();
  return { poll };
}

/** A line saying the results shown are older than the last edit, with a button that computes them again. */
export interface StaleNote {
  readonly element: HTMLElement;
  /** The results shown were computed at this ISO time ('' = none shown). */
  shown(computedAt: string): void;
  changed(stamp: ChangeStamp): void;
}

export function createStaleNote(refresh: () => void): StaleNote {
  const element = el('div', { className: 'stale', attrs: { role: 'status' } });
  element.hidden = true;
  let computedAt = '';
  let editedAt = '';
  function render(): void {
    const stale = computedAt !== '' && isAfter(editedAt, computedAt);
    showStale(
      element,
      stale &&
        `Results from ${timeOfDay(computedAt)} — the sheet changed since (last edit ${timeOfDay(editedAt)}).`,
      button('Refresh', refresh, { className: 'small-button' }),
    );
  }
  return {
    element,
    shown(at) {
      computedAt = at;
      render();
    },
    changed(stamp) {
      editedAt = stamp.editedAt;
      render();
    },
  };
}

/** A line saying the Roll-up tab predates the last edit, with a button that writes it again. */
export function createRollupNote(rollUp: () => void): {
  readonly element: HTMLElement;
  changed(stamp: ChangeStamp): void;
} {
  const element = el('div', { className: 'stale rollup-stale', attrs: { role: 'status' } });
  element.hidden = true;
  return {
    element,
    changed({ editedAt, rolledUpAt }) {
      const stale = rolledUpAt !== '' && isAfter(editedAt, rolledUpAt);
      showStale(
        element,
        stale &&
          `The Roll-up tab is as of ${timeOfDay(rolledUpAt)}, before the last edit at ${timeOfDay(editedAt)}.`,
        button('Roll up again', rollUp, { className: 'small-button' }),
      );
    },
  };
}

/** Shows a staleness line (its text, then its button) in `element`, or hides and empties it when `text` is false. */
function showStale(element: HTMLElement, text: string | false, action: HTMLElement): void {
  element.hidden = text === false;
  if (text === false) replaceChildren(element);
  else replaceChildren(element, el('span', { className: 'stale-text' }, text), action);
}
