// Every problem the core finds, as data: a union keyed by a literal code, its severity, and one catalogue of wording.
import { readableTime } from './calendar';
import { type Field, fieldLabel } from './fields';
import type { Goal } from './model';
import { idList, quoted, shown } from './quote';
import { DEFAULT_ROLLUP, namesInWords, ROLLUP_NAMES } from './rollups';

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
  | { code: 'activity-not-under-outcome'; partly: boolean }
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
  | { code: 'history-large'; checkIns: number; cells: number }
  // Goals over time, part 2 (issue 11): the log's name and ownership
  | { code: 'legacy-check-in-tab'; renameTo: string }
  // Finance sign-off (issue 13): what changed a payout without a word, and the payouts themselves
  | { code: 'several-owners'; owner: string; period: string; names: string[] }
  | { code: 'period-mismatch'; parentId: string; period: string; parentPeriod: string; leftOut: boolean }
  | { code: 'missing-weight'; owner: string; period: string }
  | { code: 'floor-ignored'; direction: 'range' | 'binary' }
  | { code: 'no-measured-return'; spend: number; why: 'unmeasured' | 'not-money' }
  | { code: 'roster-no-owner' }
  | { code: 'bad-date'; text: string; why: 'unreadable' | 'before-start' }
  | { code: 'missing-currency'; person: string }
  | { code: 'roster-duplicate'; person: string; otherRow: number }
  | { code: 'not-on-roster'; person: string }
  | { code: 'manager-loop'; chain: string[] }
  | {
      code: 'frozen-period-changed';
      period: string;
      person: string;
      frozenAt: string;
      frozenBy: string;
      /** The spreadsheet's zone (--time-zone on the command line): the message gives frozenAt in it. */
      timeZone: string;
      was: number | null;
      now: number | null;
    }
  // Shared goals by several parents (issue 13)
  | { code: 'parent-shares'; parent: string; total: number }
  // Reading vendors' formats: a Type column that means something else
  | { code: 'foreign-type-column'; header: string; examples: string[] };

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
    severity: CATALOGUE[detail.code].severity,
  };
  return Object.assign(base, detail) as Issue;
}

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;
const periodName = (period: string): string => period || 'the default period';
/** 125000 -> `125,000`: amounts in messages, with no currency (the workbook says which). */
const money = (x: number): string =>
  Math.round(x)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');

interface CatalogueEntry<C extends IssueCode> {
  severity: Severity;
  /** What went wrong, then what to do about it. */
  message: (issue: Extract<Issue, { code: C }>) => string;
}

/**
 * The one catalogue of each code's severity and wording. Every message says what is wrong, then (after a colon)
 * what to do about it. Errors block a goal's attainment; warnings and info never do.
 */
