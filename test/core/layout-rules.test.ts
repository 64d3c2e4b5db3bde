// Pins each rule of reading the sheets people already have: layouts, generated IDs, parents by title, progress, levels, skipped rows.
import { describe, expect, it } from 'vitest';
import type { CellValue, Grid } from '../../src/core/model';
import { DEFAULT_SETTINGS } from '../../src/core/model';
import { inspectTab } from '../../src/core/table';
import { type Analysis, analyzeWorkbook, type TabInput } from '../../src/core/workbook';

const tab = (name: string, grid: CellValue[][], extra: Partial<TabInput> = {}): TabInput => ({
  name,
  grid,
  ...extra,
});
const analyze = (...tabs: TabInput[]): Analysis => analyzeWorkbook(tabs);

/** Each goal as [id, title, parent's title or null]. */
function tree(a: Analysis): [string, string, string | null][] {
  return a.goals.map((g, i) => [
    g.id,
    g.title,
    a.links.parentOf[i] === -1 ? null : a.goals[a.links.parentOf[i]].title,
  ]);
}
const codes = (a: Analysis) => a.issues.map((i) => i.code);
const measured = (a: Analysis) => a.goals.map((_, i) => a.results.at(i).measured);

describe('inspectTab', () => {
  it.each<[string, Grid, string]>([
    ['plain goals', [['ID', 'Goal', 'Target']], 'goals'],
    ['goals without IDs', [['Goal', 'Target', 'Actual']], 'goals'],
    ['key results under objectives', [['Objective', 'Key Result']], 'goals'],
    ['outline columns', [['Main', 'L1', 'L2', 'Progress']], 'goals'],
    ['a list of people is not goals', [['Name', 'Title', 'Email']], 'other'],
    ['a task list is not goals', [['Task name', 'Owner', 'Status', 'Due date']], 'other'],
    ['a list of people with e-mails is not goals', [['Name', 'Email', 'Status']], 'other'],
    ['measures without a goal column are a near miss', [['Ref', 'Owner', 'Target', 'Actual']], 'near-miss'],
    ['a goal and an owner alone are a near miss', [['Goal', 'Owner']], 'near-miss'],
    [
      'MBO_CASCADE output is ours',
      [['ID', 'Goal', 'Owner', 'Parent', 'Depth', 'Path', 'Measured', 'Rolled up', 'Attainment', 'Status']],
      'own-output',
    ],
    ['MBO_VALIDATE output is ours', [['ID', 'Row', 'Column', 'Severity', 'Code', 'Message']], 'own-output'],
    ['one header in a long note is not read', [['x'.repeat(200), 'Goal', 'Target']], 'goals'],
  ])('%s', (_, grid, kind) => {
    expect(inspectTab(grid).kind).toBe(kind);
  });

  it('names the recognised headers of a near miss, as written', () => {
    expect(inspectTab([['Remarks', 'Ref', ' Owner ', 'Target', 'Actual']])).toEqual({
      kind: 'near-miss',
      row: 0,
      headers: ['Ref', 'Owner', 'Target', 'Actual'],
      missing: 'goal',
    });
  });

  it('follows a Settings ▸ Column mapping before the synonyms', () => {
    const grid: Grid = [['KR text', 'Value now', 'Goal']];
    const map = new Map([
      ['krtext', 'goal' as const],
      ['valuenow', 'actual' as const],
      ['goal', null],
    ]);
    expect(inspectTab(grid, map)).toMatchObject({
      kind: 'goals',
      header: { columns: { goal: 0, actual: 1 } },
    });
  });
});

