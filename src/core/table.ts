// Reading a goal tab: find its header row, then turn each row into a Goal and each bad cell into an Issue.
import { UTC } from './calendar';
import { cellText, isBlank, isDate, normalizeHeader, parseBinary, parseNumber } from './cells';
import { type Issue, type IssueDetail, issueAt, type Place } from './issues';
import type { CellValue, Direction, Field, Goal, GoalType, Grid, RollupMethod, Settings } from './model';
import { parsePeriod } from './period';

/** Header names of each field, as normalizeHeader writes them. A name belongs to one field only. */
export const HEADER_SYNONYMS: Readonly<Record<Field, readonly string[]>> = {
  id: ['id', 'goalid', 'key', 'ref'],
  goal: ['goal', 'objective', 'mbo', 'title', 'name'],
  owner: ['owner', 'assignee', 'employee', 'person'],
  parent: ['parent', 'parentid', 'alignsto', 'alignedto', 'contributesto'],
  type: ['type', 'goaltype'],
  metric: ['metric', 'kpi', 'measure'],
  unit: ['unit', 'units'],
  direction: ['direction'],
  baseline: ['baseline', 'start'],
  target: ['target', 'goalvalue'],
  min: ['min', 'minimum', 'targetmin'],
  max: ['max', 'maximum', 'targetmax'],
  actual: ['actual', 'current', 'result'],
  weight: ['weight', 'weighting'],
  contribution: ['contribution'],
  rollup: ['rollup', 'rollupmethod'],
  period: ['period'],
  cap: ['cap'],
  floor: ['floor'],
  gate: ['gate', 'threshold'],
};

const FIELD_BY_HEADER: ReadonlyMap<string, Field> = new Map(
  (Object.keys(HEADER_SYNONYMS) as Field[]).flatMap((field) =>
    HEADER_SYNONYMS[field].map((name): [string, Field] => [name, field]),
  ),
);

/** The header row of a goal tab: 0-based row and columns, and each header as written (trimmed). */
export interface HeaderRow {
  row: number;
  columns: Partial<Record<Field, number>>;
  headers: string[];
}

/** How many rows from the top may hold the header row. */
const HEADER_SEARCH_ROWS = 5;

/**
 * The header row: the first non-empty row among the first five, if it has an ID and a Goal column.
 * The first column matching a field wins; unknown columns are left out of `columns`.
 */
export function findHeader(grid: Grid, timeZone: string = UTC): HeaderRow | null {
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const cells = grid[r];
    if (cells.every((v) => isBlank(v))) continue;
    const headers = Array.from(cells, (v) => cellText(v, timeZone));
    const columns: Partial<Record<Field, number>> = {};
    headers.forEach((header, c) => {
      const field = FIELD_BY_HEADER.get(normalizeHeader(header));
      if (field !== undefined && columns[field] === undefined) columns[field] = c;
    });
    return columns.id !== undefined && columns.goal !== undefined ? { row: r, columns, headers } : null;
  }
  return null;
}

/** Words of the enumerated columns, as normalizeHeader writes them. */
function wordMap<T>(groups: readonly [T, readonly string[]][]): ReadonlyMap<string, T> {
  return new Map(groups.flatMap(([value, words]) => words.map((word): [string, T] => [word, value])));
}

const TYPES = wordMap<GoalType>([
  ['outcome', ['outcome', 'outcomes']],
  ['activity', ['activity', 'activities']],
  ['collaboration', ['collaboration', 'collaborations']],
]);

const DIRECTIONS = wordMap<Direction>([
  ['higher', ['higher', 'up', 'increase', 'maximize', 'maximise', 'higherisbetter']],
  ['lower', ['lower', 'down', 'decrease', 'minimize', 'minimise', 'lowerisbetter']],
  ['range', ['range', 'between']],
  ['binary', ['binary', 'yesno', 'done']],
]);

