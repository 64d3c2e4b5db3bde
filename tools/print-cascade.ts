// Prints a workbook's cascade as a tree in the terminal: attainment bars, status, scorecards and issues.
import { describeIssue, placeName } from '../src/core/issues';
import type { GoalResult } from '../src/core/model';
import { treeOrder } from '../src/core/tree';
import { type Analysis, analyzeWorkbook } from '../src/core/workbook';
import { marketingWorkbook } from './samples/marketing';

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number, text: string): string => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
const STATUS_COLOR: Record<string, number> = {
  'on track': 32,
  'at risk': 33,
  'off track': 31,
  'not measured': 90,
};

const pct = (x: number | null): string => (x === null ? '   —' : `${Math.round(x * 100)}%`.padStart(4));

function bar(x: number | null, width = 12): string {
  if (x === null) return ' '.repeat(width);
  const filled = Math.max(0, Math.min(width, Math.round((x / 1.5) * width)));
  return '█'.repeat(filled) + '·'.repeat(width - filled);
}

function goalLine(analysis: Analysis, i: number): string {
  const g = analysis.goals[i];
  const r: GoalResult = analysis.results.at(i);
  const indent = '  '.repeat(r.onCycle ? 0 : r.depth);
  const title = `${indent}${g.id} ${g.title}`;
  const label = title.length > 58 ? `${title.slice(0, 57)}…` : title.padEnd(58);
  const source = r.measured !== null ? 'measured' : r.rolledUp !== null ? 'rolled up' : '';
  const gap = r.gap !== null ? paint(35, ` gap ${Math.round(r.gap * 100)} pts`) : '';
  return `${label} ${bar(r.final)} ${pct(r.final)} ${paint(STATUS_COLOR[r.status], r.status.padEnd(12))} ${paint(90, `${g.owner} · ${source}`)}${gap}`;
}

export function renderAnalysis(analysis: Analysis): string {
  const lines: string[] = [];
  lines.push(
    paint(
      1,
      `Cascade of ${analysis.goals.length} goals on ${analysis.goalTabs.length} tabs (${analysis.goalTabs.join(', ')})`,
    ),
    '',
  );
  for (const i of treeOrder(analysis.links)) lines.push(goalLine(analysis, i));
  lines.push('', paint(1, 'Scorecards'));
  for (const c of analysis.cards) {
    const payout = c.payout === null ? '—' : `${Math.round(c.payout * 100)}%`;
    lines.push(
      `  ${c.owner.padEnd(16)} ${(c.period || '(default)').padEnd(8)} score ${pct(c.score)}  payout ${payout}${c.gated ? ' (gated)' : ''}`,
    );
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const issue of analysis.issues) counts[issue.severity]++;
  lines.push('', paint(1, `Issues: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info`));
  for (const issue of analysis.issues) {
    if (issue.severity === 'info') continue;
    const where = placeName(issue);
    const tag = issue.severity === 'error' ? paint(31, 'error  ') : paint(33, 'warning');
    lines.push(`  ${tag} ${where.padEnd(28)} ${issue.goalId.padEnd(6)} ${describeIssue(issue)}`);
  }
  return lines.join('\n');
}

/** UTC day number of the machine's date: the only place a clock is read, at the edge. */
function todayDay(): number {
  const now = new Date();
  return Math.floor(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86_400_000);
}

export function main(): number {
  const analysis = analyzeWorkbook(marketingWorkbook(), { today: todayDay() });
  console.log(renderAnalysis(analysis));
  return 0;
}
