// The one-line summary and parameter names of each server global's generated forwarder, read by tools/build.mjs.
//
// src/server/globals.ts lists what the runtime exposes (name, function); the runtime passes arguments on by position,
// so only the forwarders in dist/globals.js, read by people, need these. test/server/docs.test.ts checks that every
// global has a summary, no summary is stray, and each endpoint's names match its arity.
import type { Endpoint } from './api';
import { MENU_ITEMS } from './menu';

const ENDPOINT_SUMMARIES: Record<Endpoint, string> = {
  checkWorkbook: 'Sidebar: checks every goal tab and lists the issues.',
  getCascade: 'Sidebar: the goal tree with measured, rolled-up and final attainment.',
  getLinkView: 'Sidebar: the goal in the selected row and the parents it may take.',
  linkToParent: "Sidebar: writes a parent ID into one goal's Parent cell.",
  selectCell: 'Sidebar: selects a cell in the spreadsheet.',
  rollUp: 'Sidebar: rebuilds the Roll-up tab.',
  recordCheckIn: "Sidebar: appends today's check-in to the Check-ins tab.",
  getRequired: 'Sidebar: what each goal feeding a goal needs for it to reach a level.',
  addParentDropdowns: 'Sidebar: puts a dropdown of goal IDs on every Parent column.',
  insertGoalTab: 'Sidebar: inserts a goal tab from the template.',
  getColumns: 'Sidebar: the tabs not read as goals, with what each header maps to.',
  saveColumns: 'Sidebar: saves a map of headers to fields in the Settings tab.',
  getChanges: 'Sidebar: when the sheet last changed and when the Roll-up tab was written.',
};

/** Each endpoint's parameter names, as its forwarder declares them. */
export const ENDPOINT_PARAMS: Record<Endpoint, string[]> = {
  checkWorkbook: [],
  getCascade: [],
  getLinkView: [],
  linkToParent: ['tab', 'row', 'parentId', 'goalId'],
  selectCell: ['ref'],
  rollUp: [],
  recordCheckIn: [],
  getRequired: ['id', 'level'],
  addParentDropdowns: [],
  insertGoalTab: ['name'],
  getColumns: ['choices'],
  saveColumns: ['choices'],
  getChanges: [],
};

/** Parameter names by global name: the triggers' event and the endpoints'; menu handlers take none. */
const GLOBAL_PARAMS: Record<string, string[]> = {
  onOpen: ['e'],
  onInstall: ['e'],
  onEdit: ['e'],
  ...ENDPOINT_PARAMS,
};

/** By global name: the triggers, each menu item (named by its label), then the sidebar endpoints. */
export const GLOBAL_SUMMARIES: Record<string, string> = {
  onOpen: 'Trigger: builds the add-on menu.',
  onInstall: 'Trigger: builds the add-on menu on install.',
  onEdit: 'Trigger: notes the time of a person’s edit, so the sidebar can say its results are stale.',
  ...Object.fromEntries(MENU_ITEMS.map((item) => [item.functionName, `Menu: ${item.label}`])),
  ...ENDPOINT_SUMMARIES,
};

export interface DocumentedGlobal {
  name: string;
  params: string[];
  summary: string;
}

/** Joins the runtime's globals with their parameters and summaries, in the runtime's order; a global without a summary is an error. */
export function documentGlobals(globals: readonly { name: string }[]): DocumentedGlobal[] {
  // Maps, so a name such as `toString` cannot find Object.prototype's.
  const summaries = new Map(Object.entries(GLOBAL_SUMMARIES));
  const params = new Map(Object.entries(GLOBAL_PARAMS));
  return globals.map(({ name }) => {
    const summary = summaries.get(name);
    if (summary === undefined) throw new Error(`${name} has no summary in src/server/docs.ts`);
    return { name, params: params.get(name) ?? [], summary };
  });
}