const ROLLUPS = wordMap<RollupMethod>([
  ['average', ['average', 'avg', 'mean']],
  ['sum', ['sum', 'total']],
  ['min', ['min', 'minimum', 'weakest']],
  ['own', ['own', 'none']],
]);

/** A word of an enumerated column: the plain lower-cased text first (no regex work), then normalised. */
function lookupWord<T>(words: ReadonlyMap<string, T>, text: string): T | undefined {
  return words.get(text.toLowerCase()) ?? words.get(normalizeHeader(text));
}

/** A Direction cell's text: blank is `higher` (the default); null when it is not a direction. */
export function parseDirection(text: string): Direction | null {
  const trimmed = text.trim();
  return trimmed === '' ? 'higher' : (lookupWord(DIRECTIONS, trimmed) ?? null);
}

/**
 * A range goal's Target written as two numbers, lowest first: `40-60`, `40 - 60`, `40% - 60%`,
 * `40–60`, `40 to 60`. Null for anything else, including a single number or low above high.
 */
export function parseRangeTarget(v: CellValue, decimalSeparator: '.' | ',' = '.'): [number, number] | null {
  if (typeof v !== 'string') return null;
  const pair = splitRange(v.trim(), decimalSeparator);
  return pair !== null && pair[0] <= pair[1] ? pair : null;
}

/** Errors on these fields block the goal's measured attainment (weight, contribution and gate do not). */
const BLOCKING_NUMBERS: ReadonlySet<Field> = new Set<Field>([
  'baseline',
  'target',
  'actual',
  'min',
  'max',
  'cap',
  'floor',
]);

/** Goals read from one tab, and the issues found in its cells. */
export interface GoalTab {
  goals: Goal[];
  issues: Issue[];
}

/**
 * The goals of a tab, or null when it is not a goal tab (no header row with ID and Goal).
 * One goal per row below the header with an ID; a row whose recognised columns are all blank is
 * skipped (notes in unknown columns alone do not make a goal). `index` runs from firstIndex;
 * `row` is the 1-based grid row plus rowOffset (for grids that do not start at row 1).
 */
export function readGoalTab(
  tab: string,
  grid: Grid,
  settings: Settings,
  firstIndex: number,
  rowOffset = 0,
): GoalTab | null {
  const header = findHeader(grid, settings.timeZone);
  if (header === null) return null;
  const reader = new RowReader(tab, header, settings.decimalSeparator, settings.timeZone);
  const goals: Goal[] = [];
  for (let r = header.row + 1; r < grid.length; r++) {
    const goal = reader.read(grid[r], r + 1 + rowOffset, firstIndex + goals.length);
    if (goal !== null) goals.push(goal);
  }
  return { goals, issues: reader.issues };
}

/** The order of RowReader.fieldColumns: columnOf's switch reads position k for COLUMN_ORDER[k]. */
const COLUMN_ORDER: readonly Field[] = [
  'id',
  'goal',
  'owner',
  'parent',
  'type',
  'metric',
  'unit',
  'direction',
  'baseline',
  'target',
  'min',
  'max',
  'actual',
  'weight',
  'contribution',
  'rollup',
  'period',
  'cap',
  'floor',
  'gate',
];

/** Reads rows of one tab; holds the row being read so that helpers can point issues at its cells. */
class RowReader {
  readonly issues: Issue[] = [];
  /** 0-based column of every field, -1 when absent: one fixed shape, so lookups stay fast. */
  private readonly col: Record<Field, number>;
  /** The same columns in COLUMN_ORDER, for columnOf. */
  private readonly fieldColumns: Int32Array;
  private readonly headers: string[];
  /** 0-based columns of the recognised fields, for the blank-row test. */
  private readonly used: number[];
  /** 1-based columns, one frozen object shared by every goal of the tab. */
  private readonly columns: Partial<Record<Field, number>>;
  // Enumerated and period cells repeat down a column: each distinct text is looked up once per tab.
  private readonly typeWords = new Map<string, GoalType | null>();
  private readonly directionWords = new Map<string, Direction | null>();
  private readonly rollupWords = new Map<string, RollupMethod | null>();
  private readonly periodTexts = new Map<string, string | null>();
  private readonly periodTimes = new Map<number, string | null>();
  private cells: readonly CellValue[] = [];
  private row = 0;
  private goalId = '';
  private blocked = false;

