// Every server global has its forwarder's summary in src/server/docs.ts, none is stray, and none rides in the bundle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { globalFunctions } from '../../src/main';
import { documentGlobals, GLOBAL_SUMMARIES } from '../../src/server/docs';

describe('src/server/docs.ts', () => {
  it('summarises exactly the server globals', () => {
    expect(Object.keys(GLOBAL_SUMMARIES).sort()).toEqual(globalFunctions.map((g) => g.name).sort());
    for (const summary of Object.values(GLOBAL_SUMMARIES))
      expect(summary).toMatch(/^(Trigger|Menu|Sidebar): \S/);
  });

  it('joins summaries to globals in their order, and names a global without one', () => {
    expect(documentGlobals(globalFunctions).map((g) => g.name)).toEqual(globalFunctions.map((g) => g.name));
    expect(() => documentGlobals([{ name: 'menuNew', params: [] }])).toThrow(/menuNew has no summary/);
  });

  it('stays out of the built bundle', () => {
    const bundle = readFileSync(join(import.meta.dirname, '../../dist/mbo.js'), 'utf8');
    for (const summary of Object.values(GLOBAL_SUMMARIES)) expect(bundle).not.toContain(summary);
  });
});
