// Reading a goal tab: its header row, its layout (plain, OKR objective/key result, outline), then one Goal per goal row.
import { cellText, isBlank, normalizeHeader, parseNumber } from './cells';
import { ASIDE_FIELDS, type Field, GROUPING_FIELDS } from './fields';
import { type ColumnMap, type HeaderRow, inspectTab } from './header';
import { withoutBlankIdColumn } from './id-column';
import { type Issue, issueAt } from './issues';
import { KeyResultReader } from './key-results';
import type { CellValue, Goal, Grid, Settings } from './model';
import { outlineDepth, outlineNumberColumn, withOutlineNumbers } from './outline-numbers';
import { NOTHING_GIVEN, progressInPoints, RowReader } from './row-reader';
import { foreignTypeValues, withoutTypeColumn } from './type-column';

export { findHeader, HEADER_SEARCH_ROWS, inspectTab } from './header';
export { parseDirection, parseRangeTarget, parseStatusWord } from './row-reader';

/** A merged block of cells, 1-based in the grid (its top-left cell holds the value), as Sheets and .xlsx report them. */
export interface Merge {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Goals read from one tab, and the issues found in its cells. */
export interface GoalTab {
  goals: Goal[];
  issues: Issue[];
}

export interface ReadOptions {
  /** Added to grid row numbers when the grid does not start at row 1. */
  rowOffset?: number;
  /** Merged cells of the tab: a merged Objective, Parent, Owner or Period applies to every row it covers. */
  merges?: readonly Merge[];
}

/** The ID of a goal on a tab without an ID column: the tab and the sheet row, as people point at it (`Sales!12`). */
export function generatedId(tab: string, row: number): string {
  return `${tab}!${row}`;
}

/** The ID of an objective made from the Objective text of key-result rows (when there is no Objective ID). */
export function objectiveId(tab: string, title: string): string {
  return `${tab}: ${title}`;
}

/** Settings ▸ Column rows as the header reader takes them. */
export function columnMapOf(settings: Pick<Settings, 'columns'>): ColumnMap {
  return new Map(settings.columns.map((c) => [normalizeHeader(c.header), c.field]));
}

/**
 * The goals of a tab, or null when it does not read as a goal tab (see inspectTab). One goal per row below the
 * header; a row whose recognised columns are all blank is skipped (notes in other columns alone make no goal);
 * a label alone (a section row) and TOTAL rows are skipped with an info issue. `index` runs from firstIndex;
 * `row` is the 1-based grid row plus rowOffset.
 */
export function readGoalTab(
  tab: string,
  grid: Grid,
  settings: Settings,
  firstIndex: number,
  options: ReadOptions = {},
): GoalTab | null {
  const map = columnMapOf(settings);
  const shape = inspectTab(grid, map);
  if (shape.kind !== 'goals') return null;
  const offset = options.rowOffset ?? 0;
  const { header, foreignTypes } = columnsAsRead(grid, shape.header, map);
  const keyResults =
    header.keyResults === undefined
      ? null
      : new KeyResultReader(tab, header, header.keyResults, grid, {
          decimalSeparator: settings.decimalSeparator,
          timeZone: settings.timeZone,
        });
  const rows = new GroupedRows(grid, header, options.merges ?? [], keyResults?.columns() ?? []);
  const reader = new RowReader(
    tab,
    header,
    settings.decimalSeparator,
    progressInPoints(
      grid,
      header.row,
      header.columns.progress === undefined ? [] : [header.columns.progress],
    ),
    settings.timeZone,
    confidenceAsFraction(grid, header),
  );
  const layout = new Layout(tab, header, reader, keyResults);
  if (foreignTypes !== null) {
    const { col, header: headerText, examples } = foreignTypes;
    const place = { tab, row: header.row + 1 + offset, col: col + 1, column: 'Type', goalId: '' };
    reader.issues.push(issueAt(place, { code: 'foreign-type-column', header: headerText, examples }));
  }
  const goals: Goal[] = [];
  for (let r = header.row + 1; r < grid.length; r++) {
    const cells = rows.at(r);
    if (isBlankRow(cells, rows.used)) continue;
    const row = r + 1 + offset;
    const skipped = skippedRow(cells, header);
    if (skipped !== null) {
      reader.issues.push(
        issueAt({ tab, row, col: 0, column: '', goalId: '' }, { code: skipped, text: firstText(cells) }),
      );
      continue;
    }
    layout.readRow(cells, row, firstIndex, goals);
  }
  return { goals, issues: reader.issues };
}

/**
 * The header as the tab's columns are read, decided once per tab from their values: a Type column holding none of
 * our types is set aside (and said once, `foreignTypes`: its 0-based column, header and first values), an ID column
 * blank on every row counts as none, and outline numbers (1, 1.1, 1.2.1) in the Level or an Order column give the
 * hierarchy.
 */
function columnsAsRead(
  grid: Grid,
  found: HeaderRow,
  map: ColumnMap,
): { header: HeaderRow; foreignTypes: { col: number; header: string; examples: string[] } | null } {
  const examples = foreignTypeValues(grid, found);
  const typeCol = found.columns.type;
  const foreignTypes =
    examples === null || typeCol === undefined
      ? null
      : { col: typeCol, header: cellText(grid[found.row][typeCol]).trim(), examples };
  const header = withoutBlankIdColumn(grid, foreignTypes === null ? found : withoutTypeColumn(found));
  const outline = outlineNumberColumn(grid, header, map);
  return { header: outline === null ? header : withOutlineNumbers(header, outline), foreignTypes };
}

/** True when every recognised column of the row is blank. */
function isBlankRow(cells: readonly CellValue[], used: readonly number[]): boolean {
  for (const c of used) if (!isBlank(cells[c])) return false;
  return true;
}

const TOTAL = /^(grand\s*|sub-?\s*)?totals?(\s+(weights?|scores?|payouts?|attainment))?\s*:?$/i;
/** Longest text a TOTAL label can be ("Grand total attainment:"); longer text is never tested. */
const LONGEST_TOTAL = 24;

/** A TOTAL label starts with to, gr or su (any case; a space before it goes to the regex): most cells stop here. */
function mayBeTotal(v: string): boolean {
  if (v.charCodeAt(0) <= 0x20) return true;
  const first = v.charCodeAt(0) | 0x20;
  const second = v.charCodeAt(1) | 0x20;
  return (
    (first === 0x74 && second === 0x6f) ||
    (first === 0x67 && second === 0x72) ||
    (first === 0x73 && second === 0x75)
  );
}

function isTotalLabel(v: CellValue): boolean {
  if (typeof v !== 'string' || v.length > LONGEST_TOTAL || !mayBeTotal(v)) return false;
  return TOTAL.test(v.trim());
}

/**
 * Rows that are not goals, though they hold something: a TOTAL row (Total, Grand total, Subtotal, Total weight...
 * as its ID, or in its Goal or first cell when it has no ID), and a section row (a label alone, on a row with no ID).
 */
function skippedRow(cells: readonly CellValue[], header: HeaderRow): 'total-row' | 'section-row' | null {
  const { columns } = header;
  const id = columns.id === undefined ? '' : cells[columns.id];
  // A goal with an ID may be titled "Total": only a row without one (or with TOTAL as its ID) is a total.
  if (
    isTotalLabel(id) ||
    (isBlank(id) && (isTotalLabel(cells[0]) || isTotalLabel(cells[columns.goal ?? -1])))
  ) {
    return 'total-row';
  }
  let only = -1;
  for (let c = 0; c < cells.length; c++) {
    if (isBlank(cells[c])) continue;
    // A second filled cell: a goal row (most rows stop here, at their first two cells).
    if (only !== -1) return null;
    only = c;
  }
  if (only === -1 || typeof cells[only] !== 'string') return null;
  // A lone cell in a column that names goals by its place is a goal, not a label: an objective's own row, or an outline title.
  if (only === columns.objective || only === columns.id || header.outline.includes(only)) return null;
  return 'section-row';
}

function firstText(cells: readonly CellValue[]): string {
  for (const v of cells) if (!isBlank(v)) return cellText(v);
  return '';
}

/**
 * True when the Confidence column holds fractions rather than tenths: every number in it from 0 to 1 and some
 * number strictly between (0.7, as a 70% cell arrives). A column of 0s and 1s reads as tenths.
 */
function confidenceAsFraction(grid: Grid, header: HeaderRow): boolean {
  const c = header.columns.confidence;
  if (c === undefined) return false;
  let between = false;
  for (let r = header.row + 1; r < grid.length; r++) {
    const n = parseNumber(grid[r][c]);
    if (n === null || Number.isNaN(n)) continue;
    if (n < 0 || n > 1) return false;
    if (n > 0 && n < 1) between = true;
  }
  return between;
}

/**
 * The tab's rows with grouping cells filled in: a merged Objective/Parent/Owner/Period cell applies to every row it
 * covers, and in OKR layouts an Objective left blank applies the one above. Rows are copied only where filled.
 */
class GroupedRows {
  /** 0-based columns of the recognised fields and outline columns. */
  readonly used: number[];
  private readonly filled = new Map<number, Map<number, CellValue>>();
  private readonly objectiveCol: number | undefined;
  private lastObjective: CellValue = '';

