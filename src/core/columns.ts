// The Columns view in the core: tabs that do not read as goals with their header rows, what a proposed map makes of them, and the Settings rows that keep a map.
import { cellText, isBlank, normalizeHeader } from './cells';
import { type Field, fieldOfHeader, outlineLevel } from './fields';
import { type ColumnMap, HEADER_SEARCH_ROWS, inspectTab, LONGEST_HEADER } from './header';
import type { ColumnMapping, Grid, Settings } from './model';
import { columnFieldText, isColumnRow } from './settings';
import { columnMapOf } from './table';
import { isNotGoalTab, type TabInput } from './workbook';

/** What the user picked for a header: a field, null = ignore the column, undefined = no Column row (its known name, if any, applies). */
export interface ColumnChoice {
  header: string;
  field: Field | null | undefined;
}

/** How a header reads now: a Settings ▸ Column row, a name the field table knows, an outline column (L1, L2…), or nothing. */
export type HeaderSource = 'settings' | 'synonym' | 'outline' | 'none';

export interface TabHeader {
  /** 1-based column. */
  column: number;
  /** As written, trimmed. */
  header: string;
  /** As headers are compared (normalizeHeader): headers with one key share one Column row. */
  key: string;
  /** The field it reads as now; null = ignored; undefined = none. */
  field: Field | null | undefined;
  source: HeaderSource;
  /** The field its name means without a Column row, if the field table knows it. */
  known: Field | undefined;
}

/** A tab that does not read as goals, with the row most likely to be its header row. */
export interface UnreadTab {
  tab: string;
  /** near-miss: goal-like headers that do not qualify (see inspectTab); other: anything else with text in its first rows. */
  kind: 'near-miss' | 'other';
  /** 1-based sheet row of the header row: the near miss's, else the first non-empty row among the first rows. */
  row: number;
  headers: TabHeader[];
}

/** What the header reader makes of a tab under a map: inspectTab's verdict, for people. */
export type TabVerdict =
  /** fields in column order; outline: the goals sit in outline columns (Main, L1, L2…). */
  | { reads: 'goals'; row: number; fields: Field[]; outline: boolean }
  | { reads: 'near-miss'; row: number; missing: 'goal' | 'measure' }
  | { reads: 'other' };

/** Each header cell of a row: its text as written, what it maps to now, and from where. */
function headersOf(cells: readonly unknown[], map: ColumnMap): TabHeader[] {
  const headers: TabHeader[] = [];
  cells.forEach((cell, c) => {
    const header = cellText(cell as never);
    if (header === '' || header.length > LONGEST_HEADER) return;
    const key = normalizeHeader(header);
    // Punctuation alone (`—`, `#`) has no key to map by.
    if (key === '') return;
    const known = fieldOfHeader(key);
    const base = { column: c + 1, header, key, known };
    if (map.has(key)) headers.push({ ...base, field: map.get(key), source: 'settings' });
    else if (known !== undefined) headers.push({ ...base, field: known, source: 'synonym' });
    else
      headers.push({ ...base, field: undefined, source: outlineLevel(header) === null ? 'none' : 'outline' });
  });
  return headers;
}

function firstFilledRow(grid: Grid): number {
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) if (grid[r]?.some((v) => !isBlank(v))) return r;
  return -1;
}

/**
 * The tabs a Columns view offers: every tab that does not read as goals under the Settings tab's map, near misses
 * first, then the others, each in tab order. Never Settings, the Roll-up or the product's other tabs, a table the
 * product wrote, or a tab with nothing in its first rows.
 */
export function unreadTabs(tabs: readonly TabInput[], settings: Settings): UnreadTab[] {
  const map = columnMapOf(settings);
  const nearMisses: UnreadTab[] = [];
  const others: UnreadTab[] = [];
  for (const tab of tabs) {
    if (isNotGoalTab(tab.name)) continue;
    const shape = inspectTab(tab.grid, map);
    if (shape.kind === 'goals' || shape.kind === 'own-output') continue;
    const row = shape.kind === 'near-miss' ? shape.row : firstFilledRow(tab.grid);
    if (row < 0) continue;
    const unread: UnreadTab = {
      tab: tab.name,
      kind: shape.kind,
      row: row + 1 + (tab.rowOffset ?? 0),
      headers: headersOf(tab.grid[row], map),
    };
    (shape.kind === 'near-miss' ? nearMisses : others).push(unread);
  }
  return [...nearMisses, ...others];
}

