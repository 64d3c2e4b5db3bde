// Linking writes exactly one Parent cell, and refuses unknown IDs, loops, stale rows and rows without a goal.
import { describe, expect, it } from 'vitest';
import { getLinkView, linkToParent } from '../../src/server/link';
import { LinkRefused } from '../../src/sheets/link';
import { BusyError } from '../../src/sheets/lock';
import {
  createFakeGas,
  type FakeGas,
  type FakeTabs,
  fakeServerContext,
  type SheetSnapshot,
  snapshotSpreadsheet,
} from '../../tools/gas-fake';
import { marketingCascade, PARENT_COL, WHERE } from '../fixtures/marketing-cascade';

function setup(tabs = marketingCascade()) {
  const gas = createFakeGas({ tabs });
  const ctx = fakeServerContext(gas);
  const link = (id: string, parentId: string, expectedId?: string) =>
    linkToParent(ctx, WHERE[id].tab, WHERE[id].row, parentId, expectedId);
  return { gas, ctx, link };
}

/** Cells that differ between two snapshots, as `tab!R1C1: before -> after`. */
function changedCells(before: SheetSnapshot[], after: SheetSnapshot[]): string[] {
  expect(after.map((s) => s.name)).toEqual(before.map((s) => s.name));
  const out: string[] = [];
  before.forEach((sheet, i) => {
    const { cells, ...rest } = sheet;
    const { cells: afterCells, ...afterRest } = after[i];
    expect(afterRest).toEqual(rest);
    for (const key of new Set([...Object.keys(cells), ...Object.keys(afterCells)])) {
      if (cells[key] !== afterCells[key])
        out.push(`${sheet.name}!${key}: ${cells[key]} -> ${afterCells[key]}`);
    }
  });
  return out;
}

const parentCell = (gas: FakeGas, id: string) =>
  gas.spreadsheet.sheet(WHERE[id].tab).peekCell(WHERE[id].row, PARENT_COL);

describe('linkToParent writes one cell', () => {
  it('changes only the Parent cell of that goal, across tabs, with the parent ID as written', () => {
    const { gas, link } = setup();
    const before = snapshotSpreadsheet(gas.spreadsheet);
    const view = link('DG-3', 'm-2');
    expect(changedCells(before, snapshotSpreadsheet(gas.spreadsheet))).toEqual([
      'Demand Gen!R5C4: "DG-1" -> "M-2"',
    ]);
    expect(view.goal).toEqual({
      id: 'DG-3',
      title: 'Drive 1.2M paid ad clicks',
      tab: 'Demand Gen',
      row: 5,
      parentId: 'M-2',
    });
    expect(gas.log.count('Range.setValue') + gas.log.count('Range.setValues')).toBe(1);
  });

  it('unlinks with a blank parent', () => {
    const { gas, link } = setup();
    link('DG-3', '  ');
    expect(parentCell(gas, 'DG-3').value).toBe('');
  });

  it('returns the view after the link, computed without reading the sheet again', () => {
    const { gas, link } = setup();
    gas.log.reset();
    const view = link('CT-2', 'M-1');
    expect(gas.log.count('Range.getValues')).toBe(4);
    expect(view.candidates.find((c) => c.id === 'CT-2')?.allowed).toBe(false);
  });

  it('writes an ID that starts with - or + as text', () => {
    const tabs = marketingCascade();
    (tabs.CMO[3] as unknown[])[0] = '-M3';
    const { gas, ctx } = setup(tabs);
    linkToParent(ctx, 'Content', 3, '-m3');
    const cell = gas.spreadsheet.sheet('Content').peekCell(3, PARENT_COL);
    expect([cell.value, cell.formula]).toEqual(['-M3', '']);
  });
});

