// What `clasp push` would upload, asked of clasp itself: the four Apps Script files and nothing else from dist/ (not the command line).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const claspCli = join(root, 'node_modules/@google/clasp/build/src/index.js');
const project = mkdtempSync(join(tmpdir(), 'mbo-clasp-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

/** clasp's own list of files to push (`clasp show-file-status --json`): offline, no login needed. */
function filesToPush(): string[] {
  const run = spawnSync(process.execPath, [claspCli, 'show-file-status', '--json'], {
    cwd: project,
    // A home of its own: clasp reads no credentials of the machine's user.
    env: { ...process.env, HOME: project, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  const json = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as { filesToPush: string[] };
  return [...json.filesToPush].sort();
}

describe('clasp push', () => {
  it('uploads exactly mbo.js, globals.js, Sidebar.html and appsscript.json, even beside other built files', () => {
    // The project's clasp settings over a copy of the real dist/, plus files a build or an editor could leave there.
    for (const file of ['.clasp.json', '.claspignore', 'dist'])
      cpSync(join(root, file), join(project, file), { recursive: true });
    writeFileSync(join(project, 'dist/cli/helper.js'), '// a script file in a subfolder\n');
    writeFileSync(join(project, 'dist/mbo.js.map'), '{}');
    writeFileSync(join(project, 'dist/notes.gs'), '// a stray Apps Script file\n');
    writeFileSync(join(project, 'dist/other.html'), '<p>stray</p>');
    expect(filesToPush()).toEqual(
      ['dist/appsscript.json', 'dist/globals.js', 'dist/mbo.js', 'dist/Sidebar.html'].sort(),
    );
  });
});