  constructor(
    private readonly tab: string,
    header: HeaderRow,
    private readonly decimalSeparator: '.' | ',',
    private readonly timeZone: string,
  ) {
    this.col = fieldColumns(header.columns);
    this.fieldColumns = Int32Array.from(COLUMN_ORDER, (field) => this.col[field]);
    this.headers = header.headers;
    this.used = Object.values(header.columns) as number[];
    const columns: Partial<Record<Field, number>> = {};
    for (const field of Object.keys(header.columns) as Field[]) columns[field] = header.columns[field]! + 1;
    this.columns = Object.freeze(columns);
  }

  read(cells: readonly CellValue[], row: number, index: number): Goal | null {
    if (this.isBlankRow(cells)) return null;
    this.cells = cells;
    this.row = row;
    this.goalId = '';
    this.blocked = false;

    const id = this.text('id');
    if (id === '') {
      this.report('id', { code: 'missing-id' });
      return null;
    }
    this.goalId = id;

    const title = this.text('goal');
    if (title === '') this.fail('goal', { code: 'missing-goal' });
    const owner = this.text('owner');
    if (owner === '') this.report('owner', { code: 'missing-owner' });
    const parent = this.text('parent');
    const type = this.readType();
    const direction = this.readDirection();

    const baseline = this.number('baseline');
    const min = this.number('min');
    const max = this.number('max');
    let target: number | null = null;
    let targetMax: number | null = null;
    if (direction === 'range') [target, targetMax] = this.readRange(min, max);
    else if (direction === 'binary') target = this.quietNumber('target');
    else target = orNull(this.number('target'));
    const actual = direction === 'binary' ? this.binary('actual') : this.number('actual');
    if (direction !== 'binary' && !Number.isNaN(actual) && actual !== null && this.lacksTarget(direction)) {
      this.fail('target', { code: 'missing-target' });
    }

    const weight = this.number('weight');
    // Scorecards ignore a negative weight; say so rather than let it vanish.
    if (weight !== null && weight < 0) this.report('weight', { code: 'negative-weight' });
    const contribution = this.number('contribution');
    const rollup = this.readRollup();
    const period = this.readPeriod();
    const cap = this.number('cap');
    const floor = this.number('floor');
    const gate = this.number('gate');

    return {
      index,
      tab: this.tab,
      row,
      id,
      title,
      owner,
      parent,
      type,
      metric: this.text('metric'),
      unit: this.text('unit'),
      direction,
      baseline: orNull(baseline),
      target,
      targetMax,
      actual: orNull(actual),
      weight: orNull(weight),
      contribution: orNull(contribution),
      rollup,
      period,
      cap: orNull(cap),
      floor: orNull(floor),
      gate: orNull(gate),
      blocked: this.blocked,
      columns: this.columns,
    };
  }

  private isBlankRow(cells: readonly CellValue[]): boolean {
    for (const c of this.used) if (!isBlank(cells[c])) return false;
    return true;
  }

  private cell(field: Field): CellValue {
    const c = this.columnOf(field);
    return c < 0 ? undefined : this.cells[c];
  }

