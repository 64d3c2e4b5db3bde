// The built command line stands alone: Node's built-ins are all it imports, and a copy of it runs with no node_modules at all and no write access outside its output.
import { spawn } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSampleBook } from './sample-book';
import { useTempDir } from './temp-dir';

const root = join(import.meta.dirname, '../..');
const built = join(root, 'dist/cli/mbo-cascade.mjs');
const dir = useTempDir();

/** Node's permission model: file access is checked by Node itself, so the test holds even when run as root. */
const PERMISSION_FLAG = process.allowedNodeEnvironmentFlags.has('--permission')
  ? '--permission'
  : '--experimental-permission';

function node(args: string[], cwd: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const child = spawn(process.execPath, ['--no-warnings', ...args], { cwd, env });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/** Every module the file names: static imports and import() calls. */
function importedModules(code: string): { static: string[]; dynamic: string[] } {
  return {
    static: [...code.matchAll(/^\s*import\s[^'"]*?from\s*["']([^"']+)["']/gm)].map((m) => m[1]),
    dynamic: [...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]),
  };
}

/** A folder with the built file alone: no node_modules, so nothing a dependency or devDependency provides. */
async function installedCopy(): Promise<string> {
  const home = dir.path('app');
  await mkdir(home, { recursive: true });
  await copyFile(built, join(home, 'mbo-cascade.mjs'));
  return home;
}

async function listing(path: string): Promise<string[]> {
  const names = (await readdir(path, { recursive: true })) as string[];
  return Promise.all(
    names.sort().map(async (name) => {
      const info = await stat(join(path, name)).catch(() => null);
      return `${name} ${info?.size ?? '-'} ${info?.mtimeMs ?? '-'}`;
    }),
  );
}

describe('dist/cli/mbo-cascade.mjs', () => {
  it('imports nothing but node: built-ins', async () => {
    const code = await readFile(built, 'utf8');
    const modules = importedModules(code);
    expect(modules.static.length).toBeGreaterThan(3);
    for (const name of modules.static) expect(name).toMatch(/^node:/);
    expect(modules.dynamic).toEqual([]);
    // No CommonJS loading, no bundler and no cache at run time.
    expect(code).not.toMatch(/\brequire\(|createRequire|esbuild|node_modules\/\.cache/);
  });

  it('prints --help with read access to nothing but itself', async () => {
    const home = await installedCopy();
    const run = await node(
      [PERMISSION_FLAG, `--allow-fs-read=${join(home, 'mbo-cascade.mjs')}`, 'mbo-cascade.mjs', '--help'],
      home,
    );
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toMatch(/^mbo-cascade: check MBO goal workbooks/);
  });

  it('checks and rolls up from a copy with no node_modules, writing nothing but its output', async () => {
    const home = await installedCopy();
    await writeSampleBook(join(home, 'goals.xlsx'));
    await mkdir(join(home, 'out'));
    const before = await listing(home);
    const sandbox = [PERMISSION_FLAG, '--allow-fs-read=*', `--allow-fs-write=${join(home, 'out')}/`];

    const check = await node([...sandbox, 'mbo-cascade.mjs', 'check', 'goals.xlsx'], home);
    expect(check.err).toBe('');
    expect(check.out).toMatch(/goals\.xlsx: 31 goals on 5 goal tabs/);
    const rollup = await node(
      [...sandbox, 'mbo-cascade.mjs', 'rollup', 'goals.xlsx', '-o', 'out/rolled.xlsx'],
      home,
    );
    expect(rollup).toMatchObject({ code: 0, err: '' });
    expect(await readdir(join(home, 'out'))).toEqual(['rolled.xlsx']);
    expect((await listing(home)).filter((line) => !line.startsWith('out'))).toEqual(
      before.filter((line) => !line.startsWith('out')),
    );
  });

  it('is really fenced in: a write outside the allowed folder fails', async () => {
    const home = await installedCopy();
    await writeSampleBook(join(home, 'goals.xlsx'));
    await mkdir(join(home, 'out'));
    const sandbox = [PERMISSION_FLAG, '--allow-fs-read=*', `--allow-fs-write=${join(home, 'out')}/`];
    const run = await node(
      [...sandbox, 'mbo-cascade.mjs', 'rollup', 'goals.xlsx', '-o', 'elsewhere.xlsx'],
      home,
    );
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/elsewhere\.xlsx could not be written/);
  });
});
