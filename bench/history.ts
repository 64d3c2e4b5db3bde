// History at scale: the sidebar's Cascade payload and time for 10k goals with weeks to years of check-ins, and History's size compacted.
import {
  analyzeHistory,
  checkInsOf,
  compactHistory,
  HISTORY_HEADERS,
  isoDate,
  readHistory,
} from '../src/core/history';
import type { CellValue } from '../src/core/model';
import { parseDay } from '../src/core/period';
import { analyzeWorkbook } from '../src/core/workbook';
import { goalViews, TREND_POINTS } from '../src/server/views';
import { generateWorkbook } from './generate';
import { fmt, type Section, timeMedian } from './measure';

const TODAY = parseDay('2026-07-01')!;

/** Check-in rows for every goal on each day, each final drifting a little from week to week (deterministic). */
function historyGrid(checkIns: ReturnType<typeof checkInsOf>, days: readonly number[]): CellValue[][] {
  const grid: CellValue[][] = [[...HISTORY_HEADERS]];
  days.forEach((day, w) => {
    const iso = isoDate(day);
    for (let g = 0; g < checkIns.length; g++) {
      const c = checkIns[g];
      const final = c.final === null ? '' : Math.max(0, c.final - 0.01 * ((days.length - 1 - w + g) % 7));
      grid.push([iso, c.id, c.actual ?? '', final, final, c.status, 7, '']);
    }
  });
  return grid;
}

/** The days a compacted History keeps for one goal checked in weekly for `weeks` weeks up to today. */
function compactedDays(weeks: number): number[] {
  const days = Array.from({ length: weeks }, (_, w) => TODAY - 7 * (weeks - 1 - w));
  const grid = [
    [...HISTORY_HEADERS],
    ...days.map((d): CellValue[] => [isoDate(d), 'G', '', '', 0, '', '', '']),
  ];
  const { keep } = compactHistory(grid, readHistory(grid, 'History'), TODAY);
  return keep.slice(1).map((r) => days[r - 1]);
}

export function benchHistory(): Section[] {
  const tabs = generateWorkbook({ goals: 10_000, tabs: 50, depth: 6 });
  const analysis = analyzeWorkbook(tabs, { today: TODAY });
  const checkIns = checkInsOf(analysis, TODAY);
  const weekly = (weeks: number) => Array.from({ length: weeks }, (_, w) => TODAY - 7 * (weeks - w));
  const cases: [string, number[]][] = [
    ['no History', []],
    ['13 weeks', weekly(13)],
    ['52 weeks', weekly(52)],
    ['5 years weekly, compacted', compactedDays(261)],
  ];
  // getCascade reads the header and the last (TREND_POINTS + 1) rows per goal (readHistoryTail); Check reads it all.
  const window = analysis.goals.length * (TREND_POINTS + 1);
  const rows = cases.map(([label, days]) => {
    const grid = historyGrid(checkIns, days);
    const tail = grid.length - 1 > window ? [grid[0], ...grid.slice(grid.length - window)] : grid;
    const view = () => goalViews(analysis, analyzeHistory(readHistory(tail, 'History'), analysis.goals));
    const bytes = JSON.stringify(view()).length;
    const ms = timeMedian(3, view);
    const whole = timeMedian(1, () => analyzeHistory(readHistory(grid, 'History'), analysis.goals));
    return {
      label,
      checkIns: grid.length - 1,
      cells: grid.length * HISTORY_HEADERS.length,
      read: tail.length - 1,
      bytes,
      ms,
      whole,
    };
  });
  const [none, quarter, year, years] = rows;
  const analysisMs = timeMedian(3, () => analyzeWorkbook(tabs, { today: TODAY }));
  return [
    {
      title: 'History: the Cascade view of 10,000 goals with check-ins',
      table: [
        [
          'History',
          'check-ins',
          'cells',
          'rows the Cascade view reads',
          'Cascade payload (KB)',
          'per goal (bytes)',
          'recent History + views (ms)',
          'whole History read and checked (ms)',
        ],
        ...rows.map((r) => [
          r.label,
          fmt.int(r.checkIns),
          fmt.int(r.cells),
          fmt.int(r.read),
          fmt.kb(r.bytes),
          Math.round(r.bytes / 10_000),
          fmt.ms(r.ms),
          fmt.ms(r.whole),
        ]),
      ],
      checks: [
        {
          what: 'the payload is bounded: a year or five of History sends what a quarter does (12 points a goal)',
          target: '≤ 1.02× the 13-week payload',
          measured: `${fmt.ratio(year.bytes / quarter.bytes)}× and ${fmt.ratio(years.bytes / quarter.bytes)}×`,
          pass: year.bytes <= 1.02 * quarter.bytes && years.bytes <= 1.02 * quarter.bytes,
        },
        {
          what: 'trends add a bounded share to the payload',
          target: '≤ 1.5× the payload without History',
          measured: `${fmt.ratio(year.bytes / none.bytes)}×`,
          pass: year.bytes <= 1.5 * none.bytes,
        },
        {
          what: 'getCascade’s core work with a year of weekly check-ins (analysis, History, views)',
          target: '< 2 s',
          measured: `${fmt.ms(analysisMs + year.ms)} ms`,
          pass: analysisMs + year.ms < 2000,
        },
        {
          what: '5 years of weekly check-ins compacted fit beside the goals',
          target: '< 5M of Sheets’ 10M cells',
          measured: `${fmt.int(years.cells)} cells (uncompacted: ${fmt.int(261 * 10_000 * HISTORY_HEADERS.length)})`,
          pass: years.cells < 5_000_000,
        },
      ],
      notes: [
        `The analysis of the goal tabs alone takes ${fmt.ms(analysisMs)} ms here. In Sheets, the Cascade view reads History's header and last ${fmt.int(window)} rows (two getValues, not timed here); Check and Roll up read it all.`,
        'Compaction keeps 13 weeks weekly, 24 months of month-ends, then quarter-ends (47 check-ins a goal for 5 years).',
      ],
    },
  ];
}
