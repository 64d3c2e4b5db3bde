// MBO_ATTAINMENT and MBO_STATUS: one goal's attainment and status, cell by cell over whole ranges.
import { attainment, statusOf } from '../core/attain';
import { parseBinary, parseNumber } from '../core/cells';
import type { Direction } from '../core/model';
import { parseDirection, parseRangeTarget } from '../core/table';
import { ArgumentError, describeValue, isOmitted, mapCells, spread, toMatrix } from './args';
import { define, notANumberText, problemText } from './spec';

const DEFAULT_CAP = 1.5;

export const MBO_ATTAINMENT = define(
  {
    name: 'MBO_ATTAINMENT',
    params: [
      { name: 'actual' },
      { name: 'target' },
      { name: 'baseline', optional: true },
      { name: 'direction', optional: true },
      { name: 'cap', optional: true },
    ],
    example: '=MBO_ATTAINMENT(D2:D50, C2:C50, B2:B50, "higher", 150%)',
  },
  (actual, target, baseline, direction, cap) => {
    const fn = 'MBO_ATTAINMENT';
    const actuals = toMatrix({ fn, name: 'actual' }, actual);
    const rows = actuals.length;
    const cols = rows ? actuals[0].length : 0;
    const targetAt = spread({ fn, name: 'target' }, target, rows, cols);
    const baselineAt = spread({ fn, name: 'baseline' }, baseline, rows, cols);
    const directionAt = spread({ fn, name: 'direction' }, direction, rows, cols);
    const limits = { cap: capOf(fn, cap), floor: 0 };
    if (!Array.isArray(direction)) directionOf(fn, directionAt(0, 0)); // a bad single direction is an argument error

    return mapCells(actual, actuals, (a, r, c) =>
      attainmentCell(fn, a, targetAt(r, c), baselineAt(r, c), directionAt(r, c), limits),
    );
  },
);

function capOf(fn: string, cap: unknown): number {
  if (isOmitted(cap)) return DEFAULT_CAP;
  const n = parseNumber(cap as string | number);
  if (n === null || Number.isNaN(n) || n <= 0) {
    throw new ArgumentError(fn, 'cap', `must be a positive number like 150% or 1.5, not ${describeValue(cap as string)}.`);
  }
  return n;
}

function directionOf(fn: string, v: unknown): Direction {
  if (isOmitted(v)) return 'higher';
  const d = typeof v === 'string' ? parseDirection(v) : null;
  if (!d) throw new ArgumentError(fn, 'direction', `must be higher, lower, range or binary, not ${describeValue(v as string)}.`);
  return d;
}

function attainmentCell(
  fn: string,
  actualCell: unknown,
  targetCell: unknown,
  baselineCell: unknown,
  directionCell: unknown,
  limits: { cap: number; floor: number },
): number | string {
  if (isOmitted(actualCell)) return '';
  let direction: Direction;
  try {
    direction = directionOf(fn, directionCell);
  } catch {
    return problemText({ code: 'bad-direction', text: String(directionCell) });
  }
  const actual = direction === 'binary' ? parseBinary(actualCell as string) : parseNumber(actualCell as string);
  if (actual === null) return '';
  if (Number.isNaN(actual)) return notANumberText(actualCell);
  const baseline = parseNumber(baselineCell as string);
  if (baseline !== null && Number.isNaN(baseline)) return notANumberText(baselineCell);
  const badRange = () => problemText({ code: 'bad-range', text: String(targetCell) });
  let target: number | null;
  let targetMax: number | null = null;
  if (direction === 'range') {
    const range = parseRangeTarget(targetCell as string);
    if (!range) return badRange();
    [target, targetMax] = range;
  } else {
    target = parseNumber(targetCell as string);
    if (target !== null && Number.isNaN(target)) return notANumberText(targetCell);
  }
  const result = attainment({ direction, actual, target, targetMax, baseline, cap: null, floor: null }, limits);
  if (result.kind === 'value') return result.value;
  if (result.kind === 'unmeasured') return '';
  return result.code === 'bad-range' ? badRange() : problemText({ code: result.code });
}

export const MBO_STATUS = define(
  {
    name: 'MBO_STATUS',
    params: [
      { name: 'attainment' },
      { name: 'elapsed' },
    ],
    example: '=MBO_STATUS(E2:E50, 50%)',
  },
  (att, elapsed) => {
    const fn = 'MBO_STATUS';
    const values = toMatrix({ fn, name: 'attainment' }, att);
    const rows = values.length;
    const cols = rows ? values[0].length : 0;
    const elapsedAt = spread({ fn, name: 'elapsed' }, elapsed, rows, cols);
    if (!Array.isArray(elapsed)) elapsedOf(fn, elapsedAt(0, 0));
    return mapCells(att, values, (v, r, c) => {
      let e: number;
      try {
        e = elapsedOf(fn, elapsedAt(r, c));
      } catch (err) {
        return `⚠ ${(err as Error).message}`;
      }
      const a = parseNumber(v as string);
      if (a !== null && Number.isNaN(a)) return notANumberText(v);
      return statusOf(a, e);
    });
  },
);

function elapsedOf(fn: string, v: unknown): number {
  const e = parseNumber(v as string);
  if (e === null || Number.isNaN(e) || e < 0 || e > 1) {
    throw new ArgumentError(fn, 'elapsed', `must be the share of the period elapsed, 0% to 100%, not ${describeValue(v as string)}.`);
  }
  return e;
}
