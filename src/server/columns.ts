// The Columns endpoints: the tabs that do not read as goals with what each header maps to, and saving a map into Settings.
import {
  type ColumnChoice,
  columnsAfter,
  conflictingChoice,
  type TabHeader,
  type TabVerdict,
  unreadTabs,
  verdictOf,
} from '../core/columns';
import { FIELD_NAMES, FIELDS, type Field, fieldLabel } from '../core/fields';
import { HEADER_SEARCH_ROWS, LONGEST_HEADER } from '../core/header';
import { readSettings } from '../core/settings';
import type { TabInput } from '../core/workbook';
import { SETTINGS_TAB } from '../sheets/owned';
import { readTopRows, readWorkbook, type WorkbookRead } from '../sheets/read';
import { saveColumnRows } from '../sheets/settings-columns';
import { activeSpreadsheet, analyzeRead, underLock } from './analyze';
import type { ColumnHeaderView, ColumnsSaved, ColumnsView, FieldOption, TabVerdictView } from './api';
import { noteEdit } from './changes';
import type { ServerContext } from './context';
import { checkReport } from './reports';

/** The choice that maps a column to no field. */
const IGNORE = 'ignore';
/** More choices than any sheet has headers: a bigger list is a client bug, refused before any work. */
const MAX_CHOICES = 2000;

/** The fields offered, in the field table's order; `about` without the README's code marks. */
const FIELD_OPTIONS: () => FieldOption[] = () =>
  FIELD_NAMES.map((field) => ({
    field,
    label: FIELDS[field].label,
    about: FIELDS[field].about.replace(/`/g, ''),
  }));

function choiceText(field: Field | null | undefined): string {
  return field === null ? IGNORE : (field ?? '');
}

function fieldOfChoice(choice: string, at: string): Field | null | undefined {
  if (choice === '') return undefined;
  if (choice === IGNORE) return null;
  if ((FIELD_NAMES as string[]).includes(choice)) return choice as Field;
  throw new TypeError(`${at}.choice "${choice}" is not a field: use a field key, "${IGNORE}" or "".`);
}

/** The choices as the browser sent them, checked: a wrong shape is a programmer error, said plainly. */
export function parseChoices(value: unknown): ColumnChoice[] {
  if (!Array.isArray(value)) throw new TypeError('choices must be a list of {header, choice}.');
  if (value.length > MAX_CHOICES) throw new TypeError(`choices may hold at most ${MAX_CHOICES} headers.`);
  return value.map((item: unknown, i) => {
    const at = `choices[${i}]`;
    if (typeof item !== 'object' || item === null) throw new TypeError(`${at} must be {header, choice}.`);
    const { header, choice } = item as Record<string, unknown>;
    if (typeof header !== 'string' || header.trim() === '')
      throw new TypeError(`${at}.header must be a header's text.`);
    if (header.trim().length > LONGEST_HEADER) {
      throw new TypeError(`${at}.header is longer than ${LONGEST_HEADER} characters: no header is.`);
    }
    if (typeof choice !== 'string') throw new TypeError(`${at}.choice must be text.`);
    return { header: header.trim(), field: fieldOfChoice(choice, at) };
  });
}

function headerView(h: TabHeader): ColumnHeaderView {
  return {
    column: h.column,
    header: h.header,
    key: h.key,
    choice: choiceText(h.field),
    source: h.source,
    known: h.known ?? '',
  };
}

const MEASURES = 'ID, Parent, Target, Actual, Progress or Weight';

function verdictView(verdict: TabVerdict): TabVerdictView {
  if (verdict.reads === 'goals') {
    const columns = verdict.fields.map(fieldLabel);
    if (verdict.outline) columns.push('outline levels');
    return {
      reads: 'goals',
      row: verdict.row,
      message: `Reads as goals from row ${verdict.row}: ${columns.join(', ')}.`,
    };
  }
  if (verdict.reads === 'near-miss') {
    const message =
      verdict.missing === 'goal'
        ? 'Not read: map the column that says what each goal is to Goal (or Objective).'
        : `Not read: beside the goal text, map a column that measures or aligns the goals (${MEASURES}).`;
    return { reads: 'near-miss', row: verdict.row, message };
  }
  return {
    reads: 'other',
    row: 0,
    message: `Not read: map the column that says what each goal is to Goal, and another to ${MEASURES}.`,
  };
}

/** The Settings tab as the core finds it: named Settings in any case, spaces around ignored. */
const isSettingsTab = (name: string): boolean => name.trim().toLowerCase() === SETTINGS_TAB.toLowerCase();

function settingsTabOf(read: WorkbookRead): TabInput | undefined {
  return read.tabs.find((t) => isSettingsTab(t.name));
}

/** The Columns view of what was read; with `choices`, each verdict is the one they would give once saved. */
export function columnsView(read: WorkbookRead, choices?: readonly ColumnChoice[]): ColumnsView {
  const settingsTab = settingsTabOf(read);
  const { settings } = readSettings(settingsTab?.grid ?? null, settingsTab?.name, read.decimalSeparator);
  const proposed = choices ? columnsAfter(settings.columns, choices) : settings.columns;
  const byName = new Map(read.tabs.map((t) => [t.name, t]));
  const tabs = unreadTabs(read.tabs, settings).map((u) => ({
    tab: u.tab,
    kind: u.kind,
    row: u.row,
    headers: u.headers.map(headerView),
    verdict: verdictView(verdictOf(byName.get(u.tab) as TabInput, proposed)),
  }));
  return { tabs, fields: FIELD_OPTIONS() };
}

/** Called on every change of a dropdown: reads only the rows where header rows can be, and Settings. */
export function getColumns(ctx: ServerContext, choices?: readonly ColumnChoice[]): ColumnsView {
  const read = readTopRows(activeSpreadsheet(ctx), HEADER_SEARCH_ROWS, isSettingsTab);
  return columnsView(read, choices);
}

/** The workbook as read, with the Settings tab as it is after the save (added at the end when new). */
function withSettingsTab(read: WorkbookRead, settings: TabInput | null): WorkbookRead {
  if (settings === null) return read;
  const at = read.tabs.findIndex((t) => t.name === settings.name);
  const tabs = at < 0 ? [...read.tabs, settings] : read.tabs.map((t, i) => (i === at ? settings : t));
  return { ...read, tabs };
}

/**
 * Writes the choices into Settings under the document lock (two people saving maps get one after the other, each
 * merged into what the other wrote), then checks the workbook again with the new map, without reading it twice.
 */
export function saveColumns(ctx: ServerContext, choices: readonly ColumnChoice[]): ColumnsSaved {
  const conflict = conflictingChoice(choices);
  if (conflict !== null)
    throw new Error(`"${conflict}" is mapped to two different fields: choose one for it.`);
  const now = ctx.now();
  const { after, saved } = underLock(ctx, () => {
    const spreadsheet = activeSpreadsheet(ctx);
    const read = readWorkbook(spreadsheet);
    const saved = saveColumnRows(spreadsheet, settingsTabOf(read) ?? null, choices, read.decimalSeparator);
    return { after: withSettingsTab(read, saved.settings), saved };
  });
  if (saved.rowsWritten > 0) noteEdit(ctx, now);
  return {
    check: checkReport(analyzeRead(after, now), now),
    columns: columnsView(after),
    settingsCreated: saved.created,
    rowsWritten: saved.rowsWritten,
  };
}

/** For bind.ts: an endpoint argument that may be absent. */
export function optionalChoices(value: unknown): ColumnChoice[] | undefined {
  return value === undefined || value === null ? undefined : parseChoices(value);
}
