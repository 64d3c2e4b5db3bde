// Benchmarks how cascade results are held at Sheets' ceiling (650k goals): typed columns (what src does) against one plain object per goal.
import { advise } from '../src/core/advise';
import { cascade } from '../src/core/cascade';
import { linkGoals } from '../src/core/graph';
import { type CascadeResults, DEFAULT_SETTINGS, type Goal, type GoalResult } from '../src/core/model';
import { groupByOwnerPeriod, scorecards } from '../src/core/score';
import { readGoalTab } from '../src/core/table';
import type { TabInput } from '../src/core/workbook';
import { generateWorkbook } from './generate';
import { fmt, gc, type Section } from './measure';

/** About the most goal rows a Sheet holds (10 million cells, 15 columns). */
const GOALS = 650_000;
const ROUNDS = 5;

/** When objects cost this much more, time or memory, the columns earn their keep. */
const REAL_LOSS = { time: 1.1, heapMb: 50 };

type Holding = 'columns' | 'objects';

/**
 * The analysis's stages as analyzeWorkbook runs them, with the results held either way: as the cascade returns
 * them (typed columns behind CascadeResults), or as one object per goal, every result built up front and read by
 * the scorecards from the objects. Returns what it holds, so that memory can be measured.
 */
function analyze(tabs: readonly TabInput[], holding: Holding): unknown[] {
  const goals: Goal[] = [];
  for (const tab of tabs) {
    for (const g of readGoalTab(tab.name, tab.grid, DEFAULT_SETTINGS, goals.length)?.goals ?? [])
      goals.push(g);
  }
  const links = linkGoals(goals);
  const { results } = cascade(goals, links, DEFAULT_SETTINGS, null, () => null);
  let held: CascadeResults | GoalResult[] = results;
  let read: CascadeResults = results;
  if (holding === 'objects') {
    const objects = [...results];
    held = objects;
    read = { length: objects.length, final: (i: number) => objects[i].final } as CascadeResults;
  }
  const owners = groupByOwnerPeriod(goals, '');
  const scored = scorecards(goals, read, DEFAULT_SETTINGS, owners);
  const advice = advise(goals, links, DEFAULT_SETTINGS, owners);
  return [goals, links, held, scored, advice];
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1];

/** Heap and typed-array memory, in MB, after a full collection. */
function memoryMb(): number {
  gc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1024 / 1024;
}

export function benchResults(): Section[] {
  const tabs = generateWorkbook({ goals: GOALS, tabs: 50, depth: 6 });
  const wall: Record<Holding, number[]> = { columns: [], objects: [] };
  const cpu: Record<Holding, number[]> = { columns: [], objects: [] };
  analyze(tabs, 'columns');
  analyze(tabs, 'objects');
  // Interleaved, so that a busy moment on the machine falls on both.
  for (let round = 0; round < ROUNDS; round++) {
    for (const holding of ['columns', 'objects'] as const) {
      gc();
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      analyze(tabs, holding);
      wall[holding].push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      cpu[holding].push((used.user + used.system) / 1000);
    }
  }
  // What each way keeps once the analysis is done; the two differ only in how the results are held.
  const before = memoryMb();
  const withColumns = analyze(tabs, 'columns');
  const columnsMb = memoryMb() - before;
  withColumns.length = 0;
  const between = memoryMb();
  const withObjects = analyze(tabs, 'objects');
  const objectsMb = memoryMb() - between;
  withObjects.length = 0;

  const timeRatio = median(cpu.objects) / median(cpu.columns);
  const extraMb = objectsMb - columnsMb;
  const realLoss = timeRatio >= REAL_LOSS.time || extraMb >= REAL_LOSS.heapMb;
  return [
    {
      title: `Cascade results at ${fmt.int(GOALS)} goals: typed columns (src) or one object per goal`,
      table: [
        ['results held as', 'median ms', 'median CPU ms', 'memory the analysis keeps (MB)'],
        [
          'typed columns (CascadeResults)',
          fmt.ms(median(wall.columns)),
          fmt.ms(median(cpu.columns)),
          fmt.mb(columnsMb * 1024 * 1024),
        ],
        [
          'plain objects, one per goal',
          fmt.ms(median(wall.objects)),
          fmt.ms(median(cpu.objects)),
          fmt.mb(objectsMb * 1024 * 1024),
        ],
      ],
      checks: [
        {
          what: `typed columns still pay at ${fmt.int(GOALS)} goals (objects ≥ ${REAL_LOSS.time}× the CPU time, or ≥ ${REAL_LOSS.heapMb} MB more)`,
          target: 'a real loss with objects',
          measured: `objects: ${timeRatio.toFixed(2)}× the CPU time, ${extraMb >= 0 ? '+' : ''}${extraMb.toFixed(0)} MB`,
          pass: realLoss,
        },
      ],
      notes: [
        `The whole analysis (read, link, cascade, scorecards, advice) on 50 tabs, ${ROUNDS} interleaved runs of each. "Plain objects" builds every result as an object right after the cascade and reads the scorecards from them, as code holding GoalResult[] would.`,
        'CPU time decides: on a shared machine wall time swings more than the difference. Memory is heap plus typed arrays after a full collection, for everything the analysis keeps (goals, links, results, scorecards); the two ways differ only in the results.',
        'Where this check fails, plain objects no longer cost enough to justify the columns: see docs/performance.md.',
      ],
    },
  ];
}
