// Inputs and runs that used to lose data, hang or mislead: a missing sheet part, non-UTF-8 CSVs, a FIFO, control characters, an existing output, an interrupted write.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvTabs } from '../../src/cli/csv-tabs';
import { writeAtomically } from '../../src/cli/save';
import { runMain } from './run-main';
import { writeSampleBook } from './sample-book';
import { useTempDir } from './temp-dir';
import { rewriteZip } from './zip-fixtures';

const dir = useTempDir();
const root = join(import.meta.dirname, '../..');
const BUILT = join(root, 'dist/cli/mbo-cascade.mjs');

/** What a terminal would act on rather than show: C0 controls but tab and line feed, DEL and C1. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the test.
const TERMINAL_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** Runs the built command; `started` sees the child as soon as it runs. A hang is killed after `timeoutMs`. */
function runBuilt(
  args: string[],
  { timeoutMs = 20_000, started = (_child: ChildProcess) => {} } = {},
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUILT, ...args], { cwd: dir.path('.'), timeout: timeoutMs });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, out, err }));
    started(child);
  });
}

describe('a workbook whose sheet part is missing', () => {
  async function damagedBook(): Promise<string> {
    const whole = dir.path('whole.xlsx');
    await writeSampleBook(whole);
    const path = dir.path('damaged.xlsx');
    // exceljs writes the tabs in order: sheet2.xml is Demand Gen.
    await rewriteZip(whole, path, { drop: ['xl/worksheets/sheet2.xml'] });
    return path;
  }

  it.each(['check', 'rollup'])(
    '%s stops with a clear error instead of dropping the tab, exit 2',
    async (command) => {
      const path = await damagedBook();
      const out = dir.path('out.xlsx');
      const run = await runMain(command === 'check' ? ['check', path] : ['rollup', path, '-o', out]);
      expect(run).toMatchObject({ code: 2, out: '' });
      expect(run.err).toMatch(
        /damaged\.xlsx is a damaged \.xlsx workbook: the tab "Demand Gen" should be in xl\/worksheets\/sheet2\.xml, which is missing/,
      );
      expect(await exists(out)).toBe(false);
    },
  );
});

describe('CSV encodings', () => {
  const rows = 'ID,Goal,Owner\nCAFÉ-1,Crème brûlée – 5€ “menu”,Zoë\n';
  const expected = [
    ['ID', 'Goal', 'Owner'],
    ['CAFÉ-1', 'Crème brûlée – 5€ “menu”', 'Zoë'],
  ];
  const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
  const windows1252 = Buffer.from([
    ...Buffer.from('ID,Goal,Owner\nCAF'),
    0xc9,
    ...Buffer.from('-1,Cr'),
    0xe8,
    ...Buffer.from('me br'),
    0xfb,
    ...Buffer.from('l'),
    0xe9,
    ...Buffer.from('e '),
    0x96,
    ...Buffer.from(' 5'),
    0x80,
    0x20,
    0x93,
    ...Buffer.from('menu'),
    0x94,
    ...Buffer.from(',Zo'),
    0xeb,
    0x0a,
  ]);

  it.each<[string, Buffer, string | null]>([
    ['UTF-8', Buffer.from(rows), null],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows)]), null],
    ['UTF-16LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rows, 'utf16le')]), null],
    ['UTF-16BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(rows)]), null],
    ['UTF-16LE without a BOM', Buffer.from(rows, 'utf16le'), 'has no byte-order mark: read as UTF-16LE text'],
    ['Windows-1252 (Latin-1)', windows1252, 'is not UTF-8: read as Windows-1252 (Latin-1)'],
  ])('reads %s', async (_name, bytes, note) => {
    const path = await dir.write('Goals.csv', bytes);
    const [tab] = await readCsvTabs([path]);
    expect(tab.grid).toEqual(expected);
    const run = await runMain(['check', path, '--json']);
    expect(JSON.parse(run.out).goals).toBe(1);
    if (note === null) expect(run.err).toBe('');
    else
      expect(run.err).toMatch(
        new RegExp(
          `^mbo-cascade: note: ${path.replace(/[.\\/]/g, '\\$&')} ${note.replace(/[.()]/g, '\\$&')}\\.`,
        ),
      );
  });

  it.each<[string, Buffer, RegExp]>([
    [
      'UTF-32',
      Buffer.from([0xff, 0xfe, 0, 0, 0x49, 0, 0, 0]),
      /Goals\.csv is UTF-32 text, which mbo-cascade does not read/,
    ],
    [
      'binary with NUL bytes',
      Buffer.from([0x49, 0x44, 0, 0x2c, 0x47, 0x6f, 0xff, 0, 0, 0x0a]),
      /Goals\.csv holds NUL bytes: it is not a text CSV/,
    ],
  ])('refuses %s with a clear error, exit 2', async (_name, bytes, message) => {
    const path = await dir.write('Goals.csv', bytes);
    const run = await runMain(['check', path]);
    expect(run).toMatchObject({ code: 2, out: '' });
    expect(run.err).toMatch(message);
  });
});

describe('a FIFO (named pipe) as input', () => {
  it.skipIf(process.platform === 'win32').each(['goals.xlsx', 'Goals.csv'])(
    '%s: a clear error at once, not a wait for a writer',
    async (name) => {
      const fifo = dir.path(name);
      execFileSync('mkfifo', [fifo]);
      const run = await runBuilt(['check', fifo], { timeoutMs: 10_000 });
      expect(run.signal).toBeNull();
      expect(run.code).toBe(2);
      expect(run.err).toMatch(new RegExp(`${name.replace('.', '\\.')} is a pipe \\(FIFO\\), not a file`));
    },
  );
});

