// MBO_ROLLUP, MBO_CASCADE, MBO_PATH and MBO_VALIDATE: the cascade over ranges from one or many tabs.
import { cascade } from '../core/cascade';
import { orBlank } from '../core/cells';
import { linkGoals } from '../core/graph';
import { describeIssue } from '../core/issues';
import type { Goal, RollupMethod } from '../core/model';
import { DEFAULT_SETTINGS } from '../core/model';
import { quoted } from '../core/quote';
import { pathTexts, treeOrder } from '../core/tree';
import { type Analysis, analyzeWorkbook } from '../core/workbook';
import {
  ArgumentError,
  alignedColumns,
  describeValue,
  isOmitted,
  isRange,
  mapCells,
  optionText,
  toColumn,
  toMatrix,
  trimmed,
} from './args';
import { numberReader, type SheetLocale, textReader } from './locale';
import { define, notANumberText } from './spec';

export const MBO_ROLLUP = define(
  'MBO_ROLLUP',
  'ids parents attainment contribution? method?',
  '{CMO!A2:A; DG!A2:A}, {CMO!D2:D; DG!D2:D}, {CMO!H2:H; DG!H2:H}',
  (locale, ids, parents, att, contribution, method) => {
    const cols = alignedColumns({ ids, parents, attainment: att });
    const number = numberReader(locale);
    const text = textReader(locale);
    const n = cols.ids.length;
    const contributions = isOmitted(contribution) ? null : alignedColumns({ ids, contribution }).contribution;
    const badMethods = new Map<number, string>();
    const methodAt = methodReader(method, n, badMethods);

    const goals: Goal[] = [];
    const rowOf: number[] = [];
    const out: (number | string)[][] = cols.ids.map(() => ['']);
    for (let r = 0; r < n; r++) {
      if (isOmitted(cols.ids[r])) continue;
      const measured = number(cols.attainment[r]);
      if (Number.isNaN(measured)) out[r][0] = notANumberText(text(cols.attainment[r]));
      const badMethod = badMethods.get(r);
      if (badMethod !== undefined && out[r][0] === '') out[r][0] = badMethod;
      const share = contributions ? number(contributions[r]) : null;
      goals.push(
        rollupGoal(
          goals.length,
          r + 1,
          text(cols.ids[r]),
          text(cols.parents[r]),
          measured,
          share,
          methodAt(r),
        ),
      );
      rowOf.push(r);
    }
    const links = linkGoals(goals);
    const { results } = cascade(goals, links, ROLLUP_SETTINGS, null, () => null);
    const cycleByRow = new Map(links.issues.filter((x) => x.code === 'cycle').map((x) => [x.row, x]));
    for (let i = 0; i < goals.length; i++) {
      const r = rowOf[i];
      if (out[r][0] !== '') continue;
      const onCycle = links.onCycle[i] === 1 ? cycleByRow.get(r + 1) : undefined;
      out[r][0] = onCycle ? `⚠ ${describeIssue(onCycle)}` : orBlank(results.final(i));
    }
    return out;
  },
);

/** No limits on attainment, short of the largest number: a roll-up is never Infinity. */
const ROLLUP_SETTINGS = { ...DEFAULT_SETTINGS, cap: Number.MAX_VALUE, floor: -Number.MAX_VALUE };

/** One method for all (a bad one is an argument error), or a column of them (a bad one is its row's problem text, in `bad`). */
function methodReader(
  method: unknown,
  n: number,
  bad: Map<number, string>,
): (r: number) => RollupMethod | null {
  const parse = (text: string): RollupMethod | null => {
    if (text === '') return null;
    // avg is short for average; every other word is the method itself (not `sum`: MBO_ROLLUP has no actuals to add).
    if (text === 'avg') return 'average';
    if (/^(average|min|own)$/.test(text)) return text as RollupMethod;
    const hint = text === 'sum' ? ' To sum actuals, use MBO_CASCADE with Actual and Target columns.' : '';
    throw new ArgumentError('method', `must be average, min or own, not ${quoted(text)}.${hint}`);
  };
  if (isOmitted(method)) return () => null;
  if (!isRange(method) || (toMatrix('method', method).flat().length === 1 && n !== 1)) {
    const only = parse(optionText('method', isRange(method) ? method[0][0] : method));
    return () => only;
  }
  const col = toColumn('method', method);
  if (col.length !== n)
    throw new ArgumentError(
      'method',
      `has ${col.length} rows but ids has ${n}: give one method or a column as tall.`,
    );
  const parsed = col.map((v, r) => {
    try {
      return parse(trimmed(v).toLowerCase());
    } catch (e) {
      // Like a bad elapsed share in MBO_STATUS's column: that row says why, and its goal rolls up by the default.
      bad.set(r, `⚠ MBO_ROLLUP: ${(e as Error).message}`);
      return null;
    }
  });
  return (r) => parsed[r];
}

