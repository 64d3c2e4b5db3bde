// MBO_TREND, MBO_FORECAST and MBO_REQUIRED: goals over time from a Check-ins range, and what it would take to reach a level.
import { cellText, isDate, orBlank, parseNumber } from '../core/cells';
import { type Forecast, forecastGoal } from '../core/forecast';
import { forecastOnDay, lastPhaseActualDay } from '../core/goal-forecast';
import { idKey } from '../core/graph';
import { type CheckIn, checkInsByGoal, type HistoryRead, readHistory } from '../core/history';
import { type CellValue, DEFAULT_SETTINGS, type PayoutPoint } from '../core/model';
import { dayOfDate, type Period, parseDay, parsePeriod } from '../core/period';
import { describeRequirement, requiredFor } from '../core/required';
import { periodLookup } from '../core/workbook';
import {
  ArgumentError,
  describeValue,
  isOmitted,
  isRange,
  optionText,
  toColumn,
  toMatrix,
  toScalar,
  trimmed,
} from './args';
import { tablesOf } from './cascade';
import { numberReader } from './locale';
import { curveOf } from './score';
import { define, problemText } from './spec';

/** A check-in log range read, or an argument error when it has no header row. */
function historyOf(v: unknown): HistoryRead {
  const read = readHistory(toMatrix('history', v), 'history');
  if (read.header === null) {
    throw new ArgumentError(
      'history',
      'must include its header row with Date and ID columns, as in the Check-ins tab Record check-in writes.',
    );
  }
  return read;
}

/** The IDs asked about: one value, or every cell of a range, top to bottom. */
function idsOf(v: unknown): { ids: string[]; single: boolean } {
  if (!isRange(v)) return { ids: [trimmed(toScalar('id', v))], single: true };
  return { ids: toMatrix('ids', v).flat().map(trimmed), single: false };
}

/** Rows padded with blanks to one width (a range Sheets can spill). */
function rectangle(rows: (string | number)[][]): (string | number)[][] {
  let width = 1;
  for (const r of rows) width = Math.max(width, r.length);
  return rows.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]);
}

const TREND_COLUMNS = ['final', 'actual', 'measured', 'confidence'] as const;
type TrendColumn = (typeof TREND_COLUMNS)[number];

export const MBO_TREND = define(
  {
    name: 'MBO_TREND',
    summary:
      'Each goal’s figures at its check-ins, oldest first, from the Check-ins tab: feed one to SPARKLINE.',
    params: [
      {
        name: 'history',
        type: 'Range',
        help: 'The Check-ins tab with its header row (Date, ID, Actual, Measured, Final, …).',
      },
      { name: 'ids', type: 'string|Range', help: 'The goal ID(s).' },
      {
        name: 'column',
        type: 'string',
        help: 'final (default), actual, measured or confidence.',
        optional: true,
      },
    ],
    returns: 'One row per ID, its values oldest first, padded with blanks to the longest.',
    exampleArgs: '\'Check-ins\'!A1:H5000, "DG-1"',
  },
  (_locale, history, ids, column) => {
    const read = historyOf(history);
    const field = (optionText('column', column) || 'final') as TrendColumn;
    if (!TREND_COLUMNS.includes(field)) {
      throw new ArgumentError('column', `must be final, actual, measured or confidence, not "${field}".`);
    }
    const byGoal = checkInsByGoal(read);
    const asked = idsOf(ids);
    const rows = asked.ids.map((id): (string | number)[] => {
      if (id === '') return [''];
      const list = byGoal.get(id.toLowerCase());
      if (list === undefined) return [`⚠ MBO_TREND: no check-in for "${id}" in history.`];
      const values = list.map((k) => read.checkIns[k][field]).filter((x): x is number => x !== null);
      return values.length > 0 ? values : [''];
    });
    return rectangle(rows);
  },
);

