// Reading one goal row of a tab: each recognised cell into a Goal's value, each bad cell into an Issue.
import { UTC } from './calendar';
import { cellText, isBlank, isDate, normalizeHeader, parseBinary, parseNumber } from './cells';
import { FIELD_NAMES, type Field, numberErrors } from './fields';
import type { HeaderRow, PhaseColumn } from './header';
import { type Issue, type IssueDetail, issueAt, type Place } from './issues';
import type { CellValue, Direction, Goal, GoalType, Grid, RollupMethod } from './model';
import { cadencePeriod, datesPeriod, type PeriodMonths, parsePeriod } from './period';
import { type PhaseTarget, phaseActualMode, phasedActual } from './phasing';

/** Words of the enumerated columns, as normalizeHeader writes them. */
function wordMap<T>(groups: readonly [T, readonly string[]][]): ReadonlyMap<string, T> {
  return new Map(
    groups.flatMap(([value, words]) => words.map((word): [string, T] => [normalizeHeader(word), value])),
  );
}

const TYPES = wordMap<GoalType>([
  ['outcome', ['outcome', 'outcomes']],
  ['activity', ['activity', 'activities']],
  ['collaboration', ['collaboration', 'collaborations']],
]);

const DIRECTIONS = wordMap<Direction>([
  ['higher', ['higher', 'up', 'increase', 'maximize', 'maximise', 'higher is better']],
  ['lower', ['lower', 'down', 'decrease', 'minimize', 'minimise', 'lower is better']],
  ['range', ['range', 'between']],
  ['binary', ['binary', 'yes/no', 'done']],
]);

const ROLLUPS = wordMap<RollupMethod>([
  ['average', ['average', 'avg', 'mean']],
  ['sum', ['sum', 'total']],
  ['min', ['min', 'minimum', 'weakest']],
  ['own', ['own', 'none']],
]);

