// Record check-in and History over the fake: one batched write under the lock, the same day replaced, all or nothing, trends in the views and the Roll-up.
import { describe, expect, it } from 'vitest';
import { HISTORY_HEADERS, readHistory } from '../../src/core/history';
import { bindServerApi } from '../../src/server/bind';
import { compactHistoryTab } from '../../src/server/history';
import { HISTORY_TAB, markedTabs, OWNER_KEY, ROLLUP_TAB } from '../../src/sheets/owned';
import {
  createFakeGas,
  dumpValues,
  type FakeGas,
  type FakeTabs,
  fakeServerContext,
  InjectedFault,
  snapshotSpreadsheet,
} from '../../tools/gas-fake';
import { marketingCascade } from '../fixtures/marketing-cascade';

const JUL_1 = new Date('2026-07-01T12:00:00.000Z');
const JUL_8 = new Date('2026-07-08T12:00:00.000Z');
const AUG_15 = new Date('2026-08-15T12:00:00.000Z');

function setup(tabs: FakeTabs = marketingCascade()) {
  const gas = createFakeGas({ tabs });
  const at = (now: Date) => bindServerApi(fakeServerContext(gas, { now }));
  return { gas, at };
}

const history = (gas: FakeGas) => dumpValues(gas.spreadsheet)[HISTORY_TAB];

