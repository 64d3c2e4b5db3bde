// Opens the sidebar page the build produces (dist/Sidebar.html), optionally on a given panel.
import { INITIAL_VIEW_GLOBAL, type SidebarView } from './api';
import type { ServerContext } from './context';

export const SIDEBAR_FILE = 'Sidebar';
export const SIDEBAR_TITLE = 'MBO Cascade';

/** A script that runs before the page's own: the sidebar reads the panel to open from a global. */
export function withInitialView(html: string, view: SidebarView): string {
  const script = `<script>window.${INITIAL_VIEW_GLOBAL} = ${JSON.stringify(view)};</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (!head) return script + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + script + html.slice(at);
}

export function openSidebar(ctx: ServerContext, view?: SidebarView): void {
  const output = ctx.htmlService().createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(SIDEBAR_TITLE);
  if (view) output.setContent(withInitialView(output.getContent(), view));
  ctx.spreadsheetApp().getUi().showSidebar(output);
}
