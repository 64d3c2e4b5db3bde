// Pins the Columns view's core: which tabs it offers with which header row, what a proposed map makes of a tab, and the Settings rows a save writes.
import { describe, expect, it } from 'vitest';
import {
  type ColumnChoice,
  columnsAfter,
  conflictingChoice,
  planColumnRows,
  type TabVerdict,
  unreadTabs,
  verdictOf,
} from '../../src/core/columns';
import type { CellValue, ColumnMapping, Grid } from '../../src/core/model';
import { DEFAULT_SETTINGS } from '../../src/core/model';
import { columnRow, readSettings, settingsRows } from '../../src/core/settings';
import { columnMapOf } from '../../src/core/table';
import { analyzeWorkbook, type TabInput } from '../../src/core/workbook';

const INITIATIVES: Grid = [
  ['Initiative', 'Value now', 'Goal number'],
  ['Open the Lyon office', 3, 'I-1'],
  ['Hire 4 engineers', 2, 'I-2'],
];

const TABS: TabInput[] = [
  {
    name: 'Goals',
    grid: [
      ['ID', 'Goal', 'Target', 'Actual'],
      ['G-1', 'Grow', 10, 5],
    ],
  },
  {
    name: 'People',
    grid: [
      ['Name', 'Email', 'Team'],
      ['Ana', 'ana@x.io', 'Sales'],
    ],
  },
  { name: 'Initiatives', grid: INITIATIVES },
  // Goal text and an owner, nothing that measures: a near miss.
  { name: 'Wishes', grid: [['Quarterly wishes'], [], ['Goal', 'Owner', 'Notes'], ['Be faster', 'Ben', '']] },
  { name: 'Empty', grid: [[], ['']] },
  {
    name: 'Settings',
    grid: [
      ['Setting', 'Value'],
      ['Cap', 1.5],
    ],
  },
  { name: 'Roll-up', grid: [['ID', 'Goal', 'Measured', 'Rolled up']] },
  { name: 'Survey', grid: [['Score', 'Comment']] },
  // An MBO_CASCADE result pasted as values: the product's own output.
  {
    name: 'Cascade copy',
    grid: [
      ['ID', 'Goal', 'Measured', 'Rolled up'],
      ['G-1', 'Grow', 0.5, ''],
    ],
  },
  {
    name: 'Outline',
    grid: [
      ['Main', 'L1', 'Notes'],
      ['Grow', '', ''],
    ],
  },
];

const withSettings = (...rows: CellValue[][]) =>
  readSettings([['Setting', 'Value', 'Payout'], ...rows]).settings;

describe('unreadTabs', () => {
  it('offers the tabs that do not read as goals: near misses first, never Settings, reports or empty tabs', () => {
    const tabs = unreadTabs(TABS, DEFAULT_SETTINGS);
    expect(tabs.map((t) => [t.tab, t.kind, t.row])).toEqual([
      ['Wishes', 'near-miss', 3],
      ['People', 'other', 1],
      ['Initiatives', 'other', 1],
    ]);
  });

  it('lists each header as written, with what it reads as now and why', () => {
    const settings = withSettings(['Column', 'Value now', 'Actual'], ['Column', 'Initiative', 'ignore']);
    const [initiatives] = unreadTabs([{ name: 'Initiatives', grid: INITIATIVES }], settings);
    expect(initiatives.headers).toEqual([
      {
        column: 1,
        header: 'Initiative',
        key: 'initiative',
        field: null,
        source: 'settings',
        known: undefined,
      },
      {
        column: 2,
        header: 'Value now',
        key: 'valuenow',
        field: 'actual',
        source: 'settings',
        known: undefined,
      },
      { column: 3, header: 'Goal number', key: 'goalnumber', field: 'id', source: 'synonym', known: 'id' },
    ]);
  });

  it.each<[string, CellValue[], Partial<ReturnType<typeof unreadTabs>[number]['headers'][number]>[]]>([
    [
      'outline columns',
      ['Main', 'Remarks'],
      [
        { header: 'Main', source: 'outline' },
        { header: 'Remarks', source: 'none' },
      ],
    ],
    [
      'numbers and dates as text',
      [1.1, true, ''],
      [
        { header: '1.1', column: 1 },
        { header: 'TRUE', column: 2 },
      ],
    ],
    [
      'blank cells, punctuation and notes too long to be headers left out',
      ['', 'x'.repeat(81), ' Plan ', '—'],
      [{ header: 'Plan', column: 3 }],
    ],
  ])('headers: %s', (_name, row, expected) => {
    const [tab] = unreadTabs([{ name: 'T', grid: [row] }], DEFAULT_SETTINGS);
    expect(tab.headers).toEqual(expected.map((e) => expect.objectContaining(e)));
  });

  it('drops a tab once its map makes it read as goals; counts rows from the grid start', () => {
    const settings = withSettings(['Column', 'Initiative', 'Goal']);
    expect(unreadTabs(TABS, settings).map((t) => t.tab)).toEqual(['Wishes', 'People']);
    const [offset] = unreadTabs([{ name: 'People', grid: TABS[1].grid, rowOffset: 4 }], settings);
    expect(offset.row).toBe(5);
  });
});

