// The add-on writes and deletes only tabs it made (marked with developer metadata): a tab of the user's named Roll-up, _mbo_ids or like a work tab is read, never touched.
import { describe, expect, it } from 'vitest';
import { REPORT_RANGE_NAME } from '../../src/report/report-tab';
import { getLinkView, linkToParent } from '../../src/server/link';
import { menuItems } from '../../src/server/menu';
import { checkWorkbook } from '../../src/server/reports';
import { rollUp } from '../../src/server/rollup';
import { addParentDropdowns } from '../../src/server/setup';
import { OWNER_KEY } from '../../src/sheets/owned';
import { ROLLUP_BUILD_TAB } from '../../src/sheets/rollup';
import {
  createFakeGas,
  dumpValues,
  type FakeGas,
  type FakeTabs,
  fakeServerContext,
  type SheetSnapshot,
  snapshotSpreadsheet,
} from '../../tools/gas-fake';
import { marketingCascade } from '../fixtures/marketing-cascade';

/** A goal tab of the user's under the report's name, in any case: two goals under M-1. */
function userTab(name = 'Roll-up'): FakeTabs {
  return {
    ...marketingCascade(),
    [name]: [
      ['ID', 'Goal', 'Owner', 'Parent', 'Target', 'Actual', 'Weight'],
      ['U-1', 'A goal the user keeps on a tab named Roll-up', 'Uma', 'M-1', 10, 5, 1],
      ['U-2', 'Another', 'Uma', 'U-1', 10, 7, 1],
    ],
  };
}

const names = (gas: FakeGas) => gas.spreadsheet.sheets.map((s) => s.name);
const sheetSnapshot = (gas: FakeGas, name: string): SheetSnapshot =>
  snapshotSpreadsheet(gas.spreadsheet).find((s) => s.name === name)!;

describe('Roll up and a tab of the user named like the report', () => {
  it.each(['Roll-up', 'roll-up', 'ROLL-UP'])(
    'leaves "%s" as it is, reads its goals, and writes Roll-up (2), saying so',
    (name) => {
      const gas = createFakeGas({ tabs: userTab(name) });
      const before = sheetSnapshot(gas, name);
      const done = rollUp(fakeServerContext(gas));
      expect(done.tab).toBe('Roll-up (2)');
      expect(done.note).toBe(`Your tab "Roll-up" is left alone: the report is in "Roll-up (2)".`);
      expect(sheetSnapshot(gas, name)).toEqual(before);
      expect(done.goalCount).toBe(14);
      const ids = dumpValues(gas.spreadsheet)
        ['Roll-up (2)'].slice(3)
        .map((r) => r[0]);
      expect(ids).toEqual(expect.arrayContaining(['U-1', 'U-2', 'M-1']));
      expect(gas.spreadsheet.sheet('Roll-up (2)').metadata.map((m) => m.describe())).toEqual([
        `${OWNER_KEY}=report`,
      ]);
    },
  );

  it('the next Roll up replaces its own Roll-up (2), still leaving the user tab alone', () => {
    const gas = createFakeGas({ tabs: userTab() });
    const ctx = fakeServerContext(gas);
    rollUp(ctx);
    const before = sheetSnapshot(gas, 'Roll-up');
    gas.spreadsheet.sheet('CMO').rangeAt(2, 11).setValue(36_000_000);
    expect(rollUp(ctx).tab).toBe('Roll-up (2)');
    expect(names(gas)).toEqual(['CMO', 'Demand Gen', 'Content', 'Notes', 'Roll-up', 'Roll-up (2)']);
    expect(sheetSnapshot(gas, 'Roll-up')).toEqual(before);
    expect(dumpValues(gas.spreadsheet)['Roll-up (2)'].find((r) => r[0] === 'M-1')?.[4]).toBe(0.9);
  });

  it('the toast says where the report went', () => {
    const gas = createFakeGas({ tabs: userTab() });
    const roll = menuItems(fakeServerContext(gas)).find((item) => item.functionName === 'menuRollUp')!;
    roll.handler();
    expect(gas.spreadsheet.toasts.at(-1)?.message).toMatch(
      /into the Roll-up \(2\) tab\. Your tab "Roll-up" is left alone: the report is in "Roll-up \(2\)"\.$/,
    );
  });

  it('Check reads the user tab named Roll-up as goals, not as a report', () => {
    const gas = createFakeGas({ tabs: userTab() });
    const report = checkWorkbook(fakeServerContext(gas));
    expect(report.goalTabs).toContain('Roll-up');
    expect(report.goalCount).toBe(14);
  });

  it('a report the user renamed is theirs now: left alone, and a new Roll-up is written', () => {
    const gas = createFakeGas({ tabs: marketingCascade() });
    const ctx = fakeServerContext(gas);
    rollUp(ctx);
    gas.spreadsheet.sheet('Roll-up').setName('Q2 snapshot');
    const before = sheetSnapshot(gas, 'Q2 snapshot');
    expect(rollUp(ctx).tab).toBe('Roll-up');
    expect(sheetSnapshot(gas, 'Q2 snapshot')).toEqual(before);
    // Still marked as a report: not read as a second copy of every goal.
    expect(checkWorkbook(ctx).goalCount).toBe(12);
  });

  it('a report the command line wrote into an .xlsx, opened in Sheets (its mark is a named range), is ours', () => {
    const gas = createFakeGas({ tabs: marketingCascade() });
    const ctx = fakeServerContext(gas);
    rollUp(ctx);
    const report = gas.spreadsheet.sheet('Roll-up');
    report.metadata.length = 0; // Sheets drops developer metadata in .xlsx downloads
    gas.spreadsheet.namedRanges.set(REPORT_RANGE_NAME, report.rangeAt(1, 1));
    gas.spreadsheet.sheets.unshift(...gas.spreadsheet.sheets.splice(4, 1)); // first in the tab bar
    expect(checkWorkbook(ctx).goalCount).toBe(12);
    expect(rollUp(ctx)).toMatchObject({ tab: 'Roll-up', note: '' });
    expect(names(gas)).toEqual(['Roll-up', 'CMO', 'Demand Gen', 'Content', 'Notes']);
    expect(gas.spreadsheet.sheet('Roll-up').metadata).toHaveLength(1);
    // The name pointed at the sheet that was replaced: it points nowhere now, and nothing breaks.
    expect(rollUp(ctx).tab).toBe('Roll-up');
  });

  it("an unmarked tab named Roll-up is the user's, even when it looks like a report", () => {
    const gas = createFakeGas({ tabs: marketingCascade() });
    const ctx = fakeServerContext(gas);
    rollUp(ctx);
    gas.spreadsheet.sheet('Roll-up').metadata.length = 0; // e.g. a copy pasted into a new tab
    const before = sheetSnapshot(gas, 'Roll-up');
    expect(rollUp(ctx).tab).toBe('Roll-up (2)');
    expect(sheetSnapshot(gas, 'Roll-up')).toEqual(before);
  });

  it('a tab of the user named like a work tab is neither used nor deleted', () => {
    const tabs: FakeTabs = {
      ...marketingCascade(),
      [ROLLUP_BUILD_TAB]: [['my notes']],
      _mbo_rollup_old: [['more']],
    };
    const gas = createFakeGas({ tabs });
    const before = snapshotSpreadsheet(gas.spreadsheet).filter((s) => s.name.startsWith('_mbo_'));
    expect(rollUp(fakeServerContext(gas)).tab).toBe('Roll-up');
    expect(snapshotSpreadsheet(gas.spreadsheet).filter((s) => s.name.startsWith('_mbo_'))).toEqual(before);
    expect(names(gas)).toEqual([
      'CMO',
      'Demand Gen',
      'Content',
      'Notes',
      ROLLUP_BUILD_TAB,
      '_mbo_rollup_old',
      'Roll-up',
    ]);
  });

  it('an empty unmarked work tab (left by a run that died before marking it) is cleaned up', () => {
    const gas = createFakeGas({ tabs: { ...marketingCascade(), [ROLLUP_BUILD_TAB]: [] } });
    rollUp(fakeServerContext(gas));
    expect(names(gas)).toEqual(['CMO', 'Demand Gen', 'Content', 'Notes', 'Roll-up']);
  });
});

