// The goal-tab template, the Settings tab on first use, Parent dropdowns over the hidden ID list, and selecting cells.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/model';
import { readSettings } from '../../src/core/settings';
import { analyzeWorkbook } from '../../src/core/workbook';
import { addParentDropdowns, insertGoalTab, selectCell } from '../../src/server/setup';
import { IDS_TAB } from '../../src/sheets/owned';
import { TEMPLATE_HEADERS } from '../../src/sheets/template';
import {
  createFakeGas,
  dumpValues,
  type FakeDataValidation,
  fakeServerContext,
  InjectedFault,
  snapshotSpreadsheet,
} from '../../tools/gas-fake';
import { marketingCascade } from '../fixtures/marketing-cascade';

describe('insertGoalTab', () => {
  it('adds a goal tab the core recognises, with every template column', () => {
    const gas = createFakeGas({ tabs: { Sheet1: [] } });
    const made = insertGoalTab(fakeServerContext(gas), '');
    expect(made).toEqual({ tab: 'Goals', settingsCreated: true });
    const values = dumpValues(gas.spreadsheet);
    expect(values.Goals).toEqual([[...TEMPLATE_HEADERS]]);
    const analysis = analyzeWorkbook([
      { name: 'Goals', grid: [[...TEMPLATE_HEADERS], ['G-1', 'A goal', 'Ann', '', 'Outcome']] },
    ]);
    expect(analysis.goalTabs).toEqual(['Goals']);
    expect(Object.keys(analysis.goals[0].columns).sort()).toEqual(
      [
        'id',
        'goal',
        'owner',
        'parent',
        'type',
        'metric',
        'unit',
        'direction',
        'baseline',
        'target',
        'actual',
        'weight',
        'contribution',
        'rollup',
        'period',
      ].sort(),
    );
  });

  it('puts dropdowns on Type, Direction and Rollup, formats and a frozen bold header', () => {
    const gas = createFakeGas({ tabs: { Sheet1: [] } });
    insertGoalTab(fakeServerContext(gas), 'Team A');
    const sheet = gas.spreadsheet.sheet('Team A');
    const rule = (header: string, row = 2) =>
      sheet.peekCell(row, TEMPLATE_HEADERS.indexOf(header as (typeof TEMPLATE_HEADERS)[number]) + 1)
        .validation as FakeDataValidation | null;
    expect(rule('Type')?.describe()).toBe('VALUE_IN_LIST(Outcome|Activity|Collaboration) dropdown warn');
    expect(rule('Direction', 1000)?.describe()).toBe(
      'VALUE_IN_LIST(higher|lower|range|binary) dropdown warn',
    );
    expect(rule('Rollup')?.describe()).toBe('VALUE_IN_LIST(average|sum|min|own) dropdown warn');
    expect(rule('Type', 1)).toBeNull();
    expect(rule('Goal')).toBeNull();
    const format = (header: string) =>
      sheet.peekCell(2, TEMPLATE_HEADERS.indexOf(header as (typeof TEMPLATE_HEADERS)[number]) + 1)
        .numberFormat;
    expect(['ID', 'Parent', 'Period', 'Weight', 'Contribution', 'Target'].map(format)).toEqual([
      '@',
      '@',
      '@',
      '0%',
      '0%',
      '',
    ]);
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.peekCell(1, 1).bold).toBe(true);
  });

  it('picks a free name, and refuses a taken or reserved one', () => {
    const gas = createFakeGas({ tabs: { Goals: [], 'goals 2': [] } });
    const ctx = fakeServerContext(gas);
    expect(insertGoalTab(ctx, '').tab).toBe('Goals 3');
    expect(() => insertGoalTab(ctx, 'GOALS')).toThrow(/already exists/);
    expect(() => insertGoalTab(ctx, 'Roll-up')).toThrow(/its own tabs/);
    expect(() => insertGoalTab(ctx, 'settings')).toThrow(/its own tabs/);
  });

  it('creates Settings once, with defaults that read back as the defaults', () => {
    const gas = createFakeGas({ tabs: { Sheet1: [] } });
    const ctx = fakeServerContext(gas);
    insertGoalTab(ctx, '');
    expect(insertGoalTab(ctx, '').settingsCreated).toBe(false);
    const grid = dumpValues(gas.spreadsheet).Settings;
    const read = readSettings(grid);
    expect(read.issues).toEqual([]);
    expect(read.settings).toEqual({
      ...DEFAULT_SETTINGS,
      vanityWords: DEFAULT_SETTINGS.vanityWords.map((w) => w.toLowerCase()),
    });
  });

  it('writes the locale decimal separator into a new Settings tab', () => {
    const gas = createFakeGas({ tabs: { Sheet1: [] }, locale: 'de_DE' });
    insertGoalTab(fakeServerContext(gas), '');
    expect(readSettings(dumpValues(gas.spreadsheet).Settings).settings.decimalSeparator).toBe(',');
  });

  it('a fault at any write leaves no half-built tab behind', () => {
    const complete = createFakeGas({ tabs: { Sheet1: [['mine']] } });
    insertGoalTab(fakeServerContext(complete), '');
    const writes = complete.log.writes;
    const settingsGrid = dumpValues(complete.spreadsheet).Settings;
    for (let n = 0; n < writes; n++) {
      const gas = createFakeGas({ tabs: { Sheet1: [['mine']] } });
      gas.log.failAfter(n);
      expect(() => insertGoalTab(fakeServerContext(gas), '')).toThrow(InjectedFault);
      const names = gas.spreadsheet.sheets.map((s) => s.name);
      // Settings is its own step: either complete or absent; the goal tab never half-built.
      expect([['Sheet1'], ['Sheet1', 'Settings']], `fault at write ${n + 1}`).toContainEqual(names);
      if (names.includes('Settings')) expect(dumpValues(gas.spreadsheet).Settings).toEqual(settingsGrid);
      expect(dumpValues(gas.spreadsheet).Sheet1).toEqual([['mine']]);
    }
  });

  it('leaves an existing settings tab (any case) alone', () => {
    const gas = createFakeGas({ tabs: { settings: [['Cap', 2]] } });
    const before = snapshotSpreadsheet(gas.spreadsheet);
    expect(insertGoalTab(fakeServerContext(gas), '').settingsCreated).toBe(false);
    expect(snapshotSpreadsheet(gas.spreadsheet)[0]).toEqual(before[0]);
  });
});

