// Benchmarks a custom-function call as Sheets makes it: evaluate the built bundle's global scope, then call MBO_CASCADE.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { pushOrder } from '../tools/load-bundle';
import { generateWorkbook } from './generate';
import { fmt, type Section, timeMedian } from './measure';

export function benchBundle(): Section[] {
  const files = pushOrder().map((file) => ({ file, code: readFileSync(file, 'utf8') }));
  const scripts = files.map(({ file, code }) => new vm.Script(code, { filename: file }));
  const bytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.code), 0);
  // The esbuild bundle proper; globals.js is the generated forwarders and their JSDoc.
  const bundleBytes = Buffer.byteLength(files.find((f) => f.file.endsWith('mbo.js'))?.code ?? '');
  const gzipped = files.reduce((sum, f) => sum + gzipSync(f.code).length, 0);

  // Every custom-function call in Sheets starts a fresh global scope and runs the whole script's top level.
  const load = (): vm.Context => {
    const context = vm.createContext({});
    for (const script of scripts) script.runInContext(context);
    return context;
  };
  const emptyContextMs = timeMedian(50, () => vm.createContext({}));
  const loadMs = timeMedian(50, load);
  const globalScopeMs = Math.max(0, loadMs - emptyContextMs);

  const grids = generateWorkbook({ goals: 10_000, tabs: 50, depth: 6 }).map((t) => t.grid);
  const callMs = timeMedian(5, () => {
    const context = load();
    (context.MBO_CASCADE as (...a: unknown[]) => unknown)(...grids);
  });

  return [
    {
      title: 'The uploaded bundle, called as Sheets calls it',
      table: [
        ['measure', 'value'],
        ['bundle, dist/mbo.js (minified)', `${fmt.kb(bundleBytes)} KB`],
        ['all pushed .js files (bundle + generated forwarders with JSDoc)', `${fmt.kb(bytes)} KB`],
        ['script size gzipped', `${fmt.kb(gzipped)} KB`],
        ['global scope evaluation (median of 50, fresh context each)', `${fmt.ms(globalScopeMs)} ms`],
        ['fresh scope + MBO_CASCADE on 10k rows / 50 tables (median of 5)', `${fmt.ms(callMs)} ms`],
      ],
      checks: [
        {
          what: 'bundle size (dist/mbo.js)',
          target: '< 60 KB minified',
          measured: `${fmt.kb(bundleBytes)} KB`,
          pass: bundleBytes < 60 * 1024,
        },
        {
          what: 'global scope',
          target: '< 5 ms',
          measured: `${fmt.ms(globalScopeMs)} ms`,
          pass: globalScopeMs < 5,
        },
      ],
      notes: [
        'Global scope time is the evaluation of the pushed files minus the cost of creating an empty vm context.',
      ],
    },
  ];
}
