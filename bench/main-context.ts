// Loads the built dist/ files into this process's own realm through one Function, for timings free of the vm context's cost.
import { readFileSync } from 'node:fs';
import type { CatalogEntry, Implementation } from '../tools/formula-engine';
import { loadBundle, pushOrder } from '../tools/load-bundle';

export interface BundleFunctions {
  /** Every top-level function the uploaded files declare, by name. */
  functions: Implementation;
  catalog: readonly CatalogEntry[];
}

/**
 * The pushed files (dist/mbo.js, dist/globals.js, in clasp's order) as one Function body in the main realm.
 * The same code called through a vm context (tools/load-bundle) runs 2-2.5x slower in Node: every global
 * lookup (Math, Map, Array, ...) goes through the context's interceptors. That is a cost of node:vm, not of the
 * code, so timings of the code itself are taken here.
 */
export function bundleInMainContext(): BundleFunctions {
  const files = pushOrder().map((file) => readFileSync(file, 'utf8'));
  const code = files.join('\n;\n');
  // Top-level functions only: the bundle's own live inside `var MBO = (() => { ... })()`, unindented.
  const names = files
    .filter((text) => !/^var MBO = \(/m.test(text))
    .flatMap((text) => [...text.matchAll(/^function ([A-Za-z_$][\w$]*)\s*\(/gm)].map((m) => m[1]));
  const exported = new Function(`${code}\nreturn { MBO: MBO, functions: { ${names.join(', ')} } };`)() as {
    MBO: { catalog: CatalogEntry[] };
    functions: Implementation;
  };
  return { functions: exported.functions, catalog: exported.MBO.catalog };
}

/** The same files in a vm context, as tools/load-bundle and the tests run them. */
export function bundleInVmContext(): BundleFunctions {
  const bundle = loadBundle();
  return {
    functions: bundle.functions,
    catalog: (bundle.context.MBO as { catalog: CatalogEntry[] }).catalog,
  };
}