const CATALOGUE: { readonly [C in IssueCode]: CatalogueEntry<C> } = {
  'no-goal-tabs': {
    severity: 'error',
    message: () =>
      "No goal tab found: give a tab a header row in its first 10 rows with a Goal (or Key Result, Objective) column and an ID, Parent, Target or Progress column, or map its headers in the sidebar's Columns panel.",
  },
  'settings-tab-missing': {
    severity: 'warning',
    message: (i) =>
      `Settings lists the goal tab ${quoted(i.tabName)}, but no tab has that name: correct the name under Goal tabs in Settings, or remove it.`,
  },
  'bad-setting': {
    severity: 'warning',
    message: (i) =>
      `Setting ${quoted(i.key)} cannot be ${quoted(i.text)}, so its default is used instead: correct the value (the note beside it says what it takes) or clear it.`,
  },
  'missing-id': {
    severity: 'error',
    message: () => 'This row has goal data but no ID: give it an ID that is unique in the workbook.',
  },
  'missing-goal': {
    severity: 'error',
    message: () => 'The Goal cell is blank: say what the goal is.',
  },
  'duplicate-id': {
    severity: 'error',
    message: (i) =>
      `ID ${quoted(i.goalId)} is also used on ${shown(i.otherTab)} row ${i.otherRow}: IDs must be unique across all tabs, so give one of the two goals another ID.`,
  },
  'not-a-number': {
    severity: 'error',
    message: (i) =>
      `${quoted(i.text)}${i.column ? ` in ${shown(i.column)}` : ''} is not a number: type a number such as 1200, 1.2M, $3.4k or 12%.`,
  },
  'bad-direction': {
    severity: 'error',
    message: (i) =>
      `Direction ${quoted(i.text)} is not one of higher, lower, range or binary: use one of those (blank means higher).`,
  },
  'bad-type': {
    severity: 'warning',
    message: (i) =>
      `Type ${quoted(i.text)} is not one of Outcome, Activity or Collaboration, so the goal is left unclassified: use one of those.`,
  },
  'bad-rollup': {
    severity: 'error',
    message: (i) =>
      `Rollup ${quoted(i.text)} is not one of ${namesInWords(ROLLUP_NAMES)}: use one of those (blank means ${DEFAULT_ROLLUP}).`,
  },
  'bad-period': {
    severity: 'warning',
    message: (i) =>
      `Period ${quoted(i.text)} is not a period, so the goal's status cannot be judged: write it like FY2026, H1 2026, Q3 2026, 2026-Q3 or Mar 2026.`,
  },
  'bad-range': {
    severity: 'error',
    message: (i) =>
      `Range target ${quoted(i.text)} is not two numbers, lowest first: write it like 40-60, or fill the Min and Max columns.`,
  },
  'missing-target': {
    severity: 'error',
    message: () => 'This goal has an Actual but no Target: add the Target it is measured against.',
  },
  'zero-span': {
    severity: 'error',
    message: () =>
      'Target equals Baseline (or is 0 on a "lower" goal without a baseline), so attainment cannot be computed: change the Target or the Baseline.',
  },
  'negative-weight': {
    severity: 'error',
    message: () =>
      "Weight cannot be negative: give the goal's share of its owner's scorecard, from 0% to 100%.",
  },
  'missing-owner': {
    severity: 'warning',
    message: () => 'This goal has no Owner, so it counts in no scorecard: add the person measured on it.',
  },
  'unknown-parent': {
    severity: 'error',
    message: (i) =>
      `Parent ${quoted(i.parent)} is not the ID of any goal in the workbook: correct the ID, or leave Parent blank for a top-level goal.`,
  },
  'self-parent': {
    severity: 'error',
    message: () =>
      'This goal names itself as its parent: choose the goal it contributes to, or leave Parent blank for a top-level goal.',
  },
  cycle: {
    severity: 'error',
    message: (i) =>
      `These goals form a loop of parents (${idList(i.cycle)}), so none of them can roll up: break the loop by changing one Parent.`,
  },
  'sum-unit-mismatch': {
    severity: 'error',
    message: (i) =>
      `A sum roll-up adds its children's actuals, but child ${shown(i.childId)} is in ${shown(i.childUnit) || 'no unit'} and this goal in ${shown(i.unit) || 'no unit'}: give them one Unit, or choose another Rollup.`,
  },
  'sum-needs-target': {
    severity: 'error',
    message: () =>
      "A sum roll-up measures the children's total against this goal's own Target, and it has none: add the Target.",
  },
  'alignment-gap': {
    severity: 'warning',
    message: (i) =>
      `Alignment gap: this goal measures ${pct(i.measured)} but the goals under it roll up to ${pct(i.rolledUp)}: check that the team's goals drive it.`,
  },
  unmeasured: {
    severity: 'info',
    message: () =>
      'Not measured yet: there is no Actual, so the goal is left out of roll-ups until you enter one.',
  },
  'weights-not-100': {
    severity: 'warning',
    message: (i) =>
      `${shown(i.owner)}'s weights for ${periodName(i.period)} add up to ${pct(i.total)}, not 100%: change them so that they add up to 100%.`,
  },
  'gate-missed': {
    severity: 'info',
    message: (i) =>
      `${shown(i.owner)} gets no payout for ${periodName(i.period)}: this gate goal is at ${pct(i.attainment)}, under its ${pct(i.gate)} threshold, and payout resumes once it reaches it.`,
  },
  'no-collaboration-goal': {
    severity: 'warning',
    message: (i) =>
      `${shown(i.owner)}'s scorecard for ${periodName(i.period)} has no Collaboration goal: add a teaming score, such as an NPS from peers with =MBO_NPS.`,
  },
  'top-level-not-outcome': {
    severity: 'warning',
    message: () =>
      'A top-level goal should be an Outcome (revenue, pipeline, NPS/CSAT): mark it Outcome, or align it to a parent goal.',
  },
  'activity-not-under-outcome': {
    severity: 'warning',
    message: (i) =>
      i.partly
        ? 'Only some of the parents this Activity is shared among tree up to an Outcome: align it to the outcome it drives.'
        : 'This Activity does not tree up to any Outcome: align it to the outcome it drives.',
  },
  'activity-heavy': {
    severity: 'warning',
    message: (i) =>
      `${pct(i.share)} of ${shown(i.owner)}'s weight for ${periodName(i.period)} is on Activities, above the ${pct(i.limit)} limit: measure outcomes, not tactics.`,
  },
  'vanity-metric': {
    severity: 'warning',
    message: (i) =>
      i.asOutcome
        ? `${quoted(i.word)} reads like a vanity metric but is marked Outcome: measure the result it should drive (pipeline, revenue, NPS).`
        : `${quoted(i.word)} reads like a vanity metric and trees up to no outcome: align it to the outcome it should drive.`,
  },
  // Reading the sheets people already have
  'unread-tab': {
    severity: 'warning',
    message: (i) =>
      `This tab looks like goals (${quoteList(i.headers)}) but was not read: ${
        i.missing === 'goal'
          ? 'no column says what each goal is. Head it Goal, Objective or Key Result'
          : 'beside the goal text, nothing says how goals are measured or aligned. Add an ID, Parent, Target or Progress column'
      }, or map the columns in the sidebar (Columns).`,
  },
  'section-row': {
    severity: 'info',
    message: (i) =>
      `"${i.text}" stands alone on its row, so it is read as a section label, not a goal: give it an ID or a Target if it is a goal.`,
  },
  'total-row': {
    severity: 'info',
    message: (i) => `"${i.text}" row is a total, not a goal: it is left out of the cascade.`,
  },
  'implausible-value': {
    severity: 'warning',
    message: (i) =>
      i.why === 'gate'
        ? `Gate ${quoted(i.text)} is above 1000%: a gate is the attainment a goal must reach (e.g. 80%).`
        : `Actual ${quoted(i.text)} is 100 times its Target or more: check that both are in the same units (1.2M vs 1.2).`,
  },
  'ambiguous-parent': {
    severity: 'warning',
    message: (i) =>
      `Parent ${quoted(i.parent)} matches no ID and ${i.count} goal titles: write the parent's ID.`,
  },
  'several-parents': {
    severity: 'warning',
    message: (i) =>
      `Parent ${quoted(i.parent)} names several goals with commas, which may be one goal's title, so only ${shown(i.used)} counts: separate parents with semicolons (CMO-1 60%; CMO-2 40%) to share the goal, or keep one parent.`,
  },
  // Goals over time (issue 11)
  'bad-confidence': {
    severity: 'warning',
    message: (i) =>
      `Confidence "${i.text}" is not from 0 to 10: write how sure the owner is, 0 (not at all) to 10 (certain).`,
  },
  'history-no-header': {
    severity: 'warning',
    message: () =>
      'No header row with Date and ID in the first 10 rows, so no check-in is read here: restore the header (Date, ID, Actual, Measured, Final, Status, Confidence, Note).',
  },
  'bad-check-in-date': {
    severity: 'error',
    message: (i) =>
      `${i.text ? `Check-in date "${i.text}" is not a date` : 'No check-in date'}, so this row is left out: write it like 2026-03-31.`,
  },
  'bad-check-in-status': {
    severity: 'warning',
    message: (i) =>
      `Status ${quoted(i.text)} is not a status: write on track, at risk, off track or not measured.`,
  },
  'duplicate-check-in': {
    severity: 'warning',
    message: (i) =>
      `This goal has another check-in on ${i.day} (row ${i.otherRow}): only the lower row counts, so delete the one that is wrong.`,
  },
  'orphan-history': {
    severity: 'info',
    message: (i) =>
      `No goal has the ID "${i.goalId}" now (${i.checkIns} check-in${i.checkIns === 1 ? '' : 's'} here): renamed or deleted? Rename it here to keep its trend.`,
  },
  'confidence-falling': {
    severity: 'warning',
    message: (i) =>
      `Confidence fell at two check-ins in a row (${i.values.join(' → ')}): ask the owner what changed.`,
  },
  'history-large': {
    severity: 'info',
    message: (i) =>
      `${i.tab} holds ${i.checkIns.toLocaleString('en-US')} check-ins (${i.cells.toLocaleString('en-US')} of the Sheet's 10 million cells): Compact check-ins in the menu keeps 13 weeks weekly, then month-ends, then quarter-ends.`,
  },
  // Goals over time, part 2 (issue 11): the log's name and ownership
  'legacy-check-in-tab': {
    severity: 'info',
    message: (i) =>
      `Check-ins are read from a tab named History, a sheet name Excel refuses: the next Record check-in renames it to "${i.renameTo}".`,
  },
  // Finance sign-off (issue 13)
  'several-owners': {
    severity: 'warning',
    message: (i) =>
      `Owner ${quoted(i.owner)} names several people (${i.names.map(shown).join(', ')}), but scorecards count it as one more person: separate co-owners with semicolons (Ann; Bob) to share the goal, or give it one owner.`,
  },
  'period-mismatch': {
    severity: 'warning',
    message: (i) =>
      `This goal is for ${i.period} but its parent ${shown(i.parentId)} is for ${i.parentPeriod}, so ${
        i.leftOut
          ? `it is left out of ${shown(i.parentId)}'s sum`
          : `it still counts in ${shown(i.parentId)}'s roll-up`
      }: correct its Period or its Parent.`,
  },
  'missing-weight': {
    severity: 'warning',
    message: (i) =>
      `Weight is blank while ${shown(i.owner)}'s other goals for ${periodName(i.period)} have one, so this goal counts 0%: give it a weight (0% if it is meant to count nothing).`,
  },
  'floor-ignored': {
    severity: 'warning',
    message: (i) =>
      `A ${i.direction} goal is met or missed, so its Floor is not applied and a miss counts 0%: clear the Floor, or measure the goal by degree (higher or lower).`,
  },
  'no-measured-return': {
    severity: 'warning',
    message: (i) =>
      `${money(i.spend)} is spent under this outcome, but ${
        i.why === 'unmeasured' ? 'it has no Actual yet' : 'it measures no pipeline or revenue'
      }: measure the return that spend brings (pipeline or revenue per dollar).`,
  },
  'roster-no-owner': {
    severity: 'warning',
    message: () =>
      'This Roster has no Owner column in its first 10 rows, so no payout is computed in money: head one column Owner.',
  },
  'bad-date': {
    severity: 'warning',
    message: (i) =>
      i.why === 'unreadable'
        ? `${quoted(i.text)} is not a date, so this person's payout is not computed: write one like 2026-03-01.`
        : `End ${i.text} is before Start, so this person's payout is not computed: correct one of them.`,
  },
  'missing-currency': {
    severity: 'warning',
    message: (i) =>
      `${shown(i.person)}'s target bonus has no Currency, so it is totalled with other amounts without one: fill in Currency (USD, EUR and so on).`,
  },
  'roster-duplicate': {
    severity: 'warning',
    message: (i) =>
      `${shown(i.person)} is also on row ${i.otherRow} of the Roster, which is the row that counts: delete one of the two rows.`,
  },
  'not-on-roster': {
    severity: 'warning',
    message: (i) =>
      `${shown(i.person)} has a scorecard but no row on the Roster, so no payout in money: add them (Owner, Manager, Target bonus, Currency).`,
  },
  'manager-loop': {
    severity: 'warning',
    message: (i) =>
      `Managers form a loop (${idList(i.chain)}), so team subtotals stop there: change one Manager.`,
  },
  'frozen-period-changed': {
    severity: 'warning',
    message: (i) =>
      `${shown(i.person)}'s scorecard for ${periodName(i.period)} has changed since the period was frozen (payout ${
        i.was === null ? 'none' : pct(i.was)
      } then, ${i.now === null ? 'none' : pct(i.now)} now): undo the edit, or freeze ${periodName(i.period)} again once finance agrees (frozen ${readableTime(i.frozenAt, i.timeZone)} by ${shown(i.frozenBy || 'someone')}).`,
  },
  // Shared goals by several parents (issue 13)
  'parent-shares': {
    severity: 'warning',
    message: (i) =>
      `The shares in Parent ${quoted(i.parent)} add up to ${pct(i.total)}, not 100%, so they are scaled to make 100%: write shares that add up to 100% (CMO-1 60%; CMO-2 40%).`,
  },
  // Reading vendors' formats: a Type column that means something else
  'foreign-type-column': {
    severity: 'warning',
    message: (i) =>
      `The ${quoted(i.header)} column holds ${i.examples.map(quoted).join(', ')}, not Outcome, Activity or Collaboration, so its goals are left unclassified: add a Type column with those words, or map ${quoted(i.header)} to another field (a Column row in Settings).`,
  },
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

/** Severity of each code, for the README's table and the tests. */
export const SEVERITY = Object.fromEntries(
  Object.entries(CATALOGUE).map(([code, entry]) => [code, entry.severity]),
) as { readonly [C in IssueCode]: Severity };

/** The wording of an issue: what went wrong and what to do about it. */
export function describeIssue(issue: Issue): string {
  // Each entry's message takes its own code's issue; TypeScript cannot tie the lookup to the code, hence the cast.
  const message = CATALOGUE[issue.code].message as (issue: Issue) => string;
  return message(issue);
}
