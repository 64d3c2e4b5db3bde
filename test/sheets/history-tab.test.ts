// Freezing a period through the server over the fake: the History tab appended to, and a later edit warned about.
import { describe, expect, it } from 'vitest';
import { HISTORY_HEADERS } from '../../src/core/freeze';
import { checkWorkbook } from '../../src/server/reports';
import { freezePeriod } from '../../src/server/setup';
import { createFakeGas, dumpValues, FAKE_USER, FIXED_NOW, fakeServerContext, InjectedFault } from '../../tools/gas-fake';

const goals = () => [
  ['ID', 'Goal', 'Owner', 'Target', 'Actual', 'Weight', 'Period'],
  ['A', 'Ann’s goal', 'Ann', 100, 100, 1, 'FY2026'],
  ['B', 'Bob’s goal', 'Bob', 100, 100, 1, 'FY2026'],
  ['Q', 'Next year', 'Ann', 100, 50, 1, 'FY2027'],
];

describe('freezePeriod', () => {
  it('appends the period’s scorecards to a new History tab, with the time and the user', () => {
    const gas = createFakeGas({ tabs: { Goals: goals() } });
    expect(freezePeriod(fakeServerContext(gas), ' fy 2026 ')).toEqual({ period: 'FY2026', cards: 2 });
    const history = dumpValues(gas.spreadsheet).History;
    expect(history[0]).toEqual(HISTORY_HEADERS);
    expect(history.slice(1).map((r) => [r[0], r[1], r[3], r[7], r[8]])).toEqual([
      ['FY2026', 'Ann', 1, FIXED_NOW.toISOString(), FAKE_USER],
      ['FY2026', 'Bob', 1, FIXED_NOW.toISOString(), FAKE_USER],
    ]);
  });

  it('a later edit under the frozen period is a warning; another period is free to change', () => {
    const gas = createFakeGas({ tabs: { Goals: goals() } });
    const ctx = fakeServerContext(gas);
    freezePeriod(ctx, 'FY2026');
    expect(checkWorkbook(ctx).issues.filter((i) => i.code === 'frozen-period-changed')).toEqual([]);
    gas.spreadsheet.sheet('Goals').getRange(4, 5).setValue(10);
    expect(checkWorkbook(ctx).issues.filter((i) => i.code === 'frozen-period-changed')).toEqual([]);
    gas.spreadsheet.sheet('Goals').getRange(2, 5).setValue(90);
    const changed = checkWorkbook(ctx).issues.filter((i) => i.code === 'frozen-period-changed');
    expect(changed).toHaveLength(1);
    expect(changed[0].message).toMatch(/^FY2026 was frozen on 2026-07-01 12:00 UTC by finance@example\.com, but Ann's scorecard has changed since \(payout 100% then, 75% now\)/);
  });

  it('a second freeze appends below the first, which stays as it was', () => {
    const gas = createFakeGas({ tabs: { Goals: goals() } });
    const ctx = fakeServerContext(gas);
    freezePeriod(ctx, 'FY2026');
    const first = dumpValues(gas.spreadsheet).History;
    freezePeriod(ctx, 'FY2027');
    const both = dumpValues(gas.spreadsheet).History;
    expect(both.slice(0, first.length)).toEqual(first);
    expect(both.slice(first.length).map((r) => [r[0], r[1]])).toEqual([['FY2027', 'Ann']]);
  });

  it.each([
    ['text that is not a period', 'someday', /"someday" is not a period/],
    ['a period without scorecards', 'Q1 2030', /No scorecard is for Q1 2030/],
  ])('refuses %s', (_name, asked, message) => {
    const gas = createFakeGas({ tabs: { Goals: goals() } });
    expect(() => freezePeriod(fakeServerContext(gas), asked)).toThrow(message);
    expect(gas.spreadsheet.sheets.map((s) => s.name)).toEqual(['Goals']);
  });

  it('a fault at any write leaves no half-built History tab', () => {
    const complete = createFakeGas({ tabs: { Goals: goals() } });
    freezePeriod(fakeServerContext(complete), 'FY2026');
    for (let n = 0; n < complete.log.writes; n++) {
      const gas = createFakeGas({ tabs: { Goals: goals() } });
      gas.log.failAfter(n);
      expect(() => freezePeriod(fakeServerContext(gas), 'FY2026')).toThrow(InjectedFault);
      expect(gas.spreadsheet.sheets.map((s) => s.name), `fault at write ${n + 1}`).toEqual(['Goals']);
    }
  });
});
