// The preview page: loads the workbook, shows a tab in the grid beside the real sidebar, and follows every change the server reports.
import type { CellAddress, SheetView, WorkbookState } from '../protocol';
import { columnName } from '../sheet-ref';
import { getJson, postJson } from './api';
import { byId } from './dom';
import { Grid } from './grid';
import { setUpMenu } from './menu';
import { Notices } from './notices';
import { showTabs } from './tabs';

const notices = new Notices();
let tab = '';
/** The server's selection as last seen: when it moves (the sidebar selected a cell), the grid follows. */
let serverActive = '';
let sidebarOpened = -1;

const keyOf = (address: CellAddress | null): string =>
  address ? `${address.tab}!${address.row}:${address.col}` : '';

/** Requests that change the workbook run one after another, in the order the user made them. */
let queue: Promise<unknown> = Promise.resolve();
/** Requests of ours not answered yet: while any is, the server's selection may be one we have already moved on from. */
let unanswered = 0;
/** Requests of ours ever made: one made while the workbook was being read may not be in what the read saw. */
let sent = 0;
function enqueue(work: () => Promise<unknown>): void {
  unanswered += 1;
  sent += 1;
  queue = queue
    .then(work)
    .catch((error: unknown) => notices.error(error instanceof Error ? error.message : String(error)))
    .finally(() => {
      unanswered -= 1;
    });
}

const grid = new Grid(byId('grid'), byId('grid-scroll'), {
  select: (row, col) => selectCell({ tab, row, col }),
  commit: (row, col, input) => enqueue(() => postJson('/api/edit', { tab, row, col, input })),
});

function selectCell(address: CellAddress): void {
  serverActive = keyOf(address);
  showSelection();
  enqueue(() => postJson('/api/select', address));
}

function showSelection(): void {
  const { row, col } = grid.selection;
  byId('cell-name').textContent = `${columnName(col)}${row}`;
  const input = byId<HTMLInputElement>('formula-input');
  if (document.activeElement !== input) input.value = grid.cell()?.input ?? '';
}

function chooseTab(name: string): void {
  tab = name;
  grid.select(1, 1);
  selectCell({ tab: name, row: 1, col: 1 });
  void refresh();
}

let refreshing: Promise<void> | null = null;
let again = false;

/** Reads the workbook and the shown tab again; calls that arrive meanwhile make one more pass. */
function refresh(): Promise<void> {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      again = false;
      await load();
    } while (again);
  })()
    .catch((error: unknown) => notices.error(error instanceof Error ? error.message : String(error)))
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

async function load(): Promise<void> {
  const sentBefore = sent;
  const next = await getJson<WorkbookState>('/api/workbook');
  const activeKey = keyOf(next.active);
  // The grid follows a selection made elsewhere (the sidebar's Select), never an echo of its own older ones: while
  // our requests are unanswered, the server's selection lags behind what the user typed, and following it would
  // send the next keystrokes into a cell already left.
  const settled = unanswered === 0 && sent === sentBefore;
  const follow = settled && next.active && activeKey !== serverActive && next.tabs.includes(next.active.tab);
  if (follow && next.active) tab = next.active.tab;
  if (!next.tabs.includes(tab)) tab = next.active?.tab ?? next.tabs[0] ?? '';
  if (settled) serverActive = activeKey;
  const view = await getJson<SheetView>(`/api/sheet?tab=${encodeURIComponent(tab)}`);
  grid.show(view);
  if (follow && next.active) grid.select(next.active.row, next.active.col);
  byId('book-label').textContent = next.label;
  byId('truncated').hidden = !view.truncated;
  byId('save-form').hidden = !next.canSave;
  showTabs(next.tabs, tab, chooseTab);
  showMenu(next.menu);
  showSelection();
  notices.show(next.notices);
  if (sidebarOpened >= 0 && next.sidebarOpened !== sidebarOpened) {
    // The add-on opened the sidebar again (maybe on another panel): load what it showed.
    byId<HTMLIFrameElement>('sidebar').src = `/sidebar?opened=${next.sidebarOpened}`;
  }
  sidebarOpened = next.sidebarOpened;
  document.body.dataset.version = String(next.version);
}

const showMenu = setUpMenu((functionName) => enqueue(() => postJson('/api/menu', { functionName })));

function setUpFormulaBar(): void {
  const input = byId<HTMLInputElement>('formula-input');
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      const { row, col } = grid.selection;
      const typed = input.value;
      enqueue(() => postJson('/api/edit', { tab, row, col, input: typed }));
      grid.focus();
    } else if (event.key === 'Escape') {
      input.value = grid.cell()?.input ?? '';
      grid.focus();
    }
  });
}

function setUpSave(): void {
  byId<HTMLFormElement>('save-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const path = byId<HTMLInputElement>('save-path').value;
    enqueue(() => postJson('/api/save', { path }));
  });
}

function listen(): void {
  // The server says when anything changed (an edit, the sidebar's writes, a menu item); polling is not needed.
  const source = new EventSource('/api/events');
  source.addEventListener('message', () => void refresh());
}

function start(): void {
  setUpFormulaBar();
  setUpSave();
  listen();
  void refresh().then(() => grid.focus());
}

start();
