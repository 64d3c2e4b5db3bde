// One cold custom-function call in a fresh process (spawned by bench/cold.ts): a new vm context, the pushed files evaluated, one MBO_CASCADE.
import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import { pushOrder } from '../tools/load-bundle';
import { generateWorkbook } from './generate';
import { gc } from './measure';

export interface ColdCall {
  goals: number;
  rows: number;
  contextMs: number;
  evaluateMs: number;
  callMs: number;
  warmCallMs: number;
  inputHeap: number;
  heapAfterCall: number;
  heapRetained: number;
  peakRss: number;
}

const heapUsed = (): number => v8.getHeapStatistics().used_heap_size;

/** Prints one ColdCall as JSON. Nothing of the bundle has run in this process before the timed part. */
export function main(argv: string[]): void {
  const goals = Number(argv[0] ?? 100_000);
  const files = pushOrder().map((file) => ({ file, code: readFileSync(file, 'utf8') }));
  gc();
  const empty = heapUsed();
  // The arguments as Sheets hands them to the call: one 2-D array per table, built before the call starts.
  const grids = generateWorkbook({ goals, tabs: 50, depth: 6 }).map((t) => t.grid);
  gc();
  const before = heapUsed();
  const start = performance.now();
  const context = vm.createContext({});
  const created = performance.now();
  for (const { file, code } of files) new vm.Script(code, { filename: file }).runInContext(context);
  const evaluated = performance.now();
  const result = (context.MBO_CASCADE as (...tables: unknown[]) => unknown[][])(...grids);
  const called = performance.now();
  const heapAfterCall = heapUsed() - before;
  gc();
  const heapRetained = heapUsed() - before;
  const again = performance.now();
  (context.MBO_CASCADE as (...tables: unknown[]) => unknown[][])(...grids);
  const warmCallMs = performance.now() - again;
  const out: ColdCall = {
    goals,
    rows: result.length - 1,
    contextMs: created - start,
    evaluateMs: evaluated - created,
    callMs: called - evaluated,
    warmCallMs,
    inputHeap: before - empty,
    heapAfterCall,
    heapRetained,
    peakRss: process.resourceUsage().maxRSS * 1024,
  };
  console.log(JSON.stringify(out));
}