describe('addParentDropdowns', () => {
  it('lists every ID once in a hidden tab and validates each Parent column body against it', () => {
    const gas = createFakeGas({ tabs: marketingCascade() });
    gas.spreadsheet.selectCell('Content', 3, 2);
    const before = snapshotSpreadsheet(gas.spreadsheet);
    expect(addParentDropdowns(fakeServerContext(gas))).toEqual({ columns: 3 });

    const ids = gas.spreadsheet.sheet(IDS_TAB);
    expect(ids.hidden).toBe(true);
    expect(dumpValues(gas.spreadsheet)[IDS_TAB].flat()).toEqual([
      'M-1',
      'M-2',
      'M-3',
      'DG-1',
      'DG-2',
      'DG-3',
      'DG-T',
      'DG-U',
      'CT-1',
      'CT-2',
      'CT-T',
      'CT-U',
    ]);
    const dg = gas.spreadsheet.sheet('Demand Gen');
    const rule = dg.peekCell(3, 4).validation as FakeDataValidation;
    expect(rule.describe()).toBe(`VALUE_IN_RANGE(${IDS_TAB}!A1:A12) dropdown warn`);
    expect(dg.peekCell(1000, 4).validation).toBe(rule);
    expect(dg.peekCell(2, 4).validation).toBeNull(); // the header
    expect(dg.peekCell(3, 3).validation).toBeNull();

    // Only validations were added to the user's tabs: every value and formula is as before.
    const after = snapshotSpreadsheet(gas.spreadsheet);
    for (const [i, sheet] of before.entries()) {
      const strip = (cells: Record<string, string>) =>
        Object.fromEntries(
          Object.entries(cells)
            .map(([k, v]): [string, string] => [k, v.replace(/ \| validation .*$/, '')])
            .filter(([, v]) => v !== '""'),
        );
      expect(strip(after[i].cells)).toEqual(strip(sheet.cells));
    }
    // The user's selection is back where it was.
    expect(gas.spreadsheet.activeSheet?.name).toBe('Content');
    expect(gas.spreadsheet.activeRange?.a1()).toBe('B3');
  });

  it('rewrites the list on a second run instead of adding a tab', () => {
    const gas = createFakeGas({ tabs: marketingCascade() });
    const ctx = fakeServerContext(gas);
    addParentDropdowns(ctx);
    gas.spreadsheet.sheet('CMO').rangeAt(4, 1).setValue('M-9');
    addParentDropdowns(ctx);
    expect(gas.spreadsheet.sheets.filter((s) => s.name === IDS_TAB)).toHaveLength(1);
    expect(dumpValues(gas.spreadsheet)[IDS_TAB].flat()).toContain('M-9');
    expect(dumpValues(gas.spreadsheet)[IDS_TAB].flat()).not.toContain('M-3');
  });

  it('does not count its own ID tab as a goal tab', () => {
    const gas = createFakeGas({ tabs: marketingCascade() });
    const ctx = fakeServerContext(gas);
    addParentDropdowns(ctx);
    expect(addParentDropdowns(ctx)).toEqual({ columns: 3 });
  });
});

describe('selectCell', () => {
  it.each([
    [{ tab: 'Content', row: 3, col: 2 }, 'Content', 'B3'],
    [{ tab: 'Content', row: 3, col: 0 }, 'Content', 'A3:Z3'],
    [{ tab: 'Notes', row: 0, col: 0 }, 'Notes', 'A1'],
  ])('%j', (ref, tab, a1) => {
    const gas = createFakeGas({ tabs: marketingCascade() });
    selectCell(fakeServerContext(gas), ref);
    expect(gas.spreadsheet.activeSheet?.name).toBe(tab);
    expect(gas.spreadsheet.activeRange?.a1()).toBe(a1);
  });

  it('explains a tab or row that is gone', () => {
    const ctx = fakeServerContext(createFakeGas({ tabs: marketingCascade() }));
    expect(() => selectCell(ctx, { tab: 'Gone', row: 1, col: 1 })).toThrow(/no tab named "Gone"/);
    expect(() => selectCell(ctx, { tab: 'CMO', row: 5000, col: 1 })).toThrow(/no row 5000/);
  });
});
