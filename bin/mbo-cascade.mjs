#!/usr/bin/env node
// The mbo-cascade command: runs tools/cli/main.ts through the TypeScript runner, so a fresh clone needs no build step.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTs } from '../tools/run-ts.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// `mbo-cascade check big.xlsx | head` closes stdout early: that is the reader's choice, not a failure.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

try {
  const code = await runTs('tools/cli/main.ts', process.argv.slice(2));
  process.exitCode = typeof code === 'number' ? code : 0;
} catch (error) {
  process.stderr.write(`mbo-cascade: could not start: ${error?.stack ?? error}\n`);
  process.exitCode = 2;
} finally {
  // run-ts bundles into a file per process id; remove ours so repeated runs do not pile up bundles.
  rmSync(join(root, 'node_modules/.cache/mbo-tools', `main-${process.pid}.mjs`), { force: true });
}
