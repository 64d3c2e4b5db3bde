// Roll up over the fake: the report's content and formats, text that stays text, one tab however often or concurrently it runs, and failure safety.
import { describe, expect, it } from 'vitest';
import { rollUp } from '../../src/server/rollup';
import { BusyError } from '../../src/sheets/lock';
import { ROLLUP_TAB } from '../../src/sheets/owned';
import {
  createFakeGas,
  dumpFormulas,
  dumpValues,
  type FakeConditionalFormatRule,
  type FakeGas,
  fakeServerContext,
  InjectedFault,
  snapshotSpreadsheet,
} from '../../tools/gas-fake';
import { HOSTILE_TITLE, marketingCascade } from '../fixtures/marketing-cascade';

const NBSP = '\u00a0';

function setup(): { gas: FakeGas; run: () => ReturnType<typeof rollUp> } {
  const gas = createFakeGas({ tabs: marketingCascade() });
  const ctx = fakeServerContext(gas);
  return { gas, run: () => rollUp(ctx) };
}

const rollupValues = (gas: FakeGas) => dumpValues(gas.spreadsheet)[ROLLUP_TAB];
const tabNames = (gas: FakeGas) => gas.spreadsheet.sheets.map((s) => s.name);

describe('Roll up: content', () => {
  it('lists every goal once, parents before children, indented by depth', () => {
    const { gas, run } = setup();
    expect(run()).toEqual({
      tab: ROLLUP_TAB,
      note: '',
      goalCount: 12,
      scorecardCount: 5,
      computedAt: '2026-07-01T12:00:00.000Z',
    });
    const rows = rollupValues(gas);
    expect(rows[2].slice(0, 9)).toEqual([
      'ID',
      'Goal',
      'Owner',
      'Tab',
      'Measured',
      'Rolled up',
      'Attainment',
      'Status',
      'Gap',
    ]);
    const table = rows.slice(3, 15);
    expect(table.map((r) => r[0])).toEqual([
      'M-1',
      'DG-1',
      'DG-3',
      'DG-2',
      'M-2',
      'CT-1',
      'CT-2',
      'M-3',
      'DG-T',
      'DG-U',
      'CT-T',
      'CT-U',
    ]);
    const depth = (title: unknown) => (String(title).match(/^\u00a0*/)?.[0].length ?? 0) / 4;
    expect(table.map((r) => depth(r[1]))).toEqual([0, 1, 2, 1, 0, 1, 2, 0, 0, 0, 0, 0]);
    expect(table[1].slice(1, 4)).toEqual([
      `${NBSP.repeat(4)}Paid media pipeline of $10M`,
      'Sam Patel',
      'Demand Gen',
    ]);
  });

  it('shows measured, rolled-up and final attainment, status and gap', () => {
    const { gas, run } = setup();
    run();
    const byId = new Map(
      rollupValues(gas)
        .slice(3, 15)
        .map((r) => [r[0], r]),
    );
    // M-1: 30M of 40M measured; its children DG-1 (0.8) and DG-2 (0.5) average 0.65; the outcome counts.
    expect(byId.get('M-1')?.slice(4, 9)).toEqual([0.75, 0.65, 0.75, 'on track', '']);
    const dg1 = byId.get('DG-1')!;
    expect(dg1[4]).toBe(0.8);
    expect(dg1[5]).toBeCloseTo(1.3 / 1.2, 10);
    expect(dg1[8]).toBeCloseTo(0.8 - 1.3 / 1.2, 10);
    expect(byId.get('DG-2')?.slice(4, 8)).toEqual([0.5, '', 0.5, 'on track']);
  });

  it('adds the scorecards below the tree', () => {
    const { gas, run } = setup();
    run();
    const rows = rollupValues(gas);
    expect(rows[16].slice(0, 4)).toEqual(['Scorecards', '', '', '']);
    expect(rows[17].slice(0, 4)).toEqual(['Owner', 'Period', 'Score', 'Payout']);
    const cards = rows.slice(18, 23).map((r) => r.slice(0, 2));
    expect(cards).toEqual([
      ['Ava Brooks', 'FY2026'],
      ['Dana Reyes', 'FY2026'],
      ['Omar Haddad', 'FY2026'],
      ['Priya Nair', 'FY2026'],
      ['Sam Patel', 'FY2026'],
    ]);
    // Dana: 0.5 x 0.75 + 0.3 x 0.8 + 0.2 x 0.8 = 0.775, below the 80% payout threshold.
    expect(rows[19][2]).toBeCloseTo(0.775, 10);
    expect(rows[19][3]).toBe(0);
  });

  it.each([
    // The run is at 12:00 UTC on July 1: summer time in both.
    ['Europe/Berlin', '2026-07-01 14:00 (Europe/Berlin)'],
    ['America/Los_Angeles', '2026-07-01 05:00 (America/Los_Angeles)'],
    ['GMT-07:00', '2026-07-01 05:00 (GMT-07:00)'],
    ['UTC', '2026-07-01 12:00 (UTC)'],
  ])('notes when, in the spreadsheet’s zone (%s), and from which tabs it was computed', (zone, time) => {
    const gas = createFakeGas({ tabs: marketingCascade(), timeZone: zone });
    rollUp(fakeServerContext(gas));
    const note = String(rollupValues(gas)[0][0]);
    expect(note.startsWith(`Computed by MBO Cascade on ${time} from CMO, Demand Gen, Content`)).toBe(true);
    expect(note).not.toContain('Notes');
  });

  it('formats attainments as percentages, text as plain text, headers in bold, three frozen rows', () => {
    const { gas, run } = setup();
    run();
    const sheet = gas.spreadsheet.sheet(ROLLUP_TAB);
    const formats = sheet.rangeAt(4, 1, 12, 9).getNumberFormats();
    for (const row of formats) expect(row).toEqual(['@', '@', '@', '@', '0.0%', '0.0%', '0.0%', '@', '0.0%']);
    expect(sheet.rangeAt(1, 1).getNumberFormat()).toBe('@');
    expect(
      sheet
        .rangeAt(3, 1, 1, 9)
        .getNumberFormats()
        .flat()
        .every((f) => f === '@'),
    ).toBe(true);
    expect(
      sheet
        .rangeAt(19, 3, 5, 2)
        .getNumberFormats()
        .flat()
        .every((f) => f === '0.0%'),
    ).toBe(true);
    expect(
      sheet
        .rangeAt(19, 1, 5, 2)
        .getNumberFormats()
        .flat()
        .every((f) => f === '@'),
    ).toBe(true);
    expect(
      sheet
        .rangeAt(3, 1, 1, 9)
        .getFontWeights()
        .flat()
        .every((w) => w === 'bold'),
    ).toBe(true);
    expect(
      sheet
        .rangeAt(4, 1, 1, 9)
        .getFontWeights()
        .flat()
        .every((w) => w === 'normal'),
    ).toBe(true);
    expect(sheet.frozenRows).toBe(3);
  });

  it('colours Status: on track green, at risk amber, off track red', () => {
    const { gas, run } = setup();
    run();
    const rules = gas.spreadsheet.sheet(ROLLUP_TAB).conditionalRules as FakeConditionalFormatRule[];
    expect(rules.map((r) => [r.textEqualTo, r.background, r.ranges.map((x) => x.a1())])).toEqual([
      ['on track', '#d9ead3', ['H4:H15']],
      ['at risk', '#fff2cc', ['H4:H15']],
      ['off track', '#f4cccc', ['H4:H15']],
    ]);
  });

  it('draws a treemap of the cascade from data to the right: one root, each goal under its parent', () => {
    const { gas, run } = setup();
    run();
    const sheet = gas.spreadsheet.sheet(ROLLUP_TAB);
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0];
    expect(chart.chartType).toBe('TREEMAP');
    // Right of the goal table (A:L, with Last check-in, 30-day change and Forecast), after a blank column.
    expect(chart.ranges.map((r) => r.a1())).toEqual(['N3:Q16']);
    expect(chart.position).toEqual({ row: 3, column: 19, offsetX: 0, offsetY: 0 });
    const data = sheet.rangeAt(3, 14, 14, 4).getValues();
    expect(data[0]).toEqual(['Goal', 'Parent', 'Size', 'Attainment']);
    expect(data[1]).toEqual(['All goals', '', 0, '']);
    const parentOf = new Map(data.slice(2).map((r) => [r[0], r[1]]));
    expect(parentOf.get('M-1')).toBe('All goals');
    expect(parentOf.get('DG-3')).toBe('DG-1');
    expect(parentOf.get('CT-1')).toBe('M-2');
    expect(data.slice(2).find((r) => r[0] === 'M-1')?.[3]).toBe(0.75);
  });
});

