// Where the project's files are, whether this code runs from its sources (vitest) or bundled by tools/run-ts.mjs.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The folder holding package.json, found upward from this module (run-ts sets import.meta.dirname to tools/). */
export function projectRoot(): string {
  let dir = import.meta.dirname ?? new URL('.', import.meta.url).pathname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('The project root (with package.json) was not found.');
    dir = up;
  }
  return dir;
}
