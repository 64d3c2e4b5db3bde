// Every custom function and parameter has its docs in src/functions/docs.ts, none is stray, and none rides in the bundle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFunctions, FUNCTION_DOCS } from '../../src/functions/docs';
import { catalog } from '../../src/main';

describe('src/functions/docs.ts', () => {
  it('documents exactly the custom functions of the catalog', () => {
    expect(Object.keys(FUNCTION_DOCS).sort()).toEqual(catalog.map((f) => f.name).sort());
  });

  it.each(catalog.map((f) => [f.name, f]))(
    '%s: documents exactly its parameters, each with a type and help',
    (name, spec) => {
      const doc = FUNCTION_DOCS[name];
      expect(Object.keys(doc.params).sort()).toEqual(spec.params.map((p) => p.name).sort());
      expect(doc.summary.trim()).not.toBe('');
      expect(doc.returns.trim()).not.toBe('');
      for (const p of Object.values(doc.params)) {
        expect(p.type).toMatch(/^(number|string|Range)(\|(number|string|Range))*$/);
        expect(p.help.trim()).not.toBe('');
      }
    },
  );

  it('joins docs to specs in the catalog order, keeping optional and repeats', () => {
    const documented = documentFunctions(catalog);
    expect(documented.map((f) => f.name)).toEqual(catalog.map((f) => f.name));
    const cascade = documented.find((f) => f.name === 'MBO_CASCADE')!;
    expect(cascade.params[1]).toMatchObject({ name: 'table2', optional: true, repeats: true, type: 'Range' });
  });

  it('names what is undocumented', () => {
    expect(() => documentFunctions([{ name: 'MBO_NEW', params: [], example: '=MBO_NEW()' }])).toThrow(
      /MBO_NEW has no entry/,
    );
    expect(() =>
      documentFunctions([{ name: 'MBO_NPS', params: [{ name: 'constructor' }], example: '' }]),
    ).toThrow(/MBO_NPS: parameter constructor has no entry/);
  });

  it('stays out of the built bundle, which every custom-function call loads', () => {
    const bundle = readFileSync(join(import.meta.dirname, '../../dist/mbo.js'), 'utf8');
    for (const doc of Object.values(FUNCTION_DOCS)) {
      for (const text of [doc.summary, doc.returns, ...Object.values(doc.params).map((p) => p.help)]) {
        expect(bundle).not.toContain(text);
      }
    }
  });
});
