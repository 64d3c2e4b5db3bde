// Every problem the core finds, as data: a union keyed by a literal code, its severity, and one catalogue of wording.

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
  | { code: 'vanity-metric'; word: string; asOutcome: boolean };

export type IssueCode = IssueDetail['code'];
export type Issue = Place & { severity: Severity } & IssueDetail;

/** Severity of each code: errors block a goal's attainment, warnings and info never do. */
export const SEVERITY: { readonly [C in IssueCode]: Severity } = {
  'no-goal-tabs': 'error',
  'settings-tab-missing': 'warning',
  'bad-setting': 'warning',
  'missing-id': 'error',
  'missing-goal': 'error',
  'duplicate-id': 'error',
  'not-a-number': 'error',
  'bad-direction': 'error',
  'bad-type': 'warning',
  'bad-rollup': 'error',
  'bad-period': 'warning',
  'bad-range': 'error',
  'missing-target': 'error',
  'zero-span': 'error',
  'negative-weight': 'error',
  'missing-owner': 'warning',
  'unknown-parent': 'error',
  'self-parent': 'error',
  cycle: 'error',
  'sum-unit-mismatch': 'error',
  'sum-needs-target': 'error',
  'alignment-gap': 'warning',
  unmeasured: 'info',
  'weights-not-100': 'warning',
  'gate-missed': 'info',
  'no-collaboration-goal': 'warning',
  'top-level-not-outcome': 'warning',
  'activity-not-under-outcome': 'warning',
  'activity-heavy': 'warning',
  'vanity-metric': 'warning',
};

/** A1 name of a column number: 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let name = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Where an issue points, as people read it: `Field!K3`, `Field!3:3` for a whole row, `Field` for a tab. */
export function placeName(place: Place): string {
  const tab = /^[A-Za-z0-9_]+$/.test(place.tab) ? place.tab : `'${place.tab.replace(/'/g, "''")}'`;
  if (!place.tab) return 'workbook';
  if (place.row === 0) return tab;
  return place.col > 0 ? `${tab}!${columnLetter(place.col)}${place.row}` : `${tab}!${place.row}:${place.row}`;
}

export const NOWHERE: Place = { tab: '', row: 0, col: 0, column: '', goalId: '' };

/** Builds an issue at a place; the severity comes from the catalogue. */
export function issueAt<D extends IssueDetail>(place: Place, detail: D): Issue {
  // Object.assign on a literal is several times faster than a double spread, and workbooks can raise ~1M issues.
  const base = { tab: place.tab, row: place.row, col: place.col, column: place.column, goalId: place.goalId, severity: SEVERITY[detail.code] };
  return Object.assign(base, detail) as Issue;
}

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;

/** The one catalogue of wording: what went wrong and what to do about it. */
export function describeIssue(issue: Issue): string {
  switch (issue.code) {
    case 'no-goal-tabs':
      return 'No goal tab found: a goal tab needs a header row (within its first 5 rows) with an ID column and a Goal column.';
    case 'settings-tab-missing':
      return `Settings lists the goal tab "${issue.tabName}", but there is no tab by that name.`;
    case 'bad-setting':
      return `Setting "${issue.key}" cannot use "${issue.text}"; the default is used instead.`;
    case 'missing-id':
      return 'This row has goal data but no ID. Give it an ID that is unique in the workbook.';
    case 'missing-goal':
      return 'This goal has no text in its Goal column. Say what the goal is.';
    case 'duplicate-id':
      return `ID "${issue.goalId}" is also used on ${issue.otherTab} row ${issue.otherRow}. IDs must be unique across all tabs.`;
    case 'not-a-number':
      return `"${issue.text}"${issue.column ? ` in ${issue.column}` : ''} is not a number. Type a number such as 1200, 1.2M, $3.4k or 12%.`;
    case 'bad-direction':
      return `Direction "${issue.text}" is not one of higher, lower, range or binary.`;
    case 'bad-type':
      return `Type "${issue.text}" is not one of Outcome, Activity or Collaboration; the goal is left unclassified.`;
    case 'bad-rollup':
      return `Rollup "${issue.text}" is not one of average, sum, min or own.`;
    case 'bad-period':
      return `Period "${issue.text}" is not a period like FY2026, H1 2026, Q3 2026, 2026-Q3 or Mar 2026; status cannot be judged.`;
    case 'bad-range':
      return `A range target needs two numbers, lowest first, like 40-60 (or Min and Max columns); got "${issue.text}".`;
    case 'missing-target':
      return 'This goal has an Actual but no Target. Add the target it is measured against.';
    case 'zero-span':
      return 'Target equals Baseline (or is 0 for a "lower" goal without baseline), so attainment cannot be computed. Change the target or the baseline.';
    case 'negative-weight':
      return 'Weight cannot be negative.';
    case 'missing-owner':
      return 'This goal has no Owner, so it counts in no scorecard.';
    case 'unknown-parent':
      return `Parent "${issue.parent}" is not the ID of any goal in the workbook. Fix the ID or leave Parent blank for a top-level goal.`;
    case 'self-parent':
      return 'This goal names itself as its parent. Choose the goal it contributes to.';
    case 'cycle':
      return `These goals form a loop of parents (${issue.cycle.join(' › ')}), so none of them can roll up. Break the loop by changing one Parent.`;
    case 'sum-unit-mismatch':
      return `A sum roll-up needs children in the parent's unit (${issue.unit || 'blank'}); child ${issue.childId} is in ${issue.childUnit || 'blank'}.`;
    case 'sum-needs-target':
      return 'A sum roll-up measures the children against this goal\'s own Target: add one.';
    case 'alignment-gap':
      return `Alignment gap: the outcome measures ${pct(issue.measured)} but the goals under it roll up to ${pct(issue.rolledUp)}. Check that the team's goals drive this outcome.`;
    case 'unmeasured':
      return 'Not measured yet: no Actual. It is left out of roll-ups.';
    case 'weights-not-100':
      return `${issue.owner}'s weights for ${issue.period || 'the default period'} add up to ${pct(issue.total)}, not 100%.`;
    case 'gate-missed':
      return `${issue.owner} gets no payout for ${issue.period || 'the default period'}: this gate goal reached ${pct(issue.attainment)} of its ${pct(issue.gate)} threshold.`;
    case 'no-collaboration-goal':
      return `${issue.owner}'s scorecard for ${issue.period || 'the default period'} has no Collaboration goal. Add a teaming score (e.g. an NPS from peers with =MBO_NPS).`;
    case 'top-level-not-outcome':
      return 'A top-level goal should be an Outcome (revenue, pipeline, NPS/CSAT). Mark it Outcome or align it to a parent goal.';
    case 'activity-not-under-outcome':
      return 'This Activity does not tree up to any Outcome. Align it to the outcome it drives.';
    case 'activity-heavy':
      return `${pct(issue.share)} of ${issue.owner}'s weight for ${issue.period || 'the default period'} is on Activities (limit ${pct(issue.limit)}): measure outcomes, not tactics.`;
    case 'vanity-metric':
      return issue.asOutcome
        ? `"${issue.word}" reads like a vanity metric but is marked Outcome. Measure the result it should drive (pipeline, revenue, NPS).`
        : `"${issue.word}" reads like a vanity metric and trees up to no outcome. Align it to the outcome it should drive.`;
  }
}
