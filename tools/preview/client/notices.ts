// Alerts and toasts the add-on showed (Check workbook, Roll up, Help…) and the page's own errors, shown once each.
import type { Notice } from '../protocol';
import { byId, element } from './dom';

const TOAST_MS = 6000;

export class Notices {
  /** The highest seq already shown; notices from before the page loaded are not shown again. */
  private shownUpTo: number | null = null;

  show(notices: readonly Notice[]): void {
    const latest = notices.reduce((most, notice) => Math.max(most, notice.seq), 0);
    if (this.shownUpTo === null) {
      this.shownUpTo = latest;
      return;
    }
    for (const notice of notices) {
      if (notice.seq <= this.shownUpTo) continue;
      if (notice.kind === 'alert') this.alert(notice.text);
      else this.toast(notice.text, 'toast');
    }
    this.shownUpTo = Math.max(this.shownUpTo, latest);
  }

  error(message: string): void {
    this.toast(message, 'toast error');
  }

  /** Like Ui.alert: a box with the text and an OK button. */
  private alert(text: string): void {
    const box = element('div', {
      className: 'alert',
      attributes: { role: 'alertdialog', 'aria-label': 'MBO Cascade' },
    });
    box.append(element('div', { className: 'alert-text', text }));
    const ok = element('button', { text: 'OK', attributes: { type: 'button' } });
    ok.addEventListener('click', () => box.remove());
    box.append(ok);
    byId('notices').append(box);
    ok.focus();
  }

  private toast(text: string, className: string): void {
    const toast = element('div', { className, text, attributes: { role: 'status' } });
    byId('notices').append(toast);
    setTimeout(() => toast.remove(), TOAST_MS);
  }
}
