// The check command's output: one line per issue for people, or one JSON document for scripts.
import { describeIssue, type Issue, placeName, type Severity } from '../core/issues';
import type { Analysis } from '../core/workbook';
import type { IssueView } from '../server/api';
import { countIssues, issueView } from '../server/views';
import { oneLine, terminalSafeJson } from './terminal-text';

/** One issue as scripts get it: the sidebar's view of it, plus `cell`, the A1 place people read. */
export interface IssueJson extends IssueView {
  code: Issue['code'];
  cell: string;
}

export interface CheckJson {
  files: string[];
  /** The day status was judged at, YYYY-MM-DD. */
  today: string | null;
  goalTabs: string[];
  goals: number;
  counts: Record<Severity, number>;
  issues: IssueJson[];
}

export function issueJson(issue: Issue): IssueJson {
  return { ...issueView(issue), code: issue.code, cell: placeName(issue) };
}

export function severityCounts(issues: readonly Issue[]): Record<Severity, number> {
  return countIssues(issues);
}

/** A UTC day number as YYYY-MM-DD. */
export function dayText(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The JSON document, one issue per line: valid JSON that still reads and greps well when a
 * workbook has a hundred thousand issues.
 */
export function checkJsonText(files: readonly string[], analysis: Analysis): string {
  const head: Omit<CheckJson, 'issues'> = {
    files: [...files],
    today: analysis.today === null ? null : dayText(analysis.today),
    goalTabs: analysis.goalTabs,
    goals: analysis.goals.length,
    counts: severityCounts(analysis.issues),
  };
  const fields = terminalSafeJson(JSON.stringify(head).slice(1, -1));
  const issues = analysis.issues.map((issue) => `    ${terminalSafeJson(JSON.stringify(issueJson(issue)))}`);
  return issues.length
    ? `{${fields},\n  "issues": [\n${issues.join(',\n')}\n  ]\n}\n`
    : `{${fields},\n  "issues": []\n}\n`;
}

/** Columns stay aligned up to these widths; a longer name just pushes its own line out. */
const PLACE_WIDTH_LIMIT = 28;
const ID_WIDTH_LIMIT = 12;

/**
 * `error    CMO!K3     CMO-1   "abc" in Actual is not a number: ...`, then a summary line. Cell text
 * is printed with terminal escapes and control characters taken out, one line per issue.
 */
export function checkText(files: readonly string[], analysis: Analysis): string {
  const places = analysis.issues.map((issue) => oneLine(placeName(issue)));
  const ids = analysis.issues.map((issue) => oneLine(issue.goalId));
  // reduce, not Math.max(...list): a spread of a million issues overflows the stack.
  const placeWidth = Math.min(
    PLACE_WIDTH_LIMIT,
    places.reduce((w, p) => Math.max(w, p.length), 0),
  );
  const idWidth = Math.min(
    ID_WIDTH_LIMIT,
    ids.reduce((w, id) => Math.max(w, id.length), 0),
  );
  const lines = analysis.issues.map((issue, i) =>
    `${issue.severity.padEnd(7)}  ${places[i].padEnd(placeWidth)}  ${ids[i].padEnd(idWidth)}  ${oneLine(describeIssue(issue))}`.replace(
      / +$/,
      '',
    ),
  );
  lines.push(oneLine(summaryLine(files, analysis)));
  return `${lines.join('\n')}\n`;
}

export function summaryLine(files: readonly string[], analysis: Analysis): string {
  const counts = severityCounts(analysis.issues);
  return (
    `${files.join(', ')}: ${plural(analysis.goals.length, 'goal')} on ${plural(analysis.goalTabs.length, 'goal tab')}; ` +
    `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info.`
  );
}

/** `1 error`, `2 errors`, `0 errors`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
