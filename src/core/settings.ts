// The Settings tab: reading its key/value rows over the defaults, and writing a tab that reads back the same.
import { cellText, isBlank, normalizeHeader, parseNumber } from './cells';
import { type Issue, issueAt } from './issues';
import { type CellValue, DEFAULT_SETTINGS, type Grid, type PayoutPoint, type Settings } from './model';
import { parsePeriod } from './period';

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
  | 'payoutPoint';

/** Each setting's key as settingsRows writes it in column A. */
const LABELS: { readonly [K in Key]: string } = {
  cap: 'Cap',
  floor: 'Floor',
  gap: 'Gap threshold',
  countUnmeasuredAsZero: 'Count unmeasured as zero',
  activityShare: 'Activity share',
  vanityWords: 'Vanity words',
  goalTabs: 'Goal tabs',
  defaultPeriod: 'Default period',
  decimalSeparator: 'Decimal separator',
  payoutPoint: 'Payout point',
};

/** Keys as normalizeHeader reads them: each label, and `Alignment gap` for the gap threshold. */
const KEYS: ReadonlyMap<string, Key> = new Map<string, Key>([
  ...(Object.keys(LABELS) as Key[]).map((key): [string, Key] => [normalizeHeader(LABELS[key]), key]),
  ['alignmentgap', 'gap'],
]);

const YES: ReadonlySet<string> = new Set(['yes', 'y', 'true', '1']);
const NO: ReadonlySet<string> = new Set(['no', 'n', 'false', '0']);
const SEPARATOR_WORDS: ReadonlyMap<string, '.' | ','> = new Map<string, '.' | ','>([
  ['.', '.'],
  ['dot', '.'],
  ['point', '.'],
  ['period', '.'],
  [',', ','],
  ['comma', ','],
]);

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
 * decimalSeparator is the spreadsheet locale's; a `Decimal separator` row overrides it.
 */
export function readSettings(grid: Grid | null, tab = 'Settings', decimalSeparator: '.' | ',' = '.'): SettingsRead {
  // The spreadsheet's locale gives the separator unless the tab names one.
  const settings = { ...defaults(), decimalSeparator };
  const issues: Issue[] = [];
  if (grid === null) return { settings, issues };

  const rows: { key: Key; written: string; row: number; cells: readonly CellValue[] }[] = [];
  grid.forEach((cells, r) => {
    const written = cellText(cells[0]);
    const key = KEYS.get(normalizeHeader(written));
    if (key !== undefined) rows.push({ key, written, row: r + 1, cells });
  });

  const bad = (row: number, col: number, key: string, v: CellValue): void => {
    const place = { tab, row, col, column: col === 3 ? 'Payout' : 'Value', goalId: '' };
    issues.push(issueAt(place, { code: 'bad-setting', key, text: cellText(v) }));
  };

  // The decimal separator first: it decides how every other number typed as text reads.
  for (const { key, written, row, cells } of rows) {
    if (key !== 'decimalSeparator' || isBlank(cells[1])) continue;
    const separator = SEPARATOR_WORDS.get(cellText(cells[1]).toLowerCase());
    if (separator === undefined) bad(row, 2, written, cells[1]);
    else settings.decimalSeparator = separator;
  }
  const number = (v: CellValue): number | null => parseNumber(v, settings.decimalSeparator);
  const isNumber = (n: number | null): n is number => n !== null && !Number.isNaN(n);

  const curve: PayoutPoint[] = [];
  let floorRow: { row: number; written: string; value: CellValue } | null = null;
  for (const { key, written, row, cells } of rows) {
    const value = cells[1];
    if (key === 'payoutPoint') {
      if (isBlank(value) && isBlank(cells[2])) continue;
      const attainment = number(value);
      const payout = number(cells[2]);
      if (!isNumber(attainment) || attainment < 0) bad(row, 2, written, value);
      else if (!isNumber(payout) || payout < 0) bad(row, 3, written, cells[2]);
      else curve.push({ attainment, payout });
      continue;
    }
    if (isBlank(value) || key === 'decimalSeparator') continue;
    const text = cellText(value);
    switch (key) {
      case 'cap':
      case 'gap':
      case 'activityShare': {
        // The cap must be positive; the gap threshold and the activity share are fractions of 1.
        const n = number(value);
        if (isNumber(n) && (key === 'cap' ? n > 0 : n >= 0 && n <= 1)) settings[key] = n;
        else bad(row, 2, written, value);
        break;
      }
      case 'floor': {
        const n = number(value);
        if (isNumber(n)) {
          settings.floor = n;
          floorRow = { row, written, value };
        } else bad(row, 2, written, value);
        break;
      }
      case 'countUnmeasuredAsZero': {
        const flag = typeof value === 'boolean' ? value : readFlag(text);
        if (flag === null) bad(row, 2, written, value);
        else settings.countUnmeasuredAsZero = flag;
        break;
      }
      case 'vanityWords': {
        const words = text.toLowerCase() === NO_WORDS ? [] : splitList(text).map((w) => w.toLowerCase());
        // No vanity word is this long, and one of ~12,000 characters overflows the regex compiler in advise.
        if (words.some((w) => w.length > MAX_VANITY_WORD)) bad(row, 2, written, value);
        else settings.vanityWords = words;
        break;
      }
      case 'goalTabs':
        settings.goalTabs = splitList(text);
        break;
      case 'defaultPeriod': {
        const period = parsePeriod(value);
        if (period === null) bad(row, 2, written, value);
        else settings.defaultPeriod = period.label;
        break;
      }
    }
  }

  // A floor at or above the cap would leave no room for attainment: keep the default floor.
  if (floorRow !== null && settings.floor >= settings.cap) {
    bad(floorRow.row, 2, floorRow.written, floorRow.value);
    settings.floor = DEFAULT_SETTINGS.floor;
  }
  if (curve.length > 0) settings.payoutCurve = curve.sort((a, b) => a.attainment - b.attainment);
  return { settings, issues };
}

