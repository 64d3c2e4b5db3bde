// The recognised columns of a goal tab, in one table: each field's header names, its name for people, and how its values read.
import { normalizeHeader } from './cells';

/** Whether a bad value in the column blocks the goal's measured attainment. */
type Blocking = 'blocks' | 'reports';

interface FieldSpec {
  /** The field's name for people: issue places and the Columns view use it. */
  readonly label: string;
  /**
   * Header names as people write them; matched as normalizeHeader writes them (any case, spacing and
   * punctuation; a trailing "(%)" is ignored). A name belongs to one field only.
   */
  readonly headers: readonly string[];
  /** For number fields: what a value that is not a number does. */
  readonly numberErrors?: Blocking;
  /** True for columns that group rows (a merged or blank-below cell applies to the rows under it). */
  readonly groups?: boolean;
}

/**
 * Every field, in the order people read a goal row. OKR layouts: a tab with an Objective column and a
 * Key Result (or Goal) column reads each row as a key result under the objective (see header.ts), so
 * `objective` and `objectiveId` have their own fields.
 */
export const FIELDS = {
  id: { label: 'ID', headers: ['ID', 'Goal ID', 'Key', 'Ref', 'Reference', 'Row ID', 'Key result ID', 'KR ID', 'Goal key', 'Goal number'] },
  goal: {
    label: 'Goal',
    headers: ['Goal', 'MBO', 'Title', 'Name', 'Goal title', 'Goal name', 'Key result', 'Key results', 'KR', 'KRs', 'Key result title', 'Key result name'],
  },
  objective: { label: 'Objective', headers: ['Objective', 'Objectives', 'Objective title', 'Objective name'], groups: true },
  objectiveId: { label: 'Objective ID', headers: ['Objective ID', 'Objective key', 'Obj ID'], groups: true },
  owner: {
    label: 'Owner',
    headers: [
      'Owner', 'Assignee', 'Employee', 'Person', 'Owner name', 'Goal owner', 'Key result owner', 'KR owner', 'Responsible',
      'Owner email', 'Email', 'User', 'User ID', 'Employee name', 'Employee ID',
    ],
    groups: true,
  },
  parent: {
    label: 'Parent',
    headers: [
      'Parent', 'Parent ID', 'Aligns to', 'Aligned to', 'Contributes to', 'Parent goal', 'Parent goal ID',
      'Parent row ID', 'Parent row IDs', 'Parent objective', 'Parent objective ID', 'Aligned objective',
      'Aligned goal', 'Corporate objective', 'Company objective',
    ],
    groups: true,
  },
  type: { label: 'Type', headers: ['Type', 'Goal type'] },
  metric: { label: 'Metric', headers: ['Metric', 'KPI', 'Measure', 'Measurement', 'Success metric'] },
  unit: { label: 'Unit', headers: ['Unit', 'Units', 'Unit of measure'] },
  direction: { label: 'Direction', headers: ['Direction'] },
  baseline: {
    label: 'Baseline',
    headers: ['Baseline', 'Start', 'Start value', 'Starting value', 'Initial value', 'Baseline value'],
    numberErrors: 'blocks',
  },
  target: {
    label: 'Target',
    headers: ['Target', 'Goal value', 'Target value', 'End', 'End value', 'Target amount'],
    numberErrors: 'blocks',
  },
  min: { label: 'Min', headers: ['Min', 'Minimum', 'Target min'], numberErrors: 'blocks' },
  max: { label: 'Max', headers: ['Max', 'Maximum', 'Target max'], numberErrors: 'blocks' },
  actual: {
    label: 'Actual',
    headers: ['Actual', 'Current', 'Result', 'Current value', 'Actual value', 'Achieved', 'Actual result'],
    numberErrors: 'blocks',
  },
  progress: {
    label: 'Progress',
    headers: [
      'Progress', 'Completion', 'Score', 'Percent complete', 'Completion rate', 'OKR score', 'Grade', 'Attainment',
      'Goal % completion', 'Goal progress', 'KR progress',
    ],
    numberErrors: 'blocks',
  },
  status: { label: 'Status', headers: ['Status', 'State'] },
  weight: { label: 'Weight', headers: ['Weight', 'Weighting', 'Weightage', 'Goal weight'], numberErrors: 'reports' },
  contribution: { label: 'Contribution', headers: ['Contribution'], numberErrors: 'reports' },
  rollup: { label: 'Rollup', headers: ['Rollup', 'Rollup method'] },
  period: { label: 'Period', headers: ['Period', 'Quarter', 'Cycle', 'Time period', 'Timeframe'], groups: true },
  due: { label: 'Due date', headers: ['Due date', 'Due', 'Deadline', 'Target date', 'End date', 'Goal end date'] },
  cap: { label: 'Cap', headers: ['Cap'], numberErrors: 'blocks' },
  floor: { label: 'Floor', headers: ['Floor'], numberErrors: 'blocks' },
  threshold: { label: 'Threshold', headers: ['Threshold', 'Threshold value'], numberErrors: 'reports' },
  stretch: { label: 'Stretch', headers: ['Stretch', 'Stretch target', 'Stretch value', 'Stretch goal'], numberErrors: 'reports' },
  gate: { label: 'Gate', headers: ['Gate'], numberErrors: 'reports' },
  level: { label: 'Level', headers: ['Level', 'Goal level', 'Tier'] },
} as const satisfies Record<string, FieldSpec>;

/** The recognised columns of a goal tab. */
export type Field = keyof typeof FIELDS;

export const FIELD_NAMES = Object.keys(FIELDS) as Field[];

/** The field's name for people, as issue places and the Columns view show it. */
export function fieldLabel(field: Field): string {
  return FIELDS[field].label;
}

/** Each header name, as normalizeHeader writes it, to its field. */
export const FIELD_BY_HEADER: ReadonlyMap<string, Field> = new Map(
  FIELD_NAMES.flatMap((field) => FIELDS[field].headers.map((name): [string, Field] => [normalizeHeader(name), field])),
);

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

/** Fields whose cells group rows: a merged cell, or an Objective left blank below its first row, covers the rows under it. */
export const GROUPING_FIELDS: readonly Field[] = FIELD_NAMES.filter((f) => (FIELDS[f] as FieldSpec).groups === true);

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
