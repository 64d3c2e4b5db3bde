// Where the browser tests find Chromium, and whether a missing one skips them (a developer's machine) or fails them (CI).
import { describe, expect, it } from 'vitest';
import { chromiumPlan, isCI } from './chromium';

const nowhere = () => false;
const everywhere = () => true;
const only = (path: string) => (p: string) => p === path;

// biome-ignore format: a table, one row per line
const PLANS = [
  { name: 'Debian chromium, locally', env: {}, exists: only('/usr/bin/chromium'), path: '/usr/bin/chromium', found: true, skip: false },
  { name: 'no chromium, locally: skipped', env: {}, exists: nowhere, path: '/usr/bin/chromium', found: false, skip: true },
  { name: 'no chromium in CI: not skipped, so the suites fail', env: { CI: '1' }, exists: nowhere, path: '/usr/bin/chromium', found: false, skip: false },
  { name: 'CI=true, as CI services set it', env: { CI: 'true' }, exists: nowhere, path: '/usr/bin/chromium', found: false, skip: false },
  { name: 'CI=false is a local run', env: { CI: 'false' }, exists: nowhere, path: '/usr/bin/chromium', found: false, skip: true },
  { name: 'CHROMIUM_PATH chooses the browser', env: { CHROMIUM_PATH: '/opt/chrome/chrome' }, exists: only('/opt/chrome/chrome'), path: '/opt/chrome/chrome', found: true, skip: false },
  { name: 'a CHROMIUM_PATH that does not exist, in CI', env: { CHROMIUM_PATH: '/opt/none', CI: '1' }, exists: only('/usr/bin/chromium'), path: '/opt/none', found: false, skip: false },
  { name: 'a blank CHROMIUM_PATH is the default', env: { CHROMIUM_PATH: ' ' }, exists: everywhere, path: '/usr/bin/chromium', found: true, skip: false },
];

describe('chromiumPlan', () => {
  it.each(PLANS)('$name', ({ env, exists, path, found, skip }) => {
    const plan = chromiumPlan(env, exists);
    expect({ path: plan.path, found: plan.found, skip: plan.skip }).toEqual({ path, found, skip });
    if (found) expect(plan.missing).toBe('');
    else
      expect(plan.missing).toBe(
        `${path} not found: install Chromium (apt-get install chromium) or set CHROMIUM_PATH to one`,
      );
  });

  it.each([
    ['', false],
    ['0', false],
    ['false', false],
    ['FALSE', false],
    ['1', true],
    ['true', true],
    ['yes', true],
  ])('CI=%j is CI: %s', (value, expected) => {
    expect(isCI({ CI: value })).toBe(expected);
  });
});
