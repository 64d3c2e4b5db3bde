// Finding a goal tab's header row among its first rows, and what its columns mean: plain goals, OKR objective/key-result or outline layouts.
import { cellText, isBlank, normalizeHeader } from './cells';
import { type Field, fieldOfHeader, outlineLevel, phaseActualEndMonth, phaseEndMonth } from './fields';
import { type KeyResultGroup, KeyResultGroups } from './key-result-columns';
import type { Grid } from './model';

/** How many rows from the top may hold the header row: title blocks above it are normal. */
export const HEADER_SEARCH_ROWS = 10;

/** Header names mapped by the user (Settings ▸ Column rows), as normalizeHeader writes them; null = ignore the column. */
export type ColumnMap = ReadonlyMap<string, Field | null>;

/** The header row of a goal tab: 0-based row and columns, and each header as written (trimmed). */
export interface HeaderRow {
  row: number;
  columns: Partial<Record<Field, number>>;
  headers: string[];
  /** Outline columns (Main, L1, L2...) from the top level down, when the goals sit in them; else empty. */
  outline: number[];
  /** Phase target columns (Q1 target... or Jan target...), when the tab has any: see phasing.ts. */
  phases?: PhaseColumn[];
  /** Phase actual columns (Q1 actual... or Jan actual...), when the tab has any: see phasing.ts. */
  phaseActuals?: PhaseColumn[];
  /** Key results as numbered column groups on each goal's row (`key_result_1_title`, `KR2 Target`…), in number order. */
  keyResults?: KeyResultGroup[];
  /** True when the Level column holds outline numbers (`1`, `1.1`, `1.2.1`): a goal's depth is the count of its parts. */
  outlineNumbers?: true;
}

/** A Q1..Q4 or monthly target column: its 0-based column and the calendar month its phase ends with. */
export interface PhaseColumn {
  col: number;
  endMonth: number;
}

/** What the first rows of a tab say it is. */
export type TabShape =
  | { kind: 'goals'; header: HeaderRow }
  /** Headers we know, but not enough to read goals: worth a warning. `headers` are the recognised ones as written. */
  | { kind: 'near-miss'; row: number; headers: string[]; missing: 'goal' | 'measure' }
  /** A table this product wrote (MBO_CASCADE, MBO_VALIDATE, the Roll-up tab): never read back as goals. */
  | { kind: 'own-output'; row: number }
  | { kind: 'other' };

/** Fields that, beside a goal's text, make a row of headers a goal table rather than a list of people or tasks. */
const GOAL_EVIDENCE: ReadonlySet<Field> = new Set<Field>([
  'id',
  'objective',
  'objectiveId',
  'parent',
  'type',
  'metric',
  'direction',
  'baseline',
  'target',
  'min',
  'max',
  'actual',
  'progress',
  'weight',
  'contribution',
  'rollup',
  'threshold',
  'stretch',
  'gate',
  'level',
]);

/** Header pairs only our own outputs have together (MBO_CASCADE and the Roll-up tab; MBO_VALIDATE). */
const OWN_OUTPUT_SIGNATURES: readonly (readonly string[])[] = [
  ['measured', 'rolledup'],
  ['severity', 'code', 'message'],
];

/** Longer text is a note or pasted data, never a header: it is not compared (a data row may hold megabytes). */
export const LONGEST_HEADER = 80;

interface Recognised {
  columns: Partial<Record<Field, number>>;
  outline: number[];
  phases: PhaseColumn[];
  phaseActuals: PhaseColumn[];
  keyResults: KeyResultGroup[];
  /** Distinct fields found, outline columns counted as one (and so are phase columns and key-result groups). */
  score: number;
  headers: string[];
  normalized: Set<string>;
}

/** One row read as headers: the first column matching a field wins; unknown columns are left out. */
function recognise(cells: readonly unknown[], map: ColumnMap): Recognised {
  const headers = Array.from(cells, (v) => (typeof v === 'string' ? v.trim() : cellText(v as never)));
  const columns: Partial<Record<Field, number>> = {};
  const levels: [level: number, col: number][] = [];
  const phases: PhaseColumn[] = [];
  const phaseActuals: PhaseColumn[] = [];
  const keyResultGroups = new KeyResultGroups();
  const normalized = new Set<string>();
  headers.forEach((header, c) => {
    if (header === '' || header.length > LONGEST_HEADER) return;
    const key = normalizeHeader(header);
    normalized.add(key);
    const field = map.has(key) ? map.get(key) : fieldOfHeader(key);
    if (field === null) return;
    if (field !== undefined) {
      if (columns[field] === undefined) columns[field] = c;
      return;
    }
    const level = outlineLevel(header);
    if (level !== null && !levels.some(([l]) => l === level)) levels.push([level, c]);
    const endMonth = level === null ? phaseEndMonth(header) : null;
    if (endMonth !== null && !phases.some((p) => p.endMonth === endMonth)) phases.push({ col: c, endMonth });
    const actualMonth = level === null && endMonth === null ? phaseActualEndMonth(header) : null;
    if (actualMonth !== null && !phaseActuals.some((p) => p.endMonth === actualMonth))
      phaseActuals.push({ col: c, endMonth: actualMonth });
    if (level === null && endMonth === null && actualMonth === null) keyResultGroups.add(key, c);
  });
  const keyResults = keyResultGroups.groups();
  const outline = levels.length >= 2 ? levels.sort((a, b) => a[0] - b[0]).map(([, c]) => c) : [];
  const score =
    Object.keys(columns).length +
    (outline.length > 0 ? 1 : 0) +
    (phases.length > 0 ? 1 : 0) +
    (phaseActuals.length > 0 ? 1 : 0) +
    (keyResults.length > 0 ? 1 : 0);
  return { columns, outline, phases, phaseActuals, keyResults, score, headers, normalized };
}