export const MBO_FORECAST = define(
  {
    name: 'MBO_FORECAST',
    summary:
      'Run-rate forecast: where each goal’s final attainment lands at the end of the period if it keeps its pace, from its check-ins; given its goal table, from its Actual, Target and phase actuals (Q1 actual…) too, as the Cascade panel and the Roll-up forecast it.',
    params: [
      {
        name: 'history',
        type: 'Range',
        help: 'The Check-ins tab with its header row; left empty (or "") with a table when there is no check-in yet.',
        blank: true,
      },
      { name: 'ids', type: 'string|Range', help: 'The goal ID(s).' },
      {
        name: 'period',
        type: 'string|Range',
        help: 'The period, e.g. FY2026 or Q3 2026: one for all, or a column; blank with a table: each goal’s own Period.',
        optional: true,
      },
      {
        name: 'curve',
        type: 'Range',
        help: 'Payout curve points (attainment, payout): adds a payout column.',
        optional: true,
      },
      {
        name: 'asOf',
        type: 'string|number',
        help: 'A date cell or 2026-03-31: the forecast as of that day; default the latest check-in in history, or the end of a goal’s latest phase actual when later.',
        optional: true,
      },
      {
        name: 'table',
        type: 'Range',
        help: 'The goal table(s) with their header rows: a goal in them is forecast from its Actual against its Target, its phase actuals and its check-ins.',
        optional: true,
      },
      { name: 'table2', type: 'Range', help: 'More goal tables, from other tabs.', repeat: true },
    ],
    returns:
      'The projected attainment per ID (a line through two or more readings, else the pace since the period began), capped at 150%; with a curve, two columns: attainment, payout.',
    exampleArgs: '\'Check-ins\'!A1:H5000, A2:A50, "FY2026", Settings!B10:C12, , DemandGen!A1:P80',
  },
  (locale, history, ids, period, curve, asOf, table, ...more) => {
    const analysis = isOmitted(table) ? null : tablesOf(locale, table, more);
    const read: HistoryRead | null = analysis !== null && isOmitted(history) ? null : historyOf(history);
    const byGoal = read === null ? new Map<string, number[]>() : checkInsByGoal(read);
    const checkInsOf = (id: string): CheckIn[] | undefined =>
      byGoal.get(idKey(id))?.map((i) => read!.checkIns[i]);
    const points: PayoutPoint[] = isOmitted(curve) ? [] : curveOf(curve, numberReader(locale));
    const asked = idsOf(ids);
    const periodAt = periodsFor(period, asked.ids.length, analysis !== null);
    const latest = (read?.checkIns ?? []).reduce((a, c) => Math.max(a, c.day), Number.NEGATIVE_INFINITY);
    const given = isOmitted(asOf) ? null : dayArg(asOf, locale.timeZone());
    const settings = { cap: DEFAULT_SETTINGS.cap, floor: DEFAULT_SETTINGS.floor, payoutCurve: points };
    const periodOf = analysis === null ? null : periodLookup(analysis.settings);
    const cells = (f: Forecast): (string | number)[] =>
      points.length > 0 ? [f.attainment, orBlank(f.payout)] : [f.attainment];
    const rows = asked.ids.map((id, k): (string | number)[] => {
      if (id === '') return points.length > 0 ? ['', ''] : [''];
      const p = periodAt(k);
      if (typeof p === 'string') return [p];
      const checkIns = checkInsOf(id);
      const index = analysis?.links.indexByKey.get(idKey(id));
      if (analysis !== null && periodOf !== null && index !== undefined) {
        // A goal of the table: forecast as the Cascade panel and the Roll-up do (forecastOnDay).
        const goal = analysis.goals[index];
        const own = p ?? periodOf(goal);
        if (own === null)
          return [`⚠ MBO_FORECAST: "${id}" has no Period: give period, or a Period in its table.`];
        const day = given ?? Math.max(latest, lastPhaseActualDay(goal, own) ?? Number.NEGATIVE_INFINITY);
        const f = Number.isFinite(day)
          ? forecastOnDay(goal, analysis.results.at(index).final, checkIns ?? [], own, day, settings)
          : null;
        if (f === null) return [`⚠ MBO_FORECAST: no reading of "${id}" in ${own.label} up to the date.`];
        return cells(f);
      }
      if (checkIns === undefined) {
        const where = analysis === null ? '' : `, and no goal "${id}" in table`;
        return [`⚠ MBO_FORECAST: no check-in for "${id}" in history${where}.`];
      }
      // Period is given here: a blank one is allowed only with a table, for the table's goals.
      if (p === null) return [`⚠ MBO_FORECAST: "${id}" is in no table: give its period.`];
      const measure = {
        direction: 'higher' as const,
        actual: null,
        target: null,
        targetMax: null,
        baseline: null,
        cap: null,
        floor: null,
      };
      const f = forecastGoal(measure, checkIns, p, given ?? latest, settings, points);
      if (f === null) return [`⚠ MBO_FORECAST: no check-in for "${id}" in ${p.label} up to the date.`];
      return cells(f);
    });
    const out = rectangle(rows);
    return asked.single && out[0].length === 1 ? out[0][0] : out;
  },
);