/** What the header reader makes of a tab under `columns` (the Settings map as it would be). */
export function verdictOf(tab: TabInput, columns: readonly ColumnMapping[]): TabVerdict {
  const shape = inspectTab(tab.grid, columnMapOf({ columns: [...columns] }));
  const offset = 1 + (tab.rowOffset ?? 0);
  if (shape.kind === 'goals') {
    const { columns: found, outline } = shape.header;
    const fields = (Object.keys(found) as Field[]).sort((a, b) => (found[a] ?? 0) - (found[b] ?? 0));
    return { reads: 'goals', row: shape.header.row + offset, fields, outline: outline.length > 0 };
  }
  if (shape.kind === 'near-miss')
    return { reads: 'near-miss', row: shape.row + offset, missing: shape.missing };
  return { reads: 'other' };
}

/**
 * Each chosen header's Column row after a save, by header key: the mapping, or null for none. A choice of the field
 * the header's own name means needs no row (the field table already reads it so).
 */
function wanted(choices: readonly ColumnChoice[]): Map<string, ColumnMapping | null> {
  const out = new Map<string, ColumnMapping | null>();
  for (const { header, field } of choices) {
    const key = normalizeHeader(header);
    const needsRow = field !== undefined && fieldOfHeader(key) !== field;
    out.set(key, needsRow ? { header: header.trim(), field } : null);
  }
  return out;
}

/** The first header two choices map differently (they would share one Column row), or null. */
export function conflictingChoice(choices: readonly ColumnChoice[]): string | null {
  const seen = new Map<string, Field | null | undefined>();
  for (const { header, field } of choices) {
    const key = normalizeHeader(header);
    if (seen.has(key) && seen.get(key) !== field) return header;
    seen.set(key, field);
  }
  return null;
}

/** The Settings map after the choices are saved: the other Column rows kept, the chosen headers as chosen. */
export function columnsAfter(
  columns: readonly ColumnMapping[],
  choices: readonly ColumnChoice[],
): ColumnMapping[] {
  const chosen = wanted(choices);
  const kept = columns.filter((c) => !chosen.has(normalizeHeader(c.header)));
  const added = [...chosen.values()].filter((c): c is ColumnMapping => c !== null);
  return [...kept, ...added];
}

/** The edits to a Settings tab that save the choices. */
export interface ColumnRowsPlan {
  /** 0-based rows of the Settings grid that change: the Column row's new header and field text, or null to clear the row. */
  changed: Map<number, [header: string, field: string] | null>;
  /** Column rows to add below the tab's last row. */
  added: ColumnMapping[];
}

/**
 * How to save the choices into a Settings tab's grid with the fewest edits: a chosen header's first Column row is
 * rewritten (or cleared when it needs none), any later row for the same header cleared (it would win, being later),
 * and headers without a row get one at the end. Other rows are left alone. Reading the tab back gives columnsAfter.
 */
export function planColumnRows(grid: Grid, choices: readonly ColumnChoice[]): ColumnRowsPlan {
  const chosen = wanted(choices);
  const changed = new Map<number, [string, string] | null>();
  const placed = new Set<string>();
  grid.forEach((cells, r) => {
    if (!isColumnRow(cells)) return;
    const header = cellText(cells[1]);
    const key = normalizeHeader(header);
    if (header === '' || !chosen.has(key)) return;
    const mapping = chosen.get(key) ?? null;
    if (mapping === null || placed.has(key)) {
      changed.set(r, null);
      return;
    }
    placed.add(key);
    // The row keeps its header as written: any spelling with the same key reads the same.
    const field = columnFieldText(mapping.field);
    if (cellText(cells[2]) !== field) changed.set(r, [header, field]);
  });
  const added = [...chosen.entries()]
    .filter(([key, mapping]) => mapping !== null && !placed.has(key))
    .map(([, mapping]) => mapping as ColumnMapping);
  return { changed, added };
}