describe('recordCheckIn', () => {
  it('makes the Check-ins tab: a bold, frozen header and one row per goal ID, dates and IDs as text', () => {
    const { gas, at } = setup();
    const done = at(JUL_1).recordCheckIn();
    expect(done).toEqual({ tab: HISTORY_TAB, day: '2026-07-01', goalCount: 12, replaced: 0, note: '' });
    const rows = history(gas);
    expect(rows[0]).toEqual(HISTORY_HEADERS);
    expect(rows).toHaveLength(13);
    expect(rows[1]).toEqual(['2026-07-01', 'M-1', 30_000_000, 0.75, 0.75, 'on track', '', '']);
    const sheet = gas.spreadsheet.sheet(HISTORY_TAB);
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.peekCell(1, 1).bold).toBe(true);
    expect([
      sheet.peekCell(2, 1).numberFormat,
      sheet.peekCell(2, 2).numberFormat,
      sheet.peekCell(2, 3).numberFormat,
    ]).toEqual(['@', '@', '']);
    expect(gas.LockService.getDocumentLock().hasLock()).toBe(false);
  });

  it('appends another day with one setValues, and replaces the same day in place', () => {
    const { gas, at } = setup();
    at(JUL_1).recordCheckIn();
    gas.log.reset();
    expect(at(JUL_8).recordCheckIn().replaced).toBe(0);
    expect(gas.log.count('Range.setValues')).toBe(1);
    expect(gas.log.count('Lock.waitLock')).toBe(1);
    expect(history(gas)).toHaveLength(25);
    gas.log.reset();
    expect(at(JUL_8).recordCheckIn().replaced).toBe(12);
    expect(gas.log.count('Range.setValues')).toBe(1);
    const rows = history(gas);
    expect(rows).toHaveLength(25);
    expect(rows.filter((r) => r[0] === '2026-07-08')).toHaveLength(12);
  });

  it('keeps the confidence and note of each goal; a note that looks like a formula stays text', () => {
    const tabs = {
      Goals: [
        ['ID', 'Goal', 'Target', 'Actual', 'Confidence', 'Note'],
        ['G-1', 'Goal', 10, 5, 7, "'=looks like a formula"],
      ],
    };
    const { gas, at } = setup(tabs);
    at(JUL_1).recordCheckIn();
    // No period, so 50% is judged against the whole target: off track.
    expect(history(gas)[1]).toEqual([
      '2026-07-01',
      'G-1',
      5,
      0.5,
      0.5,
      'off track',
      7,
      '=looks like a formula',
    ]);
    expect(gas.spreadsheet.sheet(HISTORY_TAB).peekCell(2, 8).formula).toBe('');
  });

  it('refuses a log of ours whose Date and ID header is gone, and leaves it alone', () => {
    const { gas, at } = setup({
      ...marketingCascade(),
      [HISTORY_TAB]: [['Notes about the past'], ['we grew']],
    });
    gas.spreadsheet.sheet(HISTORY_TAB).addDeveloperMetadata(OWNER_KEY, 'check-ins');
    const before = snapshotSpreadsheet(gas.spreadsheet);
    expect(() => at(JUL_1).recordCheckIn()).toThrow(/Check-ins: No header row with Date and ID/);
    expect(snapshotSpreadsheet(gas.spreadsheet)).toEqual(before);
    expect(gas.LockService.getDocumentLock().hasLock()).toBe(false);
  });

  it('never writes to a tab of the user’s named History, whatever its header: a new Check-ins tab, marked as ours', () => {
    const ledger = [
      ['Date', 'ID', 'Actual'],
      ['2026-06-01', 'INV-1', 500],
    ];
    for (const mine of [ledger, [['Notes about the past'], ['we grew']]]) {
      const { gas, at } = setup({ ...marketingCascade(), History: mine });
      const done = at(JUL_1).recordCheckIn();
      expect(done).toMatchObject({ tab: 'Check-ins', goalCount: 12, note: '' });
      expect(dumpValues(gas.spreadsheet).History).toEqual(mine);
      expect(history(gas)).toHaveLength(13);
      expect(markedTabs(gas.spreadsheet).get('Check-ins')).toBe('check-ins');
      // The ledger's rows are not check-ins: Check reports no orphan from it.
      expect(
        at(JUL_1)
          .checkWorkbook()
          .issues.filter((i) => i.tab === 'History'),
      ).toEqual([]);
    }
  });

  it('a tab of the user’s named Check-ins is left alone: the log goes to Check-ins (2), and says so', () => {
    const mine = [
      ['Check-ins with customers', ''],
      ['ACME', 'May 3'],
    ];
    const { gas, at } = setup({ ...marketingCascade(), 'Check-ins': mine });
    const done = at(JUL_1).recordCheckIn();
    expect(done.tab).toBe('Check-ins (2)');
    expect(done.note).toMatch(/Your tab "Check-ins" is not a check-in log and is left alone/);
    expect(dumpValues(gas.spreadsheet)['Check-ins']).toEqual(mine);
    expect(dumpValues(gas.spreadsheet)['Check-ins (2)']).toHaveLength(13);
    // Next time the marked tab is the log.
    expect(at(JUL_8).recordCheckIn()).toMatchObject({ tab: 'Check-ins (2)', note: '' });
    expect(dumpValues(gas.spreadsheet)['Check-ins (2)']).toHaveLength(25);
  });

  it('the marked log stays the log when the user renames it', () => {
    const { gas, at } = setup();
    at(JUL_1).recordCheckIn();
    gas.spreadsheet.sheet('Check-ins').setName('Weekly log');
    expect(at(JUL_8).recordCheckIn().tab).toBe('Weekly log');
    expect(dumpValues(gas.spreadsheet)['Weekly log']).toHaveLength(25);
    expect(gas.spreadsheet.sheets.map((s) => s.name)).not.toContain('Check-ins');
  });

  it('an old History log in our format is read, listed by Check, and renamed to Check-ins at the next check-in', () => {
    const { gas, at } = setup();
    at(JUL_1).recordCheckIn();
    // A workbook made before the rename: the log is called History and carries no mark.
    const old = gas.spreadsheet.sheet('Check-ins');
    old.setName('History');
    const legacy = createFakeGas({ tabs: dumpValues(gas.spreadsheet) });
    const atLegacy = (now: Date) => bindServerApi(fakeServerContext(legacy, { now }));
    expect(atLegacy(JUL_8).getCascade().lastCheckIn).toBe('2026-07-01');
    const issue = atLegacy(JUL_8)
      .checkWorkbook()
      .issues.find((i) => i.code === 'legacy-check-in-tab')!;
    expect(issue).toMatchObject({ tab: 'History', severity: 'info' });
    const done = atLegacy(JUL_8).recordCheckIn();
    expect(done).toMatchObject({ tab: 'Check-ins', goalCount: 12, replaced: 0 });
    expect(done.note).toMatch(/Renamed the tab "History" to "Check-ins"/);
    const names = legacy.spreadsheet.sheets.map((s) => s.name);
    expect(names).toContain('Check-ins');
    expect(names).not.toContain('History');
    expect(dumpValues(legacy.spreadsheet)['Check-ins']).toHaveLength(25);
    expect(markedTabs(legacy.spreadsheet).get('Check-ins')).toBe('check-ins');
    expect(
      atLegacy(JUL_8)
        .checkWorkbook()
        .issues.some((i) => i.code === 'legacy-check-in-tab'),
    ).toBe(false);
  });

  it('a fault while renaming an old History log leaves it as it was, name included', () => {
    const made = setup();
    made.at(JUL_1).recordCheckIn();
    made.gas.spreadsheet.sheet('Check-ins').setName('History');
    const tabs = dumpValues(made.gas.spreadsheet);
    const count = createFakeGas({ tabs });
    count.log.reset();
    bindServerApi(fakeServerContext(count, { now: JUL_8 })).recordCheckIn();
    for (let n = 0; n < count.log.writes; n++) {
      const gas = createFakeGas({ tabs });
      const before = dumpValues(gas.spreadsheet);
      gas.log.failAfter(n);
      expect(() => bindServerApi(fakeServerContext(gas, { now: JUL_8 })).recordCheckIn()).toThrow(
        InjectedFault,
      );
      expect(dumpValues(gas.spreadsheet), `fault at write ${n + 1}`).toEqual(before);
      expect(gas.spreadsheet.sheets.map((s) => s.name)).toContain('History');
    }
  });

  it('all or nothing: a fault at any write leaves the workbook as it was', () => {
    for (const first of [true, false]) {
      const count = setup();
      if (!first) count.at(JUL_1).recordCheckIn();
      count.gas.log.reset();
      count.at(JUL_8).recordCheckIn();
      const writes = count.gas.log.writes;
      expect(writes).toBeGreaterThan(1);
      for (let n = 0; n < writes; n++) {
        const { gas, at } = setup();
        if (!first) at(JUL_1).recordCheckIn();
        const before = dumpValues(gas.spreadsheet);
        gas.log.failAfter(n);
        expect(() => at(JUL_8).recordCheckIn(), `fault at write ${n + 1}`).toThrow(InjectedFault);
        expect(dumpValues(gas.spreadsheet), `fault at write ${n + 1}`).toEqual(before);
        expect(gas.spreadsheet.sheets.map((s) => s.name).includes(HISTORY_TAB)).toBe(!first);
        expect(gas.LockService.getDocumentLock().hasLock()).toBe(false);
      }
    }
  });

  it('waits for the document lock like every other writer, and writes nothing while another holds it', () => {
    const { gas, at } = setup();
    gas.otherExecution().getDocumentLock().waitLock(1);
    expect(() => at(JUL_1).recordCheckIn()).toThrow(/Someone else is updating/);
    expect(gas.spreadsheet.sheets.map((s) => s.name)).not.toContain(HISTORY_TAB);
  });
});

