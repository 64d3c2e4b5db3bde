// A fresh temporary folder per test, removed afterwards, with helpers to write files into it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

export interface TempDir {
  /** A path inside the folder. */
  path(name: string): string;
  /** Writes text (or bytes) to a file in the folder and returns its path. */
  write(name: string, content: string | Buffer): Promise<string>;
}

export function useTempDir(): TempDir {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mbo-cli-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return {
    path: (name) => join(dir, name),
    async write(name, content) {
      const path = join(dir, name);
      await writeFile(path, content);
      return path;
    },
  };
}
