// The browser tests' workbooks: the marketing sample with a few flaws, and a broken one with cycles, duplicates, junk numbers and formula-looking titles.
import { type FakeCellInput, type FakeTabs, valueInput } from '../../tools/gas-fake';
import { marketingWorkbook } from '../../tools/samples/marketing';

/** A goal title that is markup: the sidebar must show it as text. */
export const MARKUP_TITLE = '<img src=x onerror=alert(1)>';

/** Titles Sheets would read as a formula if written as they are (`@` too, in newer Sheets). */
export const FORMULA_LOOKING_TITLES = {
  'CMO-5': '=IMPORTXML("http://example.com","//a")',
  'CT-9': '+SUM(1,2)',
  'DG-10': '@handle',
} as const;

export const TWO_CYCLE = ['CT-7', 'FM-4'] as const;
export const THREE_CYCLE = ['DG-8', 'PM-5', 'CT-8'] as const;
/** Its Parent is FM-4, a member of the 2-cycle: it hangs below the loop without being on it. */
export const BELOW_TWO_CYCLE = 'FM-5';
/** On CMO (first) and again on Demand Gen. */
export const DUPLICATE_ID = 'CMO-3';

/** An error the Check panel must list, in the words the user reads. */
export interface ExpectedError {
  code: string;
  tab: string;
  goalId: string;
  /** The header of the column the issue points at. */
  column: string;
  message: string;
}

export interface BrowserWorkbook {
  name: 'sample' | 'broken';
  tabs: () => FakeTabs;
  /** Every error Check finds in it, in no particular order. */
  errors: readonly ExpectedError[];
}

/** The sample columns, in order: ID, Goal, Owner, Parent, Type, Metric, Unit, Direction, Baseline, Target, Actual, Weight, Contribution, Rollup, Period, Notes. */
interface GoalRow {
  id: string;
  goal: string;
  owner: string;
  parent: string;
  type: 'Outcome' | 'Activity';
  metric: string;
  unit: string;
  target: FakeCellInput;
  actual: FakeCellInput;
  weight?: number;
  notes?: string;
}

function row(goal: GoalRow): FakeCellInput[] {
  return [
    goal.id,
    goal.goal,
    goal.owner,
    goal.parent,
    goal.type,
    goal.metric,
    goal.unit,
    'higher',
    '',
    goal.target,
    goal.actual,
    goal.weight ?? '',
    '',
    '',
    'FY2026',
    goal.notes ?? '',
  ];
}

function sampleTabs(): Record<string, FakeCellInput[][]> {
  return Object.fromEntries(
    marketingWorkbook().map((tab) => [tab.name, tab.grid.map((cells) => cells.map(valueInput))]),
  );
}

/** The marketing sample, plus a goal whose title is markup and one with an unknown parent and an unreadable actual. */
export function sampleWorkbook(): Record<string, FakeCellInput[][]> {
  const tabs = sampleTabs();
  tabs.Content.push(
    row({
      id: 'CT-5',
      goal: MARKUP_TITLE,
      owner: 'Omar Haddad',
      parent: 'CT-1',
      type: 'Activity',
      metric: 'Tutorials',
      unit: 'count',
      target: 10,
      actual: 4,
      weight: 0.1,
    }),
    row({
      id: 'CT-6',
      goal: 'Grow newsletter subscribers to 20k',
      owner: 'Priya Nair',
      parent: 'CMO-9',
      type: 'Outcome',
      metric: 'Subscribers',
      unit: 'count',
      target: 20000,
      actual: 'about 15k',
      notes: 'Unknown parent, unreadable actual',
    }),
  );
  return tabs;
}

/**
 * The sample workbook, plus: a loop of two Parent links across tabs (CT-7, FM-4) with a goal hanging
 * below it, a loop of three (DG-8 › PM-5 › CT-8), CMO-3 used again on Demand Gen, actuals reading N/A and
 * #REF! (what getValues gives for an error cell), a Date as a Target, and goals titled like formulas.
 */
