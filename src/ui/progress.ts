// Busy state and messages: every server call disables the sidebar, shows a spinner, and reports failure.
import { el, replaceChildren } from './dom';
import { errorMessage } from './rpc';

/** One message line per panel: the outcome of its last action. */
export interface Notice {
  readonly element: HTMLElement;
  success(text: string): void;
  error(text: string): void;
  clear(): void;
}

export function createNotice(): Notice {
  const element = el('div', { className: 'notice', attrs: { role: 'status', 'aria-live': 'polite' } });
  element.hidden = true;
  const show = (className: string, text: string) => {
    element.className = `notice ${className}`;
    replaceChildren(element, text);
    element.hidden = false;
  };
  return {
    element,
    success: (text) => show('success', text),
    error: (text) => show('error', text),
    clear: () => {
      replaceChildren(element);
      element.hidden = true;
    },
  };
}

export interface Progress {
  /** Runs one server round trip with the sidebar disabled; failures land in `notice`, and resolve to undefined. */
  run<T>(label: string, notice: Notice, work: () => Promise<T>): Promise<T | undefined>;
}

/**
 * `form` is a <fieldset> around the whole sidebar: disabling it disables every control inside at once,
 * without touching the buttons that are disabled for their own reasons (cycle-making parents).
 */
export function createProgress(form: HTMLFieldSetElement, indicator: HTMLElement): Progress {
  let pending = 0;
  const label = el('span', { className: 'progress-label' });
  replaceChildren(
    indicator,
    el('span', { className: 'progress-bar', attrs: { 'aria-hidden': 'true' } }),
    el(
      'span',
      { className: 'toast' },
      el('span', { className: 'spinner', attrs: { 'aria-hidden': 'true' } }),
      label,
    ),
  );
  indicator.hidden = true;

  return {
    async run(text, notice, work) {
      // Disabling the form blurs the focused control; give focus back afterwards for keyboard users.
      const focused = document.activeElement;
      pending += 1;
      form.disabled = true;
      form.setAttribute('aria-busy', 'true');
      replaceChildren(label, text);
      indicator.hidden = false;
      notice.clear();
      try {
        return await work();
      } catch (error) {
        notice.error(errorMessage(error));
        return undefined;
      } finally {
        pending -= 1;
        if (pending === 0) {
          form.disabled = false;
          form.removeAttribute('aria-busy');
          indicator.hidden = true;
          if (focused instanceof HTMLElement && focused.isConnected) focused.focus();
        }
      }
    },
  };
}