  constructor(
    private readonly grid: Grid,
    header: HeaderRow,
    merges: readonly Merge[],
    /** Columns of key-result groups: a row with only a key result filled in is still a goal's row. */
    keyResultColumns: readonly number[],
  ) {
    // Confidence and Note only comment on a goal: filled alone, they make no goal row.
    const counted = (Object.keys(header.columns) as Field[]).filter((f) => !ASIDE_FIELDS.has(f));
    this.used = [...counted.map((f) => header.columns[f]!), ...header.outline, ...keyResultColumns];
    this.objectiveCol = header.columns.objective;
    const grouping = new Set(GROUPING_FIELDS.map((f) => header.columns[f]).filter((c) => c !== undefined));
    for (const m of merges) {
      for (let c = m.col - 1; c < m.col - 1 + m.cols; c++) {
        if (!grouping.has(c)) continue;
        const value = grid[m.row - 1]?.[m.col - 1];
        for (let r = m.row; r < m.row - 1 + m.rows; r++) this.fill(r, c, value);
      }
    }
  }

  private fill(r: number, c: number, value: CellValue): void {
    let row = this.filled.get(r);
    if (row === undefined) this.filled.set(r, (row = new Map()));
    row.set(c, value);
  }

  /** Row r (0-based) with its grouping cells filled; rows must be read top-down (the objective fills down). */
  at(r: number): readonly CellValue[] {
    const cells = this.grid[r];
    const fills = this.filled.get(r);
    const oc = this.objectiveCol;
    const objectiveBlank = oc !== undefined && isBlank(fills?.get(oc) ?? cells[oc]);
    if (fills === undefined && !objectiveBlank) {
      if (oc !== undefined) this.lastObjective = cells[oc];
      return cells;
    }
    const copy = cells.slice();
    if (fills !== undefined) for (const [c, v] of fills) copy[c] = v;
    if (oc !== undefined) {
      // Only rows with something of their own inherit the objective: a blank row stays blank.
      if (objectiveBlank && this.used.some((c) => c !== oc && !isBlank(copy[c])))
        copy[oc] = this.lastObjective;
      else this.lastObjective = copy[oc];
    }
    return copy;
  }
}

/** Fields an objective's own row may carry besides its text: anything else makes the row a key result missing its text. */
const OBJECTIVE_ROW_FIELDS: ReadonlySet<Field> = new Set<Field>([
  'objective',
  'objectiveId',
  'owner',
  'parent',
  'period',
]);

/** A goal made from Objective text: it holds its key results and rolls them up. */
interface Objective {
  goal: Goal;
}

/**
 * What a row's place says: its ID on a tab without IDs, its parent in OKR and outline layouts, its objective
 * (made once per distinct Objective text on the tab, just before its first key result).
 */
class Layout {
  private readonly objectives = new Map<string, Objective>();
  /** The goals above in the outline, by level: the nearest one of a lower level is a row's parent. */
  private readonly outlineStack: { level: number; id: string }[] = [];
  private readonly objectiveColumns: Partial<Record<Field, number>>;

