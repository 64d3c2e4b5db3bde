// Text the add-on writes reads back as the same text: IDs like 1.10, 007, 12%, 1/2, 1e3 and TRUE are never turned into numbers, dates or booleans.
import { describe, expect, it } from 'vitest';
import { linkToParent } from '../../src/server/link';
import { rollUp } from '../../src/server/rollup';
import { addParentDropdowns } from '../../src/server/setup';
import { addFilledTab } from '../../src/sheets/new-tab';
import {
  createFakeGas,
  dumpFormulas,
  dumpValues,
  type FakeGas,
  type FakeTabs,
  fakeServerContext,
} from '../../tools/gas-fake';

/** IDs that Sheets reads as a number, a percentage, a date, a number again and a boolean when typed. */
const AWKWARD_IDS = ['1.10', '007', '12%', '1/2', '1e3', 'TRUE'];

/** One tab of goals with those IDs, each linked to the one before; owners and periods that look like numbers and dates too. */
function awkwardTabs(): FakeTabs {
  return {
    Goals: [
      ['ID', 'Goal', 'Owner', 'Parent', 'Target', 'Actual', 'Weight', 'Period'],
      ...AWKWARD_IDS.map((id, i) => [
        id,
        `Goal ${i + 1}`,
        // A fixture's leading apostrophe makes the text `=Ann`, as a CSV import would leave it.
        i % 2 === 0 ? '2026' : "'=Ann",
        i === 0 ? '' : AWKWARD_IDS[i - 1],
        100,
        50 + i,
        1,
        i < 3 ? 'Mar 2026' : '2026',
      ]),
    ],
  };
}

const goalRow = (id: string) => AWKWARD_IDS.indexOf(id) + 2;

function stringsOnly(values: readonly unknown[]): void {
  for (const v of values) expect(typeof v, JSON.stringify(v)).toBe('string');
}

describe('Roll up writes text as text', () => {
  it('keeps every ID, owner, period and treemap label exactly as the goal tabs spell them', () => {
    const gas = createFakeGas({ tabs: awkwardTabs() });
    const done = rollUp(fakeServerContext(gas));
    const rows = dumpValues(gas.spreadsheet)[done.tab];
    const goals = rows.slice(3, 3 + AWKWARD_IDS.length);
    expect(goals.map((r) => r[0])).toEqual(AWKWARD_IDS);
    stringsOnly(goals.map((r) => r[2]));
    expect(new Set(goals.map((r) => r[2]))).toEqual(new Set(['2026', '=Ann']));
    // The treemap's data: labels and parent labels are the IDs, as text.
    const chart = rows.slice(4, 4 + AWKWARD_IDS.length).map((r) => [r[13], r[14]]);
    expect(chart).toEqual(AWKWARD_IDS.map((id, i) => [id, i === 0 ? 'All goals' : AWKWARD_IDS[i - 1]]));
    // Scorecards: owner and period columns.
    const cardsAt = rows.findIndex((r) => r[0] === 'Owner' && r[1] === 'Period');
    const cards = rows.slice(cardsAt + 1).filter((r) => r[0] !== '');
    expect(cards.length).toBeGreaterThan(0);
    stringsOnly(cards.flatMap((r) => [r[0], r[1]]));
    expect(new Set(cards.map((r) => r[1]))).toEqual(new Set(['Mar 2026', 'FY2026']));
    expect(dumpFormulas(gas.spreadsheet)[done.tab].flat().filter(Boolean)).toEqual([]);
  });

  it('reads its own report back as the same numbers: the attainments stay numbers', () => {
    const gas = createFakeGas({ tabs: awkwardTabs() });
    const done = rollUp(fakeServerContext(gas));
    const rows = dumpValues(gas.spreadsheet)[done.tab];
    expect(rows[3][6]).toBe(0.5);
  });
});

describe('Add Parent dropdowns lists the IDs as text', () => {
  it('writes every ID into the hidden list exactly, as plain text', () => {
    const gas = createFakeGas({ tabs: awkwardTabs() });
    addParentDropdowns(fakeServerContext(gas));
    const list = gas.spreadsheet.sheets.find((s) => s.hidden);
    expect(list).toBeDefined();
    const ids = list!.rangeAt(1, 1, AWKWARD_IDS.length, 1).getValues().flat();
    expect(ids).toEqual(AWKWARD_IDS);
  });
});

describe('the Link panel writes the Parent cell as text', () => {
  function link(gas: FakeGas, id: string, parentId: string) {
    return linkToParent(fakeServerContext(gas), 'Goals', goalRow(id), parentId, id);
  }

  it.each(AWKWARD_IDS.slice(0, -1))(
    'a General cell gets %j as text (a leading apostrophe, not shown)',
    (parent) => {
      const gas = createFakeGas({ tabs: awkwardTabs() });
      const view = link(gas, 'TRUE', parent);
      const cell = gas.spreadsheet.sheet('Goals').peekCell(goalRow('TRUE'), 4);
      expect([cell.value, cell.formula]).toEqual([parent, '']);
      expect(view.goal?.parentId).toBe(parent);
    },
  );

  it('a plain-text cell gets the ID as it is, with no apostrophe', () => {
    const gas = createFakeGas({ tabs: awkwardTabs() });
    gas.spreadsheet.sheet('Goals').rangeAt(2, 4, 10, 1).setNumberFormat('@');
    link(gas, 'TRUE', '007');
    expect(gas.spreadsheet.sheet('Goals').peekCell(goalRow('TRUE'), 4).value).toBe('007');
  });

  it('unlinking writes a blank cell, not an apostrophe', () => {
    const gas = createFakeGas({ tabs: awkwardTabs() });
    link(gas, '007', '');
    const cell = gas.spreadsheet.sheet('Goals').peekCell(goalRow('007'), 4);
    expect([cell.value, cell.formula]).toEqual(['', '']);
  });
});

describe('tabs the add-on creates hold their text as text', () => {
  it.each(['1.10', '007', '12%', '1/2', '1e3', 'TRUE', '=MBO_NPS of the peer survey', '-note', "'quoted"])(
    '%j in a new tab reads back as that text',
    (text) => {
      const gas = createFakeGas({ tabs: { Sheet1: [] } });
      addFilledTab(gas.spreadsheet, 'New', [
        ['Header', 'Number'],
        [text, 42],
      ]);
      const sheet = gas.spreadsheet.sheet('New');
      expect(sheet.rangeAt(1, 1, 2, 2).getValues()).toEqual([
        ['Header', 'Number'],
        [text, 42],
      ]);
      expect(sheet.rangeAt(1, 1, 2, 2).getFormulas().flat().filter(Boolean)).toEqual([]);
    },
  );
});
