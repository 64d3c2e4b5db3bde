// Progress goes to stderr only: a redrawn bar on a terminal, one line per phase elsewhere, nothing unless asked or on a terminal.
import { describe, expect, it } from 'vitest';
import { createProgress, progressLine } from '../../src/cli/progress';
import { runMain } from './run-main';
import { writeSampleBook } from './sample-book';
import { useTempDir } from './temp-dir';

const dir = useTempDir();

function recorder(isTTY: boolean) {
  const writes: string[] = [];
  let now = 0;
  const progress = createProgress({ write: (text) => writes.push(text), isTTY }, () => now);
  return { writes, progress, tick: (ms: number) => (now += ms) };
}

describe('progressLine', () => {
  it.each<[string, number, number, string]>([
    [
      'a bar with share and counts',
      2500,
      10_000,
      'reading cells [██████░░░░░░░░░░░░░░░░░░] 25% 2,500/10,000 1.5s',
    ],
    ['an empty bar', 0, 10, 'reading cells [░░░░░░░░░░░░░░░░░░░░░░░░] 0% 0/10 1.5s'],
    ['a full bar', 10, 10, 'reading cells [████████████████████████] 100% 10/10 1.5s'],
    ['a spinner when the total is unknown', 5, 0, 'reading cells | 1.5s'],
  ])('%s', (_name, done, total, line) => {
    expect(progressLine('reading cells', done, total, '|', '1.5s')).toBe(line);
  });
});

describe('createProgress', () => {
  it('writes one line as each phase starts and ends when stderr is not a terminal', () => {
    const { writes, progress, tick } = recorder(false);
    progress.phase('reading goals.xlsx');
    tick(1200);
    progress.phase('analysing', 10);
    progress.advance(5);
    tick(300);
    progress.finish();
    progress.finish();
    expect(writes.join('')).toBe(
      'reading goals.xlsx...\nreading goals.xlsx: done in 1.2s\nanalysing...\nanalysing: done in 0.3s\n',
    );
  });

  it('redraws one terminal line, at most every 100 ms, and clears it at the end', () => {
    const { writes, progress, tick } = recorder(true);
    progress.phase('reading cells', 100);
    progress.advance(10);
    progress.advance(20);
    tick(100);
    progress.advance(50);
    progress.finish();
    expect(writes).toHaveLength(3);
    expect(writes[0]).toBe(`\r\x1b[2K${progressLine('reading cells', 0, 100, '/', '0.0s')}`);
    expect(writes[1]).toBe(`\r\x1b[2K${progressLine('reading cells', 50, 100, '-', '0.1s')}`);
    expect(writes[2]).toBe('\r\x1b[2K');
    expect(writes.some((w) => w.includes('\n'))).toBe(false);
  });
});

describe('progress from the command line', () => {
  it.each<[string, string[], boolean, string | null]>([
    ['off by default when stderr is not a terminal', [], false, null],
    ['on with --progress, as lines', ['--progress'], false, 'reading '],
    ['on by itself on a terminal, redrawn in place', [], true, '\r\x1b[2Kreading '],
  ])('is %s, and stdout stays clean JSON', async (_name, flags, errIsTTY, start) => {
    const path = dir.path('goals.xlsx');
    await writeSampleBook(path);
    const run = await runMain(['check', path, '--json', ...flags], { errIsTTY });
    expect(JSON.parse(run.out).goals).toBe(31);
    if (start === null) expect(run.err).toBe('');
    else expect(run.err.startsWith(`${start}${path} (`)).toBe(true);
    expect(run.err.includes('\n')).toBe(!errIsTTY && start !== null);
  });
});
