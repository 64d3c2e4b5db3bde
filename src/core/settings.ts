// The Settings tab: reading its key/value rows over the defaults, and writing a tab that reads back the same.
import { UTC } from './calendar';
import { cellText, isBlank, normalizeHeader, parseNumber } from './cells';
import { fieldLabel, fieldNamed } from './fields';
import { type Issue, issueAt } from './issues';
import {
  type CellValue,
  type ColumnMapping,
  DEFAULT_SETTINGS,
  type Grid,
  type PayoutPoint,
  type Settings,
} from './model';
import { parsePeriod } from './period';
import { TARGET_PATHS } from './phasing';

/**
 * A deep copy of the defaults, so that nobody can change DEFAULT_SETTINGS through a result. JSON copies them
 * exactly: they hold only numbers, text, flags and lists of those.
 */
function defaults(): Settings {
  return JSON.parse(JSON.stringify(DEFAULT_SETTINGS)) as Settings;
}

type Key =
  | 'cap'
  | 'floor'
  | 'gap'
  | 'countUnmeasuredAsZero'
  | 'activityShare'
  | 'vanityWords'
  | 'goalTabs'
  | 'defaultPeriod'
  | 'decimalSeparator'
  | 'payoutPoint'
  | 'column'
  | 'targetPath';

/** Each setting's key as settingsRows writes it in column A, and what it does (column D), in the tab's order. */
const ROWS: { readonly [K in Key]: readonly [label: string, about: string] } = {
  cap: ['Cap', 'Highest attainment a goal can count for (150% = 1.5).'],
  floor: ['Floor', 'Lowest attainment a goal can count for (0% = 0).'],
  gap: [
    'Gap threshold',
    'Alignment gap: how far an outcome and the goals under it may differ before a warning (20% = 0.2).',
  ],
  countUnmeasuredAsZero: [
    'Count unmeasured as zero',
    'yes: goals without an Actual count as 0% in roll-ups; no: they are left out.',
  ],
  activityShare: [
    'Activity share',
    "Share of an owner's weight on Activities above which they are warned that they measure tactics.",
  ],
  vanityWords: [
    'Vanity words',
    'Metrics containing these words read like vanity metrics (comma-separated; "none" turns the check off).',
  ],
  goalTabs: ['Goal tabs', 'Goal tabs by name, besides those found by their headers.'],
  defaultPeriod: ['Default period', 'Period of goals whose Period is blank, e.g. FY2026 or Q3 2026.'],
  decimalSeparator: ['Decimal separator', 'How numbers typed as text write decimals: . or ,'],
  payoutPoint: [
    'Payout point',
    'Attainment (Value) that pays this share of the payout (Payout); payout is linear between points.',
  ],
  column: [
    'Column',
    'A header on goal tabs (Value) and the field it holds (third column: Goal, Target... or ignore).',
  ],
  targetPath: [
    'Target path',
    'How targets build up over a period: linear, back-loaded or stepped (by quarter).',
  ],
};

/** Keys written as one row per entry, with their own readers: Payout point and Column. */
type RepeatedKey = 'payoutPoint' | 'column';

/** Keys as normalizeHeader reads them: each label, and `Alignment gap` for the gap threshold. */
const KEYS: ReadonlyMap<string, Key> = new Map<string, Key>([
  ...(Object.keys(ROWS) as Key[]).map((key): [string, Key] => [normalizeHeader(ROWS[key][0]), key]),
  ['alignmentgap', 'gap'],
]);

/** The words that map a column to no field: the reader leaves it alone. */
const IGNORE = /^(ignore|none|-|skip)$/i;
/** How settingsRows writes that. */
const IGNORE_WORD = 'ignore';

const YES = ['yes', 'y', 'true', '1'];
const NO = ['no', 'n', 'false', '0'];
/** The words a Decimal separator may be written as, for each separator. */
const POINT = /^(\.|dot|point|period)$/;
const COMMA = /^(,|comma)$/;

/** The written value of an empty vanity list: a blank cell keeps the defaults. */
const NO_WORDS = 'none';
/** Longest vanity word or phrase, in characters: longer text is pasted junk, not a word list. */
const MAX_VANITY_WORD = 100;