describe('unread tabs', () => {
  it('warns on a tab that looks like goals but is not read, naming its headers', () => {
    const a = analyze(
      tab('Goals', [
        ['ID', 'Goal'],
        ['G1', 'Grow'],
      ]),
      tab('Team plan', [[], ['Ref', 'Owner', 'Target', 'Actual']]),
    );
    const unread = a.issues.find((i) => i.code === 'unread-tab');
    expect(unread).toMatchObject({
      tab: 'Team plan',
      row: 2,
      severity: 'warning',
      headers: ['Ref', 'Owner', 'Target', 'Actual'],
    });
  });

  it.each(['Settings', 'History', 'Roster', 'Survey', 'Roll-up', 'Roll-up (2)'])(
    'does not warn on our own %s tab',
    (name) => {
      const a = analyze(
        tab('Goals', [
          ['ID', 'Goal'],
          ['G1', 'Grow'],
        ]),
        tab(name, [['ID', 'Owner', 'Target', 'Actual']]),
      );
      expect(codes(a)).not.toContain('unread-tab');
    },
  );

  it('never reads our own outputs back as goals', () => {
    const formulas = tab('Formulas', [
      ['=MBO_CASCADE(Goals!A1:C3)'],
      ['ID', 'Goal', 'Owner', 'Parent', 'Depth', 'Path', 'Measured', 'Rolled up', 'Attainment', 'Status'],
      ['G1', 'Grow', '', '', 0, 'G1', '', '', '', 'not measured'],
    ]);
    const a = analyze(
      tab('Goals', [
        ['ID', 'Goal'],
        ['G1', 'Grow'],
      ]),
      formulas,
    );
    expect(a.goalTabs).toEqual(['Goals']);
    expect(codes(a)).not.toContain('duplicate-id');
  });
});

