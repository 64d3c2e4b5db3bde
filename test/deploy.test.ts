// Uploading with clasp works from scripts: `npm run push` forces the manifest through, and the README's create step runs while our .clasp.json exists.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const readme = () => readFile(join(root, 'README.md'), 'utf8');
const run = promisify(execFile);

describe('npm run push', () => {
  it('pushes with --force: without it, clasp asks before overwriting the manifest and, with no terminal, uploads nothing', async () => {
    const { scripts } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const steps = scripts.push.split('&&').map((step) => step.trim().split(/\s+/));
    const push = steps.find((words) => words[0] === 'clasp' && words[1] === 'push');
    expect(push, scripts.push).toBeDefined();
    expect(push).toContain('--force');
    expect(steps[0]).toEqual(['npm', 'run', 'build']);
  });
});

describe("the README's clasp create step", () => {
  it('clasp refuses to create a project while a .clasp.json exists, and changes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mbo-clasp-'));
    try {
      const ours = await readFile(join(root, '.clasp.json'), 'utf8');
      await writeFile(join(dir, '.clasp.json'), ours);
      // HOME without credentials: clasp must stop at the project check, before any login or network.
      const result = await run(
        join(root, 'node_modules/.bin/clasp'),
        ['create', '--type', 'sheets', '--title', 'MBO cascade', '--rootDir', 'dist'],
        { cwd: dir, env: { ...process.env, HOME: dir }, timeout: 20_000 },
      ).catch((error: { stdout: string; stderr: string }) => error);
      expect(`${result.stdout}${result.stderr}`).toContain('Project file already exists.');
      expect(await readFile(join(dir, '.clasp.json'), 'utf8')).toBe(ours);
      expect(await readdir(dir)).toEqual(['.clasp.json']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('moves .clasp.json aside before clasp create and puts it back after', async () => {
    const blocks = [...(await readme()).matchAll(/```sh\n([\s\S]*?)```/g)].map((m) =>
      m[1].split('\n').map((line) => line.trim()),
    );
    const block = blocks.find((lines) => lines.some((line) => /\bclasp create\b/.test(line)));
    expect(block, 'a sh block with clasp create').toBeDefined();
    const at = (pattern: RegExp) => block!.findIndex((line) => pattern.test(line));
    const aside = at(/^mv \.clasp\.json \S+/);
    const create = at(/\bclasp create\b/);
    const back = at(/^mv \S+ \.clasp\.json(\s|$)/);
    expect(aside).toBeGreaterThanOrEqual(0);
    expect(aside).toBeLessThan(create);
    expect(back).toBeGreaterThan(create);
    const parked = block![aside].split(/\s+/)[2];
    expect(block![back].split(/\s+/).slice(0, 3)).toEqual(['mv', parked, '.clasp.json']);
  });
});
