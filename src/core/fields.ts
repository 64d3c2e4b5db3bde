// The recognised columns of a goal tab, in one table: each field's header names, its name for people, and how its values read.
import { normalizeHeader } from './cells';

/** Whether a bad value in the column blocks the goal's measured attainment. */
type Blocking = 'blocks' | 'reports';

interface FieldSpec {
  /** The field's name for people: issue places and the Columns view use it. */
  readonly label: string;
  /** What the column holds, for the README's table and the Columns view. */
  readonly about: string;
  /**
   * Header names as people write them; matched as normalizeHeader writes them (any case, spacing and
   * punctuation; a trailing "(%)" is ignored). A name belongs to one field only.
   */
  readonly headers: readonly string[];
  /** For number fields: what a value that is not a number does. */
  readonly numberErrors?: Blocking;
  /** True for columns that group rows (a merged or blank-below cell applies to the rows under it). */
  readonly groups?: boolean;
  /** True for columns that only comment on a goal: a row with nothing else filled in is no goal. */
  readonly aside?: boolean;
}

/**
 * Every field, in the order people read a goal row. OKR layouts: a tab with an Objective column and a
 * Key Result (or Goal) column reads each row as a key result under the objective (see header.ts), so
 * `objective` and `objectiveId` have their own fields.
 */
