// Freezing a period through the server over the fake: our Frozen payouts log appended to (never a tab of the user's), and a later edit warned about.
import { describe, expect, it } from 'vitest';
import { FROZEN_HEADERS } from '../../src/core/freeze';
import { checkWorkbook } from '../../src/server/reports';
import { freezePeriod } from '../../src/server/setup';
import { FROZEN_TAB, markedTabs } from '../../src/sheets/owned';
import {
  createFakeGas,
  dumpValues,
  FAKE_USER,
  FIXED_NOW,
  fakeServerContext,
  InjectedFault,
} from '../../tools/gas-fake';

const goals = () => [
  ['ID', 'Goal', 'Owner', 'Target', 'Actual', 'Weight', 'Period'],
  ['A', 'Ann’s goal', 'Ann', 100, 100, 1, 'FY2026'],
  ['B', 'Bob’s goal', 'Bob', 100, 100, 1, 'FY2026'],
  ['Q', 'Next year', 'Ann', 100, 50, 1, 'FY2027'],
];

const frozenIssues = (ctx: ReturnType<typeof fakeServerContext>) =>
  checkWorkbook(ctx).issues.filter((i) => i.code === 'frozen-period-changed');

describe('freezePeriod', () => {
  it('appends the period’s scorecards to a new Frozen payouts tab marked as ours, with the time and the user', () => {
    const gas = createFakeGas({ tabs: { Goals: goals() } });
    expect(freezePeriod(fakeServerContext(gas), ' fy 2026 ')).toEqual({
      period: 'FY2026',
      cards: 2,
      tab: FROZEN_TAB,
    });
    const log = dumpValues(gas.spreadsheet)[FROZEN_TAB];
    expect(log[0]).toEqual(FROZEN_HEADERS);
    expect(log.slice(1).map((r) => [r[0], r[1], r[3], r[7], r[8]])).toEqual([
      ['FY2026', 'Ann', 1, FIXED_NOW.toISOString(), FAKE_USER],
      ['FY2026', 'Bob', 1, FIXED_NOW.toISOString(), FAKE_USER],
    ]);
    expect(markedTabs(gas.spreadsheet).get(FROZEN_TAB)).toBe('frozen');
  });

  it('a later edit under the frozen period is a warning, timed in the spreadsheet’s zone; another period is free to change', () => {
    // The spreadsheet's zone, not the script's or the process's: FIXED_NOW is 12:00 UTC, 14:00 summer time in Berlin.
    const gas = createFakeGas({ tabs: { Goals: goals() }, timeZone: 'Europe/Berlin' });
    const ctx = fakeServerContext(gas);
    freezePeriod(ctx, 'FY2026');
    expect(frozenIssues(ctx)).toEqual([]);
    gas.spreadsheet.sheet('Goals').getRange(4, 5).setValue(10);
    expect(frozenIssues(ctx)).toEqual([]);
    gas.spreadsheet.sheet('Goals').getRange(2, 5).setValue(90);
    const changed = frozenIssues(ctx);
    expect(changed).toHaveLength(1);
    expect(changed[0].tab).toBe(FROZEN_TAB);
    expect(changed[0].message).toBe(
      "Ann's scorecard for FY2026 has changed since the period was frozen (payout 100% then, 75% now): undo the edit, or freeze FY2026 again once finance agrees (frozen 2026-07-01 14:00 (Europe/Berlin) by finance@example.com).",
    );
  });

  it('a second freeze appends below the first, which stays as it was', () => {
    const gas = createFakeGas({ tabs: { Goals: goals() } });
    const ctx = fakeServerContext(gas);
    freezePeriod(ctx, 'FY2026');
    const first = dumpValues(gas.spreadsheet)[FROZEN_TAB];
    freezePeriod(ctx, 'FY2027');
    const both = dumpValues(gas.spreadsheet)[FROZEN_TAB];
    expect(both.slice(0, first.length)).toEqual(first);
    expect(both.slice(first.length).map((r) => [r[0], r[1]])).toEqual([['FY2027', 'Ann']]);
  });

  it('never appends to a tab of the user’s named Frozen payouts: the log takes Frozen payouts (2)', () => {
    const theirs = [
      ['My notes on payouts', '', ''],
      ['Period', 'Owner', 'Input hash'],
    ];
    const gas = createFakeGas({ tabs: { Goals: goals(), 'frozen PAYOUTS': theirs } });
    const ctx = fakeServerContext(gas);
    expect(freezePeriod(ctx, 'FY2026').tab).toBe(`${FROZEN_TAB} (2)`);
    freezePeriod(ctx, 'FY2027');
    const values = dumpValues(gas.spreadsheet);
    expect(values['frozen PAYOUTS']).toEqual(theirs);
    expect(values[`${FROZEN_TAB} (2)`].map((r) => r[0])).toEqual(['Period', 'FY2026', 'FY2026', 'FY2027']);
    // The user's tab is not read as a freeze either: only our log is compared.
    gas.spreadsheet.sheet('Goals').getRange(2, 5).setValue(90);
    expect(frozenIssues(ctx).map((i) => i.tab)).toEqual([`${FROZEN_TAB} (2)`]);
  });

  it('our log renamed by someone is still our log: the next freeze appends there', () => {
    const gas = createFakeGas({ tabs: { Goals: goals() } });
    const ctx = fakeServerContext(gas);
    freezePeriod(ctx, 'FY2026');
    gas.spreadsheet.sheet(FROZEN_TAB).setName('Payout sign-off');
    expect(freezePeriod(ctx, 'FY2027').tab).toBe('Payout sign-off');
    expect(gas.spreadsheet.sheets.map((s) => s.name)).toEqual(['Goals', 'Payout sign-off']);
    expect(dumpValues(gas.spreadsheet)['Payout sign-off']).toHaveLength(4);
  });

  it('leaves the check-in History tab alone, and is not read as one', () => {
    const history = [
      ['Date', 'ID', 'Actual', 'Measured', 'Final', 'Status', 'Confidence', 'Note'],
      ['2026-06-30', 'A', 80, 0.8, 0.8, 'on track', 7, ''],
    ];
    const gas = createFakeGas({ tabs: { Goals: goals(), History: history } });
    const ctx = fakeServerContext(gas);
    freezePeriod(ctx, 'FY2026');
    expect(dumpValues(gas.spreadsheet).History).toEqual(history);
    expect(frozenIssues(ctx)).toEqual([]);
  });

  it.each([
    ['text that is not a period', 'someday', /"someday" is not a period/],
    ['a period without scorecards', 'Q1 2030', /No scorecard is for Q1 2030/],
  ])('refuses %s', (_name, asked, message) => {
    const gas = createFakeGas({ tabs: { Goals: goals() } });
    expect(() => freezePeriod(fakeServerContext(gas), asked)).toThrow(message);
    expect(gas.spreadsheet.sheets.map((s) => s.name)).toEqual(['Goals']);
  });

  it('a fault at any write leaves no half-built log', () => {
    const complete = createFakeGas({ tabs: { Goals: goals() } });
    freezePeriod(fakeServerContext(complete), 'FY2026');
    for (let n = 0; n < complete.log.writes; n++) {
      const gas = createFakeGas({ tabs: { Goals: goals() } });
      gas.log.failAfter(n);
      expect(() => freezePeriod(fakeServerContext(gas), 'FY2026')).toThrow(InjectedFault);
      expect(
        gas.spreadsheet.sheets.map((s) => s.name),
        `fault at write ${n + 1}`,
      ).toEqual(['Goals']);
    }
  });
});
