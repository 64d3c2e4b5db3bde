// The sheet grid: column letters, row numbers, cells as text; click to select, type or Enter to edit, arrows to move.
import type { CellView, SheetView } from '../protocol';
import { columnName } from '../sheet-ref';
import { element } from './dom';

export type Move = 'down' | 'up' | 'right' | 'left' | 'none';

/** Where each move takes the selection. */
const STEPS: Record<Move, [number, number]> = {
  down: [1, 0],
  up: [-1, 0],
  right: [0, 1],
  left: [0, -1],
  none: [0, 0],
};

export interface GridEvents {
  /** The user moved the selection. */
  select(row: number, col: number): void;
  /** The user finished typing into a cell. */
  commit(row: number, col: number, input: string, move: Move): void;
}

/** Empty rows and columns after the used ones, to type new goals into. */
const SPARE_ROWS = 20;
const SPARE_COLUMNS = 3;
const MIN_ROWS = 40;
const MIN_COLUMNS = 12;
const ROW_HEAD_WIDTH = 46;
/** About what one character of the grid's 13px font needs. */
const TEXT_PX_PER_CHAR = 7;

/** As in Sheets, text runs on over empty cells to its right. */
function overflows(view: SheetView, row: number, col: number): boolean {
  return view.cells[`${row}:${col}`]?.kind === 'text' && view.cells[`${row}:${col + 1}`] === undefined;
}

export class Grid {
  private view: SheetView | null = null;
  /** A view that arrived while a cell was being edited: shown when the edit ends. */
  private pending: SheetView | null = null;
  private selected = { row: 1, col: 1 };
  private editing: { row: number; col: number; input: HTMLInputElement } | null = null;
  private size = { rows: 0, cols: 0 };

  constructor(
    private readonly table: HTMLTableElement,
    private readonly scroller: HTMLElement,
    private readonly events: GridEvents,
  ) {
    scroller.tabIndex = 0;
    scroller.addEventListener('keydown', (event) => this.onKey(event));
    table.addEventListener('mousedown', (event) => this.onMouseDown(event));
    table.addEventListener('dblclick', () => this.startEdit(this.cell()?.input ?? ''));
  }

  get selection(): { row: number; col: number } {
    return { ...this.selected };
  }

  /** The selected cell's view (or another's); undefined when empty. */
  cell(row = this.selected.row, col = this.selected.col): CellView | undefined {
    return this.view?.cells[`${row}:${col}`];
  }

  show(view: SheetView): void {
    if (this.editing) {
      this.pending = view;
      return;
    }
    const otherTab = this.view?.tab !== view.tab;
    this.view = view;
    this.render();
    // Each tab opens at its top left; the scroll position of the last one means nothing here.
    if (otherTab) this.scroller.scrollTo(0, 0);
  }

  /** Moves the selection (from the server or the keyboard) and shows it. */
  select(row: number, col: number): void {
    this.selected = { row: Math.max(1, row), col: Math.max(1, col) };
    if (this.selected.row > this.size.rows || this.selected.col > this.size.cols) this.render();
    this.markSelection();
  }

  focus(): void {
    this.scroller.focus({ preventScroll: true });
  }

  private render(): void {
    const view = this.view;
    if (!view) return;
    const rows = Math.max(view.rows + SPARE_ROWS, MIN_ROWS, this.selected.row + 5);
    const cols = Math.max(view.columns + SPARE_COLUMNS, MIN_COLUMNS, this.selected.col + 2);
    this.size = { rows, cols };
    const colgroup = element('colgroup');
    const rowHead = element('col');
    rowHead.style.width = `${ROW_HEAD_WIDTH}px`;
    colgroup.append(rowHead);
    const head = element('tr');
    head.append(element('th', { className: 'corner' }));
    let tableWidth = ROW_HEAD_WIDTH;
    const widths = [0];
    for (let c = 1; c <= cols; c++) {
      const column = element('col');
      const width = this.columnWidth(view, c);
      widths.push(width);
      tableWidth += width;
      column.style.width = `${width}px`; // CSSOM: the page's policy refuses style attributes
      colgroup.append(column);
      head.append(
        element('th', { className: 'col-head', text: columnName(c), attributes: { scope: 'col' } }),
      );
    }
    const body = element('tbody');
    for (let r = 1; r <= rows; r++) {
      const line = element('tr');
      line.append(element('th', { className: 'row-head', text: String(r), attributes: { scope: 'row' } }));
      for (let c = 1; c <= cols; c++) line.append(this.cellElement(r, c, view.cells[`${r}:${c}`], widths));
      this.hideLinesUnderOverflow(line, view, r, widths);
      body.append(line);
    }
    const thead = element('thead');
    thead.append(head);
    // A fixed layout (columns as wide as set, not as their text) needs the table's width.
    this.table.style.width = `${tableWidth}px`;
    this.table.replaceChildren(colgroup, thead, body);
    this.markSelection(false);
  }

  /** Wide enough for the longest text shown in the column, within reason; text that may overflow does not count. */
  private columnWidth(view: SheetView, col: number): number {
    let longest = 0;
    for (let r = 1; r <= view.rows; r++) {
      if (!overflows(view, r, col)) longest = Math.max(longest, view.cells[`${r}:${col}`]?.text.length ?? 0);
    }
    return Math.min(260, Math.max(72, Math.ceil(longest * TEXT_PX_PER_CHAR) + 14));
  }