describe('Roll up: workbooks without scorecards', () => {
  // An OKR sheet often has no Owner column: its goals make no scorecard, and the Roll-up still lists them.
  it.each([
    [
      'goals without an Owner column',
      {
        OKRs: [
          ['ID', 'Goal', 'Target', 'Actual'],
          ['K1', 'Grow pipeline', 10, 5],
        ],
      },
      1,
    ],
    ['no goal tab at all', { Notes: [['Nothing to read here']] }, 0],
  ])('writes the tab for %s', (_, tabs, goalCount) => {
    const gas = createFakeGas({ tabs });
    const done = rollUp(fakeServerContext(gas));
    expect([done.goalCount, done.scorecardCount]).toEqual([goalCount, 0]);
    const rows = rollupValues(gas);
    expect(rows.slice(3, 3 + goalCount).map((r) => r[0])).toEqual(goalCount ? ['K1'] : []);
    expect(rows.some((r) => r[0] === 'Scorecards')).toBe(true);
  });
});

describe('Roll up: text never becomes a formula', () => {
  it(`writes the title ${HOSTILE_TITLE} as text`, () => {
    const { gas, run } = setup();
    run();
    const row = rollupValues(gas).find((r) => r[0] === 'CT-1')!;
    expect(String(row[1]).trimStart()).toBe(HOSTILE_TITLE);
    const formulas = dumpFormulas(gas.spreadsheet)[ROLLUP_TAB];
    expect(formulas.flat().filter((f) => f !== '')).toEqual([]);
  });

  it('keeps owners starting with - + @ as text', () => {
    const tabs = marketingCascade();
    (tabs.CMO[1] as unknown[])[2] = '-Dana';
    (tabs.CMO[2] as unknown[])[2] = '+Dana';
    (tabs.CMO[3] as unknown[])[2] = '@Dana';
    const gas = createFakeGas({ tabs });
    rollUp(fakeServerContext(gas));
    const owners = rollupValues(gas)
      .slice(3, 15)
      .map((r) => r[2]);
    expect(owners).toEqual(expect.arrayContaining(['-Dana', '+Dana', '@Dana']));
    expect(
      dumpFormulas(gas.spreadsheet)
        [ROLLUP_TAB].flat()
        .every((f) => f === ''),
    ).toBe(true);
  });
});

