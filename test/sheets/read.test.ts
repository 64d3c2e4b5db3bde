// Reading tabs from Sheets: values in one batch per tab, and merged cells, so that a merged Objective covers its key results.
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core/workbook';
import { readWorkbook } from '../../src/sheets/read';
import { createFakeGas } from '../../tools/gas-fake';

describe('readWorkbook', () => {
  it('passes each tab its merged blocks, and the core applies a merged Owner to every row it covers', () => {
    const gas = createFakeGas({
      tabs: {
        OKRs: [
          ['Marketing OKRs, Q3 2026'],
          ['Objective', 'Key Result', 'Owner', 'Progress'],
          ['Grow pipeline', 'Source $4M', 'Ana', 0.5],
          ['', 'Raise conversion', '', 0.7],
          ['Build brand', 'Lift NPS', 'Bo', 0.2],
        ],
      },
    });
    const sheet = gas.spreadsheet.getSheetByName('OKRs')!;
    sheet.getRange(3, 3, 2, 1).merge();
    sheet.getRange(1, 1, 1, 3).merge();

    const read = readWorkbook(gas.spreadsheet);
    expect(read.tabs[0].merges).toEqual([
      { row: 3, col: 3, rows: 2, cols: 1 },
      { row: 1, col: 1, rows: 1, cols: 3 },
    ]);
    const analysis = analyzeWorkbook(read.tabs);
    const parentTitle = (i: number) => {
      const p = analysis.links.parentOf[i];
      return p === -1 ? null : analysis.goals[p].title;
    };
    expect(analysis.goals.map((g, i) => [g.title, parentTitle(i), g.owner])).toEqual([
      ['Grow pipeline', null, ''],
      ['Source $4M', 'Grow pipeline', 'Ana'],
      ['Raise conversion', 'Grow pipeline', 'Ana'],
      ['Build brand', null, ''],
      ['Lift NPS', 'Build brand', 'Bo'],
    ]);
    // Without the merges, the second key result would have no owner.
    const unmerged = analyzeWorkbook(read.tabs.map((t) => ({ ...t, merges: [] })));
    expect(unmerged.goals[2].owner).toBe('');
  });

  it('reads a tab without merges with an empty list', () => {
    const gas = createFakeGas({
      tabs: {
        Goals: [
          ['ID', 'Goal'],
          ['G1', 'Grow'],
        ],
      },
    });
    expect(readWorkbook(gas.spreadsheet).tabs[0].merges).toEqual([]);
  });
});