function readFlag(text: string): boolean | null {
  const lower = text.toLowerCase();
  if (YES.has(lower)) return true;
  if (NO.has(lower)) return false;
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
  const row = (key: string, value: string | number, about: string): (string | number)[] => [
    key,
    value,
    '',
    about,
  ];
  return [
    ['Setting', 'Value', 'Payout', 'What it does'],
    row(LABELS.cap, settings.cap, 'Highest attainment a goal counts for (150% = 1.5).'),
    row(LABELS.floor, settings.floor, 'Lowest attainment a goal counts for.'),
    row(
      LABELS.gap,
      settings.gap,
      'How far an outcome and the goals under it may differ.',
    ),
    row(
      LABELS.countUnmeasuredAsZero,
      settings.countUnmeasuredAsZero ? 'yes' : 'no',
      'yes: goals without an Actual roll up as 0%; no: left out.',
    ),
    row(
      LABELS.activityShare,
      settings.activityShare,
      "Most of an owner's weight that may be on Activities.",
    ),
    row(
      LABELS.vanityWords,
      settings.vanityWords.length === 0 ? NO_WORDS : settings.vanityWords.join(', '),
      'Words of vanity metrics, comma-separated; "none" turns the check off.',
    ),
    row(
      LABELS.goalTabs,
      settings.goalTabs.join(', '),
      'Goal tabs by name, besides those with ID and Goal headers.',
    ),
    row(
      LABELS.defaultPeriod,
      settings.defaultPeriod,
      'Period of goals with none, e.g. FY2026 or Q3 2026.',
    ),
    row(LABELS.decimalSeparator, settings.decimalSeparator, 'Decimal mark of numbers typed as text: . or ,'),
    ...settings.payoutCurve.map((p) => [
      LABELS.payoutPoint,
      p.attainment,
      p.payout,
      'Attainment (Value) that pays Payout; linear between points.',
    ]),
  ];
}
