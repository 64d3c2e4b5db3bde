// Bytes each source module adds to the minified bundle (dist/mbo.js), largest first: `node tools/bundle-sizes.mjs`.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { esbuildOptions } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const result = await esbuild.build({ ...esbuildOptions(), metafile: true });
const [output] = Object.values(result.metafile.outputs);
const rows = Object.entries(output.inputs)
  .map(([file, { bytesInOutput }]) => [file.replace(`${root}/`, ''), bytesInOutput])
  .sort((a, b) => b[1] - a[1]);
for (const [file, bytes] of rows) console.log(`${String(bytes).padStart(7)}  ${file}`);
console.log(`${String(output.bytes).padStart(7)}  total (before the IIFE wrapper)`);
