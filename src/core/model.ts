// Shared shapes of the pure core: cell values, goals, settings and cascade results.
import type { RollupMethod } from './rollups';

/** A cell as Sheets hands it over: custom-function arguments and getValues() alike. */
export type CellValue = string | number | boolean | Date | null | undefined;
/** A range: rows of columns. */
export type Grid = readonly (readonly CellValue[])[];

export type Direction = 'higher' | 'lower' | 'range' | 'binary';
export type GoalType = 'outcome' | 'activity' | 'collaboration' | '';
/** The roll-up methods are one table: src/core/rollups.ts. */
export type { RollupMethod } from './rollups';
/** Every status, in the order of their codes: CascadeResults keeps goal i's status as its index here, in a byte. */
export const STATUSES = ['on track', 'at risk', 'off track', 'not measured'] as const;
export type Status = (typeof STATUSES)[number];

/** The recognised columns of a goal tab: see FIELDS in fields.ts. */
export type { Field } from './fields';

import type { Field } from './fields';
import type { PhaseTarget, TargetPath } from './phasing';

/** One goal row after parsing. Numbers are null where the cell was blank or unreadable. */
export interface Goal {
  /** Position in the workbook's goal list (stable across the whole analysis). */
  index: number;
  tab: string;
  /** 1-based row in the grid the goal came from (a sheet row when the grid starts at A1). */
  row: number;
  /** The ID as written, trimmed. IDs match across the workbook ignoring case (see idKey in graph.ts). */
  id: string;
  title: string;
  owner: string;
  /** The parent ID as written, trimmed; '' for a top-level goal. */
  parent: string;
  type: GoalType;
  metric: string;
  unit: string;
  direction: Direction;
  baseline: number | null;
  /** For `range` goals: the lower bound. */
  target: number | null;
  /** For `range` goals: the upper bound; null otherwise. */
  targetMax: number | null;
  /** For `binary` goals: 1 for done, 0 for any other non-blank value. */
  actual: number | null;
  /**
   * Attainment as the sheet states it (Progress, Completion or Score), a fraction: the goal's measured attainment
   * when it has no Actual against a Target.
   */
  progress: number | null;
  weight: number | null;
  contribution: number | null;
  /** null = the default (`average`). */
  rollup: RollupMethod | null;
  /** Normalised period label (`FY2026`, `H1 2026`, `Q3 2026`, `Mar 2026`), '' = the workbook default. */
  period: string;
  cap: number | null;
  floor: number | null;
  /** Attainment this goal must reach for its owner to get any payout; null = no gate. */
  gate: number | null;
  /** Payout level in the Actual's units: below it the goal earns nothing on its owner's scorecard (Threshold, or Min on a goal that is not a range). */
  threshold: number | null;
  /** Payout level in the Actual's units: the goal's attainment is capped where the actual reaches it (Stretch, or Max). */
  stretch: number | null;
  /** How sure the owner is of reaching the target, 0 to 10 (Confidence); null when blank or unreadable. */
  confidence: number | null;
  /** The Note cell's text: a word on progress, recorded with each check-in. */
  note: string;
  /** Targets of Q1..Q4 or monthly target columns, in column order; null when the tab has none (see phasing.ts). */
  phaseTargets: PhaseTarget[] | null;
  /**
   * Figures of Q1..Q4 or monthly actual columns (as PhaseTarget: the month each phase ends, its value), blanks left
   * out; absent when the row has none. Where the Actual cell is blank they make the Actual (see phaseActualMode).
   */
  phaseActuals?: PhaseTarget[];
  /** Money planned for the goal (Budget): its spend where Spend is blank. */
  budget: number | null;
  /** Money spent on the goal (Spend). */
  spend: number | null;
  /**
   * True for a goal made from the layout rather than read from its own row: an objective named by its key results, or
   * a key result written as a numbered column group on its goal's row (`key_result_2_title`; see key-results.ts).
   */
  synthesized: boolean;
  /** True when an error on the goal's own values blocks its measured attainment. */
  blocked: boolean;
  /** 1-based column of each recognised field in its grid, for pointing issues at cells. */
  columns: Partial<Record<Field, number>>;
}

export interface PayoutPoint {
  attainment: number;
  payout: number;
}

