// What the sidebar shell and its panels need from each other.
import type { ChangeStamp } from '../server/api';
import type { Progress } from './progress';

export interface Panel {
  /** The tab's label. */
  readonly title: string;
  readonly element: HTMLElement;
  /** Called each time the panel's tab is shown; `focus` names what to show first (the Columns panel: a tab). */
  activate(focus?: string): void;
  /** Called when another panel changed the workbook: what this one shows may be stale. */
  invalidate(): void;
  /** The server's change stamps, as polled: a panel showing results says when they predate the last edit. */
  changed?(stamp: ChangeStamp): void;
}

/** What every panel gets from the shell. */
export interface PanelContext {
  progress: Progress;
  /** Tells the other panels that the workbook changed (a Parent cell written, the Roll-up tab rewritten). */
  workbookChanged(): void;
  /** Shows another panel by its title, with what it should show first. */
  showPanel(title: string, focus?: string): void;
}