describe('Add Parent dropdowns and a tab of the user named _mbo_ids', () => {
  it('writes its list to a new marked tab and never touches theirs', () => {
    const gas = createFakeGas({ tabs: { ...marketingCascade(), _mbo_ids: [['my own list'], ['x']] } });
    const ctx = fakeServerContext(gas);
    const before = sheetSnapshot(gas, '_mbo_ids');
    addParentDropdowns(ctx);
    expect(sheetSnapshot(gas, '_mbo_ids')).toEqual(before);
    const list = gas.spreadsheet.sheet('_mbo_ids (2)');
    expect(list.hidden).toBe(true);
    expect(list.metadata.map((m) => m.describe())).toEqual([`${OWNER_KEY}=ids`]);
    // A second run reuses the marked list, under whatever name it has now.
    list.setName('Goal IDs');
    addParentDropdowns(ctx);
    expect(names(gas).filter((n) => n.startsWith('_mbo_ids') || n === 'Goal IDs')).toEqual([
      '_mbo_ids',
      'Goal IDs',
    ]);
    expect(dumpValues(gas.spreadsheet)['Goal IDs'].flat()).toContain('M-1');
    expect(sheetSnapshot(gas, '_mbo_ids')).toEqual(before);
  });
});

describe('the Link panel on a report', () => {
  it('names the report as ours, whatever its name, and links nothing there', () => {
    const gas = createFakeGas({ tabs: userTab() });
    const ctx = fakeServerContext(gas);
    rollUp(ctx);
    expect(() => linkToParent(ctx, 'Roll-up (2)', 5, 'M-1')).toThrow(/holds no goal/);
    gas.spreadsheet.selectCell('Roll-up (2)', 5, 1);
    expect(getLinkView(ctx).reason).toBe(
      "Roll-up (2) is a tab MBO Cascade writes (a report or the check-in log), not a goal tab: select the goal's row on its own tab.",
    );
  });
});
