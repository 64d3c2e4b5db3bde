// The pure Roll-up report: every goal once even with loops, a treemap that is a tree, escaping-free raw text, the grid view.
import { describe, expect, it } from 'vitest';
import type { Grid } from '../../src/core/model';
import { analyzeWorkbook } from '../../src/core/workbook';
import { buildRollupReport, reportGrid, TREEMAP_ROOT } from '../../src/report/rollup-table';

const HEADER = ['ID', 'Goal', 'Owner', 'Parent', 'Target', 'Actual', 'Weight'];
const AT = '2026-03-04T05:06:07.000Z';

function report(rows: (string | number)[][]) {
  const grid: Grid = [HEADER, ...rows];
  return buildRollupReport(analyzeWorkbook([{ name: 'Goals', grid }], { today: null }), AT);
}

describe('buildRollupReport', () => {
  it('shows goals on a loop once each, at the top level, with what hangs below them', () => {
    const r = report([
      ['A', 'Loop one', 'Ann', 'B', 10, 5, 1],
      ['B', 'Loop two', 'Ann', 'A', 10, 5, 1],
      ['C', 'Below the loop', 'Bo', 'A', 10, 8, 1],
      ['D', 'Fine', 'Bo', '', 10, 10, 1],
      ['E', 'Under D', 'Bo', 'D', 10, 10, 1],
    ]);
    const ids = r.goals.values.slice(1).map((row) => row[0]);
    expect(ids.slice().sort()).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(ids.indexOf('D')).toBeLessThan(ids.indexOf('E'));
    const depthOf = new Map(
      r.goals.values.slice(1).map((row) => [row[0], (String(row[1]).match(/^\u00a0*/)?.[0].length ?? 0) / 4]),
    );
    expect(Object.fromEntries(depthOf)).toEqual({ A: 0, B: 0, C: 0, D: 0, E: 1 });
  });

  it('indents goals by depth up to 12 levels, then says the depth (a deep chain stays linear)', () => {
    const rows = Array.from({ length: 30 }, (_, i) => [
      `C${i}`,
      `Level ${i}`,
      'Ann',
      i ? `C${i - 1}` : '',
      10,
      5,
      1,
    ]);
    const titles = report(rows)
      .goals.values.slice(1)
      .map((row) => String(row[1]));
    const indent = (levels: number) => '\u00a0'.repeat(4 * levels);
    expect(titles[12]).toBe(`${indent(12)}Level 12`);
    expect(titles[13]).toBe(`${indent(12)}(depth 13) Level 13`);
    expect(titles[29]).toBe(`${indent(12)}(depth 29) Level 29`);
  });

  it('gives the treemap one root and an acyclic parent for every node', () => {
    const r = report([
      ['A', 'Loop one', 'Ann', 'B', 10, 5, 1],
      ['B', 'Loop two', 'Ann', 'A', 10, 5, 1],
      ['C', 'Below the loop', 'Bo', 'A', 10, 8, 1],
      ['a', 'Duplicate of A', 'Bo', '', 10, 8, 1],
    ]);
    const rows = r.chartData.values.slice(1);
    const parent = new Map(rows.map((row) => [String(row[0]), String(row[1])]));
    expect(rows.filter((row) => row[1] === '').map((row) => row[0])).toEqual([TREEMAP_ROOT]);
    expect(new Set(rows.map((row) => row[0])).size).toBe(rows.length);
    for (const [label] of rows) {
      const seen = new Set<string>();
      for (let at = String(label); at !== ''; at = parent.get(at) ?? '') {
        expect(seen.has(at), `loop through ${at}`).toBe(false);
        seen.add(at);
        expect(parent.has(at), `${at} has a node`).toBe(true);
      }
    }
    // IDs equal but for case are one ID to the workbook; the treemap still needs distinct labels.
    expect(parent.has('a (2)')).toBe(true);
  });

  it('keeps raw text: escaping is the writer’s job', () => {
    const r = report([['=X', '=IMPORTXML("u","//a")', '+Owner', '', 10, 5, 1]]);
    expect(r.goals.values[1].slice(0, 3)).toEqual(['=X', '=IMPORTXML("u","//a")', '+Owner']);
  });

  it('without goals: headers only, no status colours, no chart', () => {
    const r = buildRollupReport(analyzeWorkbook([{ name: 'Empty', grid: [['nothing here']] }]), AT);
    expect(r.goalCount).toBe(0);
    expect(r.goals.values).toHaveLength(1);
    expect(r.status).toBeNull();
    expect(r.treemap).toBeNull();
    expect(r.percent).toEqual([]);
    expect(String(r.note.values[0][0])).toContain('from no goal tab');
  });

  it('reportGrid lays every block out from A1 on a rectangle of the declared size', () => {
    const r = report([['A', 'Goal A', 'Ann', '', 10, 5, 1]]);
    const grid = reportGrid(r);
    expect(grid).toHaveLength(r.rows);
    expect(grid.every((row) => row.length === r.columns)).toBe(true);
    expect(grid[0][0]).toContain('2026-03-04 05:06 UTC');
    expect(grid[2].slice(0, 2)).toEqual(['ID', 'Goal']);
    expect(grid[3].slice(0, 2)).toEqual(['A', 'Goal A']);
    expect(grid[r.chartData.row - 1][r.chartData.col - 1]).toBe('Goal');
  });

  it.each([
    [
      'with goals and scorecards',
      () =>
        report([
          ['1.10', 'Top', 'Ann', '', 10, 5, 1],
          ['007', 'Child', '2026', '1.10', 10, 8, 1],
        ]),
    ],
    [
      'without goals',
      () => buildRollupReport(analyzeWorkbook([{ name: 'Empty', grid: [['nothing here']] }]), AT),
    ],
  ])('%s: every text cell lies in a plain-text box, and no number does', (_label, make) => {
    const r = make();
    const inText = (row: number, col: number) =>
      r.text.some((b) => row >= b.row && row < b.row + b.numRows && col >= b.col && col < b.col + b.numCols);
    reportGrid(r).forEach((line, i) => {
      line.forEach((value, j) => {
        if (typeof value === 'string' && value !== '')
          expect(inText(i + 1, j + 1), `${value} at R${i + 1}C${j + 1}`).toBe(true);
        if (typeof value === 'number')
          expect(inText(i + 1, j + 1), `${value} at R${i + 1}C${j + 1}`).toBe(false);
      });
    });
  });
});