describe('Roll up: one tab, replaced whole', () => {
  it('two roll-ups in a row give one Roll-up tab with the latest numbers, in the same place', () => {
    const { gas, run } = setup();
    run();
    gas.spreadsheet.sheets.push(...gas.spreadsheet.sheets.splice(0, 1)); // move CMO last: Roll-up is now 4th of 5
    const position = gas.spreadsheet.sheets.findIndex((s) => s.name === ROLLUP_TAB);
    gas.spreadsheet.sheet('CMO').rangeAt(2, 11).setValue(36_000_000);
    run();
    expect(tabNames(gas).filter((n) => n === ROLLUP_TAB)).toHaveLength(1);
    expect(tabNames(gas).filter((n) => n.startsWith('_mbo_'))).toEqual([]);
    expect(gas.spreadsheet.sheets.findIndex((s) => s.name === ROLLUP_TAB)).toBe(position);
    expect(rollupValues(gas).find((r) => r[0] === 'M-1')?.[4]).toBe(0.9);
    expect(gas.spreadsheet.sheet(ROLLUP_TAB).charts).toHaveLength(1);
  });

  it('does not read its own Roll-up as goals', () => {
    const { gas, run } = setup();
    run();
    expect(run().goalCount).toBe(12);
    expect(rollupValues(gas)[0][0]).toContain('0 errors');
  });

  it('a second user pressing Roll up mid-way is told to wait; the first finishes alone', () => {
    const gas = createFakeGas({ tabs: marketingCascade() });
    const alice = fakeServerContext(gas);
    const bob = fakeServerContext(gas, { lockService: gas.otherExecution() });
    let bobsError: unknown = null;
    gas.log.onWrite = (_method, n) => {
      if (n !== 3) return;
      try {
        rollUp(bob);
      } catch (error) {
        bobsError = error;
      }
    };
    rollUp(alice);
    gas.log.onWrite = null;
    expect(bobsError).toBeInstanceOf(BusyError);
    expect(tabNames(gas)).toEqual(['CMO', 'Demand Gen', 'Content', 'Notes', ROLLUP_TAB]);
    // Alice released the lock: Bob can roll up now, and there is still one Roll-up.
    rollUp(bob);
    expect(tabNames(gas)).toEqual(['CMO', 'Demand Gen', 'Content', 'Notes', ROLLUP_TAB]);
  });

  it('waits with a timeout and releases the lock, flushing first', () => {
    const { gas, run } = setup();
    run();
    const calls = gas.log.snapshot();
    expect([calls['Lock.waitLock'], calls['Lock.releaseLock'], calls['SpreadsheetApp.flush']]).toEqual([
      1, 1, 1,
    ]);
    expect(gas.LockService.getDocumentLock().hasLock()).toBe(false);
  });
});