/** A date argument: a date cell (its day on the spreadsheet's calendar, `timeZone`) or ISO text. */
function dayArg(v: unknown, timeZone: string): number {
  const value = toScalar('asOf', v);
  const day = isDate(value) ? dayOfDate(value, timeZone) : typeof value === 'string' ? parseDay(value) : null;
  if (day === null)
    throw new ArgumentError(
      'asOf',
      `must be a date (a date cell or 2026-03-31), not ${describeValue(value)}.`,
    );
  return day;
}

/**
 * One period for every ID, or a column of them as long as the IDs; a bad one is its row's problem text. With a goal
 * table (`blankIsOwn`), a blank one is null: the goal's own Period.
 */
function periodsFor(v: unknown, n: number, blankIsOwn: boolean): (k: number) => Period | string | null {
  const read = (cell: CellValue): Period | string | null =>
    blankIsOwn && isOmitted(cell)
      ? null
      : (parsePeriod(cell) ?? problemText({ code: 'bad-period', text: cellText(cell) }));
  if (v === undefined && !blankIsOwn)
    throw new ArgumentError('period', `is missing (argument 3). Example: ${MBO_FORECAST.example}`);
  if (!isRange(v) || toMatrix('period', v).flat().length === 1) {
    const cell = toScalar('period', v);
    if (blankIsOwn && isOmitted(cell)) return () => null;
    const only = parsePeriod(cell);
    if (only === null)
      throw new ArgumentError(
        'period',
        `must be a period like FY2026, H1 2026, Q3 2026 or Mar 2026, not ${describeValue(cell)}${blankIsOwn ? '' : ', or give a goal table for each goal’s own Period'}.`,
      );
    return () => only;
  }
  const col = toColumn('period', v);
  if (col.length !== n)
    throw new ArgumentError(
      'period',
      `has ${col.length} rows but ids has ${n}: give one period or a column as tall.`,
    );
  const periods = col.map(read);
  return (k) => periods[k];
}

export const REQUIRED_HEADER = ['ID', 'Goal', 'Via', 'Actual', 'Actual needed', 'Attainment needed', 'Why'];

export const MBO_REQUIRED = define(
  {
    name: 'MBO_REQUIRED',
    summary:
      'What it would take: the Actual each goal feeding a parent needs, on its own (the others as they are), for the parent to reach a level.',
    params: [
      { name: 'id', type: 'string', help: 'The ID of the goal to lift.' },
      { name: 'level', type: 'number', help: 'The final attainment it should reach, e.g. 100%.' },
      { name: 'table', type: 'Range', help: 'A goal table including its header row.' },
      { name: 'table2', type: 'Range', help: 'More goal tables, from other tabs.', repeat: true },
    ],
    returns:
      'A table: ID, Goal, Via (the goals between), Actual, Actual needed, Attainment needed, Why (out of reach: caps, done-or-not goals, min roll-ups…).',
    exampleArgs: '"CMO-1", 100%, CMO!A1:P40, DemandGen!A1:P80',
  },
  (locale, id, level, table, ...more) => {
    const wanted = trimmed(toScalar('id', id));
    const target = parseNumber(toScalar('level', level) as string);
    if (target === null || !Number.isFinite(target)) {
      throw new ArgumentError(
        'level',
        `must be an attainment like 100% or 1.2, not ${describeValue(toScalar('level', level))}.`,
      );
    }
    const analysis = tablesOf(locale, table, more);
    const parent = analysis.links.indexByKey.get(wanted.toLowerCase());
    if (parent === undefined) throw new ArgumentError('id', `"${wanted}" is not an ID in the tables.`);
    const { goals } = analysis;
    const out: (string | number)[][] = [REQUIRED_HEADER.slice()];
    for (const r of requiredFor(analysis, parent, target)) {
      const g = goals[r.index];
      const needed = r.verdict === 'done' ? 'done' : r.verdict === 'needs' ? orBlank(r.actual) : '';
      out.push([
        g.id,
        g.title,
        r.via.map((i) => goals[i].id).join(' › '),
        orBlank(g.actual),
        needed,
        r.verdict === 'any' || r.needed === null ? '' : r.needed,
        describeRequirement(r, goals),
      ]);
    }
    return out;
  },
);