describe('verdictOf (inspectTab under a proposed map)', () => {
  const initiatives = { name: 'Initiatives', grid: INITIATIVES };
  it.each<[string, ColumnMapping[], TabVerdict]>([
    ['nothing mapped', [], { reads: 'other' }],
    [
      'a measure but no goal text',
      [{ header: 'Value now', field: 'actual' }],
      { reads: 'near-miss', row: 1, missing: 'goal' },
    ],
    [
      'goal text beside the ID column',
      [{ header: 'initiative', field: 'goal' }],
      { reads: 'goals', row: 1, fields: ['goal', 'id'], outline: false },
    ],
    [
      'goal text and a measure',
      [
        { header: 'Initiative', field: 'goal' },
        { header: 'Value now', field: 'actual' },
      ],
      { reads: 'goals', row: 1, fields: ['goal', 'actual', 'id'], outline: false },
    ],
    [
      'the ID column ignored: goal text alone',
      [
        { header: 'Initiative', field: 'goal' },
        { header: 'Goal number', field: null },
      ],
      { reads: 'other' },
    ],
  ])('%s', (_name, columns, verdict) => {
    expect(verdictOf(initiatives, columns)).toEqual(verdict);
  });

  it('finds the header row below a title block, and outline layouts', () => {
    expect(verdictOf(TABS[3], [{ header: 'Notes', field: 'target' }])).toEqual({
      reads: 'goals',
      row: 3,
      fields: ['goal', 'owner', 'target'],
      outline: false,
    });
    expect(verdictOf(TABS[9], [{ header: 'Notes', field: 'actual' }])).toMatchObject({
      reads: 'goals',
      outline: true,
    });
  });
});

describe('conflictingChoice', () => {
  it.each<[string, ColumnChoice[], string | null]>([
    [
      'none',
      [
        { header: 'A', field: 'goal' },
        { header: 'B', field: 'goal' },
      ],
      null,
    ],
    [
      'the same choice twice',
      [
        { header: 'A', field: 'goal' },
        { header: 'a ', field: 'goal' },
      ],
      null,
    ],
    [
      'one header, two fields',
      [
        { header: 'Plan', field: 'goal' },
        { header: 'PLAN', field: 'metric' },
      ],
      'PLAN',
    ],
    [
      'one header mapped and ignored',
      [
        { header: 'Plan', field: 'goal' },
        { header: 'Plan', field: null },
      ],
      'Plan',
    ],
  ])('%s', (_name, choices, conflict) => {
    expect(conflictingChoice(choices)).toBe(conflict);
  });
});

