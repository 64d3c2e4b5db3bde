// Every problem the core finds, as data: a union keyed by a literal code, its severity, and one catalogue of wording.
import { type Field, fieldLabel } from './fields';
import type { Goal } from './model';
import { idList, quoted, shown } from './quote';

export type Severity = 'error' | 'warning' | 'info';

/** Where an issue points. row/col are 1-based; 0 means "the whole tab" / "the whole row". */
export interface Place {
  tab: string;
  row: number;
  col: number;
  /** The header text of the column as written in the sheet; '' for the whole row. */
  column: string;
  /** The goal's ID as written; '' when the row has none or the issue is about an owner. */
  goalId: string;
}

/** The detail of each kind of issue. Codes are stable: tests, sidebars and users rely on them. */
export type IssueDetail =
  // Tabs and headers
  | { code: 'no-goal-tabs' }
  | { code: 'settings-tab-missing'; tabName: string }
  | { code: 'bad-setting'; key: string; text: string }
  // Row values
  | { code: 'missing-id' }
  | { code: 'missing-goal' }
  | { code: 'duplicate-id'; otherTab: string; otherRow: number }
  | { code: 'not-a-number'; text: string }
  | { code: 'bad-direction'; text: string }
  | { code: 'bad-type'; text: string }
  | { code: 'bad-rollup'; text: string }
  | { code: 'bad-period'; text: string }
  | { code: 'bad-range'; text: string }
  | { code: 'missing-target' }
  | { code: 'zero-span' }
  | { code: 'negative-weight' }
  | { code: 'missing-owner' }
  // Links and the cascade
  | { code: 'unknown-parent'; parent: string }
  | { code: 'self-parent' }
  | { code: 'cycle'; cycle: string[] }
  | { code: 'sum-unit-mismatch'; childId: string; childUnit: string; unit: string }
  | { code: 'sum-needs-target' }
  | { code: 'alignment-gap'; measured: number; rolledUp: number }
  | { code: 'unmeasured' }
  // Scorecards
  | { code: 'weights-not-100'; owner: string; period: string; total: number }
  | { code: 'gate-missed'; owner: string; period: string; attainment: number; gate: number }
  // The product's beliefs, as warnings
  | { code: 'no-collaboration-goal'; owner: string; period: string }
  | { code: 'top-level-not-outcome' }
  | { code: 'activity-not-under-outcome' }
  | { code: 'activity-heavy'; owner: string; period: string; share: number; limit: number }
  | { code: 'vanity-metric'; word: string; asOutcome: boolean }
  // Reading the sheets people already have (layouts, title rows, no IDs)
  | { code: 'unread-tab'; headers: string[]; missing: 'goal' | 'measure' }
  | { code: 'section-row'; text: string }
  | { code: 'total-row'; text: string }
  | { code: 'implausible-value'; text: string; why: 'gate' | 'scale' }
  | { code: 'ambiguous-parent'; parent: string; count: number }
  | { code: 'several-parents'; parent: string; used: string }
  // Goals over time (issue 11): check-ins, the History tab, confidence
  | { code: 'bad-confidence'; text: string }
  | { code: 'history-no-header' }
  | { code: 'bad-check-in-date'; text: string }
  | { code: 'bad-check-in-status'; text: string }
  | { code: 'duplicate-check-in'; day: string; otherRow: number }
  | { code: 'orphan-history'; checkIns: number }
  | { code: 'confidence-falling'; values: number[] }
  | { code: 'history-large'; checkIns: number; cells: number };

export type IssueCode = IssueDetail['code'];
export type Issue = Place & { severity: Severity } & IssueDetail;

/** A1 name of a column number: 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let name = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Where an issue points, as people read it: `Field!K3`, `Field!3:3` for a whole row, `Field` for a tab. */
export function placeName(place: Place): string {
  const tab = /^[A-Za-z0-9_]+$/.test(place.tab) ? place.tab : `'${place.tab.replace(/'/g, "''")}'`;
  if (!place.tab) return 'workbook';
  if (place.row === 0) return tab;
  return place.col > 0 ? `${tab}!${columnLetter(place.col)}${place.row}` : `${tab}!${place.row}:${place.row}`;
}

/** A goal's cell for an issue: the column of `field`, headed by the field's name capitalised (Target, Unit). */
export function goalPlace(goal: Goal, field: Field, goalId = goal.id): Place {
  return { tab: goal.tab, row: goal.row, col: goal.columns[field] ?? 0, column: fieldLabel(field), goalId };
}

export const NOWHERE: Place = { tab: '', row: 0, col: 0, column: '', goalId: '' };

