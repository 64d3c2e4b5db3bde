// The sidebar endpoints over the fake: plain JSON (no Date), wording from the catalogue, argument checks, loops that cannot hang a client.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeIssue } from '../../src/core/issues';
import type { CascadeView, Endpoint } from '../../src/server/api';
import { bindServerApi } from '../../src/server/bind';
import { endpoints } from '../../src/server/endpoints';
import { SERVER_GLOBALS } from '../../src/server/globals';
import { MENU_ITEMS } from '../../src/server/menu';
import { ROLLUP_TAB } from '../../src/sheets/owned';
import { createFakeGas, type FakeTabs, fakeServerContext } from '../../tools/gas-fake';
import { marketingCascade, WHERE } from '../fixtures/marketing-cascade';

const ENDPOINT_NAMES = Object.keys(endpoints) as Endpoint[];

function api(tabs: FakeTabs = marketingCascade(), locale?: string) {
  const gas = createFakeGas({ tabs, locale });
  return { gas, api: bindServerApi(fakeServerContext(gas)) };
}

/** True when a value survives google.script.run: JSON-equal to itself, with no Date, function or NaN. */
function plainJson(value: unknown): boolean {
  const walk = (v: unknown): boolean => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
    if (typeof v === 'number') return Number.isFinite(v);
    if (Array.isArray(v)) return v.every(walk);
    if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)
      return Object.values(v).every(walk);
    return false;
  };
  return walk(value) && JSON.stringify(JSON.parse(JSON.stringify(value))) === JSON.stringify(value);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('every endpoint returns plain JSON', () => {
  it.each<[Endpoint, (a: ReturnType<typeof api>['api']) => unknown]>([
    ['checkWorkbook', (a) => a.checkWorkbook()],
    ['getCascade', (a) => a.getCascade()],
    ['getLinkView', (a) => a.getLinkView()],
    ['linkToParent', (a) => a.linkToParent('Demand Gen', 5, 'M-2', 'DG-3')],
    ['rollUp', (a) => a.rollUp()],
    ['addParentDropdowns', (a) => a.addParentDropdowns()],
    ['recordCheckIn', (a) => a.recordCheckIn()],
    ['insertGoalTab', (a) => a.insertGoalTab('New team')],
    ['getColumns', (a) => a.getColumns([{ header: 'Note', choice: 'goal' }])],
    ['saveColumns', (a) => a.saveColumns([{ header: 'Note', choice: 'goal' }])],
    ['getChanges', (a) => a.getChanges()],
  ])('%s', (_name, call) => {
    const { gas, api: bound } = api();
    gas.spreadsheet.selectCell('Demand Gen', 3, 2);
    expect(plainJson(call(bound))).toBe(true);
  });
});

describe('checkWorkbook', () => {
  it('reports tabs, counts and issues worded by the catalogue, with ISO time', () => {
    const { api: bound } = api();
    const report = bound.checkWorkbook();
    expect(report.checkedAt).toBe('2026-07-01T12:00:00.000Z');
    expect(report.goalTabs).toEqual(['CMO', 'Demand Gen', 'Content']);
    expect(report.goalCount).toBe(12);
    expect(report.counts).toEqual({ error: 0, warning: 3, info: 0 });
    expect(report.issues.map((i) => [i.code, i.tab, i.row, i.goalId])).toEqual([
      ['alignment-gap', 'Demand Gen', 3, 'DG-1'],
      ['alignment-gap', 'Content', 2, 'CT-1'],
      ['activity-heavy', 'Content', 3, ''],
    ]);
    const { message, ...place } = report.issues[0];
    expect(message).toBe(describeIssue({ ...place, measured: 0.8, rolledUp: 1.3 / 1.2 } as never));
  });

  it('reads text numbers with the decimal comma of a de_DE spreadsheet', () => {
    const tabs = {
      Goals: [
        ['ID', 'Goal', 'Target', 'Actual'],
        ['G-1', 'Comma', 10, '7,5'],
      ],
    };
    expect(api(tabs, 'de_DE').api.getCascade().goals[0].measured).toBe(0.75);
    expect(
      api(tabs, 'en_US')
        .api.checkWorkbook()
        .issues.map((i) => i.code),
    ).toContain('not-a-number');
  });

  it('lets the Settings tab override the locale, and points setting issues at the user’s own rows', () => {
    const tabs = {
      Goals: [
        ['ID', 'Goal', 'Target', 'Actual'],
        ['G-1', 'Point', 10, '7.5'],
      ],
      Settings: [
        ['Setting', 'Value'],
        ['Cap', 'lots'],
        ['Decimal separator', '.'],
      ],
    };
    const { api: bound } = api(tabs, 'fr_FR');
    expect(bound.getCascade().goals[0].measured).toBe(0.75);
    const bad = bound.checkWorkbook().issues.filter((i) => i.code === 'bad-setting');
    expect(bad.map((i) => [i.tab, i.row])).toEqual([['Settings', 2]]);
  });
});

