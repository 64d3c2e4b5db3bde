// Spreadsheet service calls per roll-up, counted by the in-memory fake: they must grow with tabs, not rows.
import { checkWorkbook } from '../src/server/reports';
import { rollUp } from '../src/server/rollup';
import { createFakeGas, fakeServerContext, valueInput } from '../tools/gas-fake';
import { marketingWorkbook } from '../tools/samples/marketing';
import { generateWorkbook } from './generate';
import { fmt, type Section } from './measure';

type Tabs = readonly { name: string; grid: readonly (readonly unknown[])[] }[];

function callsPerRollup(tabs: Tabs): { calls: number; reads: number } {
  // The grids are values, as getValues() returns them: text stays text in the fake.
  const grid = (t: Tabs[number]) => t.grid.map((line) => line.map((v) => valueInput(v as never)));
  const gas = createFakeGas({ tabs: Object.fromEntries(tabs.map((t) => [t.name, grid(t)])) });
  gas.log.reset();
  rollUp(fakeServerContext(gas));
  const calls = gas.log.snapshot();
  const total = Object.values(calls).reduce((a, b) => a + b, 0);
  gas.log.reset();
  checkWorkbook(fakeServerContext(gas));
  const reads = Object.values(gas.log.snapshot()).reduce((a, b) => a + b, 0);
  return { calls: total, reads };
}

export function benchSheets(): Section[] {
  const cases: [string, Tabs, number][] = [
    ['the sample workbook', marketingWorkbook(), 5],
    ['50 tabs × 20 goals', generateWorkbook({ goals: 1_000, tabs: 50, depth: 6 }), 50],
    ['50 tabs × 200 goals', generateWorkbook({ goals: 10_000, tabs: 50, depth: 6 }), 50],
  ];
  const rows = cases.map(([label, tabs, count]) => {
    const goals = tabs.reduce((sum, t) => sum + t.grid.length - 1, 0);
    return { label, tabs: count, goals, ...callsPerRollup(tabs) };
  });
  const [, small, large] = rows;
  return [
    {
      title: 'Spreadsheet service calls (counted by the fake)',
      table: [
        ['workbook', 'goal tabs', 'goals', 'calls per Roll up', 'calls per Check'],
        ...rows.map((r) => [r.label, r.tabs, fmt.int(r.goals), r.calls, r.reads]),
      ],
      checks: [
        {
          what: 'calls grow with tabs, not rows (50 tabs: 10× the goals)',
          target: 'same count',
          measured: `${small.calls} → ${large.calls}`,
          pass: small.calls === large.calls,
        },
      ],
      notes: [
        'One batched getValues per tab, then one setValues per block of the Roll-up tab, under the document lock.',
      ],
    },
  ];
}
