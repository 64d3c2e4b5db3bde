// Runs a TypeScript tool with Node: esbuild bundles it (dependencies stay external) into node_modules/.cache, then imports it.
import { mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function runTs(entry, argv = []) {
  const outdir = join(root, 'node_modules/.cache/mbo-tools');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, `${basename(entry).replace(/\.ts$/, '')}-${process.pid}.mjs`);
  await esbuild.build({
    entryPoints: [resolve(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
    define: { 'import.meta.dirname': JSON.stringify(join(root, 'tools')) },
  });
  const mod = await import(pathToFileURL(outfile).href);
  if (typeof mod.main === 'function') return mod.main(argv);
  return undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [entry, ...argv] = process.argv.slice(2);
  if (!entry) {
    console.error('usage: node tools/run-ts.mjs tools/FILE.ts [args...]');
    process.exit(2);
  }
  const code = await runTs(entry, argv);
  if (typeof code === 'number') process.exitCode = code;
}
