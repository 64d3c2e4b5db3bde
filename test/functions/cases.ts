// One table of custom-function cases, run against the sources and against the built bundle in a vm.
import type { CellValue } from '../../src/core/model';

/** Makes values the way Sheets passes them; dates come from the realm the functions run in. */
export interface Maker {
  date: (y: number, m: number, d: number) => Date;
}

type Args = (make: Maker) => unknown[];

export interface ResultCase {
  name: string;
  fn: string;
  args: Args;
  /** Expected result; numbers compare to 9 decimals; a RegExp matches a text cell. */
  expect: unknown;
}

export interface ErrorCase {
  name: string;
  fn: string;
  args: Args;
  /** The thrown message: must name the function and the argument. */
  error: RegExp;
}

const col = (...values: CellValue[]): CellValue[][] => values.map((v) => [v]);
const WARN = /^⚠ /;

// biome-ignore format: a table, one row per line
const TABLE: CellValue[][] = [
  ['ID', 'Goal', 'Owner', 'Parent', 'Target', 'Actual'],
  ['T-1', 'Top outcome', 'Dana', '', 100, ''],
  ['C-1', 'Child one', 'Lee', 'T-1', 10, 5],
  ['C-2', 'Child two', 'Ava', 't-1 ', 10, 10],
];
const TABLE2: CellValue[][] = [
  ['Goal ID', 'Objective', 'Assignee', 'Aligns to', 'Target', 'Actual'],
  ['G-1', 'Grandchild', 'Kim', 'C-2', 4, 2],
];
const CURVE = [
  [0.8, 0.5],
  [1, 1],
  [1.2, 1.5],
];

const HISTORY_HEADER = ['Date', 'ID', 'Actual', 'Measured', 'Final', 'Status', 'Confidence', 'Note'];
const HISTORY: CellValue[][] = [
  HISTORY_HEADER,
  ['2026-07-31', 'DG-1', 31, 0.31, 0.31, 'on track', 8, ''],
  ['2026-07-31', 'DG-2', '', '', 0.5, 'on track', 6, ''],
  ['2026-08-31', 'DG-1', 62, 0.62, 0.62, 'on track', 7, ''],
  ['2026-08-31', 'DG-2', '', '', 0.4, 'at risk', '', ''],
];

/**
 * Goals with phase actuals and no check-in, for FY2026: Q1 ends March 31 (day 90 of the year), Q2 June 30 (day 181).
 * PH-1 is an amount (its quarters add up); LV-1 and CH-1 are levels (a percentage: the latest counts).
 */
// biome-ignore format: a table, one row per line
const PHASED: CellValue[][] = [
  ['ID', 'Goal', 'Period', 'Unit', 'Direction', 'Target', 'Actual', 'Q1 actual', 'Q2 actual'],
  ['PH-1', 'Pipeline', 'FY2026', '$', '', 100, '', 20, 25],
  ['LV-1', 'Win rate', 'FY2026', '%', '', 0.8, '', 0.6, 0.7],
  ['CH-1', 'Churn', 'FY2026', '%', 'lower', 0.03, '', 0.05, ''],
  ['NP-1', 'No period', '', '$', '', 100, '', 20, ''],
];
/** PH-1 at its run rate: the line through 20 by day 90 and 45 by day 181, at day 365, over its target of 100. */
const PH_1_FORECAST = (20 + ((45 - 20) / (181 - 90)) * (365 - 90)) / 100;