describe('Roll up: failure safety', () => {
  /** A workbook with an old Roll-up, then a changed Actual: the next Roll up would change the report. */
  function withOldRollup(): { gas: FakeGas; run: () => unknown } {
    const { gas, run } = setup();
    run();
    gas.spreadsheet.sheet('CMO').rangeAt(2, 11).setValue(36_000_000);
    gas.log.reset();
    return { gas, run };
  }

  function writesOfOneRollup(fresh: () => { gas: FakeGas; run: () => unknown }): number {
    const { gas, run } = fresh();
    run();
    return gas.log.writes;
  }

  const freshWorkbook = () => setup();

  for (const [label, fresh] of [
    ['with an old Roll-up', withOldRollup],
    ['on the first Roll up', freshWorkbook],
  ] as const) {
    it(`${label}: a fault at any write leaves every tab, values and formulas, exactly as before`, () => {
      const writes = writesOfOneRollup(fresh);
      expect(writes).toBeGreaterThan(10);
      for (let n = 0; n < writes; n++) {
        const { gas, run } = fresh();
        const before = snapshotSpreadsheet(gas.spreadsheet);
        const valuesBefore = dumpValues(gas.spreadsheet);
        const formulasBefore = dumpFormulas(gas.spreadsheet);
        gas.log.failAfter(n);
        expect(run, `fault at write ${n + 1}`).toThrow(InjectedFault);
        expect(snapshotSpreadsheet(gas.spreadsheet), `fault at write ${n + 1}`).toEqual(before);
        expect(dumpValues(gas.spreadsheet)).toEqual(valuesBefore);
        expect(dumpFormulas(gas.spreadsheet)).toEqual(formulasBefore);
        expect(gas.LockService.getDocumentLock().hasLock(), 'lock released').toBe(false);
      }
    });
  }

  it('when every write fails from some point on, the user tabs stay untouched and the next Roll up cleans up', () => {
    const writes = writesOfOneRollup(withOldRollup);
    for (let n = 0; n < writes; n++) {
      const { gas, run } = withOldRollup();
      const userTabs = () => {
        const values = dumpValues(gas.spreadsheet);
        const formulas = dumpFormulas(gas.spreadsheet);
        return ['CMO', 'Demand Gen', 'Content', 'Notes'].map((t) => [values[t], formulas[t]]);
      };
      const before = userTabs();
      gas.log.failAfter(n, { always: true });
      expect(run).toThrow(InjectedFault);
      expect(userTabs(), `fault from write ${n + 1} on`).toEqual(before);
      gas.log.heal();
      run();
      expect(tabNames(gas), `after a fault from write ${n + 1} on`).toEqual([
        'CMO',
        'Demand Gen',
        'Content',
        'Notes',
        ROLLUP_TAB,
      ]);
      expect(rollupValues(gas).find((r) => r[0] === 'M-1')?.[4]).toBe(0.9);
    }
  });
});
