// The layout fixtures as a Google Sheet holds them: CSV text imported as Sheets converts it, merges as getMergedRanges lists them.
import type { TabInput } from '../../src/core/workbook';
import type { FakeCellInput, FakeTabs } from '../../tools/gas-fake';
import { valueInput } from '../../tools/gas-fake';
import { typedCsvGrid } from '../../tools/preview/csv-cells';
import { previewLocale } from '../../tools/preview/locale';
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
    return { name: tab.name, grid: typedCsvGrid(tab.grid, previewLocale(localeOf(fixture))), merges };
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
