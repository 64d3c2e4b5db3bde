// The core stays pure: it imports only itself, and names no Apps Script service, clock, console or randomness.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = join(import.meta.dirname, '../../src/core');
const files = readdirSync(CORE).filter((f) => f.endsWith('.ts'));

const FORBIDDEN: [string, RegExp][] = [
  [
    'an Apps Script service',
    /\b(SpreadsheetApp|HtmlService|PropertiesService|CacheService|LockService|Utilities|Session|ScriptApp|UrlFetchApp|Logger)\b/,
  ],
  ['the browser bridge', /\bgoogle\.script\b/],
  ['the clock', /\bDate\.now\(|new Date\(\s*\)|performance\.now\(/],
  ['randomness', /\bMath\.random\(/],
  ['the console', /\bconsole\./],
  ['Node', /\b(process\.|require\(|__dirname)/],
];

/** Strips comments so a doc comment may mention what the code must not do. */
const code = (text: string): string =>
  text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('src/core is pure', () => {
  it('has files to check', () => expect(files.length).toBeGreaterThan(5));

  it.each(files)('%s imports only core modules', (file) => {
    const imports = [...readFileSync(join(CORE, file), 'utf8').matchAll(/\bfrom\s+'([^']+)'/g)].map(
      (m) => m[1],
    );
    for (const spec of imports) expect(spec, `${file} imports ${spec}`).toMatch(/^\.\/[\w-]+$/);
  });

  it.each(files.flatMap((file) => FORBIDDEN.map(([what, pattern]) => ({ file, what, pattern }))))(
    '$file names no $what',
    ({ file, pattern }) => {
      expect(code(readFileSync(join(CORE, file), 'utf8'))).not.toMatch(pattern);
    },
  );

  it('the checker itself catches a violation', () => {
    const sample = "import x from '../sheets/read';\nconst t = Date.now(); SpreadsheetApp.getActive();";
    expect(FORBIDDEN.filter(([, p]) => p.test(code(sample))).map(([w]) => w)).toEqual([
      'an Apps Script service',
      'the clock',
    ]);
  });
});