/** Settings read from a tab, and the values it could not use. */
export interface SettingsRead {
  settings: Settings;
  issues: Issue[];
}

/**
 * Settings from a key/value tab: key in column A (any case and punctuation), value in B, and for
 * each `Payout point` row the attainment in B and the payout in C. A blank value keeps the
 * default; an unreadable one keeps it too and is reported as `bad-setting`. Unknown keys are
 * ignored; when a key repeats, the last readable value wins. Percentages may be fractions (1.5)
 * or text ('150%'). Payout points, when any are readable, replace the whole default curve.
 * decimalSeparator is the spreadsheet locale's; a `Decimal separator` row overrides it. timeZone is the
 * spreadsheet's: Date cells (a Default period typed as a date) are read on its calendar.
 */
export function readSettings(
  grid: Grid | null,
  tab = 'Settings',
  decimalSeparator: '.' | ',' = '.',
  timeZone: string = UTC,
): SettingsRead {
  // The spreadsheet's locale gives the separator unless the tab names one.
  const settings = { ...defaults(), decimalSeparator, timeZone };
  const issues: Issue[] = [];
  if (grid === null) return { settings, issues };

  const rows: Row[] = [];
  grid.forEach((cells, r) => {
    const written = cellText(cells[0], timeZone);
    const key = KEYS.get(normalizeHeader(written));
    if (key !== undefined) rows.push({ key, written, row: r + 1, cells });
  });

  /** A row's unreadable Value (col 2) or Payout (col 3). */
  const bad = ({ row, written, cells }: Row, col = 2): void => {
    const place = { tab, row, col, column: col === 3 ? 'Payout' : 'Value', goalId: '' };
    issues.push(
      issueAt(place, { code: 'bad-setting', key: written, text: cellText(cells[col - 1], timeZone) }),
    );
  };
  const number = (v: CellValue): number | null => parseNumber(v, settings.decimalSeparator);

  /** A Column row: the header in Value, the field (or `ignore`) in the third cell. */
  const readColumn = (entry: Row): void => {
    const header = cellText(entry.cells[1]);
    const name = cellText(entry.cells[2]);
    if (header === '' && name === '') return;
    const ignore = IGNORE.test(name);
    const field = ignore ? null : fieldNamed(name);
    if (header === '') bad(entry);
    else if (!ignore && field === null) bad(entry, 3);
    else settings.columns.push({ header, field });
  };

  let floorRow: Row | null = null;
  const apply = (entry: Row): void => {
    const { key, cells } = entry;
    const value = cells[1];
    if (isBlank(value) || key === 'payoutPoint' || key === 'column') return;
    // Not blank, so a number or NaN.
    const read = READERS[key](cellText(value, timeZone), number(value) as number, value, timeZone);
    if (read === null) bad(entry);
    else {
      (settings as Record<string, unknown>)[key] = read;
      if (key === 'floor') floorRow = entry;
    }
  };

  // The decimal separator first: it decides how every other number typed as text reads.
  for (const entry of rows) if (entry.key === 'decimalSeparator') apply(entry);
  const curve: PayoutPoint[] = [];
  for (const entry of rows) {
    const { key, cells } = entry;
    if (key === 'decimalSeparator') continue;
    if (key === 'column') {
      readColumn(entry);
      continue;
    }
    if (key !== 'payoutPoint') {
      apply(entry);
      continue;
    }
    if (isBlank(cells[1]) && isBlank(cells[2])) continue;
    // A blank one of the two is NaN here: unreadable, like text; NaN is not >= 0.
    const attainment = number(cells[1]) ?? Number.NaN;
    const payout = number(cells[2]) ?? Number.NaN;
    if (!(attainment >= 0)) bad(entry);
    else if (!(payout >= 0)) bad(entry, 3);
    else curve.push({ attainment, payout });
  }

  // A floor at or above the cap would leave no room for attainment: keep the default floor.
  if (floorRow !== null && settings.floor >= settings.cap) {
    bad(floorRow);
    settings.floor = DEFAULT_SETTINGS.floor;
  }
  if (curve.length > 0) settings.payoutCurve = curve.sort((a, b) => a.attainment - b.attainment);
  return { settings, issues };
}