export function brokenWorkbook(): FakeTabs {
  const tabs = sampleWorkbook();
  tabs.CMO.push(
    row({
      id: 'CMO-5',
      // Typed with a leading apostrophe, the cell holds this text (a fixture string starting with '=' is a formula).
      goal: `'${FORMULA_LOOKING_TITLES['CMO-5']}`,
      owner: 'Dana Reyes',
      parent: '',
      type: 'Outcome',
      metric: 'Web mentions',
      unit: 'count',
      target: 100,
      actual: 80,
    }),
  );
  tabs['Demand Gen'].push(
    row({
      id: 'DG-8',
      goal: 'Partner-sourced pipeline of $2M',
      owner: 'Sam Patel',
      parent: 'PM-5',
      type: 'Outcome',
      metric: 'Sourced pipeline',
      unit: '$',
      target: 2_000_000,
      actual: 1_500_000,
      notes: 'Loop of three across tabs',
    }),
    row({
      id: 'DG-9',
      goal: 'Launch the partner portal',
      owner: 'Lee Chen',
      parent: 'DG-3',
      type: 'Activity',
      metric: 'Portal live',
      unit: '',
      target: new Date(2026, 5, 30),
      actual: '',
      notes: 'A date typed as the target',
    }),
    row({
      id: DUPLICATE_ID,
      goal: 'Event attendee NPS of 50',
      owner: 'Ava Brooks',
      parent: '',
      type: 'Outcome',
      metric: 'Attendee NPS',
      unit: 'score',
      target: 50,
      actual: 46,
      notes: 'Same ID as on CMO',
    }),
    row({
      id: 'DG-10',
      goal: FORMULA_LOOKING_TITLES['DG-10'],
      owner: 'Ava Brooks',
      parent: 'DG-2',
      type: 'Activity',
      metric: 'Followers',
      unit: 'count',
      target: 5000,
      actual: 4200,
    }),
  );
  tabs.Content.push(
    row({
      id: 'CT-7',
      goal: 'Co-marketing pipeline with Field of $1M',
      owner: 'Priya Nair',
      parent: 'FM-4',
      type: 'Outcome',
      metric: 'Sourced pipeline',
      unit: '$',
      target: 1_000_000,
      actual: 600_000,
      notes: 'Loop of two across tabs',
    }),
    row({
      id: 'CT-8',
      goal: 'Partner content pipeline of $500k',
      owner: 'Omar Haddad',
      parent: 'DG-8',
      type: 'Outcome',
      metric: 'Influenced pipeline',
      unit: '$',
      target: 500_000,
      actual: 450_000,
    }),
    row({
      id: 'CT-9',
      goal: FORMULA_LOOKING_TITLES['CT-9'],
      owner: 'Omar Haddad',
      parent: 'CT-1',
      type: 'Activity',
      metric: 'Case studies',
      unit: 'count',
      target: 12,
      actual: 9,
    }),
  );
  tabs.Field.push(
    row({
      id: 'FM-4',
      goal: 'Co-marketing pipeline with Content of $1M',
      owner: 'Marco Rossi',
      parent: 'CT-7',
      type: 'Outcome',
      metric: 'Sourced pipeline',
      unit: '$',
      target: 1_000_000,
      actual: 700_000,
    }),
    row({
      id: BELOW_TWO_CYCLE,
      goal: 'Run 6 co-marketing workshops',
      owner: 'Jin Park',
      parent: 'FM-4',
      type: 'Activity',
      metric: 'Workshops',
      unit: 'count',
      target: 6,
      actual: 5,
    }),
    row({
      id: 'FM-6',
      goal: 'Book 40 partner meetings',
      owner: 'Jin Park',
      parent: 'FM-1',
      type: 'Activity',
      metric: 'Meetings',
      unit: 'count',
      target: 40,
      actual: 'N/A',
    }),
  );
  tabs['Product Marketing'].push(
    row({
      id: 'PM-5',
      goal: 'Partner win rate of 30%',
      owner: 'Grace Kim',
      parent: 'CT-8',
      type: 'Outcome',
      metric: 'Win rate',
      unit: '%',
      target: 0.3,
      actual: 0.27,
    }),
    row({
      id: 'PM-6',
      goal: 'Run 24 win-loss interviews',
      owner: 'Tom Alvarez',
      parent: 'PM-1',
      type: 'Activity',
      metric: 'Interviews',
      unit: 'count',
      target: 24,
      actual: '#REF!',
    }),
  );
  return tabs;
}

const notANumber = (tab: string, goalId: string, column: string, text: string): ExpectedError => ({
  code: 'not-a-number',
  tab,
  goalId,
  column,
  message: `"${text}" in ${column} is not a number: type a number such as 1200, 1.2M, $3.4k or 12%.`,
});

const onCycle = (tab: string, goalId: string, cycle: readonly string[]): ExpectedError => ({
  code: 'cycle',
  tab,
  goalId,
  column: 'Parent',
  message: `These goals form a loop of parents (${cycle.join(' › ')}), so none of them can roll up: break the loop by changing one Parent.`,
});

const SAMPLE_ERRORS: readonly ExpectedError[] = [
  {
    code: 'unknown-parent',
    tab: 'Content',
    goalId: 'CT-6',
    column: 'Parent',
    message:
      'Parent "CMO-9" is not the ID of any goal in the workbook: correct the ID, or leave Parent blank for a top-level goal.',
  },
  notANumber('Content', 'CT-6', 'Actual', 'about 15k'),
];

const BROKEN_ERRORS: readonly ExpectedError[] = [
  ...SAMPLE_ERRORS,
  onCycle('Content', 'CT-7', TWO_CYCLE),
  onCycle('Field', 'FM-4', TWO_CYCLE),
  onCycle('Demand Gen', 'DG-8', THREE_CYCLE),
  onCycle('Product Marketing', 'PM-5', THREE_CYCLE),
  onCycle('Content', 'CT-8', THREE_CYCLE),
  {
    code: 'duplicate-id',
    tab: 'Demand Gen',
    goalId: DUPLICATE_ID,
    column: 'ID',
    message: `ID "${DUPLICATE_ID}" is also used on CMO row 4: IDs must be unique across all tabs, so give one of the two goals another ID.`,
  },
  notANumber('Field', 'FM-6', 'Actual', 'N/A'),
  notANumber('Product Marketing', 'PM-6', 'Actual', '#REF!'),
  // Sheets hands a date over as a Date; the message shows it as the day it is.
  notANumber('Demand Gen', 'DG-9', 'Target', '2026-06-30'),
];

export const WORKBOOKS: readonly BrowserWorkbook[] = [
  { name: 'sample', tabs: sampleWorkbook, errors: SAMPLE_ERRORS },
  { name: 'broken', tabs: brokenWorkbook, errors: BROKEN_ERRORS },
];

/** Every goal ID of a workbook's tabs (column A below the header), in tab order, duplicates included. */
export function goalIdsOf(tabs: FakeTabs): string[] {
  return Object.values(tabs).flatMap((grid) =>
    grid
      .slice(1)
      .map((cells) => cells[0])
      .filter((id): id is string => typeof id === 'string' && id !== ''),
  );
}
