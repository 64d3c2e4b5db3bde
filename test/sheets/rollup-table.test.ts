// The pure Roll-up report: every goal once even with loops, a treemap that is a tree, escaping-free raw text, the grid view.
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/core/calendar';
import { analyzeHistory, readHistory } from '../../src/core/history';
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

  it('lists a shared goal under each of its parents with its share there; its own goals stay under the first', () => {
    const r = report([
      ['CMO-1', 'Pipeline', 'Ann', '', 100, 50, 1],
      ['CMO-2', 'Brand', 'Bo', '', 100, 50, 1],
      ['DG-1', 'Webinars', 'Cy', 'CMO-1 60%; CMO-2 40%', 10, 5, 1],
      ['DG-2', 'Under webinars', 'Cy', 'DG-1', 10, 5, 1],
    ]);
    const rows = r.goals.values.slice(1).map((row) => [row[0], String(row[1]).replace(/\u00a0{4}/g, '> ')]);
    expect(rows).toEqual([
      ['CMO-1', 'Pipeline'],
      ['DG-1', '> Webinars (shared: 60% here)'],
      ['DG-2', '> > Under webinars'],
      ['CMO-2', 'Brand'],
      ['DG-1', '> Webinars (shared: 40% here; its goals are under CMO-1)'],
    ]);
    // The scorecards start below every row of the goal table.
    expect(r.scorecards.row).toBe(r.goals.row + r.goals.numRows + 1);
    // The treemap shows it under each parent too, as a node of its own sized by its share there (the chart sizes a
    // node with children by its children, so only leaves' sizes count).
    expect(r.chartData.values.slice(2).map((row) => row.slice(0, 3))).toEqual([
      ['CMO-1', TREEMAP_ROOT, 1],
      ['DG-1', 'CMO-1', 0.6],
      ['DG-2', 'DG-1', 1],
      ['CMO-2', TREEMAP_ROOT, 1],
      ['DG-1 (40% in CMO-2)', 'CMO-2', 0.4],
    ]);
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

  it('says on the scorecard when a zero payout comes from a missed gate', () => {
    const grid: Grid = [
      ['ID', 'Goal', 'Owner', 'Target', 'Actual', 'Weight', 'Gate'],
      ['A', 'Gate goal', 'Ann', 10, 6, 0.5, 0.8],
      ['B', 'Other goal', 'Ann', 10, 12, 0.5, ''],
      ['C', 'Met gate', 'Bo', 10, 9, 1, 0.8],
      ['D', 'No gate', 'Cy', 10, 10, 1, ''],
    ];
    const r = buildRollupReport(analyzeWorkbook([{ name: 'Goals', grid }], { today: null }), AT);
    expect(r.scorecards.values[1]).toEqual(['Owner', 'Period', 'Score', 'Payout', 'Gate']);
    const byOwner = new Map(r.scorecards.values.slice(2).map((row) => [row[0], row]));
    expect(byOwner.get('Ann')?.[3]).toBe(0);
    expect(byOwner.get('Ann')?.[4]).toBe('missed: A at 60% (gate 80%)');
    expect(byOwner.get('Bo')?.[4]).toBe('met');
    expect(byOwner.get('Cy')?.[4]).toBe('');
  });

  it('shows spend and return per dollar when the goal tabs have Budget or Spend, with number formats', () => {
    const grid: Grid = [
      ['ID', 'Goal', 'Owner', 'Parent', 'Type', 'Unit', 'Target', 'Actual', 'Spend'],
      ['P', 'Grow pipeline', 'Ann', '', 'Outcome', '$', 1000, 800, ''],
      ['C', 'Events', 'Bob', 'P', 'Activity', 'count', 10, 8, 200],
    ];
    const r = buildRollupReport(analyzeWorkbook([{ name: 'Goals', grid }], { today: null }), AT);
    const header = r.goals.values[0];
    expect(header.slice(-2)).toEqual(['Spend', 'Return per $']);
    const row = (id: string) => r.goals.values.find((line) => line[0] === id)!;
    expect(row('P').slice(-2)).toEqual([200, 4]);
    expect(row('C').slice(-2)).toEqual([200, '']);
    const spendCol = r.goals.col + header.indexOf('Spend');
    expect(r.formats).toContainEqual({
      box: { row: r.goals.row + 1, col: spendCol, numRows: 2, numCols: 1 },
      format: '#,##0',
    });
    expect(r.formats).toContainEqual({
      box: { row: r.goals.row + 1, col: spendCol + 1, numRows: 2, numCols: 1 },
      format: '0.00',
    });
    // The chart data moves right of the wider table.
    expect(r.chartData.col).toBe(r.goals.col + header.length + 1);
  });

  it('without Budget or Spend, no spend columns', () => {
    const r = report([['A', 'Goal A', 'Ann', '', 10, 5, 1]]);
    expect(r.goals.values[0]).not.toContain('Spend');
    expect(r.formats).toEqual([]);
  });

  it('with a Roster: payout in money on each scorecard, then subtotals by manager and team, per currency', () => {
    const goals: Grid = [
      ['ID', 'Goal', 'Owner', 'Target', 'Actual', 'Weight', 'Period'],
      ['A', 'Lead', 'Ann', 10, 10, 1, 'FY2026'],
      ['B', 'Build', 'Bob', 10, 10, 1, 'FY2026'],
      ['E', 'Expand', 'Eve', 10, 10, 1, 'FY2026'],
      ['M', 'Missing', 'Max', 10, 10, 1, 'FY2026'],
    ];
    const roster: Grid = [
      ['Owner', 'Manager', 'Start', 'End', 'Target bonus', 'Currency'],
      ['Ann', '', '', '', 20000, 'USD'],
      ['Bob', 'Ann', '2026-07-01', '', 10000, 'USD'],
      ['Eve', 'Ann', '', '', 8000, 'EUR'],
    ];
    const r = buildRollupReport(
      analyzeWorkbook(
        [
          { name: 'Goals', grid: goals },
          { name: 'Roster', grid: roster },
        ],
        { today: null },
      ),
      AT,
    );
    expect(r.scorecards.values[1]).toEqual([
      'Owner',
      'Period',
      'Score',
      'Payout',
      'Gate',
      'Manager',
      'Employed',
      'Target bonus',
      'Payout amount',
      'Currency',
    ]);
    const card = (owner: string) => r.scorecards.values.find((line) => line[0] === owner)!;
    expect(card('Ann').slice(5)).toEqual(['', 1, 20000, 20000, 'USD']);
    expect(card('Bob').slice(5, 8)).toEqual(['Ann', 184 / 365, 10000]);
    expect(card('Bob')[8]).toBeCloseTo((10000 * 184) / 365, 9);
    expect(card('Max').slice(5)).toEqual(['not on Roster', '', '', '', '']);
    const subtotals = r.payoutSubtotals!;
    expect(subtotals.row).toBe(r.scorecards.row + r.scorecards.numRows + 1);
    expect(subtotals.values.slice(0, 2)).toEqual([
      ['Payout subtotals', '', '', '', '', ''],
      ['Manager', 'Period', 'Currency', 'Direct reports', 'Whole team', 'People'],
    ]);
    expect(subtotals.values.slice(2).map((line) => line.slice(0, 3))).toEqual([
      ['Ann', 'FY2026', 'EUR'],
      ['Ann', 'FY2026', 'USD'],
      ['All', 'FY2026', 'EUR'],
      ['All', 'FY2026', 'USD'],
    ]);
    expect(r.rows).toBeGreaterThanOrEqual(subtotals.row + subtotals.numRows - 1);
    expect(reportGrid(r)[subtotals.row - 1][0]).toBe('Payout subtotals');
    const money = r.formats.filter((f) => f.format === '#,##0.00').map((f) => f.box.col);
    expect(money).toEqual([r.scorecards.col + 7, subtotals.col + 3]);
  });

  it('without a Roster, scorecards keep their five columns and there are no subtotals', () => {
    const r = report([['A', 'Goal A', 'Ann', '', 10, 5, 1]]);
    expect(r.scorecards.numCols).toBe(5);
    expect(r.payoutSubtotals).toBeNull();
  });

  it('reportGrid lays every block out from A1 on a rectangle of the declared size', () => {
    const r = report([['A', 'Goal A', 'Ann', '', 10, 5, 1]]);
    const grid = reportGrid(r);
    expect(grid).toHaveLength(r.rows);
    expect(grid.every((row) => row.length === r.columns)).toBe(true);
    expect(grid[0][0]).toContain('2026-03-04 05:06 (UTC)');
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
    [
      'with a Roster, Spend and a missed gate',
      () =>
        buildRollupReport(
          analyzeWorkbook(
            [
              {
                name: 'Goals',
                grid: [
                  ['ID', 'Goal', 'Owner', 'Target', 'Actual', 'Weight', 'Gate', 'Spend', 'Unit', 'Period'],
                  ['1.10', 'Revenue', 'Ann', 100, 50, 1, 0.8, 5000, '$', 'FY2026'],
                  ['R-2', 'Pipeline', 'Bo', 100, 90, 1, '', 1000, '$', 'FY2026'],
                ],
              },
              {
                name: 'Roster',
                grid: [
                  ['Owner', 'Manager', 'Start', 'End', 'Target bonus', 'Currency'],
                  ['Ann', 'Bo', '', '', 10000, 'USD'],
                  ['Bo', '', '', '', 20000, 'EUR'],
                ],
              },
            ],
            { today: null },
          ),
          AT,
        ),
    ],
    [
      'with check-ins (last check-in, 30-day change, forecast), a Roster, Spend and gates',
      () => {
        const tabs = [
          {
            name: 'Goals',
            grid: [
              ['ID', 'Goal', 'Owner', 'Target', 'Actual', 'Weight', 'Gate', 'Spend', 'Unit', 'Period'],
              ['1.10', 'Revenue', 'Ann', 100, 50, 1, 0.8, 5000, '$', 'FY2026'],
              ['R-2', 'Pipeline', 'Bo', 100, 90, 1, 0.5, 1000, '$', 'FY2026'],
              ['R-3', 'Hiring', 'Cy', 100, 40, 1, '', '', '', 'FY2026'],
            ],
          },
          {
            name: 'Roster',
            grid: [
              ['Owner', 'Manager', 'Start', 'End', 'Target bonus', 'Currency'],
              ['Ann', 'Bo', '', '', 10000, 'USD'],
              ['Bo', '', '', '', 20000, 'EUR'],
            ],
          },
        ];
        const analysis = analyzeWorkbook(tabs, { today: dayNumber(Date.parse('2026-04-15'), 'UTC') });
        const log = readHistory(
          [
            ['Date', 'Goal ID', 'Final attainment'],
            ['2026-02-28', '1.10', 0.3],
            ['2026-03-31', '1.10', 0.5],
            ['2026-03-31', 'R-2', 0.9],
          ],
          'History',
        );
        return buildRollupReport(analysis, AT, analyzeHistory(log, analysis.goals));
      },
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
