// Every server global has its forwarder's summary in src/server/docs.ts, none is stray, and none rides in the bundle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { globalFunctions } from '../../src/main';
import { documentGlobals, ENDPOINT_PARAMS, GLOBAL_SUMMARIES } from '../../src/server/docs';
import { endpoints } from '../../src/server/endpoints';

describe('src/server/docs.ts', () => {
  it('summarises exactly the server globals', () => {
    expect(Object.keys(GLOBAL_SUMMARIES).sort()).toEqual(globalFunctions.map((g) => g.name).sort());
    for (const summary of Object.values(GLOBAL_SUMMARIES))
      expect(summary).toMatch(/^(Trigger|Menu|Sidebar): \S/);
  });

  it('joins summaries to globals in their order, and names a global without one', () => {
    expect(documentGlobals(globalFunctions).map((g) => g.name)).toEqual(globalFunctions.map((g) => g.name));
    expect(() => documentGlobals([{ name: 'menuNew' }])).toThrow(/menuNew has no summary/);
  });

  it("names each endpoint's parameters, as many as it takes, and the triggers' event", () => {
    for (const [name, params] of Object.entries(ENDPOINT_PARAMS)) {
      expect(params.length, name).toBe(endpoints[name as keyof typeof endpoints].length);
    }
    const documented = documentGlobals(globalFunctions);
    expect(documented.find((g) => g.name === 'linkToParent')?.params).toEqual([
      'tab',
      'row',
      'parentId',
      'goalId',
    ]);
    expect(documented.find((g) => g.name === 'onOpen')?.params).toEqual(['e']);
    expect(documented.find((g) => g.name === 'menuHelp')?.params).toEqual([]);
  });

  it('stays out of the built bundle', () => {
    const bundle = readFileSync(join(import.meta.dirname, '../../dist/mbo.js'), 'utf8');
    for (const summary of Object.values(GLOBAL_SUMMARIES)) expect(bundle).not.toContain(summary);
  });
});
