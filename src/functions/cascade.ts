// MBO_ROLLUP, MBO_CASCADE, MBO_PATH and MBO_VALIDATE: the cascade over ranges from one or many tabs.
import { cascade } from '../core/cascade';
import { orBlank } from '../core/cells';
import { linkGoals } from '../core/graph';
import { describeIssue } from '../core/issues';
import type { Goal } from '../core/model';
import { DEFAULT_SETTINGS } from '../core/model';
import { quoted } from '../core/quote';
import {
  DEFAULT_ROLLUP,
  namesInWords,
  ROLLUP_METHODS,
  ROLLUP_NAMES,
  type RollupMethod,
  rollupNamed,
} from '../core/rollups';
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

/** MBO_ROLLUP is given attainments only: it offers the methods that need no actuals. */
const needsActuals = (name: RollupMethod): boolean =>
  ROLLUP_METHODS.find((m) => m.name === name)!.needsActuals;
const ROLLUP_METHODS_OFFERED = ROLLUP_NAMES.filter((name) => !needsActuals(name));
const OFFERED_IN_WORDS = namesInWords(
  ROLLUP_METHODS_OFFERED.map((name) => (name === DEFAULT_ROLLUP ? `${name} (default)` : name)),
);

export const MBO_ROLLUP = define(
  {
    name: 'MBO_ROLLUP',
    summary: "Final attainment of every goal: its own where measured, else the roll-up of its children's.",
    params: [
      { name: 'ids', type: 'Range', help: 'The ID column; stack tabs with {A!A2:A; B!A2:A}.' },
      { name: 'parents', type: 'Range', help: 'The Parent column, same height as ids.' },
      {
        name: 'attainment',
        type: 'Range',
        help: 'Measured attainment per goal (fractions); blank = not measured.',
      },
      {
        name: 'contribution',
        type: 'Range',
        help: "Share of the parent's roll-up; blank = equal share.",
        optional: true,
      },
      {
        name: 'method',
        type: 'string|Range',
        help: `${OFFERED_IN_WORDS}: one for all, or a column.`,
        optional: true,
      },
    ],
    returns: 'A column of final attainment, one per id.',
    exampleArgs: '{CMO!A2:A; DG!A2:A}, {CMO!D2:D; DG!D2:D}, {CMO!H2:H; DG!H2:H}',
  },
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
    const named = rollupNamed(text);
    if (named !== null && !needsActuals(named)) return named;
    const hint =
      named !== null
        ? ' To sum actuals against a target, use MBO_CASCADE with Actual and Target columns.'
        : '';
    throw new ArgumentError(
      'method',
      `must be ${namesInWords(ROLLUP_METHODS_OFFERED)}, not ${quoted(text)}.${hint}`,
    );
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
      `has ${col.length} rows but ids has ${n}: give one method for all, or a column of the same height as ids.`,
    );
  const parsed = col.map((v, r) => {
    try {
      return parse(trimmed(v));
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
  {
    name: 'MBO_CASCADE',
    summary: 'The whole cascade from goal tables with headers: one row per goal, parents before children.',
    params: [
      {
        name: 'table',
        type: 'Range',
        help: 'A goal table including its header row (ID, Goal, Parent, Target, Actual, ...).',
      },
      { name: 'table2', type: 'Range', help: 'More goal tables, from other tabs.', repeat: true },
    ],
    returns: 'A table: ID, Goal, Owner, Parent, Depth, Path, Measured, Rolled up, Attainment, Status.',
    exampleArgs: 'CMO!A1:P40, DemandGen!A1:P80, Content!A1:P60',
  },
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
  {
    name: 'MBO_VALIDATE',
    summary: 'Every problem in goal tables: one row per issue with what to fix.',
    params: [
      { name: 'table', type: 'Range', help: 'A goal table including its header row.' },
      { name: 'table2', type: 'Range', help: 'More goal tables, from other tabs.', repeat: true },
    ],
    returns:
      'A table: ID, Row, Column, Severity, Code, Message (row numbers count from the top of each range).',
    exampleArgs: 'CMO!A1:P40, DemandGen!A1:P80',
  },
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
  {
    name: 'MBO_PATH',
    summary: 'The chain of IDs from the top of the cascade down to a goal, e.g. CMO-1 › DG-2 › DG-7.',
    params: [
      { name: 'id', type: 'string|Range', help: 'The goal ID(s) to trace.' },
      { name: 'ids', type: 'Range', help: 'The ID column (stack tabs with {A!A2:A; B!A2:A}).' },
      { name: 'parents', type: 'Range', help: 'The Parent column, same height as ids.' },
    ],
    returns:
      'The path of each id, same shape as id; a path of more than 12 IDs names its first and last three and counts the rest.',
    exampleArgs: 'A2:A50, {CMO!A2:A; DG!A2:A}, {CMO!D2:D; DG!D2:D}',
  },
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
      if (index === undefined)
        return `⚠ MBO_PATH: ${describeValue(v)} is not among ids: check the ID, or include its tab in ids and parents.`;
      return pathOf(index);
    });
  },
);