export const FIELDS = {
  id: {
    label: 'ID',
    about:
      "unique across the workbook, compared trimmed and case-insensitively; without an ID column each goal's ID is its tab and row (`Sales!12`)",
    headers: [
      'ID',
      'Goal ID',
      'Key',
      'Ref',
      'Reference',
      'Row ID',
      'Key result ID',
      'KR ID',
      'Goal key',
      'Goal number',
      'Goal identifier',
    ],
  },
  goal: {
    label: 'Goal',
    about: 'what the goal is (a key result, in OKR layouts); required',
    headers: [
      'Goal',
      'MBO',
      'Title',
      'Name',
      'Goal title',
      'Goal name',
      'Key result',
      'Key results',
      'KR',
      'KRs',
      'Key result title',
      'Key result name',
      'Summary',
    ],
  },
  objective: {
    label: 'Objective',
    about:
      'with a Key Result (or Goal) column: the objective each row is a key result of, made a goal once per distinct text per tab; blank = the objective above',
    headers: ['Objective', 'Objectives', 'Objective title', 'Objective name'],
    groups: true,
  },
  objectiveId: {
    label: 'Objective ID',
    about:
      "the objective's ID when Objective text is given; alone on a key-results tab, the objective each row trees up to",
    headers: ['Objective ID', 'Objective key', 'Obj ID'],
    groups: true,
  },
  owner: {
    label: 'Owner',
    about: 'who is measured on it; needed for scorecards',
    headers: [
      'Owner',
      'Assignee',
      'Employee',
      'Person',
      'Owner name',
      'Goal owner',
      'Key result owner',
      'KR owner',
      'Responsible',
      'Owner email',
      'Owner emails',
      'Owners',
      'Goal owners',
      'Owner names',
      'Assignees',
      'Email',
      'User',
      'User ID',
      'Employee name',
      'Employee ID',
      'Owner email ID',
    ],
    groups: true,
  },
  parent: {
    label: 'Parent',
    about:
      'the ID, or failing that the unique title, of the goal it trees up to, on any tab; blank = a top-level goal; several with semicolons and shares (`CMO-1 60%; CMO-2 40%`) = a goal shared by several parents',
    headers: [
      'Parent',
      'Parent ID',
      'Aligns to',
      'Aligned to',
      'Contributes to',
      'Parent goal',
      'Parent goal ID',
      'Parent row ID',
      'Parent row IDs',
      'Parent objective',
      'Parent objective ID',
      'Aligned objective',
      'Aligned goal',
      'Corporate objective',
      'Company objective',
    ],
    groups: true,
  },
  type: {
    label: 'Type',
    about: '`Outcome`, `Activity` or `Collaboration`; blank = unclassified',
    headers: ['Type', 'Goal type'],
  },
  metric: {
    label: 'Metric',
    about: 'what is measured',
    headers: ['Metric', 'KPI', 'Measure', 'Measurement', 'Success metric', 'Metric name'],
  },
  unit: {
    label: 'Unit',
    about: 'in what (`$`, `%`, `count`…); `sum` roll-ups need one unit',
    headers: ['Unit', 'Units', 'Unit of measure', 'Metric type'],
  },
  direction: {
    label: 'Direction',
    about: '`higher` (default), `lower`, `range` or `binary`',
    headers: ['Direction'],
  },
  baseline: {
    label: 'Baseline',
    about: 'where the goal started; default 0',
    headers: [
      'Baseline',
      'Start',
      'Start value',
      'Starting value',
      'Initial value',
      'Baseline value',
      'Metric start value',
    ],
    numberErrors: 'blocks',
  },
  target: {
    label: 'Target',
    about: 'a number; for `range` goals two numbers `40-60`, or Min and Max',
    headers: [
      'Target',
      'Goal value',
      'Target value',
      'End',
      'End value',
      'Target amount',
      'Metric target value',
    ],
    numberErrors: 'blocks',
  },
  min: {
    label: 'Min',
    about: "a range goal's lower bound; on any other goal, the Threshold",
    headers: ['Min', 'Minimum', 'Target min'],
    numberErrors: 'blocks',
  },
  max: {
    label: 'Max',
    about: "a range goal's upper bound; on any other goal, the Stretch",
    headers: ['Max', 'Maximum', 'Target max'],
    numberErrors: 'blocks',
  },
  actual: {
    label: 'Actual',
    about: 'a number; blank = not measured yet',
    headers: ['Actual', 'Current', 'Result', 'Current value', 'Actual value', 'Achieved', 'Actual result'],
    numberErrors: 'blocks',
  },
  progress: {
    label: 'Progress',
    about:
      'attainment as the sheet states it, 0-1 or 0-100 (a column with any value above 2 is in points): counts where there is no Actual against a Target',
    headers: [
      'Progress',
      'Completion',
      'Score',
      'Percent complete',
      'Completion rate',
      'OKR score',
      'Grade',
      'Attainment',
      'Goal % completion',
      'Goal progress',
      'KR progress',
    ],
    numberErrors: 'blocks',
  },
  status: {
    label: 'Status',
    about:
      '`Completed`, `Achieved`, `Done` count 100% and `Not started`, `Missed` 0% for a done-or-not goal with no Actual',
    headers: ['Status', 'State'],
  },
  weight: {
    label: 'Weight',
    about: "the goal's share of its owner's scorecard for the period (an owner's weights sum to 100%)",
    headers: ['Weight', 'Weighting', 'Weightage', 'Goal weight'],
    numberErrors: 'reports',
  },
  contribution: {
    label: 'Contribution',
    about: "optional share of the parent's roll-up; blank = an equal share of what is left",
    headers: ['Contribution'],
    numberErrors: 'reports',
  },
  rollup: {
    label: 'Rollup',
    about: 'on a parent: `average` (default), `sum`, `min` or `own`',
    headers: ['Rollup', 'Rollup method'],
  },
  period: {
    label: 'Period',
    about:
      "`FY2026`, `2026`, `Y2026`, `H1 2026`, `Q3 2026`, `2026-Q3`, `Q3 Y2026`, `Mar 2026`; blank = the period the Start and Due dates give, else the workbook's default",
    headers: ['Period', 'Quarter', 'Cycle', 'Goal cycle', 'Time period', 'Timeframe'],
    groups: true,
  },
  start: {
    label: 'Start date',
    about:
      'a date; with the Due date, the smallest month, quarter, half or year holding both is the period of a goal with none',
    headers: ['Start date', 'Goal start date', 'Begin date', 'Expected start date'],
  },
  due: {
    label: 'Due date',
    about: 'a date; its year is the period of a goal with none (see Start date)',
    headers: ['Due date', 'Due', 'Deadline', 'Target date', 'End date', 'Goal end date', 'Expected end date'],
  },
  cap: {
    label: 'Cap',
    about: 'highest attainment counted; default 150% from Settings',
    headers: ['Cap'],
    numberErrors: 'blocks',
  },
  floor: {
    label: 'Floor',
    about:
      'lowest attainment counted on graded goals; default 0% from Settings. Range and binary goals take none: a miss is 0%',
    headers: ['Floor'],
    numberErrors: 'blocks',
  },
  threshold: {
    label: 'Threshold',
    about:
      "payout level, in the Actual's units: below it the goal earns nothing on its owner's scorecard (its attainment still shows)",
    headers: ['Threshold', 'Threshold value'],
    numberErrors: 'reports',
  },
  stretch: {
    label: 'Stretch',
    about:
      "payout level, in the Actual's units: attainment is capped where the actual reaches it (unless a Cap is given)",
    headers: ['Stretch', 'Stretch target', 'Stretch value', 'Stretch goal'],
    numberErrors: 'reports',
  },
  gate: {
    label: 'Gate',
    about: 'the attainment this goal must reach for its owner to get any payout',
    headers: ['Gate'],
    numberErrors: 'reports',
  },
  budget: {
    label: 'Budget',
    about: 'optional money planned for the goal: counts as its spend where Spend is blank (see Efficiency)',
    headers: ['Budget', 'Planned spend', 'Budget amount', 'Allocated budget'],
    numberErrors: 'reports',
  },
  spend: {
    label: 'Spend',
    about: 'optional money spent on the goal: rolled up the tree to give pipeline or revenue per dollar',
    headers: ['Spend', 'Actual spend', 'Cost', 'Actual cost', 'Spent'],
    numberErrors: 'reports',
  },
  level: {
    label: 'Level',
    about:
      '1, 2, 3 (or L1, L2…, or outline numbers 1.1, 1.2.1) in outline order: a goal with a blank Parent trees up to the nearest goal above it at a lower level',
    headers: ['Level', 'Goal level', 'Tier'],
  },
  // Goals over time (issue 11): what each check-in records besides the figures.
  confidence: {
    label: 'Confidence',
    about:
      'how sure the owner is of reaching the target, 0 to 10 (a column of fractions or percentages reads as tenths); each check-in records it, and a fall at two check-ins in a row is a warning',
    headers: ['Confidence', 'Confidence level', 'Confidence score', 'Confidence rating'],
    numberErrors: 'reports',
    aside: true,
  },
  note: {
    label: 'Note',
    about: 'a word on progress, recorded with each check-in in the Check-ins tab',
    headers: ['Note', 'Notes', 'Comment', 'Comments', 'Check-in note', 'Progress note', 'Status note'],
    aside: true,
  },
} as const satisfies Record<string, FieldSpec>;

