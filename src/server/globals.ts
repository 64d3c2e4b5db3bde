// Every server function Apps Script must see as a top-level global: triggers, menu handlers and sidebar endpoints.
import type { Endpoint } from './api';
import { endpoints } from './endpoints';
import { MENU_ITEMS, onInstall, onOpen } from './menu';

/** Same shape as GlobalFunction in src/main.ts, which turns each into a generated top-level forwarder. */
export interface ServerGlobal {
  name: string;
  params: string[];
  summary: string;
  run: (...args: never[]) => unknown;
}

const ENDPOINTS: Record<Endpoint, { params: string[]; summary: string }> = {
  checkWorkbook: { params: [], summary: 'Sidebar: checks every goal tab and lists the issues.' },
  getCascade: {
    params: [],
    summary: 'Sidebar: the goal tree with measured, rolled-up and final attainment.',
  },
  getLinkView: { params: [], summary: 'Sidebar: the goal in the selected row and the parents it may take.' },
  linkToParent: {
    params: ['tab', 'row', 'parentId', 'goalId'],
    summary: "Sidebar: writes a parent ID into one goal's Parent cell.",
  },
  selectCell: { params: ['ref'], summary: 'Sidebar: selects a cell in the spreadsheet.' },
  rollUp: { params: [], summary: 'Sidebar: rebuilds the Roll-up tab.' },
  addParentDropdowns: { params: [], summary: 'Sidebar: puts a dropdown of goal IDs on every Parent column.' },
  insertGoalTab: { params: ['name'], summary: 'Sidebar: inserts a goal tab from the template.' },
};

export const SERVER_GLOBALS: readonly ServerGlobal[] = [
  { name: 'onOpen', params: ['e'], summary: 'Trigger: builds the add-on menu.', run: onOpen },
  {
    name: 'onInstall',
    params: ['e'],
    summary: 'Trigger: builds the add-on menu on install.',
    run: onInstall,
  },
  ...MENU_ITEMS.map((item) => ({
    name: item.functionName,
    params: [],
    summary: `Menu: ${item.label}`,
    run: item.handler,
  })),
  ...(Object.keys(ENDPOINTS) as Endpoint[]).map((name) => ({
    name,
    params: ENDPOINTS[name].params,
    summary: ENDPOINTS[name].summary,
    run: endpoints[name] as (...args: never[]) => unknown,
  })),
];