/** The grid a save leaves: changed rows rewritten (their key and note kept) or cleared, added rows at the end. */
function applied(grid: Grid, choices: ColumnChoice[]): Grid {
  const plan = planColumnRows(grid, choices);
  const out = grid.map((cells, r) => {
    const change = plan.changed.get(r);
    if (change === undefined) return cells;
    return change === null ? ['', '', '', ''] : [cells[0], change[0], change[1], cells[3] ?? ''];
  });
  return [...out, ...plan.added.map(columnRow)];
}

const SETTINGS_GRID: Grid = [
  ['Setting', 'Value', 'Payout', 'What it does'],
  ['Cap', 1.5, '', ''],
  ['column', 'Initiative', 'Metric', 'my note'],
  ['Payout point', 0.8, 0.5, ''],
  ['Column', 'Status', 'ignore', ''],
  ['Column', 'initiative', 'Goal', ''],
  ['Column', 'Budget', 'Weight', ''],
];

describe('planColumnRows', () => {
  it('rewrites a header’s first row, clears later ones and rows no longer needed, adds the rest at the end', () => {
    const plan = planColumnRows(SETTINGS_GRID, [
      { header: 'Initiative', field: 'goal' },
      { header: 'Status', field: 'status' }, // what "Status" means anyway: no row needed
      { header: 'Value now', field: 'actual' },
      { header: 'Notes', field: undefined }, // not mapped, and no row to remove
    ]);
    expect(plan.changed).toEqual(
      new Map([
        [2, ['Initiative', 'Goal']],
        [4, null],
        [5, null],
      ]),
    );
    expect(plan.added).toEqual([{ header: 'Value now', field: 'actual' }]);
  });

  it('changes nothing when the rows already say it', () => {
    const plan = planColumnRows(SETTINGS_GRID, [{ header: 'Budget', field: 'weight' }]);
    expect(plan).toEqual({ changed: new Map(), added: [] });
  });

  it.each<[string, ColumnChoice[]]>([
    ['a new mapping', [{ header: '1.10', field: 'goal' }]],
    ['an ignore', [{ header: 'Value now', field: null }]],
    [
      'a remap and a removal',
      [
        { header: 'Initiative', field: 'objective' },
        { header: 'Budget', field: undefined },
      ],
    ],
    ['a synonym mapped elsewhere', [{ header: 'Status', field: 'metric' }]],
    ['a synonym given back its meaning', [{ header: 'Status', field: 'status' }]],
    ['a formula-looking header', [{ header: '=x', field: 'target' }]],
  ])('reads back as columnsAfter: %s', (_name, choices) => {
    const before = readSettings(SETTINGS_GRID).settings.columns;
    const after = readSettings(applied(SETTINGS_GRID, choices));
    expect(after.issues).toEqual([]);
    expect(columnMapOf(after.settings)).toEqual(columnMapOf({ columns: columnsAfter(before, choices) }));
  });

  it('a map saved into a new Settings tab (settingsRows) reads back the same', () => {
    const columns = columnsAfter(
      [],
      [
        { header: 'Initiative', field: 'goal' },
        { header: 'Notes', field: null },
      ],
    );
    const read = readSettings(settingsRows({ ...DEFAULT_SETTINGS, columns }));
    expect(read.settings.columns).toEqual(columns);
  });

  it('after the save, the tab reads as goals on every surface (analyzeWorkbook)', () => {
    const choices: ColumnChoice[] = [
      { header: 'Initiative', field: 'goal' },
      { header: 'Value now', field: 'actual' },
    ];
    const settings = applied(SETTINGS_GRID, choices);
    const analysis = analyzeWorkbook([
      { name: 'Initiatives', grid: INITIATIVES },
      { name: 'Settings', grid: settings },
    ]);
    expect(analysis.goalTabs).toEqual(['Initiatives']);
    expect(analysis.goals.map((g) => [g.id, g.title])).toEqual([
      ['I-1', 'Open the Lyon office'],
      ['I-2', 'Hire 4 engineers'],
    ]);
  });
});
