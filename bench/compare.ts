// `npm run bench -- compare <commit> [goals...]`: the core's analysis at an older commit against the working tree, interleaved in one process.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import type { TabInput } from '../src/core/workbook';
import { generateWorkbook } from './generate';
import { fmt, gc, type Section } from './measure';

/** The repository root: run-ts.mjs sets import.meta.dirname to its tools folder. */
const ROOT = join(import.meta.dirname, '..');
const ROUNDS = 5;

type Analyze = (tabs: readonly TabInput[]) => unknown;

/** analyzeWorkbook of the source tree under `root`, bundled on its own so that both versions load side by side. */
async function loadAnalyze(root: string, name: string): Promise<Analyze> {
  const outdir = join(ROOT, 'node_modules/.cache/mbo-compare');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, `${name}-${process.pid}.mjs`);
  await esbuild.build({
    entryPoints: [join(root, 'src/core/workbook.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  const analyze = (await import(pathToFileURL(outfile).href)).analyzeWorkbook as Analyze;
  // Loaded: the file is no longer needed, and a bundle per run would pile up in the cache.
  rmSync(outfile, { force: true });
  return analyze;
}

/** CPU time (all threads, the garbage collector's included) and wall time of one call, after a full collection. */
function measure(fn: () => unknown): { cpu: number; wall: number } {
  gc();
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  fn();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpuStart);
  return { cpu: (used.user + used.system) / 1000, wall };
}

const median = (xs: readonly number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Runs the older commit's analysis and the working tree's on the same generated workbook, alternating which goes
 * first each round (so drift in the machine's load falls on both), and reports medians and their ratio.
 */
export async function benchCompare(argv: string[]): Promise<Section[]> {
  const [commit, ...sizeArgs] = argv;
  if (!commit) throw new Error('usage: npm run bench -- compare <commit> [goals...]');
  const sizes = sizeArgs.length > 0 ? sizeArgs.map(Number) : [100_000, 1_000_000];
  const hash = execFileSync('git', ['rev-parse', '--short', commit], { cwd: ROOT, encoding: 'utf8' }).trim();
  const oldRoot = mkdtempSync(join(tmpdir(), 'mbo-compare-'));
  const sections: Section[] = [];
  try {
    execFileSync('/bin/sh', ['-c', `git archive ${hash} src | tar -x -C '${oldRoot}'`], { cwd: ROOT });
    const before = await loadAnalyze(oldRoot, `old-${hash}`);
    const after = await loadAnalyze(ROOT, 'new');
    const rows: (string | number)[][] = [];
    const loadAtStart = loadavg()[0].toFixed(1);
    for (const size of sizes) {
      const tabs = generateWorkbook({ goals: size, tabs: 50, depth: 6 });
      before(tabs);
      after(tabs);
      const old = { cpu: [] as number[], wall: [] as number[] };
      const now = { cpu: [] as number[], wall: [] as number[] };
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 === 0 ? ([before, after] as const) : ([after, before] as const);
        for (const analyze of order) {
          const { cpu, wall } = measure(() => analyze(tabs));
          const into = analyze === before ? old : now;
          into.cpu.push(cpu);
          into.wall.push(wall);
        }
      }
      rows.push([
        fmt.int(size),
        fmt.ms(median(old.cpu)),
        fmt.ms(median(now.cpu)),
        (median(now.cpu) / median(old.cpu)).toFixed(2),
        fmt.ms(median(old.wall)),
        fmt.ms(median(now.wall)),
        (median(now.wall) / median(old.wall)).toFixed(2),
      ]);
    }
    sections.push({
      title: `Core analysis: ${hash} against the working tree, interleaved in one process (${ROUNDS} rounds each)`,
      table: [
        [
          'goals',
          `${hash} CPU ms`,
          'now CPU ms',
          'CPU ratio',
          `${hash} wall ms`,
          'now wall ms',
          'wall ratio',
        ],
        ...rows,
      ],
      checks: [],
      notes: [
        `Load average (1 min) at the start: ${loadAtStart}, at the end: ${loadavg()[0].toFixed(1)}. A ratio below 1 means the working tree is faster.`,
        'Both versions read the same workbook from the current generator; CPU time counts every thread, the garbage collector included.',
      ],
    });
  } finally {
    rmSync(oldRoot, { recursive: true, force: true });
  }
  return sections;
}