describe('control characters in cell text', () => {
  const HOSTILE_ID = 'A\x1b]0;owned\x07-\x9b1';
  const HOSTILE_TARGET = '12\x1b[2J\x1b[31m red\rover\nnext\x01line\x7f';

  async function hostileCsv(): Promise<string> {
    const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
    return dir.write(
      'Goals.csv',
      `ID,Goal,Owner,Target\n${quoted(HOSTILE_ID)},Grow,,${quoted(HOSTILE_TARGET)}\n`,
    );
  }

  it('never reach the terminal from check: one line per issue, no escape or control character', async () => {
    const run = await runMain(['check', await hostileCsv()]);
    expect(run.out).not.toMatch(TERMINAL_CONTROL);
    const lines = run.out.trimEnd().split('\n');
    const json = JSON.parse((await runMain(['check', dir.path('Goals.csv'), '--json'])).out);
    expect(lines).toHaveLength(json.issues.length + 1);
    expect(lines).toContainEqual(
      expect.stringMatching(/^error +Goals!D2 +A-1 +"12 redover nextline" in Target is not a number/),
    );
  });

  it('keep their exact text in --json, escaped so the terminal shows them', async () => {
    const run = await runMain(['check', await hostileCsv(), '--json']);
    expect(run.out).not.toMatch(TERMINAL_CONTROL);
    expect(run.out).toContain('\\u009b');
    const issues = JSON.parse(run.out).issues;
    expect(issues[0].goalId).toBe(HOSTILE_ID);
    expect(issues.find((issue: { code: string }) => issue.code === 'not-a-number').message).toContain(
      HOSTILE_TARGET,
    );
  });

  it('are taken out of error messages too', async () => {
    const path = await dir.write('Evil\x1b[31m.csv', 'ID,Goal\nA,x\n');
    const run = await runMain(['rollup', path, '-o', dir.path('out.xlsx')]);
    expect(run).toMatchObject({ code: 2, out: '' });
    expect(run.err).toMatch(/^mbo-cascade: The tab name "Evil" cannot be used in an \.xlsx: it holds one of/);
    expect(run.err).not.toMatch(TERMINAL_CONTROL);
  });
});

describe('rollup -o onto an existing file', () => {
  it('refuses without --force and leaves the file as it was, exit 2', async () => {
    await writeSampleBook(dir.path('goals.xlsx'));
    const out = await dir.write('out.xlsx', 'precious');
    const run = await runMain(['rollup', dir.path('goals.xlsx'), '-o', out]);
    expect(run).toMatchObject({ code: 2, out: '' });
    expect(run.err).toMatch(
      /out\.xlsx already exists: choose another file with -o, or add --force to replace it\./,
    );
    expect(await readFile(out, 'utf8')).toBe('precious');
  });

  it('replaces it with --force', async () => {
    await writeSampleBook(dir.path('goals.xlsx'));
    const out = await dir.write('out.xlsx', 'old');
    const run = await runMain(['rollup', dir.path('goals.xlsx'), '-o', out, '--force']);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect((await readFile(out)).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a folder even with --force', async () => {
    await writeSampleBook(dir.path('goals.xlsx'));
    execFileSync('mkdir', [dir.path('out.xlsx')]);
    const run = await runMain(['rollup', dir.path('goals.xlsx'), '-o', dir.path('out.xlsx'), '--force']);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/out\.xlsx is a directory/);
  });
});

describe('an interrupted write leaves no temporary file', () => {
  it('an error while writing: the temporary file is removed and nothing is written', async () => {
    const out = dir.path('out.xlsx');
    let temporary = '';
    await expect(
      writeAtomically(out, async (path) => {
        temporary = path;
        await writeFile(path, 'half a workbook');
        throw new Error('no space left on device');
      }),
    ).rejects.toThrow(/out\.xlsx could not be written: no space left on device\./);
    expect(temporary).toMatch(/\.out\.xlsx\.\d+\.\d+\.tmp$/);
    expect(await readdir(dir.path('.'))).toEqual([]);
  });

  it.skipIf(process.platform === 'win32').each<NodeJS.Signals>(['SIGINT', 'SIGTERM'])(
    '%s while writing: the temporary file is removed and the process ends by that signal',
    async (signal) => {
      // Enough goals that writing takes a while: the signal arrives while the temporary file is open.
      const rows = ['ID,Goal,Owner,Parent,Target,Actual'];
      for (let i = 0; i < 60_000; i++)
        rows.push(`G${i},Goal number ${i},Owner ${i % 900},${i ? `G${(i - 1) >> 2}` : ''},100,${i % 130}`);
      const input = await dir.write('Goals.csv', `${rows.join('\n')}\n`);
      const out = dir.path('out');
      execFileSync('mkdir', [out]);
      let sent = false;
      const watcher = watch(out);
      const run = await runBuilt(['rollup', input, '-o', join(out, 'rolled.xlsx')], {
        started: (child) =>
          watcher.on('change', (_event, name) => {
            if (!sent && String(name).endsWith('.tmp')) {
              sent = true;
              child.kill(signal);
            }
          }),
      });
      watcher.close();
      expect(sent).toBe(true);
      expect(run.signal).toBe(signal);
      expect(await readdir(out)).toEqual([]);
    },
  );
});
