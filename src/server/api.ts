// The contract between the sidebar and the server: plain JSON shapes (no Date) and the endpoint names.

export type Severity = 'error' | 'warning' | 'info';
export type StatusText = 'on track' | 'at risk' | 'off track' | 'not measured';

/** A cell the sidebar can jump to. row/col are 1-based; col 0 = the whole row. */
export interface CellRef {
  tab: string;
  row: number;
  col: number;
}

export interface IssueView {
  code: string;
  severity: Severity;
  tab: string;
  row: number;
  col: number;
  column: string;
  goalId: string;
  message: string;
}

export interface CheckReport {
  /** ISO timestamp of the check. */
  checkedAt: string;
  goalTabs: string[];
  goalCount: number;
  counts: { error: number; warning: number; info: number };
  issues: IssueView[];
}

export interface GoalView {
  id: string;
  title: string;
  owner: string;
  tab: string;
  row: number;
  /**
   * The column to select for the goal when it shares its row with another: a key result written in numbered columns
   * (`key_result_2_title`), whose row is its goal's. Absent: the goal has its row to itself.
   */
  col?: number;
  type: string;
  depth: number;
  /** IDs of the children, in workbook order; a goal shared by several parents is a child of each. */
  children: string[];
  parentId: string;
  /**
   * A goal shared by several parents (`CMO-1 60%; CMO-2 40%`): each parent's ID and the share that counts there, the
   * first parent first (its own goals show under that one); absent for a goal with one parent.
   */
  shares?: { parentId: string; share: number }[];
  measured: number | null;
  rolledUp: number | null;
  final: number | null;
  gap: number | null;
  status: StatusText;
  onCycle: boolean;
  /** Final attainment at the goal's latest check-ins (at most 12, oldest first); absent when it has none. */
  trend?: number[];
  /** Final attainment now minus at the latest check-in before today; absent when either is missing. */
  sinceLast?: number;
  /** Messages of the error issues on the goal's row, in workbook order; absent when it has none. */
  errors?: string[];
  /** Run-rate forecast of the final attainment at the end of the goal's period; absent without a period or figures. */
  forecast?: number;
  /** What the forecast pays on the Settings payout curve; absent without a curve or a forecast. */
  forecastPayout?: number;
}

/** One goal's part in what it would take for a goal to reach a level (see src/core/required.ts). */
export interface RequirementView {
  id: string;
  title: string;
  tab: string;
  row: number;
  unit: string;
  /** IDs of the goals from the goal asked about down to this one's parent, top first. */
  via: string[];
  /** needs: an Actual of `actualNeeded` (or, measured by Progress, an attainment of `attainmentNeeded`). */
  verdict: 'needs' | 'reached' | 'any' | 'done' | 'in-range' | 'unreachable';
  /** Its Actual now. */
  actual: number | null;
  actualNeeded: number | null;
  /** The final attainment it must reach; null where that is no number. */
  attainmentNeeded: number | null;
  /** What it needs or why it cannot, in words: '' where the figures say it all. */
  message: string;
}

/** What it would take for one goal to reach a level: each goal feeding it, on its own, with the others as they are. */
export interface RequiredView {
  id: string;
  title: string;
  level: number;
  /** Its final attainment now. */
  final: number | null;
  requirements: RequirementView[];
}

export interface CascadeView {
  computedAt: string;
  /** IDs of the top-level goals (and goals on cycles, so none is hidden). */
  roots: string[];
  goals: GoalView[];
  counts: { error: number; warning: number; info: number };
  /** ISO day of the latest check-in in the Check-ins tab; absent when there is none. */
  lastCheckIn?: string;
}

/** What Record check-in did. */
export interface CheckInSummary {
  tab: string;
  /** ISO day recorded. */
  day: string;
  /** Check-ins written: one per goal ID. */
  goalCount: number;
  /** Earlier check-ins of the same day replaced. */
  replaced: number;
  /** '' unless something should be said: a tab of the user's left alone, or an old History log renamed. */
  note: string;
}

/** The goal in the selected row, and the parents it may link to. */
export interface LinkView {
  /** null when the selected row holds no goal; `reason` says why. */
  goal: { id: string; title: string; tab: string; row: number; parentId: string } | null;
  reason: string;
  candidates: {
    id: string;
    title: string;
    owner: string;
    tab: string;
    final: number | null;
    /**
     * false when linking to it would make a cycle (it is the goal or one of its descendants) or break its sum
     * roll-up (its children are added up in another unit).
     */
    allowed: boolean;
    /** Why it is not allowed, for people; '' when it is. */
    reason: string;
  }[];
}

export interface RollupSummary {
  /** The tab the report went to: `Roll-up`, or `Roll-up (2)`, ... when a tab of the user's holds that name. */
  tab: string;
  /** '' normally; else says whose tab kept the usual name and where the report went. */
  note: string;
  goalCount: number;
  scorecardCount: number;
  computedAt: string;
}