/**
 * The layout's reading of the columns: with an Objective column and a Key Result (or Goal) column, each row is a key
 * result under its objective; with only an Objective column, the objective is the goal (and Objective ID its ID).
 */
function resolveLayout(columns: Partial<Record<Field, number>>): void {
  if (columns.goal !== undefined) {
    // Key results that name their objective by its ID alone (Obj_ID on a KR tab): that ID is their parent.
    if (
      columns.objective === undefined &&
      columns.objectiveId !== undefined &&
      columns.parent === undefined
    ) {
      columns.parent = columns.objectiveId;
      delete columns.objectiveId;
    }
    return;
  }
  if (columns.objective !== undefined) {
    columns.goal = columns.objective;
    delete columns.objective;
    if (columns.id === undefined && columns.objectiveId !== undefined) columns.id = columns.objectiveId;
    delete columns.objectiveId;
  }
}

/** Goal-text headers that also head lists of people and documents: alone with an owner, they are not a near miss. */
const WEAK_GOAL_HEADERS: ReadonlySet<string> = new Set(['name', 'title']);

function hasGoalText(r: Recognised): boolean {
  return r.columns.goal !== undefined || r.columns.objective !== undefined || r.outline.length > 0;
}

/**
 * Evidence of goals beside the goal text. An Objective column is evidence beside a Key Result (or Goal) column, not
 * when it is the goal text itself: a data row whose Type cell says "Objective" would otherwise pass for the header.
 */
function hasEvidence(r: Recognised): boolean {
  const objectiveIsGoal = r.columns.goal === undefined;
  return (
    r.outline.length > 0 ||
    r.phases.length > 0 ||
    r.phaseActuals.length > 0 ||
    r.keyResults.length > 0 ||
    (Object.keys(r.columns) as Field[]).some(
      (f) => GOAL_EVIDENCE.has(f) && !(f === 'objective' && objectiveIsGoal),
    )
  );
}

/**
 * A row that did not qualify but still looks like goals: goal text (not just Name or Title) with other known
 * columns, or evidence of goals (an ID, target, actual, weight...) without goal text.
 */
function looksLikeGoals(r: Recognised): boolean {
  if (!hasGoalText(r)) return hasEvidence(r);
  const c = r.columns.goal ?? r.columns.objective;
  return c === undefined || !WEAK_GOAL_HEADERS.has(normalizeHeader(r.headers[c]));
}

function isOwnOutput(r: Recognised): boolean {
  return OWN_OUTPUT_SIGNATURES.some((names) => names.every((n) => r.normalized.has(n)));
}

/**
 * What a tab is, from its first HEADER_SEARCH_ROWS rows. The header row is the one that best matches known
 * headers (most distinct fields; the earliest on a tie) among rows that have a goal's text (Goal, Key Result,
 * Objective or outline columns) and some evidence of goals beside it (an ID, a parent, a target, an actual,
 * progress, a weight...). A tab that recognisably holds goal-like headers without qualifying is a near miss.
 */
export function inspectTab(grid: Grid, map: ColumnMap = new Map()): TabShape {
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  let best: { row: number; r: Recognised } | null = null;
  let closest: { row: number; r: Recognised } | null = null;
  for (let row = 0; row < limit; row++) {
    const cells = grid[row];
    if (cells === undefined || cells.every((v) => isBlank(v))) continue;
    const r = recognise(cells, map);
    if (isOwnOutput(r)) return { kind: 'own-output', row };
    if (hasGoalText(r) && hasEvidence(r)) {
      if (best === null || r.score > best.r.score) best = { row, r };
    } else if (closest === null || r.score > closest.r.score) {
      closest = { row, r };
    }
  }
  if (best !== null) {
    const { columns, outline, headers, phases, phaseActuals, keyResults } = best.r;
    resolveLayout(columns);
    const header: HeaderRow = { row: best.row, columns, headers, outline };
    if (phases.length > 0) header.phases = phases;
    if (phaseActuals.length > 0) header.phaseActuals = phaseActuals;
    if (keyResults.length > 0) header.keyResults = keyResults;
    return { kind: 'goals', header };
  }
  if (closest !== null && closest.r.score >= 2 && looksLikeGoals(closest.r)) {
    const { r } = closest;
    const recognisedCols = [...(Object.values(r.columns) as number[]), ...r.outline].sort((a, b) => a - b);
    return {
      kind: 'near-miss',
      row: closest.row,
      headers: recognisedCols.map((c) => r.headers[c]),
      missing: hasGoalText(r) ? 'measure' : 'goal',
    };
  }
  return { kind: 'other' };
}

/** The header row of a goal tab, or null when the tab does not read as goals. */
export function findHeader(grid: Grid, map?: ColumnMap): HeaderRow | null {
  const shape = inspectTab(grid, map);
  return shape.kind === 'goals' ? shape.header : null;
}
