// The layout fixtures as a Google Sheet holds them: CSV text imported as Sheets converts it, merges as getMergedRanges lists them.
import type { TabInput } from '../../src/core/workbook';
import type { FakeCellInput, FakeTabs } from '../../tools/gas-fake';
import { valueInput } from '../../tools/gas-fake';
import { typedCsvGrid } from '../../tools/preview/xlsx-book';
import type { FixtureCell, FixtureMerge, LayoutFixture } from '../fixtures/layouts/types';
import type { BundleOptions } from './bundle-session';

/** A tab as getValues() and getMergedRanges() give it once the fixture is in a Sheet. */
export interface SheetsTab {
  name: string;
  grid: FakeCellInput[][];
  merges: FixtureMerge[];
}

/** The spreadsheet locale a fixture is opened in: a decimal-comma file is imported into a German spreadsheet. */
export const localeOf = (fixture: LayoutFixture): string =>
  fixture.decimalSeparator === ',' ? 'de_DE' : 'en_US';

const GERMAN_NUMBER = /^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;
const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/**
 * What a de_DE Sheets makes of an imported CSV field: `62,5` and `2.500.000` are numbers, `31.12.2026` a date
 * (at midnight UTC, as the fake stores typed dates); anything else stays text. Only what the decimal-comma
 * fixtures hold is modelled (no `%`, no currency, no `WAHR`/`FALSCH`: `true` stays text there).
 */
export function germanTypedCell(text: string): FakeCellInput {
  const trimmed = text.trim();
  if (GERMAN_NUMBER.test(trimmed)) return Number(trimmed.replace(/\./g, '').replace(',', '.'));
  const date = GERMAN_DATE.exec(trimmed);
  if (date) return new Date(Date.UTC(Number(date[3]), Number(date[2]) - 1, Number(date[1])));
  return valueInput(text);
}

const valueRow = (row: readonly FixtureCell[]): FakeCellInput[] =>
  row.map((cell) => (typeof cell === 'string' ? valueInput(cell) : cell));

/**
 * The fixture's tabs as the add-on reads them from Sheets. An .xlsx fixture's grids already hold what getValues
 * gives (numbers, Dates, booleans, text; a formula's value). A CSV fixture's grid is the file's text: Sheets'
 * import converts numbers, percentages, dates and TRUE/FALSE as typed in the spreadsheet's locale.
 */
export function sheetsTabs(fixture: LayoutFixture): SheetsTab[] {
  return fixture.tabs.map((tab) => {
    const merges = (tab.merges ?? []).map((m) => ({ ...m }));
    if (fixture.file.kind === 'xlsx') return { name: tab.name, grid: tab.grid.map(valueRow), merges };
    const grid =
      localeOf(fixture) === 'de_DE'
        ? tab.grid.map((row) => row.map((cell) => (typeof cell === 'string' ? germanTypedCell(cell) : cell)))
        : typedCsvGrid(tab.grid);
    return { name: tab.name, grid, merges };
  });
}

/** The same tabs as the core reads them: each cell's value (a text cell's apostrophe dropped, as getValues drops it). */
export function coreTabs(tabs: readonly SheetsTab[]): TabInput[] {
  return tabs.map((tab) => ({
    name: tab.name,
    grid: tab.grid.map((row) =>
      row.map((cell) => {
        if (cell === null || cell === undefined) return '';
        if (typeof cell === 'string' && cell.startsWith("'")) return cell.slice(1);
        if (typeof cell === 'object' && !(cell instanceof Date)) return cell.value ?? '';
        return cell;
      }),
    ),
    merges: tab.merges,
  }));
}

/** What startBundleSession needs to open the fixture as a Sheet: its tabs in order, its merges and its locale. */
export function layoutSession(fixture: LayoutFixture): { tabs: FakeTabs; options: BundleOptions } {
  const sheets = sheetsTabs(fixture);
  return {
    tabs: Object.fromEntries(sheets.map((t) => [t.name, t.grid])),
    options: {
      locale: localeOf(fixture),
      merges: Object.fromEntries(sheets.map((t) => [t.name, t.merges])),
    },
  };
}
