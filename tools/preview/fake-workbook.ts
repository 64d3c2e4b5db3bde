// Fills the in-memory Apps Script fake with a PreviewBook's tabs, in order, with their merged cells and number formats.
import { createFakeGas, type FakeGas } from '../gas-fake';
import { fixtureCell } from '../gas-fake/cells';
import { NEW_SHEET_COLUMNS, NEW_SHEET_ROWS } from '../gas-fake/sheet';
import type { PreviewBook } from './preview-book';

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/**
 * A fake spreadsheet holding the book, in `locale` (Sheets' name, `de_DE`; en_US when absent). Tabs are added one by one rather than through a {name: grid}
 * object, whose keys would put a tab named like a number ("2026") first.
 */
export function fakeOfBook(book: PreviewBook, sidebarHtml: string, locale?: string): FakeGas {
  const gas = createFakeGas({ tabs: {}, htmlFiles: { Sidebar: sidebarHtml }, locale });
  for (const tab of book.tabs) {
    const width = tab.grid.reduce((w, row) => Math.max(w, row.length), 0);
    const sheet = gas.spreadsheet.addSheet(
      tab.name,
      Math.max(NEW_SHEET_ROWS, tab.grid.length),
      Math.max(NEW_SHEET_COLUMNS, width),
    );
    sheet.hidden = tab.hidden === true;
    tab.grid.forEach((row, r) => {
      row.forEach((input, c) => {
        const cell = fixtureCell(input);
        if (cell.value !== '' || cell.formula !== '') (sheet.data[r] ??= [])[c] = cell;
      });
    });
    // As the file has them, so getMergedRanges answers as Sheets would (no call counted, like the cells above).
    for (const m of tab.merges ?? []) {
      sheet.merges.push({ row: m.row, column: m.col, numRows: m.rows, numColumns: m.cols });
    }
  }
  if (gas.spreadsheet.sheets.length === 0) gas.spreadsheet.addSheet('Sheet1');
  for (const [name, tab] of Object.entries(book.namedRanges ?? {})) {
    const sheet = gas.spreadsheet.sheets.find((s) => s.name === tab);
    if (sheet) gas.spreadsheet.namedRanges.set(name, sheet.rangeAt(1, 1));
  }
  for (const block of book.formats) {
    const sheet = gas.spreadsheet.sheet(block.tab);
    for (let r = 0; r < block.rows; r++) {
      for (let c = 0; c < block.columns; c++)
        sheet.cellAt(block.row + r, block.column + c).numberFormat = block.format;
    }
  }
  return gas;
}

/**
 * Dates made in this process fail the bundle's `instanceof Date` (its vm has its own Date): the
 * stored ones are remade there, as Sheets hands the script its own Dates.
 */
export function moveDatesInto(gas: FakeGas, makeDate: (epochMs: number) => Date): void {
  for (const sheet of gas.spreadsheet.sheets) {
    for (const line of sheet.data) {
      for (const cell of line ?? [])
        if (cell && isDate(cell.value)) cell.value = makeDate(cell.value.getTime());
    }
  }
}