  /**
   * A field's 0-based column (-1 when absent). Cells are looked up ~25 times a row: a switch over the
   * field, which folds away where the field is a constant, and a typed-array load read a million rows
   * ~8% faster than this.col[field].
   */
  private columnOf(field: Field): number {
    const at = this.fieldColumns;
    switch (field) {
      case 'id':
        return at[0];
      case 'goal':
        return at[1];
      case 'owner':
        return at[2];
      case 'parent':
        return at[3];
      case 'type':
        return at[4];
      case 'metric':
        return at[5];
      case 'unit':
        return at[6];
      case 'direction':
        return at[7];
      case 'baseline':
        return at[8];
      case 'target':
        return at[9];
      case 'min':
        return at[10];
      case 'max':
        return at[11];
      case 'actual':
        return at[12];
      case 'weight':
        return at[13];
      case 'contribution':
        return at[14];
      case 'rollup':
        return at[15];
      case 'period':
        return at[16];
      case 'cap':
        return at[17];
      case 'floor':
        return at[18];
      case 'gate':
        return at[19];
    }
  }

  private text(field: Field): string {
    return cellText(this.cell(field), this.timeZone);
  }

  /** A number cell: null when blank; NaN (after reporting `not-a-number`) when unreadable. */
  private number(field: Field): number | null {
    const v = this.cell(field);
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (v === '' || v === undefined) return null;
    const n = parseNumber(v, this.decimalSeparator);
    if (n !== null && Number.isNaN(n)) {
      const detail: IssueDetail = { code: 'not-a-number', text: cellText(v, this.timeZone) };
      if (BLOCKING_NUMBERS.has(field)) this.fail(field, detail);
      else this.report(field, detail);
    }
    return n;
  }

  /** A number that does not matter enough to report: unreadable is simply null. */
  private quietNumber(field: Field): number | null {
    return orNull(parseNumber(this.cell(field), this.decimalSeparator));
  }

  private binary(field: Field): number | null {
    return parseBinary(this.cell(field));
  }

  private readType(): GoalType {
    const text = this.text('type');
    if (text === '') return '';
    const type = remembered(this.typeWords, text, typeOf);
    if (type !== null) return type;
    this.report('type', { code: 'bad-type', text });
    return '';
  }

  private readDirection(): Direction {
    const text = this.text('direction');
    const direction = remembered(this.directionWords, text, parseDirection);
    if (direction !== null) return direction;
    this.fail('direction', { code: 'bad-direction', text });
    return 'higher';
  }

  private readRollup(): RollupMethod | null {
    const text = this.text('rollup');
    if (text === '') return null;
    const rollup = remembered(this.rollupWords, text, rollupOf);
    if (rollup !== null) return rollup;
    // Not blocking: the goal's own value is still measured; the cascade falls back to the default.
    this.report('rollup', { code: 'bad-rollup', text });
    return null;
  }

  private readPeriod(): string {
    const v = this.cell('period');
    if (isBlank(v)) return '';
    const label =
      typeof v === 'string'
        ? remembered(this.periodTexts, v, periodLabel)
        : isDate(v)
          ? remembered(this.periodTimes, v.getTime(), this.monthLabel)
          : periodLabel(v);
    if (label !== null) return label;
    this.report('period', { code: 'bad-period', text: cellText(v, this.timeZone) });
    return '';
  }

  /**
   * The bounds of a range goal, in this order of precedence: a two-number Target (`40-60`,
   * `40% - 60%`, `40 to 60`); else Min/Max columns, where a plain-number Target stands in for a
   * blank Min; else nothing (no target yet). One number alone, low above high, or unreadable
   * text is `bad-range`. min and max are already read (NaN = unreadable, already reported).
   */
  private readRange(min: number | null, max: number | null): [number | null, number | null] {
    const targetCell = this.cell('target');
    const targetText = cellText(targetCell, this.timeZone);
    if (typeof targetCell === 'string' && targetText !== '') {
      const pair = splitRange(targetText, this.decimalSeparator);
      if (pair !== null) return pair[0] <= pair[1] ? pair : this.badRange('target', targetText);
    }
    if (Number.isNaN(min) || Number.isNaN(max)) return [null, null];
    const single = parseNumber(targetCell, this.decimalSeparator);
    if (single !== null && Number.isNaN(single)) return this.badRange('target', targetText);
    if (min === null && max === null) {
      return single === null ? [null, null] : this.badRange('target', targetText);
    }
    const low = min ?? single;
    const blame: Field = max === null ? 'max' : low === null ? 'min' : 'max';
    const minText = min !== null ? this.text('min') : targetText;
    const described = `${minText || 'blank'} to ${max !== null ? this.text('max') : 'blank'}`;
    if (low === null || max === null || low > max) return this.badRange(blame, described);
    return [low, max];
  }