/** A field the Columns view offers: its key (what a choice sends back), its name for people and what it holds. */
export interface FieldOption {
  field: string;
  label: string;
  about: string;
}

/** Where a header's current reading comes from: a Settings Column row, a name we know, an outline column, or nothing. */
export type HeaderSourceText = 'settings' | 'synonym' | 'outline' | 'none';

/** One header of a tab's header row, as the Columns view shows it. */
export interface ColumnHeaderView {
  /** 1-based column. */
  column: number;
  /** As written in the tab. */
  header: string;
  /** Headers with the same key share one Column row: choosing for one chooses for all. */
  key: string;
  /** What it reads as now: a field key, `ignore`, or '' (not mapped). */
  choice: string;
  source: HeaderSourceText;
  /** The field key its name means without a Column row; '' when the name is not one we know. */
  known: string;
}

/** Whether a tab reads as goals (under a proposed map, when one was given), said for people. */
export interface TabVerdictView {
  reads: 'goals' | 'near-miss' | 'other';
  /** The header row (1-based) it reads from or nearly does; 0 when none. */
  row: number;
  message: string;
}

/** A tab that does not read as goals: its header row and what each header maps to. */
export interface ColumnsTabView {
  tab: string;
  kind: 'near-miss' | 'other';
  row: number;
  headers: ColumnHeaderView[];
  verdict: TabVerdictView;
}

export interface ColumnsView {
  /** Near misses first, then other tabs; never Settings, the Roll-up or a table the add-on wrote. */
  tabs: ColumnsTabView[];
  fields: FieldOption[];
}

/** A header and what to map it to: a field key, `ignore`, or '' for no Column row (its known name applies). */
export interface ColumnChoiceView {
  header: string;
  choice: string;
}

export interface ColumnsSaved {
  /** The workbook checked again with the new map. */
  check: CheckReport;
  /** The Columns view with the new map: tabs now read as goals have left it. */
  columns: ColumnsView;
  settingsCreated: boolean;
  /** Rows of the Settings tab written; 0 when it already said all of it. */
  rowsWritten: number;
}

/**
 * When the sheet last changed (a person's edit, seen by the onEdit trigger, or a Parent cell or column map the add-on
 * wrote) and when the Roll-up tab was last computed: ISO timestamps from the server's clock, '' when never recorded.
 * The onEdit trigger does not see edits by other scripts, formula recalculation or inserted rows.
 */
export interface ChangeStamp {
  editedAt: string;
  rolledUpAt: string;
}

/** Every function the sidebar may call through google.script.run, with its argument and result. */
export interface ServerApi {
  checkWorkbook(): CheckReport;
  getCascade(): CascadeView;
  getLinkView(): LinkView;
  /**
   * Writes parentId into the Parent cell of the goal at (tab, row) and nothing else; '' unlinks.
   * Refuses (rejects with a message) unknown IDs, the goal itself and its descendants, a row without
   * a goal, and, when goalId is given, a row whose goal is no longer goalId (the sheet changed).
   */
  linkToParent(tab: string, row: number, parentId: string, goalId?: string): LinkView;
  selectCell(ref: CellRef): void;
  rollUp(): RollupSummary;
  /** Appends today's check-in (every goal's figures, confidence and note) to the Check-ins tab; today's earlier one is replaced. */
  recordCheckIn(): CheckInSummary;
  /** What it would take for the goal `id` to reach the final attainment `level` (1 = 100%); rejects an unknown ID. */
  getRequired(id: string, level: number): RequiredView;
  addParentDropdowns(): { columns: number };
  /** name '' picks a free name (Goals, Goals 2, ...); the first use also creates the Settings tab. */
  insertGoalTab(name: string): { tab: string; settingsCreated: boolean };
  /**
   * The tabs that do not read as goals, each with its header row and what every header maps to now. With
   * `choices`, each tab's verdict says whether it would read as goals once they are saved.
   */
  getColumns(choices?: ColumnChoiceView[]): ColumnsView;
  /**
   * Saves the choices as Column rows of the Settings tab (made with the defaults when missing), under the
   * document lock and in one write, then checks the workbook again. Refuses unknown fields and a header
   * mapped two ways.
   */
  saveColumns(choices: ColumnChoiceView[]): ColumnsSaved;
  /** The change stamps, polled by the sidebar: one properties read, no spreadsheet access. */
  getChanges(): ChangeStamp;
}

export type Endpoint = keyof ServerApi;

/** Which panel the sidebar should open on; the menu passes it when it opens the sidebar. */
export type SidebarView = 'check' | 'link' | 'cascade' | 'columns';

/**
 * The menu opens the sidebar with `window[INITIAL_VIEW_GLOBAL] = '<SidebarView>'` set by a script in
 * the page's <head> (before the sidebar's own script runs); absent = the sidebar's default panel.
 */
export const INITIAL_VIEW_GLOBAL = 'MBO_INITIAL_VIEW';