  /** Text running on over empty cells hides the grid lines it crosses, as in Sheets. */
  private hideLinesUnderOverflow(
    line: HTMLTableRowElement,
    view: SheetView,
    row: number,
    widths: number[],
  ): void {
    for (let c = 1; c < widths.length; c++) {
      if (!overflows(view, row, c)) continue;
      let reach = view.cells[`${row}:${c}`].text.length * TEXT_PX_PER_CHAR;
      for (let at = c; at < widths.length - 1 && reach > widths[at]; at++) {
        if (at > c && view.cells[`${row}:${at}`] !== undefined) break;
        line.cells[at].classList.add('no-right-line');
        reach -= widths[at];
        if (view.cells[`${row}:${at + 1}`] !== undefined) break;
      }
    }
  }

  /** How far text starting in (row, col) may run: its own width and the empty cells after it, up to one that holds something. */
  private overflowReach(row: number, col: number, widths: number[]): number {
    let reach = widths[col];
    for (let at = col + 1; at < widths.length && this.view?.cells[`${row}:${at}`] === undefined; at++)
      reach += widths[at];
    return reach;
  }

  private cellElement(
    row: number,
    col: number,
    view: CellView | undefined,
    widths: number[],
  ): HTMLTableCellElement {
    const classes = ['cell'];
    const overflow = this.view !== null && overflows(this.view, row, col);
    if (overflow) classes.push('overflow');
    if (view?.kind === 'number') classes.push('number');
    if (view?.kind === 'bool') classes.push('bool');
    if (view?.kind === 'error') classes.push('error');
    if (view?.formula || view?.spill) classes.push('computed');
    const td = element('td', {
      className: classes.join(' '),
      attributes: {
        'data-ref': `${columnName(col)}${row}`,
        'data-row': String(row),
        'data-col': String(col),
      },
    });
    // Overflowing text lets clicks through (CSS), so a click on it selects the cell under it, as in Sheets.
    if (overflow) {
      // Clipped where the next cell holding something starts, as in Sheets (less the cell's 4px padding each side).
      const text = element('span', { className: 'overflow-text', text: view?.text ?? '' });
      text.style.maxWidth = `${this.overflowReach(row, col, widths) - 8}px`; // CSSOM: style attributes are refused
      td.append(text);
    } else td.textContent = view?.text ?? '';
    if (view?.note) td.title = view.note;
    return td;
  }

  private tdAt(row: number, col: number): HTMLTableCellElement | undefined {
    // Row 0 of the table is the column letters, cell 0 of a row its number.
    return this.table.rows[row]?.cells[col];
  }

  private markSelection(scroll = true): void {
    for (const old of this.table.querySelectorAll('td.selected')) old.classList.remove('selected');
    const td = this.tdAt(this.selected.row, this.selected.col);
    td?.classList.add('selected');
    if (scroll) td?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  private move(dRow: number, dCol: number): void {
    this.select(this.selected.row + dRow, this.selected.col + dCol);
    this.events.select(this.selected.row, this.selected.col);
  }

  private onMouseDown(event: MouseEvent): void {
    const td = (event.target as HTMLElement).closest('td');
    if (!td || this.editing?.input === event.target) return;
    if (this.editing) this.commit('none');
    this.select(Number(td.dataset.row), Number(td.dataset.col));
    this.events.select(this.selected.row, this.selected.col);
    this.focus();
  }

  private onKey(event: KeyboardEvent): void {
    if (this.editing || event.ctrlKey || event.metaKey || event.altKey) return;
    const move = keyMove(event);
    if (move !== null) {
      event.preventDefault();
      this.move(...STEPS[move]);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      this.startEdit(this.cell()?.input ?? '');
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      this.events.commit(this.selected.row, this.selected.col, '', 'none');
    } else if (event.key.length === 1) {
      // Typing replaces the cell's contents, as in Sheets.
      event.preventDefault();
      this.startEdit(event.key);
    }
  }

  /** Puts a text box in the selected cell, holding `initial`. */
  startEdit(initial: string): void {
    if (this.editing) return;
    const { row, col } = this.selected;
    const td = this.tdAt(row, col);
    if (!td) return;
    const input = element('input', {
      className: 'cell-editor',
      attributes: { type: 'text', 'aria-label': `Edit ${columnName(col)}${row}`, spellcheck: 'false' },
    });
    input.value = initial;
    td.replaceChildren(input);
    this.editing = { row, col, input };
    input.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key === 'Enter') this.commit(event.shiftKey ? 'up' : 'down');
      else if (event.key === 'Tab') this.commit(event.shiftKey ? 'left' : 'right');
      else if (event.key === 'Escape') this.cancel();
      else return;
      event.preventDefault();
    });
    input.addEventListener('blur', () => this.commit('none'));
    input.focus();
    input.setSelectionRange(initial.length, initial.length);
  }

  private finishEdit(): { row: number; col: number; value: string } | null {
    const editing = this.editing;
    if (!editing) return null;
    this.editing = null;
    const value = editing.input.value;
    if (this.pending) {
      this.view = this.pending;
      this.pending = null;
      this.render();
    } else {
      this.tdAt(editing.row, editing.col)?.replaceChildren(this.cell(editing.row, editing.col)?.text ?? '');
    }
    return { row: editing.row, col: editing.col, value };
  }

  private commit(move: Move): void {
    const done = this.finishEdit();
    if (!done) return;
    // The typed text shows at once; the computed view replaces it when the server answers.
    this.tdAt(done.row, done.col)?.replaceChildren(done.value);
    this.events.commit(done.row, done.col, done.value, move);
    if (move !== 'none') this.move(...STEPS[move]);
    this.focus();
  }

  private cancel(): void {
    this.finishEdit();
    this.focus();
  }
}

/** The move a key makes from a selected cell (not being edited): arrows, Tab and Shift+Tab; null for other keys. */
function keyMove(event: KeyboardEvent): Move | null {
  switch (event.key) {
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'Tab':
      return event.shiftKey ? 'left' : 'right';
    default:
      return null;
  }
}
