// The Columns endpoints over the fake: the tabs offered and their headers, verdicts under a proposed map, and saving Column rows into Settings (text as text, one write, under the lock, nothing half-written).
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/model';
import { readSettings, settingsRows } from '../../src/core/settings';
import type { ColumnChoiceView } from '../../src/server/api';
import { bindServerApi } from '../../src/server/bind';
import { BusyError } from '../../src/sheets/lock';
import {
  createFakeGas,
  dumpFormulas,
  dumpValues,
  type FakeGas,
  type FakeTabs,
  fakeServerContext,
  InjectedFault,
  snapshotSpreadsheet,
} from '../../tools/gas-fake';

const INITIATIVES = [
  ['Initiative', 'Value now', 'Goal number'],
  ['Open the Lyon office', 3, 'I-1'],
  ['Hire 4 engineers', 2, 'I-2'],
];

/** A workbook with one goal tab, a tab of unknown headers, a near miss below a title, and a list of people. */
function workbook(extra: FakeTabs = {}): FakeTabs {
  return {
    Goals: [
      ['ID', 'Goal', 'Target', 'Actual'],
      ['G-1', 'Grow revenue', 10, 5],
    ],
    People: [
      ['Name', 'Email'],
      ['Ana', 'ana@example.com'],
    ],
    Initiatives: INITIATIVES,
    Wishes: [['Wishes for Q3'], [], ['Goal', 'Owner'], ['Be faster', 'Ben']],
    ...extra,
  };
}

function setup(tabs: FakeTabs = workbook()) {
  const gas = createFakeGas({ tabs });
  return { gas, api: bindServerApi(fakeServerContext(gas)) };
}

const MAP_INITIATIVES: ColumnChoiceView[] = [
  { header: 'Initiative', choice: 'goal' },
  { header: 'Value now', choice: 'actual' },
];

/** The Column rows of the Settings tab as stored: [header, field]. */
function columnRows(gas: FakeGas): unknown[][] {
  return (dumpValues(gas.spreadsheet).Settings ?? [])
    .filter((r) => r[0] === 'Column')
    .map((r) => r.slice(1, 3));
}

