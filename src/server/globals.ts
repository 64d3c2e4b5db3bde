// Every server function Apps Script must see as a top-level global: triggers, menu handlers and sidebar endpoints.
// Their forwarders' parameter names and one-line summaries are in ./docs.ts: the runtime calls each with whatever
// arguments arrive, by position.
import type { Endpoint } from './api';
import { onEdit } from './changes';
import { liveContext } from './context';
import { endpoints } from './endpoints';
import { MENU_ITEMS, onInstall, onOpen } from './menu';

/** Same shape as GlobalFunction in src/main.ts, which turns each into a generated top-level forwarder. */
export interface ServerGlobal {
  name: string;
  run: (...args: never[]) => unknown;
}

export const SERVER_GLOBALS: readonly ServerGlobal[] = [
  { name: 'onOpen', run: onOpen },
  { name: 'onInstall', run: onInstall },
  { name: 'onEdit', run: (event?: unknown) => onEdit(liveContext, event) },
  ...MENU_ITEMS.map((item) => ({ name: item.functionName, run: item.handler })),
  ...(Object.keys(endpoints) as Endpoint[]).map((name) => ({
    name,
    run: endpoints[name] as (...args: never[]) => unknown,
  })),
];
