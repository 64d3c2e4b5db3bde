// The one-line summary of each server global's generated forwarder: read by tools/build.mjs, never bundled into the runtime.
//
// src/server/globals.ts lists what the runtime exposes (name, parameters, function); the JSDoc summary each forwarder
// carries in dist/globals.js only matters to someone reading that file, so it stays out of the bundle that every
// custom-function call loads. test/functions/docs.test.ts checks that every global has a summary and no summary is stray.
import type { Endpoint } from './api';
import { MENU_ITEMS } from './menu';

const ENDPOINT_SUMMARIES: Record<Endpoint, string> = {
  checkWorkbook: 'Sidebar: checks every goal tab and lists the issues.',
  getCascade: 'Sidebar: the goal tree with measured, rolled-up and final attainment.',
  getLinkView: 'Sidebar: the goal in the selected row and the parents it may take.',
  linkToParent: "Sidebar: writes a parent ID into one goal's Parent cell.",
  selectCell: 'Sidebar: selects a cell in the spreadsheet.',
  rollUp: 'Sidebar: rebuilds the Roll-up tab.',
  addParentDropdowns: 'Sidebar: puts a dropdown of goal IDs on every Parent column.',
  insertGoalTab: 'Sidebar: inserts a goal tab from the template.',
};

/** By global name: the triggers, each menu item (named by its label), then the sidebar endpoints. */
export const GLOBAL_SUMMARIES: Record<string, string> = {
  onOpen: 'Trigger: builds the add-on menu.',
  onInstall: 'Trigger: builds the add-on menu on install.',
  ...Object.fromEntries(MENU_ITEMS.map((item) => [item.functionName, `Menu: ${item.label}`])),
  ...ENDPOINT_SUMMARIES,
};

export interface DocumentedGlobal {
  name: string;
  params: string[];
  summary: string;
}

/** Joins the runtime's globals with their summaries, in the runtime's order; a global without one is an error. */
export function documentGlobals(globals: readonly { name: string; params: string[] }[]): DocumentedGlobal[] {
  // A Map, so a name such as `toString` cannot find Object.prototype's.
  const summaries = new Map(Object.entries(GLOBAL_SUMMARIES));
  return globals.map(({ name, params }) => {
    const summary = summaries.get(name);
    if (summary === undefined) throw new Error(`${name} has no summary in src/server/docs.ts`);
    return { name, params, summary };
  });
}
