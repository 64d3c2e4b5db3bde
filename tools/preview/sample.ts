// The workbook `npm start` opens without a file: the marketing sample plus the Formulas demo tab.
import { valueInput } from '../gas-fake';
import { marketingWorkbook } from '../samples/marketing';
import { type BlockFormat, formulasTab } from './demo-formulas';
import type { PreviewBook } from './preview-book';

/** `saveAs` writes a copy; the sample has no file of its own to protect. */
export function sampleBook(saveAs: PreviewBook['saveAs'] = null): PreviewBook {
  // The sample holds values, as getValues() returns them: its text is text, `=MBO_NPS of ...` notes included.
  const goalTabs = marketingWorkbook().map((tab) => ({
    name: tab.name,
    grid: tab.grid.map((line) => line.map(valueInput)),
  }));
  const formulas = formulasTab(goalTabs.map((tab) => ({ name: tab.name, columns: tab.grid[0].length })));
  const formats: BlockFormat[] = formulas.formats;
  return {
    label: 'the sample marketing workbook',
    files: [],
    tabs: [...goalTabs, { name: 'Formulas', grid: formulas.grid }],
    formats,
    saveAs,
  };
}
