// Builds dist/ when it is missing or older than what it is built from, so the preview always runs the current code.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What `npm run build` writes, and what it reads. */
const OUTPUTS = ['dist/mbo.js', 'dist/globals.js', 'dist/Sidebar.html'];
const INPUTS = [
  'src',
  'tools/build.mjs',
  'tools/build-sidebar.mjs',
  'tools/forwarders.mjs',
  'appsscript.json',
  '.clasp.json',
];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    stat.mtimeMs,
  );
}

export function distIsStale(root: string): boolean {
  const outputs = OUTPUTS.map((file) => join(root, file));
  if (!outputs.every((file) => existsSync(file))) return true;
  const oldestOutput = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  const inputs = INPUTS.map((file) => join(root, file)).filter((file) => existsSync(file));
  return inputs.some((file) => newestMtime(file) > oldestOutput);
}

/** Runs the build in its own process (it resolves paths from its own location); true when it ran. */
export function buildIfStale(root: string): boolean {
  if (!distIsStale(root)) return false;
  execFileSync(process.execPath, [join(root, 'tools/build.mjs')], { cwd: root, stdio: 'inherit' });
  return true;
}