describe('getCascade', () => {
  it('gives roots and children by ID', () => {
    const view = api().api.getCascade();
    expect(view.roots).toEqual(['M-1', 'M-2', 'M-3', 'DG-T', 'DG-U', 'CT-T', 'CT-U']);
    const byId = new Map(view.goals.map((g) => [g.id, g]));
    expect(byId.get('M-1')?.children).toEqual(['DG-1', 'DG-2']);
    expect(byId.get('DG-2')?.parentId).toBe('m-1');
    expect(byId.get('M-1')?.measured).toBe(0.75);
  });

  it('a client walking from the roots meets every goal once, even through a loop', () => {
    const tabs: FakeTabs = {
      Goals: [
        ['ID', 'Goal', 'Parent', 'Target', 'Actual'],
        ['A', 'Loop one', 'B', 10, 5],
        ['B', 'Loop two', 'A', 10, 5],
        ['C', 'Under the loop', 'A', 10, 5],
        ['D', 'Top', '', 10, 5],
      ],
    };
    const view: CascadeView = api(tabs).api.getCascade();
    const byId = new Map(view.goals.map((g) => [g.id, g]));
    const met: string[] = [];
    const stack = [...view.roots];
    while (stack.length) {
      const id = stack.pop()!;
      met.push(id);
      expect(met.length).toBeLessThanOrEqual(view.goals.length);
      stack.push(...(byId.get(id)?.children ?? []));
    }
    expect(met.sort()).toEqual(['A', 'B', 'C', 'D']);
    expect(byId.get('A')?.onCycle).toBe(true);
  });

  it('carries each goal’s error messages, and none for goals with warnings only', () => {
    const tabs: FakeTabs = {
      Goals: [
        ['ID', 'Goal', 'Owner', 'Parent', 'Target', 'Actual'],
        ['A', 'Fine', 'Ann', '', 10, 5],
        ['B', 'Two errors', 'Ann', 'NOPE', 10, 'lots'],
        ['C', 'No owner: a warning', '', 'A', 10, 5],
        ['B', 'Same ID as the second', 'Ann', '', 10, 5],
      ],
    };
    const { api: bound } = api(tabs);
    const report = bound.checkWorkbook();
    const errorsAt = (row: number) =>
      report.issues.filter((i) => i.severity === 'error' && i.row === row).map((i) => i.message);
    expect(errorsAt(3)).toHaveLength(2);
    expect(errorsAt(5)).toHaveLength(1);
    const goals = bound.getCascade().goals;
    expect(goals.map((g) => [g.id, g.row, g.errors ?? []])).toEqual([
      ['A', 2, []],
      ['B', 3, errorsAt(3)],
      ['C', 4, []],
      ['B', 5, errorsAt(5)],
    ]);
  });
});

describe('getCascade with a shared goal', () => {
  it('lists it among the children of each parent, with each parent’s share, the first parent first', () => {
    const tabs: FakeTabs = {
      Goals: [
        ['ID', 'Goal', 'Parent', 'Target', 'Actual'],
        ['CMO-1', 'Pipeline', '', 10, 5],
        ['CMO-2', 'Brand', '', 10, 5],
        ['DG-1', 'Webinars', 'CMO-2 25%; CMO-1 75%', 10, 5],
        ['DG-2', 'One parent', 'CMO-1', 10, 5],
      ],
    };
    const view: CascadeView = api(tabs).api.getCascade();
    const byId = new Map(view.goals.map((g) => [g.id, g]));
    expect(view.roots).toEqual(['CMO-1', 'CMO-2']);
    expect(byId.get('CMO-1')?.children).toEqual(['DG-1', 'DG-2']);
    expect(byId.get('CMO-2')?.children).toEqual(['DG-1']);
    expect(byId.get('DG-1')?.shares).toEqual([
      { parentId: 'CMO-2', share: 0.25 },
      { parentId: 'CMO-1', share: 0.75 },
    ]);
    expect(byId.get('DG-2')).not.toHaveProperty('shares');
  });
});