/** Status words that say whether a done-or-not goal is done (any case and spacing); other statuses say nothing. */
const STATUS_WORDS = wordMap<0 | 1>([
  [1, ['completed', 'complete', 'achieved', 'done', 'met', 'finished', 'closed', 'delivered']],
  [0, ['not started', 'not achieved', 'not met', 'missed', 'failed', 'not done', 'incomplete']],
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

/** A Status cell's text: 1 for a done word (Completed, Achieved, Done...), 0 for Not started or Missed, else null. */
export function parseStatusWord(text: string): 0 | 1 | null {
  return text === '' ? null : (lookupWord(STATUS_WORDS, text) ?? null);
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

/** What the tab's layout decides for a row before its cells are read. */
export interface RowGiven {
  /** The ID when the tab has no ID column (generated from tab and row). */
  id?: string;
  /** The title when the goal sits in an outline column. */
  title?: string;
  /** The parent's ID when the layout gives it (the row's objective, or the outline above it). */
  parent?: string;
  /**
   * True for a key result read from a column group on its goal's row: it is measured through its goal, on the goal
   * owner's card, so a blank Owner (or none in its group) is no issue.
   */
  ownerMayBeBlank?: boolean;
}

/**
 * True when Progress columns hold percent points (0-100) rather than fractions: some number in them, below the
 * header row, above 2 (200% as a fraction is no real progress). Text with a % sign reads as a fraction either way.
 */
export function progressInPoints(grid: Grid, headerRow: number, columns: readonly number[]): boolean {
  for (const c of columns) {
    for (let r = headerRow + 1; r < grid.length; r++) {
      const v = grid[r][c];
      if (typeof v === 'string' && v.includes('%')) continue;
      const n = typeof v === 'number' ? v : parseNumber(v);
      if (n !== null && n > 2) return true;
    }
  }
  return false;
}

/** What most rows are given: nothing (one shared object, not one per row). */
export const NOTHING_GIVEN: RowGiven = Object.freeze({});

/** A gate, as a fraction, above which the value is surely a typing slip (1000%). */
const IMPLAUSIBLE_GATE = 10;
/** How many times its target an actual may be before it reads as a different scale (typed in other units). */
const IMPLAUSIBLE_SCALE = 100;

/** Reads rows of one tab; holds the row being read so that helpers can point issues at its cells. */
export class RowReader {
  readonly issues: Issue[] = [];
  /** 0-based column of every field, -1 when absent; read through columnOf. */
  private readonly col: Readonly<Record<Field, number>>;
  /** 1-based columns, one frozen object shared by every goal of the tab. */
  readonly columns: Partial<Record<Field, number>>;
  /**
   * Whether the tab has each field's column. Fields most tabs lack are read only where they have it: looking up an
   * absent column still costs a walk down columnOf's switch, a dozen times a row on a million rows.
   */
  private readonly has: Readonly<Record<Field, boolean>>;
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
    private readonly header: HeaderRow,
    private readonly decimalSeparator: '.' | ',',
    /** True when the tab's Progress column holds percent points (0-100) rather than fractions. */
    private readonly progressInPoints: boolean,
    /** The spreadsheet's time zone: Date cells are read on its calendar. */
    private readonly timeZone: string = UTC,
    /** True when the tab's Confidence column holds fractions (0.7) rather than tenths (7). */
    private readonly confidenceAsFraction = false,
  ) {
    // Built in one go: an object grown one property at a time past a few dozen keys turns into a slow dictionary.
    this.col = Object.fromEntries(FIELD_NAMES.map((field) => [field, header.columns[field] ?? -1])) as Record<
      Field,
      number
    >;
    this.has = Object.fromEntries(
      FIELD_NAMES.map((field) => [field, header.columns[field] !== undefined]),
    ) as Record<Field, boolean>;
    const columns: Partial<Record<Field, number>> = {};
    for (const field of Object.keys(header.columns) as Field[]) columns[field] = header.columns[field]! + 1;
    this.columns = Object.freeze(columns);
  }

  /** A goal from a row, or null when the row has data but no ID (reported as missing-id). */
  read(
    cells: readonly CellValue[],
    row: number,
    index: number,
    given: RowGiven = NOTHING_GIVEN,
  ): Goal | null {
    this.cells = cells;
    this.row = row;
    this.goalId = '';
    this.blocked = false;

    const id = given.id ?? this.text('id');
    if (id === '') {
      this.report('id', { code: 'missing-id' });
      return null;
    }
    this.goalId = id;

    const title = given.title ?? this.text('goal');
    if (title === '') this.fail('goal', { code: 'missing-goal' });
    const owner = this.text('owner');
    if (owner === '' && given.ownerMayBeBlank !== true) this.report('owner', { code: 'missing-owner' });
    const parent = given.parent ?? this.text('parent');
    const type = this.readType();
    const has = this.has;
    const status = has.status ? parseStatusWord(this.text('status')) : null;
    const progress = has.progress ? this.readProgress() : null;
    let direction = this.readDirection();

    const baseline = this.number('baseline');
    const min = has.min ? this.number('min') : null;
    const max = has.max ? this.number('max') : null;
    let target: number | null = null;
    let targetMax: number | null = null;
    if (direction === 'range') [target, targetMax] = this.readRange(min, max);
    else if (direction === 'binary') target = this.quietNumber('target');
    else target = orNull(this.number('target'));
    let actual = direction === 'binary' ? this.binary('actual') : this.number('actual');
    // Phase actuals (Q1 actual...) stand in for a blank Actual: summed, or the latest for a level (phaseActualMode).
    const phaseTargets = this.readPhases(this.header.phases);
    const phaseActuals = this.readPhases(this.header.phaseActuals);
    if (actual === null && phaseActuals !== null && direction !== 'binary') {
      actual = phasedActual(
        phaseActuals,
        phaseActualMode({ direction, unit: this.text('unit'), target, phaseTargets }),
      );
    }
    // A status word measures a done-or-not goal: a binary one without an Actual, or one with nothing else to go by.
    if (status !== null && actual === null && progress === null) {
      if (direction === 'binary') actual = status;
      else if (isBlank(this.cell('target')) && isBlank(this.cell('direction'))) {
        direction = 'binary';
        actual = status;
      }
    }
    if (
      direction !== 'binary' &&
      progress === null &&
      actual !== null &&
      !Number.isNaN(actual) &&
      this.lacksTarget(direction)
    ) {
      this.fail('target', { code: 'missing-target' });
    }
    if (actual !== null && target !== null && direction === 'higher' && (baseline ?? 0) === 0) {
      this.checkScale(actual, target);
    }

    const weight = this.number('weight');
    // Scorecards ignore a negative weight; say so rather than let it vanish.
    if (weight !== null && weight < 0) this.report('weight', { code: 'negative-weight' });
    const contribution = this.number('contribution');
    const rollup = this.readRollup();
    const period = this.readPeriod();
    const cap = has.cap ? this.number('cap') : null;
    const floor = has.floor ? this.number('floor') : null;
    // A met-or-missed goal takes no floor (see clamped in attain.ts): say so where one is written.
    if (floor !== null && !Number.isNaN(floor) && (direction === 'binary' || direction === 'range')) {
      this.report('floor', { code: 'floor-ignored', direction });
    }
    const gate = has.gate ? this.number('gate') : null;
    if (gate !== null && gate > IMPLAUSIBLE_GATE) {
      this.report('gate', { code: 'implausible-value', text: this.text('gate'), why: 'gate' });
    }
    // Threshold / Target / Stretch, or Min / Target / Max on a goal that is not a range: payout levels.
    const confidence = has.confidence ? this.readConfidence() : null;
    const threshold =
      (has.threshold ? orNull(this.number('threshold')) : null) ??
      (direction === 'range' ? null : orNull(min));
    const stretch =
      (has.stretch ? orNull(this.number('stretch')) : null) ?? (direction === 'range' ? null : orNull(max));

    const goal: Goal = {
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
      progress,
      weight: orNull(weight),
      contribution: orNull(contribution),
      rollup,
      period,
      cap: orNull(cap),
      floor: orNull(floor),
      gate: orNull(gate),
      threshold,
      stretch,
      budget: has.budget ? orNull(this.number('budget')) : null,
      spend: has.spend ? orNull(this.number('spend')) : null,
      confidence,
      note: has.note ? this.text('note') : '',
      phaseTargets,
      synthesized: false,
      blocked: this.blocked,
      columns: this.columns,
    };
    if (phaseActuals !== null) goal.phaseActuals = phaseActuals;
    return goal;
  }

  /** The text of a field's cell in the row being read. */
  text(field: Field): string {
    return cellText(this.cell(field), this.timeZone);
  }

  /**
   * A field's 0-based column. A switch on the field's name (V8 compares the interned names by pointer) reads each
   * column as a named property: looking fields up by a varying name (this.col[field], or a Map) cost more than
   * reading the rest of the row, ~30 lookups a row on a million rows.
   */
  private columnOf(field: Field): number {
    const c = this.col;
    switch (field) {
      case 'id':
        return c.id;
      case 'goal':
        return c.goal;
      case 'objective':
        return c.objective;
      case 'objectiveId':
        return c.objectiveId;
      case 'owner':
        return c.owner;
      case 'parent':
        return c.parent;
      case 'type':
        return c.type;
      case 'metric':
        return c.metric;
      case 'unit':
        return c.unit;
      case 'direction':
        return c.direction;
      case 'baseline':
        return c.baseline;
      case 'target':
        return c.target;
      case 'min':
        return c.min;
      case 'max':
        return c.max;
      case 'actual':
        return c.actual;
      case 'progress':
        return c.progress;
      case 'status':
        return c.status;
      case 'weight':
        return c.weight;
      case 'contribution':
        return c.contribution;
      case 'rollup':
        return c.rollup;
      case 'period':
        return c.period;
      case 'start':
        return c.start;
      case 'due':
        return c.due;
      case 'cap':
        return c.cap;
      case 'floor':
        return c.floor;
      case 'threshold':
        return c.threshold;
      case 'stretch':
        return c.stretch;
      case 'gate':
        return c.gate;
      case 'level':
        return c.level;
      case 'confidence':
        return c.confidence;
      case 'note':
        return c.note;
      case 'budget':
        return c.budget;
      case 'spend':
        return c.spend;
    }
  }

  private cell(field: Field): CellValue {
    const c = this.columnOf(field);
    return c < 0 ? undefined : this.cells[c];
  }

  /** A number cell: null when blank; NaN (after reporting `not-a-number`) when unreadable. */
  private number(field: Field): number | null {
    const v = this.cell(field);
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (v === '' || v === undefined || v === null) return null;
    const n = parseNumber(v, this.decimalSeparator);
    if (n !== null && Number.isNaN(n)) {
      const detail: IssueDetail = { code: 'not-a-number', text: cellText(v, this.timeZone) };
      if (numberErrors(field) === 'blocks') this.fail(field, detail);
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

  /** Progress, Completion or Score as attainment: a fraction, or percent points when the column holds them. */
  private readProgress(): number | null {
    const n = this.number('progress');
    if (n === null || Number.isNaN(n)) return null;
    const v = this.cell('progress');
    const written = typeof v === 'string' && v.includes('%');
    return this.progressInPoints && !written ? n / 100 : n;
  }

  /** The row's values in Q1..Q4 or monthly target (or actual) columns, blanks left out; an unreadable one is reported (not blocking). */
  private readPhases(columns: readonly PhaseColumn[] | undefined): PhaseTarget[] | null {
    if (columns === undefined) return null;
    const phases: PhaseTarget[] = [];
    for (const { col, endMonth } of columns) {
      const v = this.cells[col];
      const n = parseNumber(v, this.decimalSeparator);
      if (n === null) continue;
      if (Number.isNaN(n)) {
        const place = {
          tab: this.tab,
          row: this.row,
          col: col + 1,
          column: this.header.headers[col],
          goalId: this.goalId,
        };
        this.issues.push(issueAt(place, { code: 'not-a-number', text: cellText(v) }));
      } else phases.push({ endMonth, target: n });
    }
    return phases.length > 0 ? phases : null;
  }

  /** Confidence from 0 to 10; a percentage (70%) or a column of fractions reads as tenths. Out of 0-10 is reported, not counted. */
  private readConfidence(): number | null {
    const n = this.number('confidence');
    if (n === null || Number.isNaN(n)) return null;
    const v = this.cell('confidence');
    const tenths = this.confidenceAsFraction || (typeof v === 'string' && v.includes('%'));
    // Rounded so that 0.7 reads as 7, not 7.000000000000001.
    const value = tenths ? Math.round(n * 1e10) / 1e9 : n;
    if (value >= 0 && value <= 10) return value;
    this.report('confidence', { code: 'bad-confidence', text: this.text('confidence') });
    return null;
  }

  /** An actual a hundred times its target (or more) was most likely typed in other units: say so, it still counts. */
  private checkScale(actual: number, target: number): void {
    if (Number.isNaN(actual) || target === 0) return;
    if (Math.abs(actual) >= IMPLAUSIBLE_SCALE * Math.abs(target)) {
      this.report('actual', { code: 'implausible-value', text: this.text('actual'), why: 'scale' });
    }
  }

  private readType(): GoalType {
    const text = this.text('type');
    if (text === '') return '';
    const type = remembered(this.typeWords, text, goalTypeOf);
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

  /** The Period cell's label; a blank Period takes the one the Start and Due dates give (datesPeriod). */
  private readPeriod(): string {
    const v = this.cell('period');
    if (isBlank(v)) return datesPeriod(this.dayText('start'), this.dayText('due'));
    const label =
      typeof v === 'string'
        ? remembered(this.periodTexts, v, periodLabel)
        : isDate(v)
          ? remembered(this.periodTimes, v.getTime(), this.monthLabel)
          : periodLabel(v);
    if (label !== null) return label;
    const cadence = typeof v === 'string' ? lookupWord(CADENCES, v) : undefined;
    const dated =
      cadence === undefined ? '' : cadencePeriod(cadence, this.dayText('due') || this.dayText('start'));
    if (dated !== '') return dated;
    this.report('period', { code: 'bad-period', text: cellText(v, this.timeZone) });
    return '';
  }

  /** A date cell as `yyyy-mm-dd…` text (in the sheet's zone), '' when blank. */
  private dayText(field: 'start' | 'due'): string {
    const v = this.cell(field);
    return isBlank(v) ? '' : cellText(v, this.timeZone);
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

  /** Where a field's cell is: its header as written; the whole row ('' and column 0) when the tab has no such column. */
  place(field: Field, row = this.row, goalId = this.goalId): Place {
    const c = this.columnOf(field);
    return { tab: this.tab, row, col: c + 1, column: c < 0 ? '' : this.header.headers[c], goalId };
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

/** A Period cell that gives a goal's cadence, not its period (vendors' Goal cycle): its length in months. */
const CADENCES = wordMap<PeriodMonths>([
  [1, ['monthly']],
  [3, ['quarterly']],
  [6, ['half-yearly', 'semi-annually', 'semi-annual', 'half-year']],
  [12, ['annually', 'annual', 'yearly']],
]);

/** Outcome, Activity or Collaboration as written in a Type cell (any case, singular or plural), else null. */
export function goalTypeOf(text: string): GoalType | null {
  return lookupWord(TYPES, text) ?? null;
}

function rollupOf(text: string): RollupMethod | null {
  return lookupWord(ROLLUPS, text) ?? null;
}

export function orNull(n: number | null): number | null {
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
