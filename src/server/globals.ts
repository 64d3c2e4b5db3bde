// Every server function Apps Script must see as a top-level global: triggers, menu handlers and sidebar endpoints.
// Their one-line summaries for the generated forwarders live in ./docs.ts, out of the runtime bundle.
import type { Endpoint } from './api';
import { endpoints } from './endpoints';
import { MENU_ITEMS, onInstall, onOpen } from './menu';

/** Same shape as GlobalFunction in src/main.ts, which turns each into a generated top-level forwarder. */
export interface ServerGlobal {
  name: string;
  params: string[];
  run: (...args: never[]) => unknown;
}

/** Each endpoint's parameter names, for its forwarder. */
const ENDPOINT_PARAMS: Record<Endpoint, string[]> = {
  checkWorkbook: [],
  getCascade: [],
  getLinkView: [],
  linkToParent: ['tab', 'row', 'parentId', 'goalId'],
  selectCell: ['ref'],
  rollUp: [],
  addParentDropdowns: [],
  insertGoalTab: ['name'],
};

export const SERVER_GLOBALS: readonly ServerGlobal[] = [
  { name: 'onOpen', params: ['e'], run: onOpen },
  { name: 'onInstall', params: ['e'], run: onInstall },
  ...MENU_ITEMS.map((item) => ({ name: item.functionName, params: [], run: item.handler })),
  ...(Object.keys(ENDPOINT_PARAMS) as Endpoint[]).map((name) => ({
    name,
    params: ENDPOINT_PARAMS[name],
    run: endpoints[name] as (...args: never[]) => unknown,
  })),
];