describe('getColumns', () => {
  it('offers the tabs not read as goals, near misses first, with each header and the fields', () => {
    const { gas, api } = setup();
    gas.log.reset();
    const view = api.getColumns();
    expect(gas.log.writes).toBe(0);
    expect(view.tabs.map((t) => [t.tab, t.kind, t.row, t.verdict.reads])).toEqual([
      ['Wishes', 'near-miss', 3, 'near-miss'],
      ['People', 'other', 1, 'other'],
      ['Initiatives', 'other', 1, 'other'],
    ]);
    const initiatives = view.tabs[2];
    expect(initiatives.headers).toEqual([
      { column: 1, header: 'Initiative', key: 'initiative', choice: '', source: 'none', known: '' },
      { column: 2, header: 'Value now', key: 'valuenow', choice: '', source: 'none', known: '' },
      { column: 3, header: 'Goal number', key: 'goalnumber', choice: 'id', source: 'synonym', known: 'id' },
    ]);
    expect(view.tabs[0].verdict.message).toMatch(/measures or aligns/);
    expect(view.fields.map((f) => f.field)).toContain('objectiveId');
    expect(view.fields.find((f) => f.field === 'goal')).toEqual({
      field: 'goal',
      label: 'Goal',
      about: 'what the goal is (a key result, in OKR layouts); required',
    });
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('says what proposed choices would make of each tab, and writes nothing', () => {
    const { gas, api } = setup();
    gas.log.reset();
    const view = api.getColumns([...MAP_INITIATIVES, { header: 'Owner', choice: 'weight' }]);
    expect(gas.log.writes).toBe(0);
    const verdicts = Object.fromEntries(view.tabs.map((t) => [t.tab, t.verdict]));
    expect(verdicts.Initiatives).toEqual({
      reads: 'goals',
      row: 1,
      message: 'Reads as goals from row 1: Goal, Actual, ID.',
    });
    expect(verdicts.Wishes).toMatchObject({ reads: 'goals', row: 3 });
    expect(verdicts.People.reads).toBe('other');
    // The headers still say what the sheet says now.
    expect(view.tabs.find((t) => t.tab === 'Initiatives')?.headers[0].choice).toBe('');
  });

  it('reads the Settings map: a mapped header says so, an ignored one too; Settings and reports are never offered', () => {
    const { api } = setup(
      workbook({
        Settings: [
          ['Setting', 'Value', 'Payout'],
          ['Column', 'Value now', 'Actual'],
          ['Column', 'Goal number', 'ignore'],
        ],
        'Roll-up': [['ID', 'Goal', 'Measured', 'Rolled up']],
      }),
    );
    const initiatives = api.getColumns().tabs.find((t) => t.tab === 'Initiatives');
    expect(initiatives?.headers.map((h) => [h.header, h.choice, h.source])).toEqual([
      ['Initiative', '', 'none'],
      ['Value now', 'actual', 'settings'],
      ['Goal number', 'ignore', 'settings'],
    ]);
    expect(api.getColumns().tabs.map((t) => t.tab)).not.toContain('Settings');
  });
});

describe('saveColumns', () => {
  it('makes the Settings tab with the defaults and the map, and returns the check with the tab read', () => {
    const { gas, api } = setup();
    const saved = api.saveColumns(MAP_INITIATIVES);
    expect(saved.settingsCreated).toBe(true);
    expect(dumpValues(gas.spreadsheet).Settings).toEqual(
      settingsRows({
        ...DEFAULT_SETTINGS,
        columns: [
          { header: 'Initiative', field: 'goal' },
          { header: 'Value now', field: 'actual' },
        ],
      }),
    );
    expect(saved.check.goalTabs).toEqual(['Goals', 'Initiatives']);
    expect(saved.check.goalCount).toBe(3);
    expect(saved.columns.tabs.map((t) => t.tab)).toEqual(['Wishes', 'People']);
    // Every other surface reads the same: a fresh check, the cascade.
    expect(api.checkWorkbook().goalTabs).toEqual(['Goals', 'Initiatives']);
    expect(api.getCascade().goals.map((g) => [g.id, g.measured])).toContainEqual(['I-1', null]);
    expect(JSON.parse(JSON.stringify(saved))).toEqual(saved);
  });

  it('makes no Settings tab for choices that need no Column row', () => {
    const { gas, api } = setup();
    const saved = api.saveColumns([
      { header: 'Goal number', choice: 'id' },
      { header: 'Notes', choice: '' },
    ]);
    expect(saved).toMatchObject({ settingsCreated: false, rowsWritten: 0 });
    expect(gas.spreadsheet.sheets.map((s) => s.name)).not.toContain('Settings');
  });

  it.each([
    ['a new Settings tab', {}],
    [
      'an existing one',
      {
        Settings: [
          ['Setting', 'Value', 'Payout'],
          ['Cap', 1.2],
        ],
      },
    ],
  ])('keeps headers that look like numbers or formulas as text, in %s', (_name, extra) => {
    const tabs = workbook({
      ...extra,
      Odd: [
        ['1.10', "'=x", '007', 'TRUE'],
        ['Ship it', 4, 'O-1', 'yes'],
      ],
    });
    const { gas, api } = setup(tabs);
    const saved = api.saveColumns([
      { header: '1.10', choice: 'goal' },
      { header: '=x', choice: 'actual' },
      { header: '007', choice: 'id' },
      { header: 'TRUE', choice: 'ignore' },
    ]);
    expect(columnRows(gas)).toEqual([
      ['1.10', 'Goal'],
      ['=x', 'Actual'],
      ['007', 'ID'],
      ['TRUE', 'ignore'],
    ]);
    expect(
      dumpFormulas(gas.spreadsheet)
        .Settings.flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
    expect(saved.check.goalTabs).toContain('Odd');
    expect(api.getCascade().goals.find((g) => g.id === 'O-1')?.title).toBe('Ship it');
  });

  it('rewrites and clears existing Column rows in one write, leaving other rows (formulas too) as they were', () => {
    const settings = [
      ['Setting', 'Value', 'Payout', 'What it does'],
      ['Cap', 1.5, '', 'my cap'],
      ['Column', 'Initiative', 'Metric', 'old'],
      ['Default period', { formula: '="FY"&2026', value: 'FY2026' }, '', ''],
      ['Column', 'Status', 'ignore', ''],
      ['Column', 'Budget', 'Weight', ''],
    ];
    const { gas, api } = setup(workbook({ Settings: settings }));
    gas.log.reset();
    const saved = api.saveColumns([
      ...MAP_INITIATIVES,
      { header: 'Status', choice: 'status' }, // its own meaning: the ignore row goes
      { header: 'Budget', choice: 'weight' }, // already so
    ]);
    expect(gas.log.count('Range.setValues')).toBe(1);
    expect(gas.log.writes).toBe(1);
    expect(saved.rowsWritten).toBe(5); // from the first changed row to the one added
    expect(dumpValues(gas.spreadsheet).Settings).toEqual([
      ['Setting', 'Value', 'Payout', 'What it does'],
      ['Cap', 1.5, '', 'my cap'],
      ['Column', 'Initiative', 'Goal', 'old'],
      ['Default period', '', '', ''],
      ['', '', '', ''],
      ['Column', 'Budget', 'Weight', ''],
      ['Column', 'Value now', 'Actual', expect.stringMatching(/^A header on goal tabs/)],
    ]);
    expect(dumpFormulas(gas.spreadsheet).Settings[3][1]).toBe('="FY"&2026');
    expect(saved.settingsCreated).toBe(false);
    expect(saved.check.goalTabs).toEqual(['Goals', 'Initiatives']);
    const read = readSettings(dumpValues(gas.spreadsheet).Settings);
    expect(read.settings.columns).toEqual([
      { header: 'Initiative', field: 'goal' },
      { header: 'Budget', field: 'weight' },
      { header: 'Value now', field: 'actual' },
    ]);
  });

  it('writes nothing when Settings already says it all', () => {
    const { gas, api } = setup(
      workbook({
        Settings: [
          ['Setting', 'Value'],
          ['Column', 'Initiative', 'Goal'],
        ],
      }),
    );
    gas.log.reset();
    expect(api.saveColumns([{ header: 'initiative', choice: 'goal' }]).rowsWritten).toBe(0);
    expect(gas.log.writes).toBe(0);
  });

  it('grows a Settings tab that has no room below its last row', () => {
    const { gas, api } = setup(
      workbook({
        Settings: [
          ['Setting', 'Value'],
          ['Cap', 1.5],
        ],
      }),
    );
    const sheet = gas.spreadsheet.sheet('Settings');
    sheet.maxRows = 2;
    sheet.maxColumns = 2;
    api.saveColumns(MAP_INITIATIVES);
    expect(columnRows(gas)).toEqual([
      ['Initiative', 'Goal'],
      ['Value now', 'Actual'],
    ]);
    expect([sheet.maxRows, sheet.maxColumns]).toEqual([4, 4]);
  });

  it('another user saving or rolling up holds the lock: refused with a message, nothing written', () => {
    const { gas, api } = setup();
    gas.otherExecution().getDocumentLock().waitLock(1);
    gas.log.reset();
    expect(() => api.saveColumns(MAP_INITIATIVES)).toThrow(BusyError);
    expect(() => api.saveColumns(MAP_INITIATIVES)).toThrow(/Someone else is updating/);
    expect(gas.log.writes).toBe(0);
    expect(gas.spreadsheet.sheets.map((s) => s.name)).not.toContain('Settings');
  });

  it('holds the lock while it reads and writes, and releases it after flushing', () => {
    const { gas, api } = setup();
    let heldDuringWrite = false;
    gas.log.onWrite = () => {
      heldDuringWrite = !gas.otherExecution().getDocumentLock().tryLock(0);
    };
    api.saveColumns(MAP_INITIATIVES);
    gas.log.onWrite = null;
    expect(heldDuringWrite).toBe(true);
    expect(gas.log.count('SpreadsheetApp.flush')).toBe(1);
    expect(gas.otherExecution().getDocumentLock().tryLock(0)).toBe(true);
  });

  describe('a fault at any write leaves Settings as it was', () => {
    const existing = () =>
      workbook({
        Settings: [
          ['Setting', 'Value', 'Payout'],
          ['Column', 'Initiative', 'Metric'],
          ['Cap', { formula: '=1+0.5', value: 1.5 }],
        ],
      });
    it.each([
      ['a new Settings tab', () => workbook(), false],
      ['an existing one', existing, false],
      ['an existing one that must grow first', existing, true],
    ])('%s', (_name, tabs, tight) => {
      const fresh = () => {
        const made = setup(tabs());
        if (tight) {
          made.gas.spreadsheet.sheet('Settings').maxRows = 3;
        }
        made.gas.log.reset();
        return made;
      };
      const complete = fresh();
      complete.api.saveColumns(MAP_INITIATIVES);
      const writes = complete.gas.log.writes;
      expect(writes).toBeGreaterThan(0);
      for (let n = 0; n < writes; n++) {
        const { gas, api } = fresh();
        const values = dumpValues(gas.spreadsheet);
        const formulas = dumpFormulas(gas.spreadsheet);
        const names = gas.spreadsheet.sheets.map((s) => s.name);
        gas.log.failAfter(n);
        expect(() => api.saveColumns(MAP_INITIATIVES), `fault at write ${n + 1}`).toThrow(InjectedFault);
        expect(
          gas.spreadsheet.sheets.map((s) => s.name),
          `fault at write ${n + 1}`,
        ).toEqual(names);
        expect(dumpValues(gas.spreadsheet), `fault at write ${n + 1}`).toEqual(values);
        expect(dumpFormulas(gas.spreadsheet)).toEqual(formulas);
        expect(gas.LockService.getDocumentLock().hasLock(), 'lock released').toBe(false);
        gas.log.heal();
        api.saveColumns(MAP_INITIATIVES);
        expect(columnRows(gas)).toContainEqual(['Value now', 'Actual']);
      }
    });
  });

  it('another tab of the snapshot stays exactly as it was', () => {
    const { gas, api } = setup();
    const before = snapshotSpreadsheet(gas.spreadsheet);
    api.saveColumns(MAP_INITIATIVES);
    expect(snapshotSpreadsheet(gas.spreadsheet).slice(0, before.length)).toEqual(before);
  });
});

describe('arguments from the browser are checked before anything is read or written', () => {
  it.each<[string, unknown, RegExp]>([
    ['not a list', 'goal', /choices must be a list/],
    ['an item that is not an object', ['Initiative'], /choices\[0\] must be/],
    ['a blank header', [{ header: '  ', choice: 'goal' }], /header must be a header's text/],
    ['a header too long to be one', [{ header: 'x'.repeat(81), choice: 'goal' }], /longer than 80/],
    ['an unknown field', [{ header: 'Plan', choice: 'budget' }], /"budget" is not a field/],
    ['a choice that is not text', [{ header: 'Plan', choice: null }], /choice must be text/],
    [
      'one header mapped two ways',
      [
        { header: 'Plan', choice: 'goal' },
        { header: 'plan', choice: 'metric' },
      ],
      /"plan" is mapped to two different fields/,
    ],
  ])('%s', (_name, choices, message) => {
    const { gas, api } = setup();
    gas.log.reset();
    expect(() => api.saveColumns(choices as never)).toThrow(message);
    expect(gas.log.count()).toBe(0);
  });

  it('getColumns takes no choices, or checked ones', () => {
    const { api } = setup();
    expect(api.getColumns(null as never).tabs).toHaveLength(3);
    expect(() => api.getColumns([{ header: 'x', choice: 'nope' }])).toThrow(/is not a field/);
  });
});