describe('linkToParent refuses, and then writes nothing', () => {
  const refusals: [string, string, string, RegExp][] = [
    ['an unknown ID', 'DG-3', 'NOPE-1', /No goal has the ID "NOPE-1"/],
    ['the goal itself', 'DG-1', 'dg-1', /cannot be its own parent/],
    ['a child (a loop of two)', 'DG-1', 'DG-3', /DG-3 is below DG-1/],
    ['a grandchild (a longer loop)', 'M-1', 'DG-3', /DG-3 is below M-1/],
    ['a descendant across tabs', 'M-2', 'CT-2', /CT-2 is below M-2/],
  ];

  it.each(refusals)('%s', (_label, id, parentId, message) => {
    const { gas, link } = setup();
    const before = snapshotSpreadsheet(gas.spreadsheet);
    expect(() => link(id, parentId)).toThrow(LinkRefused);
    expect(() => link(id, parentId)).toThrow(message);
    expect(snapshotSpreadsheet(gas.spreadsheet)).toEqual(before);
  });

  it('a row that now holds another goal than the sidebar showed', () => {
    const { gas, link } = setup();
    const before = snapshotSpreadsheet(gas.spreadsheet);
    expect(() => link('DG-3', 'M-2', 'DG-2')).toThrow(/now holds DG-3, not DG-2/);
    expect(snapshotSpreadsheet(gas.spreadsheet)).toEqual(before);
    expect(link('DG-3', 'M-2', 'dg-3').goal?.parentId).toBe('M-2');
  });

  it.each([
    ['the header row', 'Demand Gen', 2, /holds no goal/],
    ['a blank row', 'Demand Gen', 1, /holds no goal/],
    ['a tab that is not a goal tab', 'Notes', 1, /holds no goal/],
  ])('%s', (_label, tab, row, message) => {
    const { gas, ctx } = setup();
    const before = snapshotSpreadsheet(gas.spreadsheet);
    expect(() => linkToParent(ctx, tab, row, 'M-1')).toThrow(message);
    expect(snapshotSpreadsheet(gas.spreadsheet)).toEqual(before);
  });

  it('a goal tab without a Parent column', () => {
    const { gas, ctx } = setup({
      ...marketingCascade(),
      Solo: [
        ['ID', 'Goal'],
        ['S-1', 'Alone'],
      ],
    });
    const before = snapshotSpreadsheet(gas.spreadsheet);
    expect(() => linkToParent(ctx, 'Solo', 2, 'M-1')).toThrow(/no Parent column/);
    expect(snapshotSpreadsheet(gas.spreadsheet)).toEqual(before);
  });

  it('while someone else holds the document lock', () => {
    const { gas, link } = setup();
    gas.otherExecution().getDocumentLock().waitLock(1000);
    const before = snapshotSpreadsheet(gas.spreadsheet);
    expect(() => link('DG-3', 'M-2')).toThrow(BusyError);
    expect(snapshotSpreadsheet(gas.spreadsheet)).toEqual(before);
  });
});

