// A cold custom-function call as a bench row: each run is a fresh Node process, a fresh vm context, the uploaded files evaluated, one 100k-row MBO_CASCADE.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { ColdCall } from './cold-call';
import { fmt, type Section } from './measure';

const ROOT = join(import.meta.dirname, '..');
const RUNS = 3;

function coldCall(goals: number): ColdCall {
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', 'tools/run-ts.mjs', 'bench/cold-call.ts', String(goals)],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  if (run.status !== 0) throw new Error(`bench/cold-call.ts failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '') as ColdCall;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function benchColdCall(): Section[] {
  const goals = 100_000;
  const runs = Array.from({ length: RUNS }, () => coldCall(goals));
  const m = (pick: (c: ColdCall) => number): number => median(runs.map(pick));
  const total = m((c) => c.contextMs + c.evaluateMs + c.callMs);
  return [
    {
      title: `A cold custom-function call: fresh process and context, uploaded files evaluated, one MBO_CASCADE on ${fmt.int(goals)} rows`,
      table: [
        ['measure', `median of ${RUNS} fresh processes`],
        ['new vm context (ms)', fmt.ms(m((c) => c.contextMs))],
        ['dist/mbo.js and dist/globals.js compiled and evaluated (ms)', fmt.ms(m((c) => c.evaluateMs))],
        [
          `MBO_CASCADE, first call, ${fmt.int(goals)} rows in 50 tables, depth 6 (ms)`,
          fmt.ms(m((c) => c.callMs)),
        ],
        ['cold total: context + files + call (ms)', fmt.ms(total)],
        ['the same call again, warm, same context (ms)', fmt.ms(m((c) => c.warmCallMs))],
        ['heap of the input tables, as passed (MB)', fmt.mb(m((c) => c.inputHeap))],
        [
          'heap just after the call, nothing collected: context, result and garbage (MB)',
          fmt.mb(m((c) => c.heapAfterCall)),
        ],
        ['heap held after a full collection, result kept (MB)', fmt.mb(m((c) => c.heapRetained))],
        ['peak RSS of the whole process, input included (MB)', fmt.mb(m((c) => c.peakRss))],
      ],
      checks: [
        {
          what: `cold MBO_CASCADE on ${fmt.int(goals)} rows within Sheets’ 30 s`,
          target: '< 30 s',
          measured: `${fmt.ms(total)} ms`,
          pass: total < 30_000,
        },
      ],
      notes: [
        `Rows returned: ${fmt.int(runs[0].rows)}. Each run is a new Node process (no code cache, no JIT from earlier calls), so the first call includes V8 compiling the bundle's functions as they run. The input is built before the timed part, as Sheets builds the arguments before the script starts.`,
        'Heap figures are V8 used-heap sizes relative to the heap just before the call (input already built); this is a vm context in Node, not Apps Script’s own runtime, whose limits are not published per call.',
      ],
    },
  ];
}