describe('OKR layouts: key results under objectives', () => {
  it.each<[string, CellValue[][], Partial<TabInput>]>([
    [
      'objective repeated on every row',
      [
        ['Objective', 'Key Result', 'Progress'],
        ['Grow', 'KR a', 0.5],
        ['Grow', 'KR b', 0.7],
        ['Retain', 'KR c', 1],
      ],
      {},
    ],
    [
      'objective on its first key result, blank below',
      [
        ['Objective', 'Key Result', 'Progress'],
        ['Grow', 'KR a', 0.5],
        ['', 'KR b', 0.7],
        ['Retain', 'KR c', 1],
      ],
      {},
    ],
    [
      'objective merged down',
      [
        ['Objective', 'Key Result', 'Progress'],
        ['Grow', 'KR a', 0.5],
        ['', 'KR b', 0.7],
        ['Retain', 'KR c', 1],
      ],
      { merges: [{ row: 2, col: 1, rows: 2, cols: 1 }] },
    ],
    [
      'objective on its own row above its key results',
      [
        ['Objective', 'Key Result', 'Progress'],
        ['Grow', '', ''],
        ['', 'KR a', 0.5],
        ['', 'KR b', 0.7],
        ['Retain', '', ''],
        ['', 'KR c', 1],
      ],
      {},
    ],
    [
      'objective text in any case and spacing',
      [
        ['Objective', 'KR', 'Score'],
        ['Grow', 'KR a', 0.5],
        [' grow ', 'KR b', 0.7],
        ['Retain', 'KR c', 1],
      ],
      {},
    ],
  ])('%s: one objective per distinct text, before its first key result', (_, grid, extra) => {
    const a = analyze(tab('OKRs', grid, extra));
    expect(tree(a).map(([, title, parent]) => [title, parent])).toEqual([
      ['Grow', null],
      ['KR a', 'Grow'],
      ['KR b', 'Grow'],
      ['Retain', null],
      ['KR c', 'Retain'],
    ]);
    expect(a.goals.map((g) => g.synthesized)).toEqual([true, false, false, true, false]);
    // Objectives roll their key results up; nothing about them is an error.
    expect(a.results.at(0).rolledUp).toBeCloseTo(0.6, 9);
    expect(a.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('gives objectives the Objective ID when there is one, else tab and text; the Parent cell aligns the objective', () => {
    const a = analyze(
      tab('CMO', [
        ['ID', 'Goal'],
        ['CMO-1', 'Grow revenue'],
      ]),
      tab('Team', [
        ['Objective ID', 'Objective', 'KR ID', 'Key Result', 'Parent'],
        ['O1', 'Win EMEA', 'KR1', 'Open 3 offices', 'CMO-1'],
        ['', 'Build brand', 'KR2', 'Lift NPS', ''],
      ]),
    );
    expect(tree(a)).toEqual([
      ['CMO-1', 'Grow revenue', null],
      ['O1', 'Win EMEA', 'Grow revenue'],
      ['KR1', 'Open 3 offices', 'Win EMEA'],
      ['Team: Build brand', 'Build brand', null],
      ['KR2', 'Lift NPS', 'Build brand'],
    ]);
  });

  it('makes the same objective text on two tabs two objectives', () => {
    const grid = [
      ['Objective', 'Key Result', 'Progress'],
      ['Grow', 'KR', 1],
    ];
    const a = analyze(tab('A', grid), tab('B', grid));
    expect(a.goals.filter((g) => g.synthesized).map((g) => g.id)).toEqual(['A: Grow', 'B: Grow']);
  });

  it('a key result row with data but no text is an error, not an objective', () => {
    const a = analyze(
      tab('OKRs', [
        ['Objective', 'Key Result', 'Target', 'Actual'],
        ['Grow', 'KR a', 10, 5],
        ['Grow', '', 10, 5],
      ]),
    );
    expect(codes(a)).toContain('missing-goal');
  });
});

describe('tabs without an ID column', () => {
  it('generates IDs from tab and sheet row, and links parents by title', () => {
    const a = analyze(
      tab('Company', [['FY2026 goals'], ['Goal', 'Target', 'Actual'], ['Grow revenue', 100, 50]]),
      tab('Team', [
        ['Goal', 'Aligned objective', 'Target', 'Actual'],
        ['Close deals', 'grow  REVENUE', 10, 5],
      ]),
    );
    expect(tree(a)).toEqual([
      ['Company!3', 'Grow revenue', null],
      ['Team!2', 'Close deals', 'Grow revenue'],
    ]);
  });

  it('warns when a title names several goals, and links none', () => {
    const a = analyze(
      tab('Goals', [
        ['Goal', 'Parent', 'Target'],
        ['Grow', '', 1],
        ['Grow', '', 1],
        ['Child', 'Grow', 1],
      ]),
    );
    expect(a.issues.find((i) => i.code === 'ambiguous-parent')).toMatchObject({
      row: 4,
      parent: 'Grow',
      count: 2,
      severity: 'warning',
    });
    expect(a.links.parentOf[2]).toBe(-1);
  });

  it('takes the first of several parents and says so', () => {
    const a = analyze(
      tab('Goals', [
        ['Row ID', 'Goal', 'Parent Row IDs'],
        [1, 'Top', ''],
        [2, 'Other', ''],
        [3, 'Child', '1, 2'],
      ]),
    );
    expect(tree(a)[2]).toEqual(['3', 'Child', 'Top']);
    expect(a.issues.find((i) => i.code === 'several-parents')).toMatchObject({
      used: '1',
      severity: 'warning',
    });
  });
});

describe('outlines', () => {
  it('reads the hierarchy from Main / L1 / L2 columns, in row order', () => {
    const a = analyze(
      tab('Plan', [
        ['Main', 'L1', 'L2', 'Progress'],
        ['Grow', '', '', ''],
        ['', 'Pipeline', '', 50],
        ['', '', 'Webinars', 80],
        ['', 'Brand', '', 20],
        ['Retain', '', '', ''],
        ['', 'NPS', '', 40],
      ]),
    );
    expect(tree(a).map(([, t, p]) => [t, p])).toEqual([
      ['Grow', null],
      ['Pipeline', 'Grow'],
      ['Webinars', 'Pipeline'],
      ['Brand', 'Grow'],
      ['Retain', null],
      ['NPS', 'Retain'],
    ]);
  });

  it('reads it from a Level column, where the Parent cell is blank', () => {
    const a = analyze(
      tab('Plan', [
        ['ID', 'Goal', 'Level', 'Parent'],
        ['A', 'Top', 1, ''],
        ['B', 'Mid', 'L2', ''],
        ['C', 'Leaf', 3, ''],
        ['D', 'Elsewhere', 3, 'A'],
        ['E', 'Second', 2, ''],
      ]),
    );
    expect(tree(a).map(([id, , p]) => [id, p])).toEqual([
      ['A', null],
      ['B', 'Top'],
      ['C', 'Mid'],
      ['D', 'Top'],
      ['E', 'Top'],
    ]);
  });
});

describe('outline numbers', () => {
  /** Each goal as [title, parent's title or null]. */
  const parents = (a: Analysis) => tree(a).map(([, title, parent]) => [title, parent]);

  it.each<[string, string, CellValue[], (string | null)[]]>([
    [
      "BigPicture's Order column, as text",
      'Order',
      ['1', '1.1', '1.1.1', '1.2', '2'],
      [null, 'Top', 'Mid', 'Top', null],
    ],
    [
      'the same as Sheets converts it (1.1 becomes a number; 1.10 becomes 1.1 and still has two parts)',
      'Order',
      [1, 1.1, '1.1.1', 1.1, 2],
      [null, 'Top', 'Mid', 'Top', null],
    ],
    [
      'a Level column holding outline numbers',
      'Level',
      ['1', '1.1', '1.1.1', '1.2', '2'],
      [null, 'Top', 'Mid', 'Top', null],
    ],
    [
      'an Order column of plain sort numbers is no outline',
      'Order',
      [1, 2, 3, 4, 5],
      [null, null, null, null, null],
    ],
  ])('%s', (_name, header, numbers, expected) => {
    const titles = ['Top', 'Mid', 'Leaf', 'Mid 2', 'Top 2'];
    const a = analyze(
      tab('OKRs', [[header, 'Summary', 'Target'], ...titles.map((t, k): CellValue[] => [numbers[k], t, 10])]),
    );
    expect(parents(a)).toEqual(titles.map((t, k) => [t, expected[k]]));
    expect(codes(a)).not.toContain('bad-type');
  });

  it('leaves a Parent cell the last word, as with a Level column', () => {
    const a = analyze(
      tab('OKRs', [
        ['Order', 'Summary', 'Parent', 'Target'],
        ['1', 'Top', '', 10],
        ['2', 'Other', '', 10],
        ['2.1', 'Child', 'Top', 10],
      ]),
    );
    expect(parents(a)).toEqual([
      ['Top', null],
      ['Other', null],
      ['Child', 'Top'],
    ]);
  });

  it('follows a Settings ▸ Column row that ignores the Order column', () => {
    const a = analyze(
      tab('Settings', [
        ['Setting', 'Value', 'Payout'],
        ['Column', 'Order', 'ignore'],
      ]),
      tab('OKRs', [
        ['Order', 'Summary', 'Target'],
        ['1', 'Top', 10],
        ['1.1', 'Child', 10],
      ]),
    );
    expect(parents(a)).toEqual([
      ['Top', null],
      ['Child', null],
    ]);
  });
});

describe("vendors' import templates", () => {
  it.each<[string, string, string]>([
    ['BigPicture', 'Summary', 'goal'],
    ['BigPicture', 'Expected start date', 'start'],
    ['BigPicture', 'Expected end date', 'due'],
    ['Engagedly', 'Goal Identifier', 'id'],
    ['Engagedly', 'Owner Email ID', 'owner'],
    ['PeopleCues', 'Owner_Email_ID', 'owner'],
    ['PeopleCues', 'Metric_Name', 'metric'],
    ['PeopleCues', 'Metric_Type', 'unit'],
    ['PeopleCues', 'Metric_Start_Value', 'baseline'],
    ['PeopleCues', 'Metric_Target_Value', 'target'],
  ])('%s: reads %s as the %s', (_vendor, header, field) => {
    const shape = inspectTab([['Remarks', header, 'Goal', 'Parent', 'Target']]);
    expect(shape.kind).toBe('goals');
    if (shape.kind === 'goals') expect(shape.header.columns).toMatchObject({ [field]: 1 });
  });

  it('never takes a data row for the header: an Objective cell is no evidence of goals by itself', () => {
    // The header row has no goal text (BigPicture's Summary, unmapped): the tab is unread, not read from row 2.
    const grid: Grid = [
      ['Order', 'Type', 'Heading', 'Status', 'Owner', 'Target value', 'Current value'],
      ['1', 'Objective', 'Grow', 'On track', 'Ann', 10, 5],
      ['1.1', 'Key result', 'Pipeline', 'On track', 'Ann', 10, 5],
    ];
    expect(inspectTab(grid)).toMatchObject({ kind: 'near-miss', row: 0, missing: 'goal' });
    // An Objective column beside real evidence still makes a goal tab.
    expect(inspectTab([['Objective', 'Owner', 'Target']]).kind).toBe('goals');
    expect(inspectTab([['Objective', 'Owner']]).kind).toBe('near-miss');
  });

  it('generates IDs when the ID column is blank on every row (Engagedly: blank creates a new goal)', () => {
    const a = analyze(
      tab('Goals', [
        ['Goal', 'Goal Identifier', 'Owner Email ID', 'Start Date', 'End Date'],
        ['Grow pipeline', '', 'cmo@acme.example', '2026-01-01', '2026-12-31'],
        ['Launch webinars', '  ', 'events@acme.example', '2026-04-01', '2026-06-30'],
      ]),
    );
    expect(a.goals.map((g) => [g.id, g.title, g.owner, g.period])).toEqual([
      ['Goals!2', 'Grow pipeline', 'cmo@acme.example', 'FY2026'],
      ['Goals!3', 'Launch webinars', 'events@acme.example', 'Q2 2026'],
    ]);
    expect(codes(a)).not.toContain('missing-id');
  });

  it('still reports a blank ID where other rows have one', () => {
    const a = analyze(
      tab('Goals', [
        ['Goal', 'Goal Identifier', 'Target'],
        ['Grow pipeline', 'G-1', 10],
        ['Launch webinars', '', 10],
      ]),
    );
    expect(a.goals.map((g) => g.id)).toEqual(['G-1']);
    expect(codes(a)).toContain('missing-id');
  });
});

describe('measured attainment without Actual and Target', () => {
  it.each<[string, CellValue[], (number | null)[]]>([
    ['fractions', [0.5, 1, 0], [0.5, 1, 0]],
    ['percent points (any value above 2)', [50, 100, 1], [0.5, 1, 0.01]],
    ['text with a % sign, beside points', ['45%', 50, 100], [0.45, 0.5, 1]],
    ['blank is not measured', ['', 0.5, ''], [null, 0.5, null]],
    ['capped at the cap', [3, 2, 1], [0.03, 0.02, 0.01]],
  ])('Progress as %s', (_, values, expected) => {
    const a = analyze(
      tab('G', [['ID', 'Goal', 'Progress'], ...values.map((v, i) => [`G${i}`, `Goal ${i}`, v])]),
    );
    expect(measured(a)).toEqual(expected);
  });

  it('Actual against Target wins over Progress; Progress stands in when there is no Target', () => {
    const a = analyze(
      tab('G', [
        ['ID', 'Goal', 'Target', 'Actual', 'Progress'],
        ['A', 'a', 10, 5, 0.9],
        ['B', 'b', '', 5, 0.9],
      ]),
    );
    expect(measured(a)).toEqual([0.5, 0.9]);
    expect(codes(a)).not.toContain('missing-target');
  });

  it.each<[string, string, string, number | null]>([
    ['Completed', '', '', 1],
    ['achieved', '', '', 1],
    ['Done', 'binary', '', 1],
    ['Not started', '', '', 0],
    ['In progress', '', '', null],
    ['On track', 'binary', '', null],
    ['Completed', 'binary', 'no', 0],
    ['Completed', '', '100', null],
  ])('Status %j (direction %j, target %j) measures %s', (status, direction, target, expected) => {
    const a = analyze(
      tab('G', [
        ['ID', 'Goal', 'Status', 'Direction', 'Target', 'Actual'],
        ['A', 'a', status, direction, target, direction === 'binary' && target === 'no' ? 'no' : ''],
      ]),
    );
    expect(measured(a)).toEqual([expected]);
  });
});

describe('payout levels', () => {
  const card = (rows: CellValue[][], header: string[]) => {
    const a = analyze(tab('G', [['ID', 'Goal', 'Owner', 'Weight', ...header], ...rows]));
    return { a, score: a.cards[0]?.score ?? null };
  };

  it('Stretch caps attainment where the actual reaches it (no Cap column)', () => {
    const { a } = card([['A', 'a', 'Ana', 1, 100, 120, 200]], ['Target', 'Stretch', 'Actual']);
    expect(measured(a)).toEqual([1.2]);
  });

  it('below Threshold a goal earns nothing on its owner card; its attainment still shows', () => {
    const { a, score } = card(
      [
        ['A', 'a', 'Ana', 0.5, 80, 100, 70],
        ['B', 'b', 'Ana', 0.5, 80, 100, 100],
      ],
      ['Threshold', 'Target', 'Actual'],
    );
    expect(measured(a)).toEqual([0.7, 1]);
    expect(score).toBeCloseTo(0.5, 9);
    expect(codes(a)).not.toContain('gate-missed');
  });

  it('Min and Max on a goal that is not a range are Threshold and Stretch', () => {
    const { a, score } = card([['A', 'a', 'Ana', 1, 80, 100, 120, 130]], ['Min', 'Target', 'Max', 'Actual']);
    expect(measured(a)).toEqual([1.2]);
    expect(score).toBeCloseTo(1.2, 9);
  });

  it('only a column named Gate gates payout', () => {
    const { a } = card([['A', 'a', 'Ana', 1, 0.9, 100, 50]], ['Threshold', 'Target', 'Actual']);
    expect(a.cards[0].gated).toBe(false);
  });

  it.each<[string, CellValue[], string[], boolean]>([
    ['a gate above 1000%', [12, 100, 90], ['Gate', 'Target', 'Actual'], true],
    ['a gate of 80%', [0.8, 100, 90], ['Gate', 'Target', 'Actual'], false],
    ['an actual 100x its target', ['', 1.2, 1_200_000], ['Gate', 'Target', 'Actual'], true],
    ['an actual 99x its target', ['', 1, 99], ['Gate', 'Target', 'Actual'], false],
  ])('warns on %s', (_, values, header, warned) => {
    const { a } = card([['A', 'a', 'Ana', 1, ...values]], header);
    expect(codes(a).includes('implausible-value')).toBe(warned);
  });
});

describe('rows that are not goals', () => {
  it.each<[string, CellValue[], string | null]>([
    ['a label alone', ['', 'Brand outcomes', '', ''], 'section-row'],
    ['TOTAL', ['', 'TOTAL', '', 1], 'total-row'],
    ['Grand total:', ['Grand total:', '', '', ''], 'total-row'],
    ['Total weight', ['', 'Total weight', '', 1], 'total-row'],
    ['a goal titled "Total revenue"', ['T', 'Total revenue', 100, ''], null],
    ['a goal with an ID titled "Total"', ['T', 'Total', 100, ''], null],
    ['TOTAL as the ID', ['TOTAL', '', '', 1], 'total-row'],
    ['an ID alone', ['G9', '', '', ''], 'missing-goal'],
  ])('%s', (_, row, code) => {
    const a = analyze(tab('G', [['ID', 'Goal', 'Target', 'Weight'], ['G1', 'Grow', 10, 1], row]));
    const rowIssues = a.issues.filter((i) => i.row === 3).map((i) => i.code);
    if (code === null) expect(a.goals).toHaveLength(2);
    else {
      expect(rowIssues).toContain(code);
      if (code !== 'missing-goal') expect(a.goals).toHaveLength(1);
    }
  });
});

describe('other column names and values', () => {
  it('reads a Due date as the period year when Period is blank', () => {
    const a = analyze(
      tab('G', [
        ['ID', 'Goal', 'Period', 'Due date'],
        ['A', 'a', '', '2026-09-30'],
        ['B', 'b', 'Q1 2027', '2026-09-30'],
      ]),
    );
    expect(a.goals.map((g) => g.period)).toEqual(['FY2026', 'Q1 2027']);
  });

  it.each<[string, string, string, string]>([
    ['a calendar quarter', '2026-04-01', '2026-06-30', 'Q2 2026'],
    ['a month', '2026-03-01', '2026-03-31', 'Mar 2026'],
    ['a half', '2026-01-15', '2026-06-30', 'H1 2026'],
    ['a year', '2026-01-01', '2026-12-31', 'FY2026'],
    ['across a quarter boundary: the half', '2026-02-01', '2026-04-30', 'H1 2026'],
    ['across the half: the year', '2026-06-01', '2026-07-31', 'FY2026'],
    ['across years: the end date’s year', '2025-10-01', '2026-03-31', 'FY2026'],
    ['an end before the start: the end date’s year', '2026-06-30', '2026-04-01', 'FY2026'],
    ['no start date: the end date’s year', '', '2026-06-30', 'FY2026'],
  ])('reads Start and End dates as the smallest period holding both: %s', (_name, start, end, period) => {
    const a = analyze(
      tab('G', [
        ['Goal', 'Start Date', 'End Date', 'Target'],
        ['Grow', start, end, 10],
      ]),
    );
    expect(a.goals.map((g) => g.period)).toEqual([period]);
  });

  it.each<[string, string, string, string, string, string[]]>([
    ['a quarterly goal', 'Quarterly', '2026-04-01', '2026-06-30', 'Q2 2026', []],
    ['a quarterly goal with an end date only', 'Quarterly', '', '2026-09-30', 'Q3 2026', []],
    ['a monthly goal', 'Monthly', '', '2026-03-31', 'Mar 2026', []],
    ['a half-yearly goal', 'Half-yearly', '2026-07-01', '2026-12-31', 'H2 2026', []],
    ['an annual goal', 'Annually', '2026-01-01', '2026-12-31', 'FY2026', []],
    ['a yearly goal with a start date only', 'Yearly', '2026-02-01', '', 'FY2026', []],
    ['a cadence without dates says what to add', 'Quarterly', '', '', '', ['bad-period']],
  ])(
    'reads a cadence in the Period column (Goal cycle) with the dates: %s',
    (_name, cycle, start, end, period, issues) => {
      const a = analyze(
        tab('G', [
          ['Goal', 'Goal Cycle', 'Start Date', 'End Date', 'Target'],
          ['Grow', cycle, start, end, 10],
        ]),
      );
      expect(a.goals.map((g) => g.period)).toEqual([period]);
      expect(codes(a).filter((c) => c === 'bad-period')).toEqual(issues);
    },
  );

  it('uses Settings ▸ Column rows on every tab', () => {
    const a = analyze(
      tab('Settings', [
        ['Setting', 'Value', 'Payout'],
        ['Column', 'Initiative', 'Goal'],
        ['Column', 'Now', 'Actual'],
      ]),
      tab('G', [
        ['Ref', 'Initiative', 'Target', 'Now'],
        ['A', 'Grow', 10, 5],
      ]),
    );
    expect(a.goals.map((g) => [g.id, g.title, g.actual])).toEqual([['A', 'Grow', 5]]);
    expect(measured(a)).toEqual([0.5]);
  });

  it.each(['Owner Emails', 'Owners', 'Goal owners', 'Owner names', 'Assignees'])(
    'reads %s as the Owner',
    (header) => {
      const a = analyze(
        tab('G', [
          ['Goal', header, 'Target', 'Actual'],
          ['Grow pipeline', 'cmo@acme.example', 10, 5],
        ]),
      );
      expect(a.goals.map((g) => g.owner)).toEqual(['cmo@acme.example']);
    },
  );

  describe('a Goal type column that holds no Outcome, Activity or Collaboration', () => {
    /** The Type of each goal, and the type issues as code@column. */
    function typed(header: string, ...types: string[]) {
      const a = analyze(tab('G', [['Goal', header, 'Target'], ...types.map((t, k) => [`Goal ${k}`, t, 10])]));
      const typeIssues = a.issues.filter((i) => i.code === 'bad-type' || i.code === 'foreign-type-column');
      return {
        types: a.goals.map((g) => g.type),
        issues: typeIssues.map((i) => `${i.code}@${i.row}:${i.column}`),
        a,
      };
    }

    it.each<[string, string, string[], string[], string[]]>([
      [
        'measurement kinds (Peoplebox): one warning at the header, goals unclassified',
        'Goal Type',
        ['Dollar', 'Number', 'Binary', 'Dollar'],
        ['', '', '', ''],
        ['foreign-type-column@1:Type'],
      ],
      [
        'levels (Company, Department, Individual)',
        'Goal type',
        ['Company', 'Department', 'Individual'],
        ['', '', ''],
        ['foreign-type-column@1:Type'],
      ],
      [
        'one real type among typos: each typo is its own bad-type',
        'Type',
        ['Outcome', 'Actvity', 'Colaboration'],
        ['outcome', '', ''],
        ['bad-type@3:Type', 'bad-type@4:Type'],
      ],
      ['every cell blank: nothing to say', 'Type', ['', ''], ['', ''], []],
    ])('%s', (_name, header, cells, types, issues) => {
      const got = typed(header, ...cells);
      expect(got.types).toEqual(types);
      expect(got.issues).toEqual(issues);
    });

    it('names what the column holds and what to do', () => {
      const { a } = typed('Goal Type', 'Dollar', 'Number', 'Binary', 'Dollar', 'Custom Percent');
      const issue = a.issues.find((i) => i.code === 'foreign-type-column');
      expect(issue).toMatchObject({
        header: 'Goal Type',
        examples: ['Dollar', 'Number', 'Binary'],
        severity: 'warning',
      });
    });
  });

  it('keeps the default settings shape', () => {
    expect(DEFAULT_SETTINGS.columns).toEqual([]);
  });
});