describe('linkToParent on the layouts people already have', () => {
  it('names a parent without an ID column by its title, which stays true when rows move', () => {
    const gas = createFakeGas({
      tabs: {
        Company: [
          ['Goal', 'Target'],
          ['Grow revenue', 100],
        ],
        Team: [
          ['Goal', 'Parent', 'Target'],
          ['Close deals', '', 10],
        ],
      },
    });
    const ctx = fakeServerContext(gas);
    linkToParent(ctx, 'Team', 2, 'Company!2', 'Team!2');
    expect(gas.spreadsheet.sheet('Team').peekCell(2, 2).value).toBe('Grow revenue');
  });

  it.each<[string, FakeTabs, [string, number, string], string]>([
    [
      'a key result under an Objective cell: it trees up to the objective in its own row',
      {
        CMO: [
          ['ID', 'Goal'],
          ['CMO-1', 'Grow revenue'],
        ],
        OKRs: [
          ['Objective', 'Key Result', 'Parent', 'Progress'],
          ['Win EMEA', 'Open 3 offices', '', 0.5],
        ],
      },
      ['OKRs', 2, 'OKRs!2'],
      '"Open 3 offices" is a key result of "Win EMEA": change its Objective cell, or align the objective by its Parent cell on row 2.',
    ],
    [
      'a key result written in numbered columns: it trees up to the goal of its row',
      {
        Goals: [
          ['ID', 'Goal', 'Parent', 'KR1 Title', 'KR1 Progress'],
          ['CMO-1', 'Grow revenue', '', '', ''],
          ['G-7', 'Grow organic traffic', '', 'Rank top 3 for 10 keywords', 0.4],
        ],
      },
      ['Goals', 3, 'G-7 KR1'],
      '"Rank top 3 for 10 keywords" is a key result of G-7, written in the key-result columns of its row: it trees up to G-7. Link G-7 instead.',
    ],
  ])('refuses %s, and writes nothing', (_name, tabs, [tab, row, expectedId], message) => {
    const gas = createFakeGas({ tabs });
    const before = snapshotSpreadsheet(gas.spreadsheet);
    expect(() => linkToParent(fakeServerContext(gas), tab, row, 'CMO-1', expectedId)).toThrow(message);
    expect(snapshotSpreadsheet(gas.spreadsheet)).toEqual(before);
  });

  describe('the Link view of a row with key results in numbered columns', () => {
    const tabs = () => ({
      Goals: [
        ['ID', 'Goal', 'Parent', 'KR1 Title', 'KR1 Progress', 'KR2 Title', 'KR2 Progress'],
        ['CMO-1', 'Grow revenue', '', '', '', '', ''],
        ['G-7', 'Grow organic traffic', '', 'Rank top 3 for 10 keywords', 0.4, 'Publish 24 articles', 0.75],
      ],
    });
    const refusal = (title: string) =>
      `"${title}" is a key result of G-7, written in the key-result columns of its row: it trees up to G-7. Link G-7 instead.`;

    // A cell of a key result's columns selects that key result; any other cell of the row, the row's goal.
    it.each([
      [1, 'G-7', ''],
      [3, 'G-7', ''],
      [4, 'G-7 KR1', refusal('Rank top 3 for 10 keywords')],
      [5, 'G-7 KR1', refusal('Rank top 3 for 10 keywords')],
      [7, 'G-7 KR2', refusal('Publish 24 articles')],
    ])('column %i selects %s, and every parent is refused with the server’s reason', (col, id, reason) => {
      const gas = createFakeGas({ tabs: tabs() });
      gas.spreadsheet.selectCell('Goals', 3, col);
      const view = getLinkView(fakeServerContext(gas));
      expect(view.goal?.id).toBe(id);
      const cmo = view.candidates.find((c) => c.id === 'CMO-1');
      expect(cmo).toMatchObject({ allowed: reason === '', reason });
      if (reason !== '')
        expect(() => linkToParent(fakeServerContext(gas), 'Goals', 3, 'CMO-1', id)).toThrow(reason);
    });

    it('a whole row selected (a goal clicked in the Cascade) is the row’s goal', () => {
      const gas = createFakeGas({ tabs: tabs() });
      gas.spreadsheet.sheet('Goals').getRange(3, 1, 1, 26).activate();
      expect(getLinkView(fakeServerContext(gas)).goal?.id).toBe('G-7');
    });
  });
});

describe('the Link view offers no parent the server would refuse for the goal itself', () => {
  // Each case: a goal the server will not link whatever the parent; the view says so on every candidate, in the
  // server's words, instead of offering choices that fail when clicked.
  it.each([
    [
      'a tab without a Parent column (an import such as Culture Amp)',
      {
        CMO: [
          ['ID', 'Goal', 'Parent'],
          ['CMO-1', 'Grow revenue', ''],
        ],
        Solo: [
          ['ID', 'Goal'],
          ['S-1', 'Alone'],
        ],
      },
      'Solo',
      2,
      'S-1',
    ],
    [
      'a key result under the objective in its Objective cell',
      {
        CMO: [
          ['ID', 'Goal'],
          ['CMO-1', 'Grow revenue'],
        ],
        OKRs: [
          ['Objective', 'Key Result', 'Parent', 'Progress'],
          ['Win EMEA', 'Open 3 offices', '', 0.5],
        ],
      },
      'OKRs',
      2,
      'OKRs!2',
    ],
  ])('%s', (_, tabs, tab, row, id) => {
    const gas = createFakeGas({ tabs });
    gas.spreadsheet.selectCell(tab, row, 1);
    const ctx = fakeServerContext(gas);
    const view = getLinkView(ctx);
    expect(view.goal?.id).toBe(id);
    let refusal = '';
    try {
      linkToParent(ctx, tab, row, 'CMO-1', id);
    } catch (error) {
      refusal = (error as Error).message;
    }
    expect(refusal).not.toBe('');
    const cmo = view.candidates.find((c) => c.id === 'CMO-1');
    expect(cmo).toMatchObject({ allowed: false, reason: refusal });
  });
});