  /** The month a Date Period cell falls in, on the spreadsheet's calendar (remembered by instant: the zone is the tab's). */
  private readonly monthLabel = (time: number): string | null =>
    parsePeriod(new Date(time), this.timeZone)?.label ?? null;

  private badRange(field: Field, text: string): [null, null] {
    this.fail(field, { code: 'bad-range', text });
    return [null, null];
  }

  /** True when nothing on the row says what the goal is measured against. */
  private lacksTarget(direction: Direction): boolean {
    if (!isBlank(this.cell('target'))) return false;
    return direction !== 'range' || (isBlank(this.cell('min')) && isBlank(this.cell('max')));
  }

  private place(field: Field): Place {
    const c = this.col[field];
    return {
      tab: this.tab,
      row: this.row,
      col: c + 1,
      column: c < 0 ? '' : this.headers[c],
      goalId: this.goalId,
    };
  }

  private report(field: Field, detail: IssueDetail): void {
    this.issues.push(issueAt(this.place(field), detail));
  }

  /** Reports an error that blocks the goal's measured attainment. */
  private fail(field: Field, detail: IssueDetail): void {
    this.blocked = true;
    this.report(field, detail);
  }
}

function fieldColumns(columns: Partial<Record<Field, number>>): Record<Field, number> {
  const all = {} as Record<Field, number>;
  for (const field of Object.keys(HEADER_SYNONYMS) as Field[]) all[field] = columns[field] ?? -1;
  return all;
}

/** How many distinct texts a column remembers: enough for real tabs, bounded for hostile ones. */
const MEMO_LIMIT = 1000;

/** The answer for a key, computed once and remembered (up to MEMO_LIMIT keys). */
function remembered<K, T>(memo: Map<K, T>, key: K, compute: (key: K) => T): T {
  let value = memo.get(key);
  if (value === undefined && !memo.has(key)) {
    value = compute(key);
    if (memo.size < MEMO_LIMIT) memo.set(key, value);
  }
  return value as T;
}

function periodLabel(v: CellValue): string | null {
  return parsePeriod(v)?.label ?? null;
}

function typeOf(text: string): GoalType | null {
  return lookupWord(TYPES, text) ?? null;
}

function rollupOf(text: string): RollupMethod | null {
  return lookupWord(ROLLUPS, text) ?? null;
}

function orNull(n: number | null): number | null {
  return n === null || Number.isNaN(n) ? null : n;
}

const DASHES: readonly number[] = [45, 0x2013, 0x2014];

/**
 * Two numbers written as a range: `40-60`, `40 - 60`, `40% - 60%`, `40–60`, `40 to 60`; null otherwise.
 * Each dash is tried as the separator, so a leading minus or an exponent is not taken for one.
 */
function splitRange(text: string, decimalSeparator: '.' | ','): [number, number] | null {
  const to = text.toLowerCase().indexOf(' to ');
  if (to > 0) return bothNumbers(text.slice(0, to), text.slice(to + 4), decimalSeparator);
  for (let i = 1; i < text.length - 1; i++) {
    if (!DASHES.includes(text.charCodeAt(i))) continue;
    const pair = bothNumbers(text.slice(0, i), text.slice(i + 1), decimalSeparator);
    if (pair !== null) return pair;
  }
  return null;
}

function bothNumbers(left: string, right: string, decimalSeparator: '.' | ','): [number, number] | null {
  const low = parseNumber(left, decimalSeparator);
  const high = parseNumber(right, decimalSeparator);
  if (low === null || high === null || Number.isNaN(low) || Number.isNaN(high)) return null;
  return [low, high];
}