describe('History in the views', () => {
  it('the Cascade view gives each goal its trend and change since the last check-in, and the last check-in day', () => {
    const { gas, at } = setup();
    at(JUL_1).recordCheckIn();
    // DG-2 moves from 3M to 4.5M of 6M by the next check-in.
    gas.spreadsheet.sheet('Demand Gen').rangeAt(4, 11).setValue(4_500_000);
    at(JUL_8).recordCheckIn();
    gas.spreadsheet.sheet('Demand Gen').rangeAt(4, 11).setValue(5_100_000);
    const view = at(AUG_15).getCascade();
    expect(view.lastCheckIn).toBe('2026-07-08');
    const dg2 = view.goals.find((g) => g.id === 'DG-2')!;
    expect(dg2.trend).toEqual([0.5, 0.75]);
    expect(dg2.sinceLast).toBe(0.1);
    const m3 = view.goals.find((g) => g.id === 'M-3')!;
    expect(m3.trend).toEqual([0.8, 0.8]);
    expect(m3.sinceLast).toBe(0);
  });

  it('without History, goals carry no trend fields at all (nothing extra to send)', () => {
    const view = setup().at(JUL_1).getCascade();
    expect(view.lastCheckIn).toBeUndefined();
    expect(view.goals.every((g) => !('trend' in g) && !('sinceLast' in g))).toBe(true);
  });

  it('Check lists History problems: bad cells, orphans, falling confidence', () => {
    const tabs = {
      Goals: [
        ['ID', 'Goal', 'Target', 'Actual', 'Confidence'],
        ['A', 'Goal A', 10, 5, 4],
      ],
      [HISTORY_TAB]: [
        HISTORY_HEADERS as string[],
        ['2026-05-01', 'A', 1, '', '', '', 8, ''],
        ['2026-06-01', 'A', 2, '', '', '', 6, ''],
        ['2026-06-15', 'A', 3, '', '', '', 5, ''],
        ['someday', 'A', 3, '', '', '', '', ''],
        ['2026-06-15', 'GONE-1', 3, '', '', '', '', ''],
      ],
    };
    const report = setup(tabs).at(JUL_1).checkWorkbook();
    const found = report.issues
      .filter((i) => i.tab === HISTORY_TAB || i.code === 'confidence-falling')
      .map((i) => [i.code, i.tab, i.row]);
    expect(found).toEqual([
      ['bad-check-in-date', HISTORY_TAB, 5],
      ['orphan-history', HISTORY_TAB, 6],
      ['confidence-falling', 'Goals', 2],
    ]);
    expect(report.counts.info).toBeGreaterThanOrEqual(1);
  });

  it('a tab named History that holds goals is still read as goals', () => {
    const tabs = {
      [HISTORY_TAB]: [
        ['ID', 'Goal', 'Target', 'Actual'],
        ['H-1', 'History goal', 10, 5],
      ],
    };
    expect(setup(tabs).at(JUL_1).checkWorkbook().goalTabs).toEqual([HISTORY_TAB]);
  });

  it('the Roll-up shows each goal’s last check-in and its 30-day change', () => {
    const { gas, at } = setup();
    at(JUL_1).recordCheckIn();
    gas.spreadsheet.sheet('Demand Gen').rangeAt(4, 11).setValue(4_500_000);
    at(AUG_15).rollUp();
    const rows = dumpValues(gas.spreadsheet)[ROLLUP_TAB];
    const header = rows[2];
    expect(header.slice(9, 11)).toEqual(['Last check-in', '30-day change']);
    const dg2 = rows.find((r) => r[0] === 'DG-2')!;
    // The day stays the text written, in a plain-text cell: Sheets would read `2026-07-01` elsewhere as a date
    // (and other locales' settings could read it otherwise). ISO text sorts as the days do.
    expect(dg2.slice(9, 11)).toEqual(['2026-07-01', 0.25]);
    const sheet = gas.spreadsheet.sheet(ROLLUP_TAB);
    expect(sheet.peekCell(rows.indexOf(dg2) + 1, 10).numberFormat).toBe('@');
    expect(sheet.peekCell(rows.indexOf(dg2) + 1, 11).numberFormat).toBe('0.0%');
  });
});

