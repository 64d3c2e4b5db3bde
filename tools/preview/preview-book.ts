// What the preview opens: tabs of cells (values or formulas), their number formats, and how to save a copy.
import type { Merge } from '../../src/core/table';
import type { FakeCellInput, FakeSpreadsheet } from '../gas-fake';
import type { BlockFormat } from './demo-formulas';
import type { PreviewLocale } from './locale';

export interface PreviewTab {
  name: string;
  grid: readonly (readonly FakeCellInput[])[];
  /** Hidden in the file (the add-on's ID list, a user's hidden tab): kept, and left out of the tab strip. */
  hidden?: boolean;
  /** Merged blocks, 1-based (the top-left cell holds the value): a merged Objective, Parent or Owner covers every row. */
  merges?: readonly Merge[];
}

/** The spreadsheet as it is now, for saving: what each formula cell shows comes from the engine. */
export interface SaveSource {
  spreadsheet: FakeSpreadsheet;
  /** The value a cell shows (1-based), for the cached result saved with a formula. */
  shownValue(tab: string, row: number, column: number): unknown;
}

export interface PreviewBook {
  /** How the page and the terminal name it: a file name, or the sample. */
  label: string;
  /** The files it was read from; a save may never write to one of them. */
  files: readonly string[];
  tabs: readonly PreviewTab[];
  formats: readonly BlockFormat[];
  /**
   * Named ranges by name -> the tab whose A1 they point at: the marks the command line puts on its
   * report sheets (src/cli/report-mark.ts), which Sheets keeps as named ranges.
   */
  namedRanges?: Readonly<Record<string, string>>;
  /** Writes the spreadsheet to a new .xlsx; null when no writer is available. */
  saveAs: ((outPath: string, source: SaveSource) => Promise<void>) | null;
}

/** Reads files into a PreviewBook (CSV cells typed for the spreadsheet's locale): the CLI's reader by default, any other in tests. */
export type ReadBook = (files: readonly string[], locale: PreviewLocale | null) => Promise<PreviewBook>;
