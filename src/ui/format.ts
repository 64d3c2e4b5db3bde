// Words and numbers as the sidebar shows them: percentages, cell places, plurals.
import type { StatusText } from '../server/api';

/**
 * 0.823 -> "82%"; null -> "—" (not measured). Halves round up as people round them: 0.575 (the average of 40% and
 * 75%) is 57.49999999999999 once multiplied by 100 in floating point, and must still show 58%.
 */
export function percent(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return `${Math.round(Number((value * 100).toPrecision(12)))}%`;
}

/** A gap between measured and rolled-up attainment, in percentage points: 0.22 -> "+22 pts". */
export function points(value: number): string {
  const rounded = Math.round(value * 100);
  return `${rounded > 0 ? '+' : ''}${rounded} pts`;
}

/** 1 -> "A", 27 -> "AA". */
export function columnLetter(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Where a cell is, for people: "C5", or "row 5" when the whole row is meant (col 0). */
export function cellLabel(row: number, col: number): string {
  return col > 0 ? `${columnLetter(col)}${row}` : `row ${row}`;
}

/**
 * Where an issue is, for the Check panel: its cell, its column's name and its goal (`D9 · Target · CT-6`). An issue
 * about a field the tab has no column for (col 0) says so: `row 2 · no Type column`.
 */
export function issuePlace(issue: { row: number; col: number; column: string; goalId: string }): string {
  const column = issue.column === '' ? '' : issue.col > 0 ? issue.column : `no ${issue.column} column`;
  return [issue.row > 0 ? cellLabel(issue.row, issue.col) : '', column, issue.goalId]
    .filter((part) => part !== '')
    .join(' · ');
}

/** A cell as Sheets writes it in a formula: `Goals!B4`, `'Demand Gen'!B4`; `Goals row 4` when the whole row is meant. */
export function sheetCell(tab: string, row: number, col: number): string {
  const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(tab) ? tab : `'${tab.replace(/'/g, "''")}'`;
  return col > 0 ? `${name}!${cellLabel(row, col)}` : `${name} row ${row}`;
}

/** 1 -> "1 error", 2 -> "2 errors". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A CSS class per status, shared by bars and dots. */
export function statusClass(status: StatusText): string {
  return `status-${status.replace(/ /g, '-')}`;
}

/** An ISO timestamp as a local time of day; the raw text when it does not parse. */
export function timeOfDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** IDs compare trimmed and case-insensitively across the workbook, as the server does. */
export function idKey(id: string): string {
  return id.trim().toLowerCase();
}

/** Case-insensitive "contains" over several fields, for the search boxes. */
export function matchesQuery(query: string, ...fields: string[]): boolean {
  const needle = query.trim().toLowerCase();
  return needle === '' || fields.some((field) => field.toLowerCase().includes(needle));
}