describe('the Cascade view reads recent History only', () => {
  /** Weekly check-ins of the marketing goals for `weeks` weeks up to June 24, final rising 1 point a week. */
  function longHistory(weeks: number): FakeTabs {
    const ids = ['M-1', 'M-2', 'M-3', 'DG-1', 'DG-2', 'DG-3', 'DG-T', 'CT-1', 'CT-2', 'CT-3', 'CT-T', 'CT-4'];
    const rows: (string | number)[][] = [[...HISTORY_HEADERS]];
    for (let w = weeks - 1; w >= 0; w--) {
      const day = new Date(Date.UTC(2026, 5, 24) - w * 7 * 86_400_000).toISOString().slice(0, 10);
      for (const id of ids) rows.push([day, id, '', '', (weeks - w) / 100, '', '', '']);
    }
    return { ...marketingCascade(), [HISTORY_TAB]: rows };
  }

  function readsWithoutHistory(): number {
    const { gas, at } = setup();
    gas.log.reset();
    at(JUL_1).getCascade();
    return gas.log.count('Range.getValues');
  }

  it('a long History: the last 12 check-ins of each goal, with two reads of the tab', () => {
    const { gas, at } = setup(longHistory(60));
    gas.log.reset();
    const view = at(JUL_1).getCascade();
    const m1 = view.goals.find((g) => g.id === 'M-1')!;
    expect(m1.trend).toEqual([49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60].map((x) => x / 100));
    expect(view.lastCheckIn).toBe('2026-06-24');
    // Besides the other tabs: two looks at the unmarked log's top rows (is it goals? is it ours by its header?),
    // then its header rows and its tail.
    expect(gas.log.count('Range.getValues')).toBe(readsWithoutHistory() + 2 + 2);
  });

  it('a short History is read whole, once', () => {
    const { gas, at } = setup(longHistory(3));
    gas.log.reset();
    expect(
      at(JUL_1)
        .getCascade()
        .goals.find((g) => g.id === 'M-1')!.trend,
    ).toEqual([0.01, 0.02, 0.03]);
    expect(gas.log.count('Range.getValues')).toBe(readsWithoutHistory() + 2 + 1);
  });
});