/** Builds an issue at a place; the severity comes from the catalogue. */
export function issueAt<D extends IssueDetail>(place: Place, detail: D): Issue {
  // Object.assign on a literal is several times faster than a double spread, and workbooks can raise ~1M issues.
  const base = {
    tab: place.tab,
    row: place.row,
    col: place.col,
    column: place.column,
    goalId: place.goalId,
    severity: CATALOGUE[detail.code][0],
  };
  return Object.assign(base, detail) as Issue;
}

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;
const periodName = (period: string): string => period || 'the default period';

// One-letter names keep the catalogue short: the bundle carries every entry, and Sheets loads it on every call.
const E = 'error';
const W = 'warning';

/**
 * The one catalogue of each code's severity and wording: what went wrong and what to do about it (fixed text, or
 * made from the issue's detail).
 * Errors block a goal's attainment; warnings and info never do.
 */
const CATALOGUE: {
  readonly [C in IssueCode]: readonly [Severity, string | ((issue: Extract<Issue, { code: C }>) => string)];
} = {
  'no-goal-tabs': [
    E,
    "No goal tab found: give a tab a header row in its first 10 rows with a Goal (or Key Result, Objective) column and an ID, Parent, Target or Progress column, or map its headers in the sidebar's Columns panel.",
  ],
  'settings-tab-missing': [W, (i) => `No tab is named ${quoted(i.tabName)}: fix Goal tabs in Settings.`],
  'bad-setting': [W, (i) => `${shown(i.key)} cannot be ${quoted(i.text)}: the default is used.`],
  'missing-id': [E, 'Goal data but no ID: give this row a unique ID.'],
  'missing-goal': [E, 'Goal is blank: say what the goal is.'],
  'duplicate-id': [
    E,
    (i) => `ID ${quoted(i.goalId)} is also on ${shown(i.otherTab)} row ${i.otherRow}: IDs must be unique.`,
  ],
  'not-a-number': [
    E,
    (i) =>
      `${quoted(i.text)}${i.column ? ` in ${shown(i.column)}` : ''} is not a number: type one like 1200, 1.2M, $3.4k or 12%.`,
  ],
  'bad-direction': [E, (i) => `Direction ${quoted(i.text)} is unknown: use higher, lower, range or binary.`],
  'bad-type': [W, (i) => `Type ${quoted(i.text)} is unknown: use Outcome, Activity or Collaboration.`],
  'bad-rollup': [E, (i) => `Rollup ${quoted(i.text)} is unknown: use average, sum, min or own.`],
  'bad-period': [
    W,
    (i) => `Period ${quoted(i.text)} is unreadable: write FY2026, H1 2026, Q3 2026 or Mar 2026.`,
  ],
  'bad-range': [
    E,
    (i) =>
      `Range target ${quoted(i.text)}: write two numbers, lowest first, like 40-60 (or fill Min and Max).`,
  ],
  'missing-target': [E, 'An Actual but no Target: add the Target.'],
  'zero-span': [E, 'Target equals Baseline (or is 0 on a "lower" goal without one): change one.'],
  'negative-weight': [E, 'Weight cannot be negative.'],
  'missing-owner': [W, 'No Owner, so no scorecard counts this goal: add one.'],
  'unknown-parent': [
    E,
    (i) => `No goal has the ID ${quoted(i.parent)}: fix Parent, or blank it for a top-level goal.`,
  ],
  'self-parent': [E, 'A goal cannot be its own parent: pick the goal it contributes to.'],
  cycle: [E, (i) => `Parents form a loop (${idList(i.cycle)}), so none can roll up: change one Parent.`],
  'sum-unit-mismatch': [
    E,
    (i) =>
      `A sum roll-up needs one unit: child ${shown(i.childId)} is in ${shown(i.childUnit) || 'blank'}, this goal in ${shown(i.unit) || 'blank'}.`,
  ],
  'sum-needs-target': [E, "A sum roll-up needs this goal's own Target: add one."],
  'alignment-gap': [
    W,
    (i) =>
      `Alignment gap: this outcome measures ${pct(i.measured)} but its goals roll up to ${pct(i.rolledUp)}: check that they drive it.`,
  ],
  unmeasured: ['info', 'No Actual yet, so it is left out of roll-ups.'],
  'weights-not-100': [
    W,
    (i) => `${shown(i.owner)}'s weights for ${periodName(i.period)} add up to ${pct(i.total)}, not 100%.`,
  ],
  'gate-missed': [
    'info',
    (i) =>
      `${shown(i.owner)} gets no payout for ${periodName(i.period)}: this gate goal is at ${pct(i.attainment)}, under ${pct(i.gate)}.`,
  ],
  'no-collaboration-goal': [
    W,
    (i) =>
      `${shown(i.owner)}'s scorecard for ${periodName(i.period)} has no Collaboration goal: add a teaming score (peer NPS, =MBO_NPS).`,
  ],
  'top-level-not-outcome': [W, 'A top-level goal should be an Outcome: mark it so, or give it a Parent.'],
  'activity-not-under-outcome': [
    W,
    'This Activity trees up to no Outcome: align it to the outcome it drives.',
  ],
  'activity-heavy': [
    W,
    (i) =>
      `${pct(i.share)} of ${shown(i.owner)}'s weight for ${periodName(i.period)} is on Activities (limit ${pct(i.limit)}): measure outcomes, not tactics.`,
  ],
  'vanity-metric': [
    W,
    (i) =>
      `${quoted(i.word)} reads like a vanity metric ${i.asOutcome ? 'but is an Outcome: measure what it drives (pipeline, revenue, NPS).' : 'and trees up to no outcome: align it to the one it drives.'}`,
  ],
  // Reading the sheets people already have
  'unread-tab': [
    W,
    (i) =>
      `This tab looks like goals (${quoteList(i.headers)}) but was not read: ${
        i.missing === 'goal'
          ? 'no column says what each goal is. Head it Goal, Objective or Key Result'
          : 'beside the goal text, nothing says how goals are measured or aligned. Add an ID, Parent, Target or Progress column'
      }, or map the columns in the sidebar (Columns).`,
  ],
  'section-row': [
    'info',
    (i) => `"${i.text}" stands alone on its row, so it is read as a section label, not a goal.`,
  ],
  'total-row': ['info', (i) => `"${i.text}" row is a total, not a goal: it is left out of the cascade.`],
  'implausible-value': [
    W,
    (i) =>
      i.why === 'gate'
        ? `Gate ${quoted(i.text)} is above 1000%: a gate is the attainment a goal must reach (e.g. 80%).`
        : `Actual ${quoted(i.text)} is 100 times its Target or more: check that both are in the same units (1.2M vs 1.2).`,
  ],
  'ambiguous-parent': [
    W,
    (i) => `Parent ${quoted(i.parent)} matches no ID and ${i.count} goal titles: write the parent's ID.`,
  ],
  'several-parents': [
    W,
    (i) =>
      `Parent ${quoted(i.parent)} names several goals: only ${shown(i.used)} counts. Keep one parent per goal.`,
  ],
  // Goals over time (issue 11)
  'bad-confidence': [
    W,
    (i) =>
      `Confidence "${i.text}" is not from 0 to 10: write how sure the owner is, 0 (not at all) to 10 (certain).`,
  ],
  'history-no-header': [
    W,
    'No header row with Date and ID in the first 10 rows, so no check-in is read here: restore the header (Date, ID, Actual, Measured, Final, Status, Confidence, Note).',
  ],
  'bad-check-in-date': [
    E,
    (i) =>
      `${i.text ? `Check-in date "${i.text}" is not a date` : 'No check-in date'}, so this row is left out: write it like 2026-03-31.`,
  ],
  'bad-check-in-status': [
    W,
    (i) => `Status "${i.text}" is not on track, at risk, off track or not measured.`,
  ],
  'duplicate-check-in': [
    W,
    (i) => `This goal has another check-in on ${i.day} (row ${i.otherRow}): only the lower row counts.`,
  ],
  'orphan-history': [
    'info',
    (i) =>
      `No goal has the ID "${i.goalId}" now (${i.checkIns} check-in${i.checkIns === 1 ? '' : 's'} here): renamed or deleted? Rename it here to keep its trend.`,
  ],
  'confidence-falling': [
    W,
    (i) => `Confidence fell at two check-ins in a row (${i.values.join(' → ')}): ask the owner what changed.`,
  ],
  'history-large': [
    'info',
    (i) =>
      `History holds ${i.checkIns.toLocaleString('en-US')} check-ins (${i.cells.toLocaleString('en-US')} of the Sheet's 10 million cells): Compact History in the menu keeps 13 weeks weekly, then month-ends, then quarter-ends.`,
  ],
};

/** A few texts quoted for a message: at most four, then how many more. */
function quoteList(names: readonly string[]): string {
  const shown = names
    .slice(0, 4)
    .map((t) => `"${t}"`)
    .join(', ');
  const more = names.length - 4;
  return more > 0 ? `${shown} and ${more} more` : shown;
}

/** Severity of each code, for the README's table and the tests; pure, so the bundle (which reads CATALOGUE) drops it. */
export const SEVERITY = /* @__PURE__ */ Object.fromEntries(
  /* @__PURE__ */ Object.entries(CATALOGUE).map(([code, [severity]]) => [code, severity]),
) as { readonly [C in IssueCode]: Severity };

/** The wording of an issue: what went wrong and what to do about it. */
export function describeIssue(issue: Issue): string {
  const wording = CATALOGUE[issue.code][1] as string | ((issue: Issue) => string);
  return typeof wording === 'string' ? wording : wording(issue);
}
