// Benchmarks the pure core and MBO_CASCADE at 10k, 100k and 1M goals across 50 tabs, depth 6.
import { analyzeWorkbook } from '../src/core/workbook';
import { customFunctions } from '../src/main';
import { generateWorkbook } from './generate';
import { type Check, fmt, gc, peakRss, scalingExponent, type Section, timeMedian } from './measure';

const SIZES = [10_000, 100_000, 1_000_000];
/** Repeats per size: more where a run is short and noisy. */
const runsFor = (size: number): number => (size <= 10_000 ? 7 : size <= 100_000 ? 3 : 2);

export function benchCore(): Section[] {
  const core: { size: number; ms: number; rss: number; issues: number }[] = [];
  const cascadeFn: { size: number; ms: number; rows: number }[] = [];
  for (const size of SIZES) {
    const tabs = generateWorkbook({ goals: size, tabs: 50, depth: 6 });
    gc();
    let issues = 0;
    const ms = timeMedian(runsFor(size), () => {
      issues = analyzeWorkbook(tabs).issues.length;
    });
    core.push({ size, ms, rss: peakRss(), issues });
    const grids = tabs.map((t) => t.grid);
    let rows = 0;
    const cfMs = timeMedian(runsFor(size), () => {
      rows = (customFunctions.MBO_CASCADE(...grids) as unknown[]).length - 1;
    });
    cascadeFn.push({ size, ms: cfMs, rows });
    gc();
  }
  const exponent = scalingExponent(core);
  const million = core[core.length - 1];
  const checks: Check[] = [
    { what: '1M goals through the core', target: '< 2 s', measured: `${fmt.ms(million.ms)} ms`, pass: million.ms < 2000 },
    { what: 'scaling exponent, 10k → 1M', target: '≤ 1.1', measured: exponent.toFixed(2), pass: exponent <= 1.1 },
  ];
  return [
    {
      title: 'Core cascade: parse, validate, link, roll up, score, advise (50 tabs, depth 6)',
      table: [
        ['goals', 'median ms', 'goals / s', 'issues found', 'peak RSS so far (MB)'],
        ...core.map((c) => [fmt.int(c.size), fmt.ms(c.ms), fmt.rate((c.size / c.ms) * 1000), fmt.int(c.issues), fmt.mb(c.rss)]),
      ],
      checks,
      notes: [`Scaling exponent (log time / log size, 10k → 1M): ${exponent.toFixed(2)}.`],
    },
    {
      title: 'MBO_CASCADE custom function, 50 tables in one call (sources)',
      table: [
        ['goals', 'median ms', 'rows / s', 'rows returned'],
        ...cascadeFn.map((c) => [fmt.int(c.size), fmt.ms(c.ms), fmt.rate((c.size / c.ms) * 1000), fmt.int(c.rows)]),
      ],
      checks: [
        {
          what: 'MBO_CASCADE on 100k rows within Sheets’ 30 s',
          target: '< 30 s',
          measured: `${fmt.ms(cascadeFn[1].ms)} ms`,
          pass: cascadeFn[1].ms < 30_000,
        },
      ],
    },
  ];
}
