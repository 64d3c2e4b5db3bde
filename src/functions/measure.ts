// MBO_ATTAINMENT and MBO_STATUS: one goal's attainment and status, cell by cell over whole ranges.
import { attainment, statusOf } from '../core/attain';
import { parseBinary } from '../core/cells';
import type { Direction } from '../core/model';
import { parseDirection, parseRangeTarget } from '../core/table';
import { ArgumentError, describeValue, isOmitted, mapCells, spread, toMatrix, toScalar } from './args';
import { numberReader, type SheetLocale, textReader } from './locale';
import { define, notANumberText, problemText } from './spec';

const DEFAULT_CAP = 1.5;

export const MBO_ATTAINMENT = define(
  {
    name: 'MBO_ATTAINMENT',
    summary: 'Attainment of actuals against targets (1 = 100%), capped; same shape as actual.',
    params: [
      { name: 'actual', type: 'number|Range', help: 'The actual value(s); blank = not measured.' },
      {
        name: 'target',
        type: 'number|Range',
        help: 'The target(s): one value or a range the size of actual; "40-60" for range goals.',
      },
      { name: 'baseline', type: 'number|Range', help: 'Starting value(s); default 0.', optional: true },
      {
        name: 'direction',
        type: 'string|Range',
        help: 'higher (default), lower, range or binary.',
        optional: true,
      },
      { name: 'cap', type: 'number', help: 'Highest attainment counted; default 150%.', optional: true },
    ],
    returns: 'Attainment as a fraction, one per actual; blank where actual is blank.',
    exampleArgs: 'D2:D50, C2:C50, B2:B50, "higher", 150%',
  },
  (locale, actual, target, baseline, direction, cap) => {
    const actuals = toMatrix('actual', actual);
    const targetAt = spread('target', target, actuals);
    const baselineAt = spread('baseline', baseline, actuals);
    const directionAt = spread('direction', direction, actuals);
    const limits = { cap: capArgument(cap, locale), floor: 0 };
    if (!Array.isArray(direction)) directionOf(directionAt(0, 0)); // a bad single direction is an argument error

    const cell = cellReaders(locale);
    return mapCells(actual, actuals, (a, r, c) =>
      attainmentCell(cell, a, targetAt(r, c), baselineAt(r, c), directionAt(r, c), limits),
    );
  },
);

/** How one call reads cells: numbers and texts with the spreadsheet's locale and zone. */
interface CellReaders {
  number: (v: unknown) => number | null;
  text: (v: unknown) => string;
  locale: SheetLocale;
}

const cellReaders = (locale: SheetLocale): CellReaders => ({
  number: numberReader(locale),
  text: textReader(locale),
  locale,
});

function capArgument(arg: unknown, locale: SheetLocale): number {
  const cap = toScalar('cap', arg);
  if (isOmitted(cap)) return DEFAULT_CAP;
  const n = numberReader(locale)(cap);
  // Not above 0 also catches NaN.
  if (n === null || !(n > 0)) {
    throw new ArgumentError(
      'cap',
      `must be a positive number such as 150% or 1.5, not ${describeValue(cap)}.`,
    );
  }
  return n;
}

function directionOf(v: unknown): Direction {
  if (isOmitted(v)) return 'higher';
  const d = typeof v === 'string' ? parseDirection(v) : null;
  if (!d)
    throw new ArgumentError(
      'direction',
      `must be higher, lower, range or binary, not ${describeValue(v as string)}.`,
    );
  return d;
}

function attainmentCell(
  cell: CellReaders,
  actualCell: unknown,
  targetCell: unknown,
  baselineCell: unknown,
  directionCell: unknown,
  limits: { cap: number; floor: number },
): number | string {
  if (isOmitted(actualCell)) return '';
  let direction: Direction;
  try {
    direction = directionOf(directionCell);
  } catch {
    return problemText({ code: 'bad-direction', text: cell.text(directionCell) });
  }
  const actual = direction === 'binary' ? parseBinary(actualCell as string) : cell.number(actualCell);
  if (actual === null) return '';
  if (Number.isNaN(actual)) return notANumberText(cell.text(actualCell));
  const baseline = cell.number(baselineCell);
  if (Number.isNaN(baseline)) return notANumberText(cell.text(baselineCell));
  const badRange = () => problemText({ code: 'bad-range', text: cell.text(targetCell) });
  let target: number | null;
  let targetMax: number | null = null;
  if (direction === 'range') {
    const range =
      typeof targetCell === 'string' ? parseRangeTarget(targetCell, cell.locale.decimalSeparator()) : null;
    if (!range) return badRange();
    [target, targetMax] = range;
  } else {
    target = cell.number(targetCell);
    if (Number.isNaN(target)) return notANumberText(cell.text(targetCell));
  }
  const result = attainment(
    { direction, actual, target, targetMax, baseline, cap: null, floor: null },
    limits,
  );
  if (result.kind === 'value') return result.value;
  if (result.kind === 'unmeasured') return '';
  return result.code === 'bad-range' ? badRange() : problemText({ code: result.code });
}

export const MBO_STATUS = define(
  {
    name: 'MBO_STATUS',
    summary: 'On track, at risk or off track: attainment against the share of the period elapsed.',
    params: [
      { name: 'attainment', type: 'number|Range', help: 'Attainment(s) as fractions (1 = 100%).' },
      {
        name: 'elapsed',
        type: 'number|Range',
        help: 'Share of the period elapsed, from 0 to 1 (e.g. 50% at mid-year).',
      },
    ],
    returns: 'A status per attainment: on track, at risk, off track or not measured.',
    exampleArgs: 'E2:E50, 50%',
  },
  (locale, att, elapsed) => {
    const values = toMatrix('attainment', att);
    const elapsedAt = spread('elapsed', elapsed, values);
    const cell = cellReaders(locale);
    if (!Array.isArray(elapsed)) elapsedOf(elapsedAt(0, 0), cell);
    return mapCells(att, values, (v, r, c) => {
      let e: number;
      try {
        e = elapsedOf(elapsedAt(r, c), cell);
      } catch (err) {
        return `⚠ MBO_STATUS: ${(err as Error).message}`;
      }
      const a = cell.number(v);
      if (Number.isNaN(a)) return notANumberText(cell.text(v));
      return statusOf(a, e);
    });
  },
);

function elapsedOf(v: unknown, cell: CellReaders): number {
  const e = cell.number(v);
  if (e === null || !(e >= 0 && e <= 1)) {
    throw new ArgumentError(
      'elapsed',
      `must be the share of the period elapsed, from 0 to 1 (0% to 100%), not ${describeValue(v as string)}.`,
    );
  }
  return e;
}
