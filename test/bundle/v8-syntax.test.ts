// The uploaded files hold no syntax Apps Script's V8 runtime refuses (private names, class fields, static blocks), checked by parsing them.
import { readFileSync } from 'node:fs';
import { transform } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { appsScriptSyntaxProblems } from '../../tools/apps-script-syntax';
import { pushOrder } from '../../tools/load-bundle';

describe('the uploaded .js files', () => {
  it.each(pushOrder().map((file) => [file.replace(/^.*[\\/]dist[\\/]/, 'dist/'), file]))(
    '%s parses as a script with nothing Apps Script refuses',
    (_name, file) => {
      expect(appsScriptSyntaxProblems(readFileSync(file, 'utf8'), file)).toEqual([]);
    },
  );
});

describe('appsScriptSyntaxProblems', () => {
  it.each([
    ['a private field', 'class A { #count = 0; }', ['the private field #count']],
    ['a private field without a value', 'class A { #count; }', ['the private field #count']],
    ['a private method', 'class A { #tick() {} }', ['the private method #tick']],
    ['a private getter', 'class A { get #size() { return 1; } }', ['the private method #size']],
    [
      'a private name read',
      'class A { #n = 1; get() { return this.#n; } }',
      ['the private field #n', 'the private name #n'],
    ],
    [
      'a brand check',
      'class A { #n; static has(o) { return #n in o; } }',
      ['the private field #n', 'the private name #n'],
    ],
    ['a static field', 'class A { static LIMIT = 5; }', ['a static class field']],
    ['a static private field', 'class A { static #cache = new Map(); }', ['the static private field #cache']],
    [
      'a static block',
      'class A { static { this.ready = true; } }',
      ['a static initialization block (static { ... })'],
    ],
    ['an instance field', 'class A { count = 0; }', ['a class field']],
    [
      "inside the bundle's IIFE",
      'var MBO=(()=>{"use strict";class R{static x=1}return{R}})();',
      ['a static class field'],
    ],
  ])('refuses %s', (_label, source, expected) => {
    expect(appsScriptSyntaxProblems(source).map((p) => p.what)).toEqual(expected);
  });

  it.each([
    [
      'ES2015 classes',
      'class A extends Object { constructor() { super(); this.n = 1; } static make() { return new A(); } get n2() { return 2; } }',
    ],
    [
      'what es2020 keeps',
      'var a = b?.c ?? 1; const f = async () => { for await (const x of y) {} }; let big = 10n;',
    ],
    ['a string that mentions the syntax', 'var s = "class A { #x = 1; static y = 2; }";'],
    ['a comment that mentions the syntax', '// static { } and #private\nvar a = 1;'],
  ])('accepts %s', (_label, source) => {
    expect(appsScriptSyntaxProblems(source)).toEqual([]);
  });

  it('says where each problem is', () => {
    expect(appsScriptSyntaxProblems('var a = 1;\nclass B {\n  static c = 2;\n}')).toEqual([
      { what: 'a static class field', line: 3, column: 3 },
    ]);
  });

  it("catches what esbuild keeps for a modern target, and passes what it rewrites for es2020 (the build's target)", async () => {
    const source =
      'export class Counter { static made = 0; #n = 0; tick() { Counter.made++; return ++this.#n; } }';
    const built = async (target: string) =>
      (await transform(source, { format: 'iife', globalName: 'X', target, loader: 'ts' })).code;
    expect(appsScriptSyntaxProblems(await built('esnext')).map((p) => p.what)).toEqual([
      'a static class field',
      'the private field #n',
      'the private name #n',
    ]);
    expect(appsScriptSyntaxProblems(await built('es2020'))).toEqual([]);
  });

  it('fails on text that is not JavaScript', () => {
    expect(() => appsScriptSyntaxProblems('var = ;')).toThrow();
  });
});