// biome-ignore format: a table, one row per line
export const RESULT_CASES: ResultCase[] = [
  // MBO_ATTAINMENT
  { name: 'higher, one cell', fn: 'MBO_ATTAINMENT', args: () => [80, 100], expect: 0.8 },
  {
    name: 'a column keeps its shape, blank stays blank',
    fn: 'MBO_ATTAINMENT',
    args: () => [col(80, 120, ''), 100],
    expect: col(0.8, 1.2, ''),
  },
  { name: 'default cap 150%', fn: 'MBO_ATTAINMENT', args: () => [200, 100], expect: 1.5 },
  { name: 'cap given', fn: 'MBO_ATTAINMENT', args: () => [200, 100, '', '', 2], expect: 2 },
  { name: 'cap as a one-cell range', fn: 'MBO_ATTAINMENT', args: () => [200, 100, '', '', [[2]]], expect: 2 },
  { name: 'cap as text percent', fn: 'MBO_ATTAINMENT', args: () => [200, 100, 0, 'higher', '120%'], expect: 1.2 },
  { name: 'with baseline', fn: 'MBO_ATTAINMENT', args: () => [60, 100, 50], expect: 0.2 },
  { name: 'below baseline floors at 0', fn: 'MBO_ATTAINMENT', args: () => [40, 100, 50], expect: 0 },
  {
    name: 'lower with baseline',
    fn: 'MBO_ATTAINMENT',
    args: () => [1550, 1400, 1800, 'lower'],
    expect: 0.625,
  },
  { name: 'lower without baseline', fn: 'MBO_ATTAINMENT', args: () => [2.5, 2, '', 'lower'], expect: 0.8 },
  {
    name: 'lower, zero actual reaches the cap',
    fn: 'MBO_ATTAINMENT',
    args: () => [0, 2, '', 'lower'],
    expect: 1.5,
  },
  { name: 'range inside', fn: 'MBO_ATTAINMENT', args: () => [4.4, '4.2-4.8', '', 'range'], expect: 1 },
  { name: 'range outside', fn: 'MBO_ATTAINMENT', args: () => [5, '4.2-4.8', '', 'range'], expect: 0 },
  { name: 'binary done', fn: 'MBO_ATTAINMENT', args: () => ['Done', '', '', 'binary'], expect: 1 },
  { name: 'binary tick', fn: 'MBO_ATTAINMENT', args: () => ['✓', '', '', 'binary'], expect: 1 },
  { name: 'binary other text', fn: 'MBO_ATTAINMENT', args: () => ['not yet', '', '', 'binary'], expect: 0 },
  {
    name: 'text numbers parsed exactly',
    fn: 'MBO_ATTAINMENT',
    args: () => ['$1.2M', '1,500,000'],
    expect: 0.8,
  },
  {
    name: 'per-row directions',
    fn: 'MBO_ATTAINMENT',
    args: () => [col(1, 2), col(2, 1), '', col('higher', 'lower')],
    expect: col(0.5, 0.5),
  },
  {
    name: 'per-row targets',
    fn: 'MBO_ATTAINMENT',
    args: () => [col(5, 5), col(10, 20)],
    expect: col(0.5, 0.25),
  },
  {
    name: 'a row with a bad direction says so',
    fn: 'MBO_ATTAINMENT',
    args: () => [col(1, 1), 2, '', col('sideways', 'higher')],
    expect: [[WARN], [0.5]],
  },
  {
    name: 'junk actual is a row problem',
    fn: 'MBO_ATTAINMENT',
    args: () => [col('abc', 50), 100],
    expect: [[/"abc".*not a number/], [0.5]],
  },
  {
    name: 'a date actual is a row problem',
    fn: 'MBO_ATTAINMENT',
    args: (m) => [col(m.date(2026, 2, 1)), 100],
    expect: [[/not a number/]],
  },
  {
    name: 'zero span is a row problem',
    fn: 'MBO_ATTAINMENT',
    args: () => [5, 10, 10],
    expect: /^⚠ Target equals Baseline/,
  },
  {
    name: 'missing target is a row problem',
    fn: 'MBO_ATTAINMENT',
    args: () => [col(5), col('')],
    expect: [[/no Target/]],
  },
  // MBO_ROLLUP
  {
    name: 'average of children, unmeasured left out',
    fn: 'MBO_ROLLUP',
    args: () => [col('A', 'B', 'C', 'D'), col('', 'A', 'A', 'B'), col('', 0.5, 1, '')],
    expect: col(0.75, 0.5, 1, ''),
  },
  {
    name: 'contributions weight the average',
    fn: 'MBO_ROLLUP',
    args: () => [col('A', 'B', 'C'), col('', 'A', 'A'), col('', 0.5, 1), col('', 3, 1)],
    expect: col(0.625, 0.5, 1),
  },
  {
    name: 'min method',
    fn: 'MBO_ROLLUP',
    args: () => [col('A', 'B', 'C'), col('', 'A', 'A'), col('', 0.5, 1), '', 'min'],
    expect: col(0.5, 0.5, 1),
  },
  {
    name: 'own method',
    fn: 'MBO_ROLLUP',
    args: () => [col('A', 'B', 'C'), col('', 'A', 'A'), col('', 0.5, 1), '', 'own'],
    expect: col('', 0.5, 1),
  },
  {
    name: 'measured wins over rolled up',
    fn: 'MBO_ROLLUP',
    args: () => [col('A', 'B'), col('', 'A'), col(0.9, 0.5)],
    expect: col(0.9, 0.5),
  },
  {
    name: 'two levels, ids matched trimmed and case-insensitively',
    fn: 'MBO_ROLLUP',
    args: () => [col('A', 'b', 'C', 'D'), col('', ' a', 'B', 'B'), col('', '', 1, 0.5)],
    expect: col(0.75, 0.75, 1, 0.5),
  },
  {
    name: 'blank rows stay blank (open-ended ranges)',
    fn: 'MBO_ROLLUP',
    args: () => [col('A', 'B', '', ''), col('', 'A', '', ''), col('', 0.4, '', '')],
    expect: col(0.4, 0.4, '', ''),
  },
  {
    name: 'a cycle says so and blocks nothing else',
    fn: 'MBO_ROLLUP',
    args: () => [col('X', 'Y', 'Z'), col('Y', 'X', ''), col(0.5, 0.5, 0.7)],
    expect: [[/loop/], [/loop/], [0.7]],
  },
  {
    name: 'junk attainment is a row problem',
    fn: 'MBO_ROLLUP',
    args: () => [col('A', 'B'), col('', 'A'), col('', 'lots')],
    expect: [[''], [/not a number/]],
  },
  {
    name: 'a goal shared by two parents weighs its share in each average',
    fn: 'MBO_ROLLUP',
    // P1: A 100% (weight 1) and S 0% (weight 25%) = 80%; P2: S alone = 0%.
    args: () => [col('P1', 'P2', 'A', 'S'), col('', '', 'P1', 'P1 25%; P2 75%'), col('', '', 1, 0)],
    expect: col(0.8, 0, 1, 0),
  },
  // MBO_CASCADE
  {
    name: 'one table: header, parents before children',
    fn: 'MBO_CASCADE',
    args: () => [TABLE],
    expect: [
      ['ID', 'Goal', 'Owner', 'Parent', 'Depth', 'Path', 'Measured', 'Rolled up', 'Attainment', 'Status'],
      ['T-1', 'Top outcome', 'Dana', '', 0, 'T-1', '', 0.75, 0.75, 'at risk'],
      ['C-1', 'Child one', 'Lee', 'T-1', 1, 'T-1 › C-1', 0.5, '', 0.5, 'off track'],
      ['C-2', 'Child two', 'Ava', 't-1', 1, 'T-1 › C-2', 1, '', 1, 'on track'],
    ],
  },
  {
    name: 'two tables with synonym headers link across',
    fn: 'MBO_CASCADE',
    args: () => [TABLE, TABLE2],
    expect: [
      ['ID', 'Goal', 'Owner', 'Parent', 'Depth', 'Path', 'Measured', 'Rolled up', 'Attainment', 'Status'],
      ['T-1', 'Top outcome', 'Dana', '', 0, 'T-1', '', 0.75, 0.75, 'at risk'],
      ['C-1', 'Child one', 'Lee', 'T-1', 1, 'T-1 › C-1', 0.5, '', 0.5, 'off track'],
      ['C-2', 'Child two', 'Ava', 't-1', 1, 'T-1 › C-2', 1, 0.5, 1, 'on track'],
      ['G-1', 'Grandchild', 'Kim', 'C-2', 2, 'T-1 › C-2 › G-1', 0.5, '', 0.5, 'off track'],
    ],
  },
  {
    name: 'an OKR sheet: title row, objectives from key results, no ID column',
    fn: 'MBO_CASCADE',
    args: () => [
      [
        ['Q3 OKRs', '', '', ''],
        ['Objective', 'Key Result', 'Target', 'Current'],
        ['Grow pipeline', 'Source $4M', 4, 2],
        ['', 'Close 10 deals', 10, 10],
      ],
    ],
    expect: [
      ['ID', 'Goal', 'Owner', 'Parent', 'Depth', 'Path', 'Measured', 'Rolled up', 'Attainment', 'Status'],
      ['table: Grow pipeline', 'Grow pipeline', '', '', 0, 'table: Grow pipeline', '', 0.75, 0.75, 'at risk'],
      [
        'table!3',
        'Source $4M',
        '',
        'table: Grow pipeline',
        1,
        'table: Grow pipeline › table!3',
        0.5,
        '',
        0.5,
        'off track',
      ],
      [
        'table!4',
        'Close 10 deals',
        '',
        'table: Grow pipeline',
        1,
        'table: Grow pipeline › table!4',
        1,
        '',
        1,
        'on track',
      ],
    ],
  },
  // MBO_SCORE
  {
    name: 'scores per owner',
    fn: 'MBO_SCORE',
    args: () => [col('A', 'a ', 'B'), col(0.6, 0.4, 1), col(1, 0.5, 0.9)],
    expect: [
      ['A', 0.8],
      ['B', 0.9],
    ],
  },
  {
    name: "one owner's score",
    fn: 'MBO_SCORE',
    args: () => [col('A', 'A', 'B'), col(0.6, 0.4, 1), col(1, 0.5, 0.9), 'b'],
    expect: 0.9,
  },
  {
    name: 'percent-point weights',
    fn: 'MBO_SCORE',
    args: () => [col('A', 'A'), col(60, 40), col(1, 0.5), 'A'],
    expect: 0.8,
  },
  // MBO_PAYOUT
  {
    name: 'payout curve across its points',
    fn: 'MBO_PAYOUT',
    args: () => [col(0.7, 0.8, 0.9, 1.1, 2, ''), CURVE],
    expect: col(0, 0.5, 0.75, 1.25, 1.5, ''),
  },
  { name: 'payout of one value', fn: 'MBO_PAYOUT', args: () => [1, CURVE], expect: 1 },
  // MBO_NPS
  { name: 'NPS balanced', fn: 'MBO_NPS', args: () => [col(10, 9, 8, 7, 6, 0)], expect: 0 },
  { name: 'NPS positive', fn: 'MBO_NPS', args: () => [col(10, 10, 3)], expect: 100 / 3 },
  { name: 'NPS counts blank cells as no answer', fn: 'MBO_NPS', args: () => [col(10, '', 9, '')], expect: 100 },
  { name: 'NPS reads whole numbers typed as text', fn: 'MBO_NPS', args: () => [col('10', ' 0 ')], expect: 0 },
  // A survey with bad answers is not silently scored from the rest: 3 of 4 dropped would read as 100.
  { name: 'NPS refuses answers out of 0-10, fractions and text, saying how many were used', fn: 'MBO_NPS', args: () => [col(10, 11, 'x', 6.5)], expect: /^⚠ MBO_NPS: 3 of 4 answers are not whole numbers from 0 to 10 \(11, "x", 6\.5\).* 1 answer used gives 100\b/ },
  { name: 'NPS names at most three bad answers', fn: 'MBO_NPS', args: () => [col(-1, 12, 'n/a', 3.5, 9)], expect: /^⚠ MBO_NPS: 4 of 5 answers .*\(-1, 12, "n\/a" and 1 more\)/ },
  { name: 'NPS with only bad answers says none is used', fn: 'MBO_NPS', args: () => [col('abc', 11)], expect: /^⚠ MBO_NPS: 2 of 2 answers .*No answer is left to score\.$/ },
  { name: 'NPS of a single bad value', fn: 'MBO_NPS', args: () => [7.5], expect: /^⚠ MBO_NPS: 1 of 1 answer is not a whole number/ },
  {
    name: 'NPS by respondent group: answers used and refused per group, then All',
    fn: 'MBO_NPS',
    args: () => [col(10, 9, 3, 10, 'x', ''), col('own team', 'Sales', 'Sales', ' Own Team', 'other team', 'Sales')],
    expect: [
      ['Group', 'NPS', 'Answers used', 'Refused'],
      ['own team', 100, 2, 0],
      ['Sales', 0, 2, 0],
      ['other team', '', 0, 1],
      ['All', 50, 4, 1],
    ],
  },
  {
    name: 'NPS by group: an answer without a group is counted under (no group)',
    fn: 'MBO_NPS',
    args: () => [col(10, 0), col('Sales', '')],
    expect: [['Group', 'NPS', 'Answers used', 'Refused'], ['Sales', 100, 1, 0], ['(no group)', -100, 1, 0], ['All', 0, 2, 0]],
  },
  { name: 'NPS by group with no answers at all', fn: 'MBO_NPS', args: () => [col('', ''), col('Sales', '')], expect: [['Group', 'NPS', 'Answers used', 'Refused'], ['All', '', 0, 0]] },
  // MBO_PATH
  {
    name: 'path of one id',
    fn: 'MBO_PATH',
    args: () => ['C', col('A', 'B', 'C'), col('', 'A', 'B')],
    expect: 'A › B › C',
  },
  {
    name: 'paths of a column',
    fn: 'MBO_PATH',
    args: () => [col('B', 'zz', ''), col('A', 'B'), col('', 'A')],
    expect: [['A › B'], [/not among ids/], ['']],
  },
  {
    name: 'a goal shared by two parents: each path, one per line, first parent first',
    fn: 'MBO_PATH',
    args: () => [col('S', 'K'), col('A', 'B', 'S', 'K'), col('', '', 'B 40%; A 60%', 'S')],
    expect: [['B › S\nA › S'], ['B › S › K\nA › S › K']],
  },
  // MBO_STATUS
  {
    name: 'status thresholds',
    fn: 'MBO_STATUS',
    args: () => [col(0.5, 0.4, 0.3, ''), 0.5],
    expect: col('on track', 'at risk', 'off track', 'not measured'),
  },
  { name: 'status of one value at year end', fn: 'MBO_STATUS', args: () => [0.96, 1], expect: 'on track' },
  // MBO_TREND
  {
    name: 'one goal’s finals, oldest first',
    fn: 'MBO_TREND',
    args: () => [HISTORY, 'DG-1'],
    expect: [[0.31, 0.62]],
  },
  {
    name: 'a column of IDs, padded; unknown and blank IDs',
    fn: 'MBO_TREND',
    args: () => [HISTORY, col('dg-2', 'ZZ', '')],
    expect: [
      [0.5, 0.4],
      [/^⚠ MBO_TREND: no check-in for "ZZ"/, ''],
      ['', ''],
    ],
  },
  {
    name: 'another column, blanks left out',
    fn: 'MBO_TREND',
    args: () => [HISTORY, 'DG-2', 'Confidence'],
    expect: [[6]],
  },
  {
    name: 'date cells read as days',
    fn: 'MBO_TREND',
    args: (m) => [
      [HISTORY_HEADER, [m.date(2026, 7, 31), 'X', '', '', 0.2], [m.date(2026, 6, 31), 'X', '', '', 0.1]],
      'X',
    ],
    expect: [[0.1, 0.2]],
  },
  // MBO_FORECAST
  {
    name: 'a line through the check-ins to the period’s end',
    fn: 'MBO_FORECAST',
    args: () => [HISTORY, 'DG-1', 'Q3 2026'],
    expect: 0.92,
  },
  {
    name: 'with a payout curve: two columns',
    fn: 'MBO_FORECAST',
    args: () => [HISTORY, col('DG-1', 'DG-2'), 'Q3 2026', CURVE],
    expect: [
      [0.92, 0.8],
      [0.4 - (0.1 * 30) / 31, 0],
    ],
  },
  {
    name: 'as of a date: one check-in, at its pace',
    fn: 'MBO_FORECAST',
    args: () => [HISTORY, 'DG-1', 'Q3 2026', '', '2026-07-31'],
    expect: 0.92,
  },
  {
    name: 'a bad period in a column is its row’s problem',
    fn: 'MBO_FORECAST',
    args: () => [HISTORY, col('DG-1', 'DG-2'), col('Q3 2026', 'someday')],
    expect: [[0.92], [/^⚠ Period "someday"/]],
  },
  {
    name: 'a goal without check-ins says so',
    fn: 'MBO_FORECAST',
    args: () => [HISTORY, col('ZZ'), 'Q3 2026'],
    expect: [[/^⚠ MBO_FORECAST: no check-in for "ZZ"/]],
  },
  {
    name: 'check-ins of another period do not count',
    fn: 'MBO_FORECAST',
    args: () => [HISTORY, 'DG-1', 'Q1 2026'],
    expect: /^⚠ MBO_FORECAST: no check-in for "DG-1" in Q1 2026/,
  },
  {
    name: 'with a goal table: Q1 and Q2 actuals and no check-in, the line through their running total',
    fn: 'MBO_FORECAST',
    args: () => [[HISTORY_HEADER], 'PH-1', '', '', '', PHASED],
    expect: PH_1_FORECAST,
  },
  {
    name: 'with a goal table and no check-in log yet (a blank history), the same',
    fn: 'MBO_FORECAST',
    args: () => ['', 'PH-1', 'FY2026', '', '2026-07-15', PHASED],
    expect: PH_1_FORECAST,
  },
  {
    name: 'with a goal table and the history argument left empty (=MBO_FORECAST(, …)), the same',
    fn: 'MBO_FORECAST',
    args: () => [undefined, 'PH-1', 'FY2026', '', '2026-07-15', PHASED],
    expect: PH_1_FORECAST,
  },
  {
    name: 'a level’s phase actuals are its figure at each phase’s end, not a running total',
    fn: 'MBO_FORECAST',
    args: () => [[HISTORY_HEADER], 'LV-1', 'FY2026', '', '', PHASED],
    expect: (0.7 + (0.1 / 91) * (365 - 181)) / 0.8,
  },
  {
    name: 'a level with no known start (lower, no Baseline) forecasts its latest phase actual',
    fn: 'MBO_FORECAST',
    args: () => [[HISTORY_HEADER], 'CH-1', '', '', '', PHASED],
    expect: 0.03 / 0.05,
  },
  {
    name: 'goals of the history and of the table side by side; a blank period is the goal’s own',
    fn: 'MBO_FORECAST',
    args: () => [HISTORY, col('DG-1', 'ph-1 ', ''), col('Q3 2026', '', ''), CURVE, '', PHASED],
    expect: [[0.92, 0.8], [PH_1_FORECAST, 0.5 + ((PH_1_FORECAST - 0.8) / 0.2) * 0.5], ['', '']],
  },
  {
    name: 'a table goal with no period, and an ID in neither, say so',
    fn: 'MBO_FORECAST',
    args: () => [HISTORY, col('NP-1', 'ZZ'), '', '', '', PHASED],
    expect: [
      [/^⚠ MBO_FORECAST: "NP-1" has no Period: give period/],
      [/^⚠ MBO_FORECAST: no check-in for "ZZ" in history, and no goal "ZZ" in table/],
    ],
  },
  {
    name: 'as of a day before the period: nothing to go by yet',
    fn: 'MBO_FORECAST',
    args: () => [[HISTORY_HEADER], 'PH-1', '', '', '2025-12-31', PHASED],
    expect: /^⚠ MBO_FORECAST: no reading of "PH-1" in FY2026 up to the date/,
  },
  // MBO_REQUIRED
  {
    name: 'each child alone, the other as it is',
    fn: 'MBO_REQUIRED',
    args: () => ['T-1', 1, TABLE],
    expect: [
      ['ID', 'Goal', 'Via', 'Actual', 'Actual needed', 'Attainment needed', 'Why'],
      ['C-1', 'Child one', 'T-1', 5, 10, 1, ''],
      ['C-2', 'Child two', 'T-1', 10, 15, 1.5, ''],
    ],
  },
  {
    name: 'past the caps: out of reach, and why',
    fn: 'MBO_REQUIRED',
    args: () => ['t-1', '130%', TABLE],
    expect: [
      ['ID', 'Goal', 'Via', 'Actual', 'Actual needed', 'Attainment needed', 'Why'],
      [
        'C-1',
        'Child one',
        'T-1',
        5,
        '',
        1.6,
        /^out of reach: it would need 160%; it counts for at most 150% \(its cap\)$/,
      ],
      ['C-2', 'Child two', 'T-1', 10, '', 2.1, /out of reach/],
    ],
  },
  {
    name: 'across tables: a child with its own Actual counts by it, not by the goals below it',
    fn: 'MBO_REQUIRED',
    args: () => ['T-1', 1, TABLE, TABLE2],
    expect: (rows: unknown[][]) => rows.length === 3 && rows[1][0] === 'C-1' && rows[2][0] === 'C-2',
  },
  {
    name: 'down through a roll-up to the goals whose Actuals count',
    fn: 'MBO_REQUIRED',
    args: () => [
      'T-1',
      1,
      [TABLE[0], TABLE[1], TABLE[2], ['C-2', 'Child two', 'Ava', 't-1 ', 10, '']],
      TABLE2,
    ],
    expect: [
      ['ID', 'Goal', 'Via', 'Actual', 'Actual needed', 'Attainment needed', 'Why'],
      ['C-1', 'Child one', 'T-1', 5, 15, 1.5, ''],
      ['G-1', 'Grandchild', 'T-1 › C-2', 2, 6, 1.5, ''],
    ],
  },
  // MBO_VALIDATE
  {
    name: 'issues with codes',
    fn: 'MBO_VALIDATE',
    args: () => [
      [
        ['ID', 'Goal', 'Owner', 'Parent', 'Target', 'Actual'],
        ['A', 'First', 'Dana', '', 10, 'lots'],
        ['A', 'Second', 'Dana', 'NOPE', 10, 5],
      ],
    ],
    expect: (rows: unknown[][]) => {
      const codes = rows.slice(1).map((r) => r[4]);
      return (
        JSON.stringify(rows[0]) === JSON.stringify(['ID', 'Row', 'Column', 'Severity', 'Code', 'Message']) &&
        codes.includes('not-a-number') &&
        codes.includes('duplicate-id') &&
        codes.includes('unknown-parent')
      );
    },
  },
];