describe('compactHistoryTab', () => {
  function weeklyHistory(weeks: number): FakeTabs {
    const rows: (string | number)[][] = [[...HISTORY_HEADERS]];
    for (let w = weeks - 1; w >= 0; w--) {
      const day = new Date(Date.UTC(2026, 5, 30) - w * 7 * 86_400_000).toISOString().slice(0, 10);
      for (const id of ['M-1', 'DG-1']) rows.push([day, id, '', '', w / 100, '', '', '']);
    }
    return { ...marketingCascade(), [HISTORY_TAB]: rows };
  }
  const compact = (gas: FakeGas) => compactHistoryTab(fakeServerContext(gas, { now: JUL_1 }));

  it('keeps 13 weeks weekly, then month-ends, then quarter-ends, in one write, and frees the rows', () => {
    const { gas } = setup(weeklyHistory(261));
    gas.log.reset();
    // On July 1: 13 weekly (April 7 to June 30), 21 month-ends (July 2024 to March 2026), 12 quarter-ends.
    const perGoal = 13 + 21 + 12;
    expect(compact(gas)).toEqual({ tab: HISTORY_TAB, kept: 2 * perGoal, dropped: 2 * (261 - perGoal) });
    expect(gas.log.count('Range.setValues')).toBe(1);
    const rows = history(gas);
    expect(rows).toHaveLength(1 + 2 * perGoal);
    expect(gas.spreadsheet.sheet(HISTORY_TAB).maxRows).toBe(1 + 2 * perGoal);
    const read = readHistory(rows, HISTORY_TAB);
    expect(read.issues).toEqual([]);
    expect(read.checkIns.filter((c) => c.id === 'M-1')).toHaveLength(perGoal);
    expect(compact(gas).dropped).toBe(0);
  });

  it('a fault while writing leaves every check-in there, once', () => {
    const count = setup(weeklyHistory(40));
    count.gas.log.reset();
    compact(count.gas);
    for (let n = 0; n < count.gas.log.writes; n++) {
      const { gas } = setup(weeklyHistory(40));
      const before = readHistory(history(gas), HISTORY_TAB).checkIns;
      gas.log.failAfter(n);
      expect(() => compact(gas)).toThrow(InjectedFault);
      const after = readHistory(history(gas), HISTORY_TAB);
      expect(after.issues, `fault at write ${n + 1}`).toEqual([]);
      // Either nothing was written, or the compacted rows were (only the blank rows' deletion failed).
      // 40 weeks on July 1: 13 weekly and 7 month-ends (September 2025 to March 2026) a goal.
      expect([before.length, 2 * (13 + 7)]).toContain(after.checkIns.length);
    }
  });

  it('refuses without a check-in log', () => {
    expect(() => compact(setup().gas)).toThrow(/no Check-ins tab yet/);
  });
});