  constructor(
    private readonly tab: string,
    private readonly header: HeaderRow,
    private readonly reader: RowReader,
    /** The tab's key-result column groups, null when it has none. */
    private readonly keyResults: KeyResultReader | null,
  ) {
    const { columns } = header;
    const one = (c: number | undefined) => (c === undefined ? undefined : c + 1);
    this.objectiveColumns = Object.freeze({
      id: one(columns.objectiveId),
      goal: one(columns.objective),
      owner: one(columns.owner),
      parent: one(columns.parent),
      period: one(columns.period),
    });
  }

  readRow(cells: readonly CellValue[], row: number, firstIndex: number, goals: Goal[]): void {
    const { columns } = this.header;
    const id = columns.id === undefined ? generatedId(this.tab, row) : undefined;
    let parent: string | undefined;
    let title: string | undefined;

    if (columns.objective !== undefined) {
      const text = cellText(cells[columns.objective]);
      if (text !== '') {
        const objective = this.objectiveFor(text, cells, row, firstIndex, goals);
        if (isBlank(cells[columns.goal!]) && this.onlyObjectiveFields(cells)) return;
        parent = objective.goal.id;
      }
    }
    const outlined = this.outlinePlace(cells);
    if (outlined !== null) {
      title = outlined.title;
      if (parent === undefined && this.cellOf(cells, 'parent') === '') parent = outlined.parent;
    }
    // A plain tab gives its rows nothing: they share one empty RowGiven rather than allocate one each.
    const given =
      id === undefined && parent === undefined && title === undefined ? NOTHING_GIVEN : { id, title, parent };
    const goal = this.reader.read(cells, row, firstIndex + goals.length, given);
    if (goal === null) return;
    goals.push(goal);
    if (outlined !== null) this.outlineStack.push({ level: outlined.level, id: goal.id });
    if (this.keyResults !== null) this.keyResults.read(cells, goal, firstIndex, goals, this.reader.issues);
  }

