// Loads the built dist/ files the way Apps Script does: plain scripts, in clasp's push order, sharing one global scope.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');

type TopLevel = (...args: unknown[]) => unknown;

export interface LoadedBundle {
  /** The shared global scope, as the uploaded files see it. */
  context: vm.Context;
  /** Every top-level function the files declare, by name. */
  functions: Record<string, TopLevel>;
  /** Files evaluated, in order. */
  files: string[];
  /** Runs source inside the script's realm, e.g. to make a Date as Sheets would pass it. */
  evaluate: (source: string) => unknown;
}

/** Files in the order clasp pushes them: those in filePushOrder first, then the rest by name. */
export function pushOrder(): string[] {
  const clasp = JSON.parse(readFileSync(join(root, '.clasp.json'), 'utf8')) as {
    rootDir: string;
    filePushOrder?: string[];
  };
  const dir = join(root, clasp.rootDir);
  const listed = (clasp.filePushOrder ?? []).map((f) => join(root, f));
  const rest = readdirSync(dir)
    .filter((f) => f.endsWith('.js') || f.endsWith('.gs'))
    .map((f) => join(dir, f))
    .filter((f) => !listed.includes(f))
    .sort();
  return [...listed, ...rest];
}

export function loadBundle(globals: Record<string, unknown> = {}): LoadedBundle {
  const context = vm.createContext({ ...globals });
  const files = pushOrder();
  for (const file of files) vm.runInContext(readFileSync(file, 'utf8'), context, { filename: file });
  const names = vm.runInContext(
    'Object.getOwnPropertyNames(globalThis).filter((k) => typeof globalThis[k] === "function")',
    context,
  ) as string[];
  const functions: Record<string, TopLevel> = {};
  for (const name of names) functions[name] = context[name] as TopLevel;
  return { context, functions, files, evaluate: (source) => vm.runInContext(source, context) };
}