/** A row of the tab whose key is a setting's. */
interface Row {
  key: Key;
  written: string;
  row: number;
  cells: readonly CellValue[];
}

/** The gap threshold and the activity share are fractions of 1. */
const fraction = (_text: string, n: number): number | null => (n >= 0 && n <= 1 ? n : null);

/** Each setting's value from its cell (as text, as a number, as it is), or null when unreadable. */
const READERS: {
  readonly [K in Exclude<Key, RepeatedKey>]: (
    text: string,
    n: number,
    v: CellValue,
    timeZone: string,
  ) => Settings[K] | null;
} = {
  cap: (_text, n) => (n > 0 ? n : null),
  floor: (_text, n) => (Number.isNaN(n) ? null : n),
  gap: fraction,
  countUnmeasuredAsZero: (text, _n, v) => (typeof v === 'boolean' ? v : readFlag(text)),
  activityShare: fraction,
  vanityWords: (text) => {
    const words = text.toLowerCase() === NO_WORDS ? [] : splitList(text).map((w) => w.toLowerCase());
    // No vanity word is this long, and one of ~12,000 characters overflows the regex compiler in advise.
    return words.some((w) => w.length > MAX_VANITY_WORD) ? null : words;
  },
  goalTabs: (text) => splitList(text),
  defaultPeriod: (_text, _n, v, timeZone) => parsePeriod(v, timeZone)?.label ?? null,
  decimalSeparator: (text) => {
    const word = text.toLowerCase();
    return POINT.test(word) ? '.' : COMMA.test(word) ? ',' : null;
  },
  targetPath: (text) => TARGET_PATHS.find((path) => normalizeHeader(path) === normalizeHeader(text)) ?? null,
};

function readFlag(text: string): boolean | null {
  const lower = text.toLowerCase();
  if (YES.includes(lower)) return true;
  if (NO.includes(lower)) return false;
  return null;
}

const LIST_SEPARATOR = /[,\n]/;

/** Items separated by commas or new lines, trimmed, blanks dropped. */
function splitList(text: string): string[] {
  return text
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * The content of a Settings tab for these settings, with a short description of each in column D.
 * readSettings reads it back to the same settings (vanity words lower-cased, as read).
 */
export function settingsRows(settings: Settings): (string | number)[][] {
  const [label, about] = ROWS.payoutPoint;
  return [
    ['Setting', 'Value', 'Payout', 'What it does'],
    ...(Object.keys(ROWS) as Key[])
      .filter((key) => key !== 'payoutPoint' && key !== 'column')
      .map((key) => [ROWS[key][0], written(settings, key as Exclude<Key, RepeatedKey>), '', ROWS[key][1]]),
    ...settings.payoutCurve.map((p) => [label, p.attainment, p.payout, about]),
    ...settings.columns.map(columnRow),
  ];
}

/** True for a row of a Settings tab whose key (column A) is `Column`. */
export function isColumnRow(cells: readonly CellValue[]): boolean {
  return KEYS.get(normalizeHeader(cellText(cells[0]))) === 'column';
}

/** How a Column row names its field: the field's label, or `ignore`. */
export function columnFieldText(field: ColumnMapping['field']): string {
  return field === null ? IGNORE_WORD : fieldLabel(field);
}

/** One Column row as settingsRows writes it: key, header, field (or `ignore`), what it does. */
export function columnRow(mapping: ColumnMapping): string[] {
  const [label, about] = ROWS.column;
  return [label, mapping.header, columnFieldText(mapping.field), about];
}

/** A setting as its Value cell shows it: yes/no for a flag, lists comma-separated, `none` for no vanity words. */
function written(settings: Settings, key: Exclude<Key, RepeatedKey>): string | number {
  const value = settings[key];
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value !== 'object') return value;
  return value.length === 0 && key === 'vanityWords' ? NO_WORDS : value.join(', ');
}
