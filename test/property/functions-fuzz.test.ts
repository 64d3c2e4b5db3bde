// Fuzz of every custom function, from the sources and from the built bundle in a vm: junk data never throws.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalog, customFunctions } from '../../src/main';
import { loadBundle } from '../../tools/load-bundle';
import { anyArguments, type Call, EXTREME_CALLS, VALID_SHAPE_CALLS } from './function-args';
import { type DateMaker, fuzzRuns, inRealm } from './junk';

const root = join(import.meta.dirname, '..', '..');

interface Target {
  name: string;
  functions: () => Record<string, (...args: unknown[]) => unknown>;
  /** Dates as Sheets passes them: from the realm the functions run in. */
  makeDate: () => DateMaker;
}

let bundle: ReturnType<typeof loadBundle> | undefined;

beforeAll(() => {
  // Only when missing: rebuilding here would race other test files reading dist/ (npm test builds first).
  if (!existsSync(join(root, 'dist', 'mbo.js'))) {
    execFileSync(process.execPath, [join(root, 'tools', 'build.mjs')], { cwd: root, stdio: 'ignore' });
  }
  bundle = loadBundle();
});

const TARGETS: Target[] = [
  { name: 'sources', functions: () => customFunctions, makeDate: () => (time) => new Date(time) },
  {
    name: 'built bundle',
    functions: () => bundle!.functions,
    makeDate: () => bundle!.evaluate('(time) => new Date(time)') as DateMaker,
  },
];

/** The most characters Sheets holds in one cell. */
const CELL_LIMIT = 50_000;

/**
 * What a custom function may return: a finite number (never NaN or Infinity) or a text that fits in a cell, or a
 * non-empty rectangular table of them.
 */
function cellProblems(result: unknown): string[] {
  const isCell = (v: unknown): boolean =>
    (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= CELL_LIMIT);
  if (!Array.isArray(result)) return isCell(result) ? [] : [`not a cell: ${String(result).slice(0, 100)}`];
  if (result.length === 0) return ['an empty table'];
  const problems: string[] = [];
  const width = Array.isArray(result[0]) ? result[0].length : -1;
  result.forEach((row, r) => {
    if (!Array.isArray(row) || row.length !== width || width === 0)
      problems.push(`row ${r} is not ${width} wide`);
    else {
      row.forEach((v, c) => {
        if (!isCell(v)) problems.push(`[${r}][${c}] is ${String(v).slice(0, 100)}`);
      });
    }
  });
  return problems;
}

const messageOf = (e: unknown): string => String((e as { message?: unknown })?.message ?? e);

/** An argument error names the function, then one of its arguments (table2, table3... for repeated ones). */
function isArgumentError(fn: string, e: unknown): boolean {
  const params = catalog.find((f) => f.name === fn)!.params.map((p) => p.name);
  const message = messageOf(e);
  if (!message.startsWith(`${fn}: `)) return false;
  const arg = message.slice(fn.length + 2).split(' ')[0];
  return params.includes(arg) || /^table\d+$/.test(arg);
}

it('has argument generators for every custom function (test/property/function-args.ts)', () => {
  expect(Object.keys(VALID_SHAPE_CALLS).sort()).toEqual(catalog.map((f) => f.name).sort());
});

describe.each(TARGETS)('custom functions ($name)', (target) => {
  describe.each(Object.keys(VALID_SHAPE_CALLS))('%s', (fn) => {
    it('with valid argument shapes and junk data: never throws, returns values or problem texts', () => {
      fc.assert(
        fc.property(VALID_SHAPE_CALLS[fn], (call: Call) => {
          const args = inRealm(call.args, target.makeDate());
          let result: unknown;
          try {
            result = target.functions()[call.fn](...args);
          } catch (e) {
            throw new Error(`${call.fn} threw with valid shapes: ${messageOf(e).slice(0, 300)}`);
          }
          expect(cellProblems(result)).toEqual([]);
        }),
        { numRuns: fuzzRuns(100) },
      );
    });

    it('with numbers at the edges of floating point (1e308, subnormals, one ulp apart) everywhere: never NaN or Infinity', () => {
      fc.assert(
        fc.property(EXTREME_CALLS[fn], (call: Call) => {
          let result: unknown;
          try {
            result = target.functions()[call.fn](...call.args);
          } catch (e) {
            // Extreme configuration (a cap of 5e-324, a curve of one blank row) may be refused, by name.
            if (isArgumentError(call.fn, e)) return;
            throw new Error(`${call.fn} threw: ${messageOf(e).slice(0, 300)}`);
          }
          expect(cellProblems(result)).toEqual([]);
        }),
        { numRuns: fuzzRuns(200) },
      );
    });

    it('with arguments of any shape: returns, or throws an argument error naming the argument', () => {
      fc.assert(
        fc.property(anyArguments, (rawArgs) => {
          const args = inRealm(rawArgs, target.makeDate());
          let result: unknown;
          try {
            result = target.functions()[fn](...args);
          } catch (e) {
            if (isArgumentError(fn, e)) return;
            throw new Error(`${fn} failed without naming an argument: ${messageOf(e).slice(0, 300)}`);
          }
          expect(cellProblems(result)).toEqual([]);
        }),
        { numRuns: fuzzRuns(100) },
      );
    });
  });
});