export interface Settings {
  cap: number;
  floor: number;
  /** Alignment gap threshold, as a fraction (0.2 = 20 points). */
  gap: number;
  countUnmeasuredAsZero: boolean;
  payoutCurve: PayoutPoint[];
  /** Share of an owner's weight above which Activity goals mean they measure tactics. */
  activityShare: number;
  /** Words and phrases of vanity metrics; a word ending in `*` is a stem (`registr*`: registrations, registrants). */
  vanityWords: string[];
  /** Words of outcomes (pipeline, revenue, NPS...): one in the same text cancels a vanity match. Same syntax. */
  outcomeWords: string[];
  /** Goal tabs named in Settings, in addition to those found by their headers. */
  goalTabs: string[];
  /** Period for goals whose Period is blank. '' = none. */
  defaultPeriod: string;
  /** The spreadsheet's decimal separator for numbers typed as text. */
  decimalSeparator: '.' | ',';
  /** Headers the user mapped to fields (Settings ▸ Column rows); field null = ignore the column. */
  columns: ColumnMapping[];
  /** The spreadsheet's time zone (`Europe/Berlin`): Date cells are read as the calendar day they show there. */
  timeZone: string;
  /** How targets build up over a period for goals without phase targets: the status compares with it. */
  targetPath: TargetPath;
  /**
   * How a goal shared by co-owners (`Ann; Bob`) counts on each of their scorecards: `full` = its whole attainment;
   * `split` = their share of it (written beside the name, `Ann 60%`, else an equal share).
   */
  sharedCredit: 'full' | 'split';
}

/** One Settings ▸ Column row: a header as written on goal tabs, and the field it holds. */
export interface ColumnMapping {
  header: string;
  field: Field | null;
}

export const DEFAULT_SETTINGS: Settings = {
  cap: 1.5,
  floor: 0,
  gap: 0.2,
  countUnmeasuredAsZero: false,
  payoutCurve: [
    { attainment: 0.8, payout: 0.5 },
    { attainment: 1, payout: 1 },
    { attainment: 1.2, payout: 1.5 },
  ],
  activityShare: 0.5,
  // The seeds' list: engagement and activity counts that do not say whether the business gained anything.
  vanityWords: [
    'click',
    'ctr',
    'impression',
    'open rate',
    'opens',
    'award*',
    'event attendance',
    'attend*',
    'registr*',
    'registered',
    'download*',
    'visit*',
    'page views',
    'event success',
    'request fulfil* rate',
    'fulfil*',
    'request rate',
    'ad-hoc request',
    'turnaround',
    'leads',
    'lead count',
    'number of leads',
    'mql',
    'posts',
    'followers',
    'likes',
  ],
  outcomeWords: ['pipeline', 'revenue', 'margin', 'win rate', 'nps', 'csat'],
  goalTabs: [],
  defaultPeriod: '',
  decimalSeparator: '.',
  columns: [],
  timeZone: 'UTC',
  targetPath: 'linear',
  sharedCredit: 'full',
};

/**
 * The cascade's result for every goal (index i = Goal.index), held by field rather than as an object per
 * goal: measured, rolled-up and status in typed arrays, from which final and gap derive (see results.ts).
 * A million results are a few arrays the garbage collector never has to copy. GoalResult objects are
 * built only when asked for (at, iteration, JSON).
 */
export interface CascadeResults extends Iterable<GoalResult> {
  /** The number of goals. */
  readonly length: number;
  /** Final attainment of goal i (what trees up and what scorecards read); null when unmeasured, or when there is no goal i. */
  final(i: number): number | null;
  /** Goal i's whole result, built when asked for: O(1), its `path` computed when read. Throws a RangeError when there is no goal i. */
  at(i: number): GoalResult;
  /** Every goal's result in index order, each built as `at` builds it. */
  [Symbol.iterator](): Iterator<GoalResult>;
  /** JSON is the array of every goal's result, path included: the same JSON as an array of GoalResult. */
  toJSON(): GoalResult[];
}

/** What the cascade computes for one goal (same index as the goal); CascadeResults.at(i) builds it. */
export interface GoalResult {
  index: number;
  /** 0 for a top-level goal. */
  depth: number;
  /** Goal indices from the top of the tree down to this goal. */
  path: number[];
  /** Children in workbook order. */
  children: number[];
  /** From the goal's own Actual; null when unmeasured or blocked. */
  measured: number | null;
  /** From the children; null when there are none to count, or the goal is on a cycle. */
  rolledUp: number | null;
  /** What trees further up: measured when present, else rolled up. */
  final: number | null;
  /** measured - rolledUp when both exist and differ by more than the threshold; else null. */
  gap: number | null;
  status: Status;
  /** Share of the goal's period elapsed at the analysis date, 0..1; null when unknown. */
  elapsed: number | null;
  onCycle: boolean;
}

export interface Scorecard {
  owner: string;
  period: string;
  /** Weighted attainment; null when no weighted goal is measured. */
  score: number | null;
  payout: number | null;
  weightTotal: number;
  goalCount: number;
  /** True when a gate goal missed its threshold (payout forced to 0). */
  gated: boolean;
  /** Every gate goal on the card and whether it was met, in workbook order; empty when the card has none. */
  gates: readonly GateCheck[];
}

/** One gate goal on a scorecard: its final attainment (null = unmeasured, which misses) against its gate. */
export interface GateCheck {
  goalId: string;
  attainment: number | null;
  gate: number;
  met: boolean;
}