// biome-ignore format: a table, one row per line
export const ERROR_CASES: ErrorCase[] = [
  {
    name: 'actual missing',
    fn: 'MBO_ATTAINMENT',
    args: () => [],
    error: /^MBO_ATTAINMENT: actual is missing/,
  },
  {
    name: 'target missing',
    fn: 'MBO_ATTAINMENT',
    args: () => [5],
    error: /^MBO_ATTAINMENT: target is missing/,
  },
  {
    name: 'target of the wrong size',
    fn: 'MBO_ATTAINMENT',
    args: () => [col(1, 2), col(1, 2, 3)],
    error: /^MBO_ATTAINMENT: target must be one value or a range the same size as the first argument/,
  },
  {
    name: 'baseline of the wrong size',
    fn: 'MBO_ATTAINMENT',
    args: () => [col(1, 2), 5, col(1, 2, 3)],
    error: /^MBO_ATTAINMENT: baseline must be one value or a range the same size as the first argument/,
  },
  {
    name: 'unknown direction',
    fn: 'MBO_ATTAINMENT',
    args: () => [1, 2, '', 'sideways'],
    error: /^MBO_ATTAINMENT: direction must be higher, lower, range or binary, not "sideways"/,
  },
  {
    name: 'bad cap',
    fn: 'MBO_ATTAINMENT',
    args: () => [1, 2, '', '', 'lots'],
    error: /^MBO_ATTAINMENT: cap must be a positive number/,
  },
  {
    name: 'cap as a range of two cells',
    fn: 'MBO_ATTAINMENT',
    args: () => [1, 2, '', '', [[1.5, 2]]],
    error: /^MBO_ATTAINMENT: cap must be a single cell or value, not a 1×2 range\.$/,
  },
  { name: 'ids missing', fn: 'MBO_ROLLUP', args: () => [], error: /^MBO_ROLLUP: ids is missing/ },
  {
    name: 'ids not a column',
    fn: 'MBO_ROLLUP',
    args: () => [
      [
        ['A', 'B'],
        ['C', 'D'],
      ],
      col('', ''),
      col('', ''),
    ],
    error: /^MBO_ROLLUP: ids must be a single column or row/,
  },
  {
    name: 'parents of another height',
    fn: 'MBO_ROLLUP',
    args: () => [col('A', 'B'), col(''), col('', '')],
    error: /^MBO_ROLLUP: parents has 1 rows but ids has 2/,
  },
  {
    name: 'attainment of another height',
    fn: 'MBO_ROLLUP',
    args: () => [col('A', 'B'), col('', 'A'), col('')],
    error: /^MBO_ROLLUP: attainment has 1 rows but ids has 2/,
  },
  {
    name: 'contribution of another height',
    fn: 'MBO_ROLLUP',
    args: () => [col('A', 'B'), col('', 'A'), col('', 1), col(1)],
    error: /^MBO_ROLLUP: contribution has 1 rows but ids has 2/,
  },
  {
    name: 'sum is refused with a pointer',
    fn: 'MBO_ROLLUP',
    args: () => [col('A', 'B'), col('', 'A'), col('', 1), '', 'sum'],
    error: /^MBO_ROLLUP: method must be average, min or own, not "sum".*MBO_CASCADE/,
  },
  {
    name: 'unknown method',
    fn: 'MBO_ROLLUP',
    args: () => [col('A', 'B'), col('', 'A'), col('', 1), '', 'median'],
    error: /^MBO_ROLLUP: method must be average, min or own, not "median"/,
  },
  { name: 'table missing', fn: 'MBO_CASCADE', args: () => [], error: /^MBO_CASCADE: table is missing/ },
  {
    name: 'table without a header',
    fn: 'MBO_CASCADE',
    args: () => [
      [
        [1, 2],
        [3, 4],
      ],
    ],
    error: /^MBO_CASCADE: table has no header row in its first 10 rows with a Goal/,
  },
  {
    name: 'table2 without a header',
    fn: 'MBO_CASCADE',
    args: () => [TABLE, [[1, 2]]],
    error: /^MBO_CASCADE: table2 has no header row/,
  },
  {
    name: 'validate: table without a header',
    fn: 'MBO_VALIDATE',
    args: () => [[['x']]],
    error: /^MBO_VALIDATE: table has no header row/,
  },
  {
    name: 'validate: table missing',
    fn: 'MBO_VALIDATE',
    args: () => [],
    error: /^MBO_VALIDATE: table is missing/,
  },
  { name: 'owners missing', fn: 'MBO_SCORE', args: () => [], error: /^MBO_SCORE: owners is missing/ },
  {
    name: 'weights of another height',
    fn: 'MBO_SCORE',
    args: () => [col('A', 'B'), col(1), col(1, 1)],
    error: /^MBO_SCORE: weights has 1 rows but owners has 2/,
  },
  {
    name: 'attainment of another height',
    fn: 'MBO_SCORE',
    args: () => [col('A', 'B'), col(1, 1), col(1)],
    error: /^MBO_SCORE: attainment has 1 rows but owners has 2/,
  },
  {
    name: 'unknown owner',
    fn: 'MBO_SCORE',
    args: () => [col('A'), col(1), col(1), 'Zed'],
    error: /^MBO_SCORE: owner "Zed" does not appear in owners/,
  },
  {
    name: 'attainment missing',
    fn: 'MBO_PAYOUT',
    args: () => [],
    error: /^MBO_PAYOUT: attainment is missing/,
  },
  {
    name: 'curve of three columns',
    fn: 'MBO_PAYOUT',
    args: () => [1, [[1, 2, 3]]],
    error: /^MBO_PAYOUT: curve must be a range of two columns/,
  },
  {
    name: 'curve with text',
    fn: 'MBO_PAYOUT',
    args: () => [
      1,
      [
        [0.8, 0.5],
        ['high', 1],
      ],
    ],
    error: /^MBO_PAYOUT: curve row 2 must hold two numbers/,
  },
  {
    name: 'curve with no points',
    fn: 'MBO_PAYOUT',
    args: () => [1, [['', '']]],
    error: /^MBO_PAYOUT: curve has no points/,
  },
  { name: 'scores missing', fn: 'MBO_NPS', args: () => [], error: /^MBO_NPS: scores is missing/ },
  { name: 'groups of another height', fn: 'MBO_NPS', args: () => [col(1, 2), col('Sales')], error: /^MBO_NPS: groups has 1 rows but scores has 2/ },
  { name: 'id missing', fn: 'MBO_PATH', args: () => [], error: /^MBO_PATH: id is missing/ },
  { name: 'ids missing', fn: 'MBO_PATH', args: () => ['A'], error: /^MBO_PATH: ids is missing/ },
  {
    name: 'parents of another height',
    fn: 'MBO_PATH',
    args: () => ['A', col('A', 'B'), col('')],
    error: /^MBO_PATH: parents has 1 rows but ids has 2/,
  },
  {
    name: 'attainment missing',
    fn: 'MBO_STATUS',
    args: () => [],
    error: /^MBO_STATUS: attainment is missing/,
  },
  { name: 'elapsed missing', fn: 'MBO_STATUS', args: () => [0.5], error: /^MBO_STATUS: elapsed is missing/ },
  {
    name: 'elapsed out of range',
    fn: 'MBO_STATUS',
    args: () => [0.5, 1.5],
    error: /^MBO_STATUS: elapsed must be the share of the period elapsed/,
  },
  {
    name: 'history without its header',
    fn: 'MBO_TREND',
    args: () => [[['2026-07-31', 'A', 1]], 'A'],
    error: /^MBO_TREND: history must include its header row with Date and ID/,
  },
  {
    name: 'unknown column',
    fn: 'MBO_TREND',
    args: () => [HISTORY, 'A', 'speed'],
    error: /^MBO_TREND: column must be final, actual, measured or confidence, not "speed"/,
  },
  { name: 'ids missing', fn: 'MBO_TREND', args: () => [HISTORY], error: /^MBO_TREND: ids is missing/ },
  {
    name: 'period missing',
    fn: 'MBO_FORECAST',
    args: () => [HISTORY, 'A'],
    error: /^MBO_FORECAST: period is missing/,
  },
  {
    name: 'period blank without a table',
    fn: 'MBO_FORECAST',
    args: () => [HISTORY, 'A', ''],
    error: /^MBO_FORECAST: period must be a period like FY2026.*or give a goal table/,
  },
  {
    name: 'a blank history without a table',
    fn: 'MBO_FORECAST',
    args: () => ['', 'A', 'FY2026'],
    error: /^MBO_FORECAST: history must include its header row/,
  },
  {
    name: 'a table without its header row',
    fn: 'MBO_FORECAST',
    args: () => [HISTORY, 'A', 'FY2026', '', '', PHASED.slice(1)],
    error: /^MBO_FORECAST: table has no header row/,
  },
  {
    name: 'period unreadable',
    fn: 'MBO_FORECAST',
    args: () => [HISTORY, 'A', 'soon'],
    error: /^MBO_FORECAST: period must be a period like FY2026/,
  },
  {
    name: 'periods of another height',
    fn: 'MBO_FORECAST',
    args: () => [HISTORY, col('A', 'B'), col('FY2026', 'FY2026', 'FY2026')],
    error: /^MBO_FORECAST: period has 3 rows but ids has 2/,
  },
  {
    name: 'asOf not a date',
    fn: 'MBO_FORECAST',
    args: () => [HISTORY, 'A', 'FY2026', '', 'tomorrow'],
    error: /^MBO_FORECAST: asOf must be a date/,
  },
  {
    name: 'curve with text',
    fn: 'MBO_FORECAST',
    args: () => [HISTORY, 'A', 'FY2026', [['x', 1]]],
    error: /^MBO_FORECAST: curve row 1 must hold two numbers/,
  },
  {
    name: 'unknown id',
    fn: 'MBO_REQUIRED',
    args: () => ['ZZ', 1, TABLE],
    error: /^MBO_REQUIRED: id "ZZ" is not an ID in the tables/,
  },
  {
    name: 'level not a number',
    fn: 'MBO_REQUIRED',
    args: () => ['T-1', 'all of it', TABLE],
    error: /^MBO_REQUIRED: level must be an attainment like 100%/,
  },
  {
    name: 'table missing',
    fn: 'MBO_REQUIRED',
    args: () => ['T-1', 1],
    error: /^MBO_REQUIRED: table is missing/,
  },
  {
    name: 'elapsed of the wrong size',
    fn: 'MBO_STATUS',
    args: () => [col(0.5, 0.5), col(0.5, 0.5, 0.5)],
    error: /^MBO_STATUS: elapsed must be one value or a range the same size as the first argument/,
  },
];

/** Compares a result with an expectation: numbers to 9 decimals, RegExps against text, predicates called. */
export function matches(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'function') return Boolean((expected as (a: unknown) => boolean)(actual));
  if (expected instanceof RegExp) return typeof actual === 'string' && expected.test(actual);
  if (typeof expected === 'number') return typeof actual === 'number' && Math.abs(actual - expected) < 1e-9;
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((e, i) => matches(actual[i], e))
    );
  }
  return Object.is(actual, expected);
}