describe('linkToParent and sum roll-ups', () => {
  // P adds up its children's actuals in $; Q averages (units may differ there).
  const tabs = () => ({
    Goals: [
      ['ID', 'Goal', 'Parent', 'Unit', 'Rollup', 'Target', 'Actual'],
      ['P', 'Pipeline of $10M', '', '$', 'sum', 10_000_000, ''],
      ['Q', 'Average of things', '', '%', '', 1, ''],
      ['D', 'Paid pipeline', '', ' $ ', '', 4_000_000, 3_000_000],
      ['C', 'Ad clicks', '', 'count', '', 1000, 900],
      ['B', 'No unit', '', '', '', 10, 5],
    ],
  });

  it.each([
    [
      'C',
      'P',
      'P adds up its children in $ (a sum roll-up), and C is in count: link C to a goal in count, or change a Unit.',
    ],
    [
      'B',
      'P',
      'P adds up its children in $ (a sum roll-up), and B has no unit: link B to a goal in $, or change a Unit.',
    ],
  ])('refuses %s under %s, naming both units, and writes nothing', (child, parent, message) => {
    const gas = createFakeGas({ tabs: tabs() });
    const ctx = fakeServerContext(gas);
    const row = tabs().Goals.findIndex((cells) => cells[0] === child) + 1;
    const before = snapshotSpreadsheet(gas.spreadsheet);
    expect(() => linkToParent(ctx, 'Goals', row, parent)).toThrow(new LinkRefused(message));
    expect(snapshotSpreadsheet(gas.spreadsheet)).toEqual(before);
  });

  it.each([
    ['D', 'P'],
    ['C', 'Q'],
  ])('links %s under %s: same unit (trimmed, any case), or no sum', (child, parent) => {
    const gas = createFakeGas({ tabs: tabs() });
    const row = tabs().Goals.findIndex((cells) => cells[0] === child) + 1;
    linkToParent(fakeServerContext(gas), 'Goals', row, parent);
    expect(gas.spreadsheet.sheet('Goals').peekCell(row, 3).value).toBe(parent);
  });

  it('the Link view offers a sum parent in another unit disabled, with the reason', () => {
    const gas = createFakeGas({ tabs: tabs() });
    gas.spreadsheet.selectCell('Goals', 5, 1);
    const view = linkToParent(fakeServerContext(gas), 'Goals', 5, 'Q');
    const byId = new Map(view.candidates.map((c) => [c.id, c]));
    expect(byId.get('P')).toMatchObject({
      allowed: false,
      reason:
        'P adds up its children in $ (a sum roll-up), and C is in count: link C to a goal in count, or change a Unit.',
    });
    expect(byId.get('Q')).toMatchObject({ allowed: true, reason: '' });
    expect(byId.get('C')).toMatchObject({ allowed: false, reason: 'C is the goal itself.' });
  });
});

describe('linkToParent on a goal with several parents', () => {
  // S is shared by P (60%) and Q (40%); linking it to one goal would silently drop the other parent and the shares.
  const tabs = () => ({
    Goals: [
      ['ID', 'Goal', 'Parent', 'Target', 'Actual'],
      ['P', 'Pipeline', '', 10, ''],
      ['Q', 'Revenue', '', 10, ''],
      ['R', 'Retention', '', 10, ''],
      ['S', 'Shared campaign', 'P 60%; Q 40%', 10, 5],
    ],
  });

  it('refuses, naming the parents in its cell, and writes nothing', () => {
    const gas = createFakeGas({ tabs: tabs() });
    const before = snapshotSpreadsheet(gas.spreadsheet);
    expect(() => linkToParent(fakeServerContext(gas), 'Goals', 5, 'R')).toThrow(
      new LinkRefused(
        'S has several parents ("P 60%; Q 40%"): linking it here would replace them all with one. Edit its Parent cell (Goals row 5) to change them.',
      ),
    );
    expect(snapshotSpreadsheet(gas.spreadsheet)).toEqual(before);
  });

  it('the Link view offers no parent for it, each with the reason', () => {
    const gas = createFakeGas({ tabs: tabs() });
    gas.spreadsheet.selectCell('Goals', 5, 1);
    const view = getLinkView(fakeServerContext(gas));
    expect(view.goal?.parentId).toBe('P 60%; Q 40%');
    const others = view.candidates.filter((c) => c.id !== 'S');
    expect(others.map((c) => c.id)).toEqual(['P', 'Q', 'R']);
    for (const c of others)
      expect(c).toMatchObject({ allowed: false, reason: expect.stringMatching(/^S has several parents/) });
  });
});
