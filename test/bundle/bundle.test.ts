// The built dist/ files, loaded as Apps Script loads them: one global scope, top-level functions, no modules.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { customFunctions } from '../../src/main';
import { type LoadedBundle, loadBundle } from '../../tools/load-bundle';
import { ERROR_CASES, matches, RESULT_CASES } from '../functions/cases';

const root = join(import.meta.dirname, '../..');
const sourceFiles = (dir: string): string[] =>
  (readdirSync(join(root, dir), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(root, dir, f));

let bundle: LoadedBundle;
beforeAll(() => {
  bundle = loadBundle();
});

describe('the uploaded files', () => {
  it('hold no module syntax and no Node API', () => {
    for (const file of bundle.files) {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toMatch(/^\s*(import|export)\s/m);
      expect(text).not.toMatch(/\brequire\(|process\.|__dirname|Buffer\./);
    }
  });

  it('declare every custom function at top level with JSDoc autocomplete can read', () => {
    const globals = readFileSync(bundle.files.find((f) => f.endsWith('globals.js'))!, 'utf8');
    for (const name of Object.keys(customFunctions)) {
      expect(typeof bundle.functions[name], name).toBe('function');
      const doc = new RegExp(`/\\*\\*(?:(?!\\*/)[\\s\\S])*@customfunction\\s*\\*/\\s*function ${name}\\(`);
      expect(globals, name).toMatch(doc);
    }
  });

  it('give each custom function its real parameter names, optional ones marked', () => {
    const globals = readFileSync(bundle.files.find((f) => f.endsWith('globals.js'))!, 'utf8');
    expect(globals).toContain('function MBO_ATTAINMENT(actual, target, baseline, direction, cap)');
    expect(globals).toMatch(/@param \{number\|Range\} \[baseline\]/);
    expect(globals).toContain('function MBO_CASCADE(table, ...table2)');
    expect(globals).toContain('@param {...Range} [table2] More goal tables, from other tabs. Optional.');
    expect(globals).toMatch(/@return .+\n \* @customfunction/);
  });

  it('run the bundle strict, with the directive inside its function, not over the shared global scope', () => {
    const mbo = readFileSync(bundle.files.find((f) => f.endsWith('mbo.js'))!, 'utf8');
    const code = mbo.replace(/^(\/\/.*\n)*/, '');
    expect(code.startsWith(`var MBO = (() => {\n"use strict";\n`), code.slice(0, 60)).toBe(true);
    expect(code.match(/["']use strict["']/g)).toHaveLength(1);
    // A strict function refuses .caller; a sloppy one (the generated forwarders) answers null.
    const inner = (bundle.context.MBO as { globals: Record<string, object> }).globals.onOpen;
    expect(() => (inner as { caller: unknown }).caller).toThrow(/strict mode/);
    expect((bundle.functions.onOpen as unknown as { caller: unknown }).caller).toBeNull();
  });

  it('name real functions and readable lines in a stack trace, as Apps Script reports them (function, line)', () => {
    const mbo = readFileSync(bundle.files.find((f) => f.endsWith('mbo.js'))!, 'utf8');
    let stack = '';
    try {
      // capArgument (src/functions/measure.ts) refuses a cap that is not a positive number.
      bundle.functions.MBO_ATTAINMENT(1, 1, 0, 'higher', 'abc');
    } catch (e) {
      stack = String((e as Error).stack);
    }
    const frame = /\n\s+at (\S+) \(.*mbo\.js:(\d+):\d+\)/.exec(stack);
    expect(frame, stack).not.toBeNull();
    const [, name, line] = frame!;
    expect(name).toBe('capArgument');
    const source = mbo.split('\n')[Number(line) - 1];
    // The line thrown from, as short as a line of the source (a minified bundle is one line).
    expect(source).toMatch(/^\s*throw new ArgumentError\(/);
    expect(source.length).toBeLessThan(120);
  });

  it('keep every function under its name in src (esbuild renames one whose name another module uses: name2)', () => {
    const mbo = readFileSync(bundle.files.find((f) => f.endsWith('mbo.js'))!, 'utf8');
    const declared = new Set(
      sourceFiles('src').flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(/\bfunction\*? ?([\w$]+)/g)].map((m) => m[1]),
      ),
    );
    const bundled = [...mbo.matchAll(/^\s*(?:async )?function\*? ?([\w$]+)/gm)].map((m) => m[1]);
    expect(bundled.length).toBeGreaterThan(100);
    expect(bundled.filter((name) => !declared.has(name))).toEqual([]);
  });

  it('do no work at the top level: loading calls no service', () => {
    const touched: string[] = [];
    const spy: object = new Proxy(
      {},
      {
        get: (_t, key) => {
          touched.push(String(key));
          return () => spy;
        },
      },
    );
    loadBundle({
      SpreadsheetApp: spy,
      PropertiesService: spy,
      CacheService: spy,
      LockService: spy,
      HtmlService: spy,
    });
    expect(touched).toEqual([]);
  });
});

describe('custom functions (built bundle in a vm)', () => {
  const make = {
    date: (y: number, m: number, d: number) => bundle.evaluate(`new Date(${y}, ${m}, ${d})`) as Date,
  };

  it.each(RESULT_CASES)('$fn: $name', ({ fn, args, expect: expected }) => {
    const result = bundle.functions[fn](...args(make));
    expect(matches(result, expected), JSON.stringify(result)).toBe(true);
  });

  it.each(ERROR_CASES)('$fn rejects: $name', ({ fn, args, error }) => {
    expect(() => bundle.functions[fn](...args(make))).toThrow(error);
  });
});