/**
 * A goal whose "actual" is its attainment: measured against a target of 1 with no limits, it is that attainment.
 * id and parentText are the cells' texts (trimmed, Dates as their day).
 */
function rollupGoal(
  index: number,
  row: number,
  id: string,
  parentText: string,
  measured: number | null,
  contribution: number | null,
  rollup: RollupMethod | null,
): Goal {
  return {
    index,
    tab: '',
    row,
    id,
    title: id,
    owner: '',
    parent: parentText,
    type: '',
    metric: '',
    unit: '',
    direction: 'higher',
    baseline: 0,
    target: 1,
    targetMax: null,
    actual: Number.isNaN(measured) ? null : measured,
    progress: null,
    weight: null,
    contribution: Number.isNaN(contribution) ? null : contribution,
    rollup,
    period: '',
    cap: null,
    floor: null,
    gate: null,
    threshold: null,
    stretch: null,
    confidence: null,
    note: '',
    phaseTargets: null,
    synthesized: false,
    blocked: false,
    columns: {},
  };
}

export function tablesOf(locale: SheetLocale, first: unknown, rest: unknown[]): Analysis {
  const grids = [first, ...rest].filter((t, i) => i === 0 || t !== undefined);
  const arg = (i: number) => (i === 0 ? 'table' : `table${i + 1}`);
  const tabs = grids.map((t, i) => ({
    name: grids.length === 1 ? 'table' : `table ${i + 1}`,
    grid: toMatrix(arg(i), t),
  }));
  const analysis = analyzeWorkbook(tabs, {
    decimalSeparator: locale.decimalSeparator(),
    timeZone: locale.timeZone(),
  });
  const missing = tabs.findIndex((t) => !analysis.goalTabs.includes(t.name));
  if (missing >= 0) {
    throw new ArgumentError(
      arg(missing),
      'has no header row in its first 10 rows with a Goal (or Objective, Key Result) column and an ID, Parent, Target, Actual or Progress column: include the header row.',
    );
  }
  return analysis;
}

export const CASCADE_HEADER = [
  'ID',
  'Goal',
  'Owner',
  'Parent',
  'Depth',
  'Path',
  'Measured',
  'Rolled up',
  'Attainment',
  'Status',
];

export const MBO_CASCADE = define(
  'MBO_CASCADE',
  'table table2...',
  'CMO!A1:P40, DemandGen!A1:P80, Content!A1:P60',
  (locale, table, ...more) => {
    const analysis = tablesOf(locale, table, more);
    const { goals, results, links } = analysis;
    const pathOf = pathTexts(
      links,
      goals.map((g) => g.id),
    );
    const out: (string | number)[][] = [CASCADE_HEADER.slice()];
    for (const i of treeOrder(links)) {
      const g = goals[i];
      const r = results.at(i);
      out.push([
        g.id,
        g.title,
        g.owner,
        g.parent,
        r.onCycle ? '' : r.depth,
        pathOf(i),
        orBlank(r.measured),
        orBlank(r.rolledUp),
        orBlank(r.final),
        r.status,
      ]);
    }
    return out;
  },
);

export const MBO_VALIDATE = define(
  'MBO_VALIDATE',
  'table table2...',
  'CMO!A1:P40, DemandGen!A1:P80',
  (locale, table, ...more) => {
    const analysis = tablesOf(locale, table, more);
    const many = analysis.goalTabs.length > 1;
    const out: (string | number)[][] = [['ID', 'Row', 'Column', 'Severity', 'Code', 'Message']];
    for (const issue of analysis.issues) {
      const row = issue.row === 0 ? '' : many ? `${issue.tab}, row ${issue.row}` : issue.row;
      out.push([issue.goalId, row, issue.column, issue.severity, issue.code, describeIssue(issue)]);
    }
    return out;
  },
);

export const MBO_PATH = define(
  'MBO_PATH',
  'id ids parents',
  'A2:A50, {CMO!A2:A; DG!A2:A}, {CMO!D2:D; DG!D2:D}',
  (locale, id, ids, parents) => {
    const cols = alignedColumns({ ids, parents });
    const text = textReader(locale);
    const goals: Goal[] = [];
    for (let r = 0; r < cols.ids.length; r++) {
      if (isOmitted(cols.ids[r])) continue;
      goals.push(rollupGoal(goals.length, r + 1, text(cols.ids[r]), text(cols.parents[r]), null, null, null));
    }
    const links = linkGoals(goals);
    const pathOf = pathTexts(
      links,
      goals.map((g) => g.id),
    );
    return mapCells(id, toMatrix('id', id), (v) => {
      if (isOmitted(v)) return '';
      const key = text(v).toLowerCase();
      const index = links.indexByKey.get(key);
      if (index === undefined) return `⚠ MBO_PATH: ${describeValue(v)} is not among ids.`;
      return pathOf(index);
    });
  },
);
