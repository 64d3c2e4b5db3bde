// The Roster tab template: its headers, one row per scorecard owner, formats; refused when a Roster exists; nothing half-built.
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core/workbook';
import { insertRosterTab } from '../../src/server/setup';
import { ROSTER_TEMPLATE_HEADERS } from '../../src/sheets/roster';
import { createFakeGas, dumpValues, fakeServerContext, InjectedFault } from '../../tools/gas-fake';

const GOALS = [
  ['ID', 'Goal', 'Owner', 'Target', 'Actual'],
  ['A', 'First', 'Ann', 10, 5],
  ['B', 'Second', 'Bob', 10, 5],
  ['C', 'Third', 'ann', 10, 5],
];

describe('insertRosterTab', () => {
  it('adds a Roster with every scorecard owner once, which the core reads back', () => {
    const gas = createFakeGas({ tabs: { Goals: GOALS } });
    expect(insertRosterTab(fakeServerContext(gas))).toEqual({ tab: 'Roster', owners: 2 });
    const grid = dumpValues(gas.spreadsheet).Roster;
    expect(ROSTER_TEMPLATE_HEADERS).toEqual(['Owner', 'Manager', 'Start', 'End', 'Target bonus', 'Currency']);
    expect(grid).toEqual([
      [...ROSTER_TEMPLATE_HEADERS],
      ['Ann', '', '', '', '', ''],
      ['Bob', '', '', '', '', ''],
    ]);
    const sheet = gas.spreadsheet.sheet('Roster');
    expect([3, 4, 5].map((col) => sheet.peekCell(2, col).numberFormat)).toEqual([
      'yyyy-mm-dd',
      'yyyy-mm-dd',
      '#,##0.00',
    ]);
    const analysis = analyzeWorkbook([
      { name: 'Goals', grid: GOALS },
      { name: 'Roster', grid },
    ]);
    expect(analysis.payouts?.lines.map((l) => l?.owner)).toEqual(['Ann', 'Bob']);
    expect(analysis.issues.filter((i) => i.code === 'not-on-roster')).toEqual([]);
  });

  it('refuses when a Roster tab exists (any case): only one is read', () => {
    const gas = createFakeGas({ tabs: { Goals: GOALS, roster: [['Owner']] } });
    expect(() => insertRosterTab(fakeServerContext(gas))).toThrow(/already has a Roster tab/);
  });

  it('a fault at any write leaves no half-built tab behind', () => {
    const complete = createFakeGas({ tabs: { Goals: GOALS } });
    insertRosterTab(fakeServerContext(complete));
    for (let n = 0; n < complete.log.writes; n++) {
      const gas = createFakeGas({ tabs: { Goals: GOALS } });
      gas.log.failAfter(n);
      expect(() => insertRosterTab(fakeServerContext(gas))).toThrow(InjectedFault);
      expect(
        gas.spreadsheet.sheets.map((s) => s.name),
        `fault at write ${n + 1}`,
      ).toEqual(['Goals']);
    }
  });
});
