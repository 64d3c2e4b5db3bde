// The only file that exposes globals: tools/build.mjs generates a top-level forwarder for everything listed here.
// A custom function's forwarder reads its declaration (src/functions/spec.ts); the other globals' summaries are in
// src/server/docs.ts.
import { CUSTOM_FUNCTIONS } from './functions/catalog';
import type { FunctionSpec } from './functions/spec';
import { SERVER_GLOBALS } from './server/globals';

/** A top-level function Apps Script must see: a trigger, a menu handler or a sidebar endpoint. */
export interface GlobalFunction {
  name: string;
  run: (...args: never[]) => unknown;
}

export const customFunctions: Record<string, (...args: unknown[]) => unknown> = Object.fromEntries(
  CUSTOM_FUNCTIONS.map((f) => [f.name, f.run]),
);

export const catalog: FunctionSpec[] = CUSTOM_FUNCTIONS.map(
  ({ run: _run, runWith: _runWith, ...spec }) => spec,
);

export const globalFunctions: GlobalFunction[] = [...SERVER_GLOBALS];

/** The same functions by name, for the generated forwarders. */
export const globals: Record<string, (...args: never[]) => unknown> = Object.fromEntries(
  globalFunctions.map((g) => [g.name, g.run]),
);