/** The recognised columns of a goal tab. */
export type Field = keyof typeof FIELDS;

export const FIELD_NAMES = Object.keys(FIELDS) as Field[];

/** The field's name for people, as issue places and the Columns view show it. */
export function fieldLabel(field: Field): string {
  return FIELDS[field].label;
}

let headerIndex: ReadonlyMap<string, Field> | undefined;

/**
 * The field a header names, as normalizeHeader writes it (undefined for none). The index is built on first use, not
 * when the bundle loads: every custom-function call loads the bundle, and most never read a header.
 */
export function fieldOfHeader(key: string): Field | undefined {
  headerIndex ??= new Map(
    FIELD_NAMES.flatMap((field) =>
      FIELDS[field].headers.map((name): [string, Field] => [normalizeHeader(name), field]),
    ),
  );
  return headerIndex.get(key);
}

/** The field a Columns-map entry or a Settings row names: its key (`objectiveId`) or its label (`Objective ID`). */
export function fieldNamed(text: string): Field | null {
  const key = normalizeHeader(text);
  for (const field of FIELD_NAMES) {
    if (normalizeHeader(field) === key || normalizeHeader(FIELDS[field].label) === key) return field;
  }
  return null;
}

/** How a number field's unreadable value counts: blocking the goal's attainment, or only reported. */
export function numberErrors(field: Field): Blocking | undefined {
  return (FIELDS[field] as FieldSpec).numberErrors;
}

/** Fields that only comment on a goal (Confidence, Note): a row with nothing else filled in is no goal. */
export const ASIDE_FIELDS: ReadonlySet<Field> = new Set(
  FIELD_NAMES.filter((f) => (FIELDS[f] as FieldSpec).aside === true),
);

/** Fields whose cells group rows: a merged cell, or an Objective left blank below its first row, covers the rows under it. */
export const GROUPING_FIELDS: readonly Field[] = FIELD_NAMES.filter(
  (f) => (FIELDS[f] as FieldSpec).groups === true,
);

/**
 * Outline columns: `Main`, `L1`, `L2`, `Level 1`, `Tier 2`... A tab whose goals sit in such columns (the
 * column a row's text is in gives its depth) reads its hierarchy from them. Returns the level (0 = Main).
 */
export function outlineLevel(header: string): number | null {
  const key = normalizeHeader(header);
  if (key === 'main' || key === 'toplevel') return 0;
  const m = /^(?:l|level|tier)(\d)$/.exec(key);
  return m === null ? null : Number(m[1]);
}

/** Month names and their first three letters, lower-cased, to calendar months 1-12. */
const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map(
  'january february march april may june july august september october november december'
    .split(' ')
    .flatMap((name, k): [string, number][] => [
      [name, k + 1],
      [name.slice(0, 3), k + 1],
    ]),
);

/**
 * A phase target column (`Q1 target`, `Target Q2`, `Jan target`, `Target March`): the calendar month its phase ends
 * with (Q1 -> 3, Q4 -> 12, Jan -> 1); null for any other header.
 */
export function phaseEndMonth(header: string): number | null {
  return phaseMonthOf(header, 'target');
}

/**
 * A phase actual column (`Q1 actual`, `Actual Q2`, `Jan actual`, `Actual March`): the calendar month its phase ends
 * with; null for any other header.
 */
export function phaseActualEndMonth(header: string): number | null {
  return phaseMonthOf(header, 'actual');
}

/** The month of a `Q1 <word>`, `<word> Q1`, `Jan <word>` or `<word> January` header. */
function phaseMonthOf(header: string, word: 'target' | 'actual'): number | null {
  const key = normalizeHeader(header);
  const phase = key.startsWith(word)
    ? key.slice(word.length)
    : key.endsWith(word)
      ? key.slice(0, -word.length)
      : null;
  if (phase === null || phase === '') return null;
  const quarter = /^q([1-4])$/.exec(phase);
  return quarter !== null ? 3 * Number(quarter[1]) : (MONTH_NUMBERS.get(phase) ?? null);
}
