// The .xlsx command line on a 100k-goal workbook: check, and a round trip that writes the Roll-up tab into a copy.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { checkFiles, rollupFiles, SILENT_PROGRESS } from '../src/cli';
import { generateWorkbook } from './generate';
import { fmt, gc, type Section } from './measure';

const root = join(import.meta.dirname, '..');
const BUILT_CLI = join(root, 'dist/cli/mbo-cascade.mjs');
/** Start-up target for `mbo-cascade --help` (issue 14): the command must feel instant. */
const HELP_TARGET_MS = 300;

/** Median wall time of `runs` fresh `node args` processes, after one warm-up run (disk cache). */
function processMedian(runs: number, args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const start = performance.now();
    const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}`);
    if (i > 0) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** How long the built command takes to print its help, against Node starting with nothing to do. */
export function benchCliStart(): Section {
  const help = processMedian(10, [BUILT_CLI, '--help']);
  const bare = processMedian(10, ['-e', '0']);
  return {
    title: 'Command line start-up (dist/cli/mbo-cascade.mjs)',
    table: [
      ['what', 'median of 10 runs (ms)'],
      ['`node dist/cli/mbo-cascade.mjs --help`', fmt.ms(help)],
      ['`node -e 0` (Node alone)', fmt.ms(bare)],
    ],
    checks: [
      {
        what: '`mbo-cascade --help` start to exit',
        target: `< ${HELP_TARGET_MS} ms`,
        measured: `${fmt.ms(help)} ms`,
        pass: help < HELP_TARGET_MS,
      },
    ],
    notes: [
      'The built file loads no package for --help: exceljs is imported by the commands that read or write a workbook.',
    ],
  };
}

async function writeXlsx(path: string, goals: number): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const tab of generateWorkbook({ goals, tabs: 10, depth: 6 })) {
    const sheet = book.addWorksheet(tab.name);
    for (const row of tab.grid) sheet.addRow(row as ExcelJS.CellValue[]);
  }
  await book.xlsx.writeFile(path);
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  gc();
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

export async function benchCli(): Promise<Section[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mbo-bench-'));
  const table: (string | number)[][] = [
    ['goals', 'file (MB)', 'check (ms)', 'rollup round trip (ms)', 'output (MB)'],
  ];
  try {
    for (const goals of [10_000, 100_000]) {
      const input = join(dir, `book-${goals}.xlsx`);
      const output = join(dir, `out-${goals}.xlsx`);
      await writeXlsx(input, goals);
      const options = { today: null, now: new Date(Date.UTC(2026, 10, 23)), progress: SILENT_PROGRESS };
      const check = await timed(() => checkFiles([input], false, options));
      const rollup = await timed(() => rollupFiles([input], output, options));
      table.push([
        fmt.int(goals),
        fmt.mb(statSync(input).size),
        fmt.ms(check.ms),
        fmt.ms(rollup.ms),
        fmt.mb(statSync(output).size),
      ]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return [
    benchCliStart(),
    {
      title: 'Command line on .xlsx (exceljs), 10 tabs',
      table,
      checks: [],
      notes: [
        'Round trip = read the workbook, analyse it, add the Roll-up tab and write a copy (the input is never written).',
      ],
    },
  ];
}