describe('getLinkView', () => {
  it('the selected goal and its candidates: itself and its subtree are not allowed', () => {
    const { gas, api: bound } = api();
    gas.spreadsheet.selectCell(WHERE['DG-1'].tab, WHERE['DG-1'].row, 7);
    const view = bound.getLinkView();
    expect(view.goal).toEqual({
      id: 'DG-1',
      title: 'Paid media pipeline of $10M',
      tab: 'Demand Gen',
      row: 3,
      parentId: 'M-1',
    });
    expect(view.reason).toBe('');
    const refused = view.candidates.filter((c) => !c.allowed).map((c) => c.id);
    expect(refused).toEqual(['DG-1', 'DG-3']);
    expect(view.candidates).toHaveLength(12);
    expect(view.candidates.find((c) => c.id === 'M-1')).toEqual({
      id: 'M-1',
      title: 'Grow sourced pipeline to $40M',
      owner: 'Dana Reyes',
      tab: 'CMO',
      final: 0.75,
      allowed: true,
      reason: '',
    });
  });

  it.each([
    ['Notes', 1, /"Notes" is not a goal tab .*Goal tabs: CMO, Demand Gen, Content/],
    ['Demand Gen', 2, /Row 2 of "Demand Gen" holds no goal/],
    [
      ROLLUP_TAB,
      4,
      /Roll-up is a tab MBO Cascade writes \(a report or the check-in log\), not a goal tab: select/,
    ],
    [
      'Check-ins',
      2,
      /Check-ins is a tab MBO Cascade writes \(a report or the check-in log\), not a goal tab/,
    ],
  ])('explains why %s row %i cannot be linked', (tab, row, reason) => {
    const { gas, api: bound } = api();
    if (tab === ROLLUP_TAB) bound.rollUp();
    if (tab === 'Check-ins') bound.recordCheckIn();
    gas.spreadsheet.selectCell(tab, row, 1);
    const view = bound.getLinkView();
    expect(view.goal).toBeNull();
    expect(view.candidates).toEqual([]);
    expect(view.reason).toMatch(reason);
  });
});

describe('arguments from the browser are checked', () => {
  it.each<[string, (a: ReturnType<typeof api>['api']) => unknown, RegExp]>([
    ['row as text', (a) => a.linkToParent('CMO', '2' as never, 'M-1'), /row must be a row or column number/],
    ['missing tab', (a) => a.linkToParent(undefined as never, 2, 'M-1'), /tab must be text/],
    ['goalId as a number', (a) => a.linkToParent('CMO', 2, '', 7 as never), /goalId must be text/],
    ['no cell to select', (a) => a.selectCell(null as never), /cell to select is missing/],
    ['fractional column', (a) => a.selectCell({ tab: 'CMO', row: 1, col: 1.5 }), /col must be/],
    ['name as an object', (a) => a.insertGoalTab({} as never), /name must be text/],
  ])('%s', (_label, call, message) => {
    const { gas, api: bound } = api();
    gas.log.reset();
    expect(() => call(bound)).toThrow(message);
    expect(gas.log.writes).toBe(0);
  });

  it('a missing insertGoalTab name picks a free one', () => {
    expect(api().api.insertGoalTab(undefined as never).tab).toBe('Goals');
  });
});

describe('what src/main.ts exposes', () => {
  it('endpoints cover the ServerApi and are bound lazily to the real globals', () => {
    expect([...ENDPOINT_NAMES].sort()).toEqual([
      'addParentDropdowns',
      'checkWorkbook',
      'getCascade',
      'getChanges',
      'getColumns',
      'getLinkView',
      'getRequired',
      'insertGoalTab',
      'linkToParent',
      'recordCheckIn',
      'rollUp',
      'saveColumns',
      'selectCell',
    ]);
    const gas = createFakeGas({ tabs: marketingCascade() });
    vi.stubGlobal('SpreadsheetApp', gas.SpreadsheetApp);
    vi.stubGlobal('LockService', gas.LockService);
    vi.stubGlobal('Charts', gas.Charts);
    expect(endpoints.checkWorkbook().goalCount).toBe(12);
  });

  it('one global per trigger, menu item and endpoint, each callable from google.script.run', () => {
    const names = SERVER_GLOBALS.map((g) => g.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([
      'onOpen',
      'onInstall',
      'onEdit',
      ...MENU_ITEMS.map((i) => i.functionName),
      ...ENDPOINT_NAMES,
    ]);
    for (const g of SERVER_GLOBALS) {
      expect(g.name).toMatch(/^[A-Za-z]\w*[A-Za-z0-9]$/);
      expect(typeof g.run).toBe('function');
    }
  });

  it('loading the server modules touches no service', async () => {
    vi.resetModules();
    const trap = new Proxy(
      {},
      {
        get() {
          throw new Error('a service was used at load time');
        },
      },
    );
    for (const name of [
      'SpreadsheetApp',
      'LockService',
      'HtmlService',
      'Charts',
      'PropertiesService',
      'Session',
    ])
      vi.stubGlobal(name, trap);
    await expect(import('../../src/server/globals')).resolves.toHaveProperty('SERVER_GLOBALS');
  });
});