  private onlyObjectiveFields(cells: readonly CellValue[]): boolean {
    const { columns } = this.header;
    return (Object.keys(columns) as Field[]).every(
      (f) => OBJECTIVE_ROW_FIELDS.has(f) || isBlank(cells[columns[f]!]),
    );
  }

  /** The objective named by a row's Objective text, made (and added before the row's goal) the first time. */
  private objectiveFor(
    text: string,
    cells: readonly CellValue[],
    row: number,
    firstIndex: number,
    goals: Goal[],
  ): Objective {
    const key = text.toLowerCase().replace(/\s+/g, ' ');
    const known = this.objectives.get(key);
    if (known !== undefined) {
      const parent = this.cellOf(cells, 'parent');
      if (parent !== '' && known.goal.parent === '') known.goal.parent = parent;
      return known;
    }
    const { columns } = this.header;
    const givenId = this.cellOf(cells, 'objectiveId');
    const id = givenId !== '' ? givenId : objectiveId(this.tab, text);
    const goal = synthesizedGoal({
      index: firstIndex + goals.length,
      tab: this.tab,
      row,
      id,
      title: text,
      owner: isBlank(cells[columns.goal!]) ? this.cellOf(cells, 'owner') : '',
      parent: this.cellOf(cells, 'parent'),
      period: '',
      columns: this.objectiveColumns,
    });
    goals.push(goal);
    const objective = { goal };
    this.objectives.set(key, objective);
    return objective;
  }

  private cellOf(cells: readonly CellValue[], field: Field): string {
    const c = this.header.columns[field];
    return c === undefined ? '' : cellText(cells[c]);
  }

  /**
   * A row's place in the outline: its title from the first filled outline column (Main, L1, L2...) and the
   * nearest goal above it at a lower level; or, with a Level column, the level written there. Null otherwise.
   */
  private outlinePlace(
    cells: readonly CellValue[],
  ): { title?: string; level: number; parent: string } | null {
    const { outline, columns } = this.header;
    let title: string | undefined;
    let level: number | null = null;
    if (outline.length > 0 && columns.goal === undefined) {
      const at = outline.findIndex((c) => !isBlank(cells[c]));
      if (at === -1) return null;
      title = cellText(cells[outline[at]]);
      level = at;
    } else if (columns.level !== undefined) {
      if (this.header.outlineNumbers === true) {
        level = outlineDepth(cells[columns.level]);
      } else {
        const digits = /\d+/.exec(cellText(cells[columns.level]));
        level = digits === null ? null : Number(digits[0]);
      }
    }
    if (level === null) return null;
    const stack = this.outlineStack;
    while (stack.length > 0 && stack[stack.length - 1].level >= level) stack.pop();
    return { title, level, parent: stack.length > 0 ? stack[stack.length - 1].id : '' };
  }
}

/** A goal with no cells of its own values: an objective made from the text of its key results' rows. */
export function synthesizedGoal(
  base: Pick<Goal, 'index' | 'tab' | 'row' | 'id' | 'title' | 'owner' | 'parent' | 'period' | 'columns'>,
): Goal {
  return {
    ...base,
    type: '',
    metric: '',
    unit: '',
    direction: 'higher',
    baseline: null,
    target: null,
    targetMax: null,
    actual: null,
    progress: null,
    weight: null,
    contribution: null,
    rollup: null,
    cap: null,
    floor: null,
    gate: null,
    threshold: null,
    stretch: null,
    budget: null,
    spend: null,
    confidence: null,
    note: '',
    phaseTargets: null,
    synthesized: true,
    blocked: false,
  };
}
