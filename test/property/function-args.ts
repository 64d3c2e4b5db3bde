// Argument generators for the custom-function fuzz: valid shapes with junk data, and shapes of any kind.
import fc from 'fast-check';
import type { CellValue } from '../../src/core/model';
import { junkCell, OPTIONAL_HEADERS, presentJunk } from './junk';

/** A call with junk in its data; Dates are in this realm until inRealm remakes them. */
export interface Call {
  fn: string;
  args: unknown[];
}

type Matrix = CellValue[][];

/** Mostly junk, some values the function reads as it should (so that valid paths run too). */
const withSome = (...plausible: CellValue[]): fc.Arbitrary<CellValue> =>
  fc.oneof({ arbitrary: junkCell, weight: 3 }, { arbitrary: fc.constantFrom(...plausible), weight: 2 });

const dataCell = withSome(0, 0.5, 1, 1.2, 2, '', '80%', '1,200', 10, 9, 6);
const idCell = withSome('A', 'B', 'C', 'a ', ' b', 'D', '', 'A');
const directionCell = withSome('higher', 'lower', 'range', 'binary', '', 'Up');
const methodCell = withSome('average', 'min', 'own', 'avg', ' MIN ', '');
const ownerCell = withSome('Ava', 'ava ', 'Lee', '', 'Kim');
const periodCell = withSome('FY2026', 'Q1 2026', 'H1 2026', '', 'Mar 2026');

/** Phase columns: Q1..Q4 and monthly actuals (and targets), as goal tabs may hold them. */
const PHASE_HEADERS = ['Q1 actual', 'Q2 actual', 'Q3 actual', 'Jan actual', 'Feb actual', 'Q1 target', 'Q2'];

const matrix = (rows: number, cols: number, cell: fc.Arbitrary<CellValue>): fc.Arbitrary<Matrix> =>
  fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

/** n values as a column (n×1) or as a row (1×n): both are one line of values to the functions. */
const line = (n: number, cell: fc.Arbitrary<CellValue>): fc.Arbitrary<Matrix> =>
  fc.oneof(
    matrix(n, 1, cell),
    fc.array(cell, { minLength: n, maxLength: n }).map((values) => [values]),
  );

const size = fc.record({ rows: fc.integer({ min: 1, max: 4 }), cols: fc.integer({ min: 1, max: 3 }) });
const height = fc.integer({ min: 1, max: 10 });

/** A value for every cell of the leading range: one cell (a scalar or a 1×1 range), or a range of its size. */
const perCell = (
  leading: 'scalar' | 'range',
  rows: number,
  cols: number,
  cell: fc.Arbitrary<CellValue>,
  scalar: fc.Arbitrary<CellValue> = presentJunk,
): fc.Arbitrary<unknown> =>
  leading === 'scalar'
    ? fc.oneof(scalar, matrix(1, 1, cell))
    : fc.oneof(scalar, matrix(1, 1, cell), matrix(rows, cols, cell));

/** The leading argument: a single value or a range, junk either way. */
const leadingArb = fc.record({ leading: fc.constantFrom<'scalar' | 'range'>('scalar', 'range'), size });

const omitted = fc.constantFrom<unknown>(undefined, '', null);

/** What the data of a call is drawn from: data cells, a single leading value, payout curve numbers, and caps. */
interface DataKinds {
  data: fc.Arbitrary<CellValue>;
  scalar: fc.Arbitrary<CellValue>;
  curve: fc.Arbitrary<CellValue>;
  cap: fc.Arbitrary<unknown>;
}

/** Calls of every custom function with valid argument shapes, their data drawn from `kinds`. */
function shapeCalls({ data, scalar, curve, cap }: DataKinds): Readonly<Record<string, fc.Arbitrary<Call>>> {
  const attainmentCall: fc.Arbitrary<Call> = leadingArb.chain(({ leading, size: { rows, cols } }) =>
    fc
      .tuple(
        leading === 'scalar' ? scalar : matrix(rows, cols, data),
        perCell(leading, rows, cols, data),
        fc.oneof(omitted, perCell(leading, rows, cols, data, junkCell)),
        // One direction for all is an option (a bad one is an argument error); per cell, it is data.
        fc.oneof(
          omitted,
          fc.constantFrom('higher', 'lower', 'range', 'binary', ' Lower ', 'up'),
          matrix(1, 1, directionCell),
          leading === 'range' ? matrix(rows, cols, directionCell) : matrix(1, 1, directionCell),
        ),
        fc.oneof(omitted, cap),
      )
      .map((args) => ({ fn: 'MBO_ATTAINMENT', args })),
  );

  const rollupCall: fc.Arbitrary<Call> = height.chain((n) =>
    fc
      .tuple(
        line(n, idCell),
        line(n, idCell),
        line(n, data),
        fc.oneof(omitted, line(n, data)),
        // One method for all is an option; a column of methods is data, one per goal.
        fc.oneof(
          omitted,
          fc.constantFrom('average', 'min', 'own', 'Avg'),
          matrix(1, 1, fc.constantFrom('min', 'own')),
          line(n, methodCell),
        ),
      )
      .map((args) => ({ fn: 'MBO_ROLLUP', args })),
  );

  /**
   * A goal table: blank rows, a real header row (ID and Goal among `optional` others, any order), junk rows below;
   * periods in a Period column are mostly real ones.
   */
  const tableOf = (optional: readonly string[], always: readonly string[] = []): fc.Arbitrary<Matrix> =>
    fc
      .subarray(optional.filter((h) => !always.includes(h)))
      .chain((others) => {
        const headers = ['ID', 'Goal', ...always, ...others];
        return fc.shuffledSubarray(headers, { minLength: headers.length });
      })
      .chain((header) =>
        fc
          .tuple(
            fc.integer({ min: 0, max: 2 }),
            fc.array(
              fc.tuple(
                ...header.map((h) =>
                  h === 'ID' || h === 'Parent'
                    ? idCell
                    : h === 'Direction'
                      ? directionCell
                      : h === 'Period'
                        ? periodCell
                        : data,
                ),
              ),
              { maxLength: 6 },
            ),
          )
          .map(
            ([blanks, rows]): Matrix => [
              ...Array.from({ length: blanks }, () => new Array<CellValue>(header.length).fill('')),
              header,
              ...rows,
            ],
          ),
      );
  const tableArb = tableOf(OPTIONAL_HEADERS);

  const tablesCall = (fn: string): fc.Arbitrary<Call> =>
    fc.array(tableArb, { minLength: 1, maxLength: 3 }).map((args) => ({ fn, args }));

  /** The owner asked for is one that appears (another is an argument error by design), or none. */
  const scoreCall: fc.Arbitrary<Call> = height.chain((n) =>
    fc
      .tuple(line(n, ownerCell), line(n, data), line(n, data), fc.option(fc.nat(), { nil: null }))
      .map(([owners, weights, attainment, pick]) => {
        const named = owners.flat().filter((o) => o !== undefined && o !== null && o !== '');
        const owner = pick === null || named.length === 0 ? undefined : named[pick % named.length];
        return { fn: 'MBO_SCORE', args: [owners, weights, attainment, owner] };
      }),
  );

  /** A payout curve is configuration, validated as an argument: always two columns of numbers (or blank rows). */
  const curveArb: fc.Arbitrary<Matrix> = fc
    .array(
      fc.oneof(
        { arbitrary: fc.tuple(curve, curve), weight: 4 },
        { arbitrary: fc.constant(['', ''] as [CellValue, CellValue]), weight: 1 },
      ),
      {
        minLength: 1,
        maxLength: 5,
      },
    )
    .filter((rows) => rows.some(([a]) => a !== ''));

  const payoutCall: fc.Arbitrary<Call> = leadingArb.chain(({ leading, size: { rows, cols } }) =>
    fc
      .tuple(leading === 'scalar' ? scalar : matrix(rows, cols, data), curveArb)
      .map((args) => ({ fn: 'MBO_PAYOUT', args })),
  );

  /** Answers alone (any shape), or a column of answers with a column of respondent groups of the same height. */
  const npsCall: fc.Arbitrary<Call> = fc.oneof(
    leadingArb.chain(({ leading, size: { rows, cols } }) =>
      (leading === 'scalar' ? scalar : matrix(rows, cols, data)).map((scores) => ({
        fn: 'MBO_NPS',
        args: [scores],
      })),
    ),
    height.chain((n) =>
      fc
        .tuple(line(n, data), line(n, ownerCell))
        .map(([scores, groups]) => ({ fn: 'MBO_NPS', args: [scores, groups] })),
    ),
  );

  const pathCall: fc.Arbitrary<Call> = fc.tuple(leadingArb, height).chain(
    ([
      {
        leading,
        size: { rows, cols },
      },
      n,
    ]) =>
      fc
        .tuple(
          leading === 'scalar' ? withSome('A', 'b', 'C') : matrix(rows, cols, idCell),
          line(n, idCell),
          line(n, idCell),
        )
        .filter(([id]) => id !== undefined)
        .map((args) => ({ fn: 'MBO_PATH', args })),
  );

  /** One elapsed share for all is an option (0..1); per cell, it is data. */
  const statusCall: fc.Arbitrary<Call> = leadingArb.chain(({ leading, size: { rows, cols } }) =>
    fc
      .tuple(
        leading === 'scalar' ? scalar : matrix(rows, cols, data),
        fc.oneof(
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.constantFrom<unknown>('50%', 0, 1, '0.25'),
          matrix(1, 1, data),
          leading === 'range' ? matrix(rows, cols, data) : matrix(1, 1, data),
        ),
      )
      .map((args) => ({ fn: 'MBO_STATUS', args })),
  );

  /** A History range: its header, then check-ins of a few goals on a few days, junk in the figures. */
  const historyArb: fc.Arbitrary<Matrix> = fc
    .array(
      fc.tuple(
        withSome('2026-01-31', '2026-02-28', '2026-03-31', '2026-06-30', 'someday', ''),
        idCell,
        data,
        data,
        data,
        withSome('on track', 'at risk', ''),
        data,
        junkCell,
      ),
      { maxLength: 8 },
    )
    .map((rows) => [['Date', 'ID', 'Actual', 'Measured', 'Final', 'Status', 'Confidence', 'Note'], ...rows]);
  const historyIds = fc.oneof(
    fc.constantFrom('A', 'b', 'C'),
    fc.integer({ min: 1, max: 4 }).chain((n) => line(n, idCell)),
  );

  const trendCall: fc.Arbitrary<Call> = fc
    .tuple(
      historyArb,
      historyIds,
      fc.oneof(omitted, fc.constantFrom('final', 'actual', 'measured', 'confidence')),
    )
    .map((args) => ({ fn: 'MBO_TREND', args }));

  /** Goal tables with a Period, a Target and phase actual (and target) columns among the others, for MBO_FORECAST. */
  const phasedTableArb = tableOf([...OPTIONAL_HEADERS, ...PHASE_HEADERS], ['Period', 'Target', 'Q1 actual']);
  const aPeriod = fc.constantFrom<unknown>('FY2026', 'Q1 2026', 'H1 2026', 'Mar 2026');
  const asOfArb = fc.oneof(omitted, fc.constantFrom<unknown>('2026-03-31', '2026-06-30', '2025-12-31'));

  /**
   * From the history alone: one period for all; a curve and a day are optional. With goal tables: a history or none
   * yet (blank), and the period one for all, blank (each goal's own) or a column as tall as the IDs, blanks among it.
   */
  const forecastCall: fc.Arbitrary<Call> = fc.oneof(
    fc
      .tuple(historyArb, fc.constantFrom('A', 'b', 'C'), aPeriod, fc.oneof(omitted, curveArb), asOfArb)
      .map((args) => ({ fn: 'MBO_FORECAST', args })),
    fc.integer({ min: 1, max: 4 }).chain((n) =>
      fc
        .tuple(
          // No log yet: "" (an omitted first argument is "history is missing", by define()).
          fc.oneof(historyArb, fc.constantFrom<unknown>('', null)),
          line(n, idCell),
          // One cell is one period for all, checked as an argument; a column's cells are data.
          fc.oneof(omitted, aPeriod, n > 1 ? line(n, periodCell) : aPeriod),
          fc.oneof(omitted, curveArb),
          asOfArb,
          fc.array(phasedTableArb, { minLength: 1, maxLength: 2 }),
        )
        .map(([history, ids, period, curve, asOf, tables]) => {
          // The first ID asked is one of the tables' (when they have any), so that forecasts are made too.
          const known = tables.flatMap(idsOf);
          const asked = ids.map((row) => row.slice());
          if (known.length > 0) asked[0][0] = known[0];
          return { fn: 'MBO_FORECAST', args: [history, asked, period, curve, asOf, ...tables] };
        }),
    ),
  );

  /** The goal to lift is one of the tables' IDs (another is an argument error by design). */
  const requiredCall: fc.Arbitrary<Call> = fc
    .tuple(
      fc.array(tableArb, { minLength: 1, maxLength: 2 }),
      fc.nat(),
      fc.constantFrom<unknown>(1, 0.8, '100%', 1.2),
    )
    .filter(([tables]) => tables.some((t) => idsOf(t).length > 0))
    .map(([tables, pick, level]) => {
      const ids = tables.flatMap(idsOf);
      return { fn: 'MBO_REQUIRED', args: [ids[pick % ids.length], level, ...tables] };
    });

  return {
    MBO_ATTAINMENT: attainmentCall,
    MBO_ROLLUP: rollupCall,
    MBO_CASCADE: tablesCall('MBO_CASCADE'),
    MBO_SCORE: scoreCall,
    MBO_PAYOUT: payoutCall,
    MBO_NPS: npsCall,
    MBO_PATH: pathCall,
    MBO_STATUS: statusCall,
    MBO_VALIDATE: tablesCall('MBO_VALIDATE'),
    MBO_TREND: trendCall,
    MBO_FORECAST: forecastCall,
    MBO_REQUIRED: requiredCall,
  };
}

/** The non-blank IDs of a goal table (its header row may follow a few blank rows). */
function idsOf(table: Matrix): string[] {
  const top = table.findIndex((row) => row.includes('ID'));
  const col = table[top].indexOf('ID');
  return table
    .slice(top + 1)
    .map((row) => row[col])
    .filter((id): id is string => typeof id === 'string' && id.trim() !== '');
}

/** A payout curve is configuration, validated as an argument: always two columns of numbers (or blank rows). */
const curveNumber: fc.Arbitrary<CellValue> = fc.oneof(
  fc.double({ min: -1, max: 3, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom<CellValue>('80%', '1.2', 0, 1, '150%'),
);

/** Valid argument shapes with junk data, per custom function. */
export const VALID_SHAPE_CALLS = shapeCalls({
  data: dataCell,
  scalar: presentJunk,
  curve: curveNumber,
  cap: fc.constantFrom<unknown>(1.5, 2, '120%', 0.9, '1.2'),
});

/** Numbers at the edges of floating point: huge, tiny, subnormal, one ulp apart, of either sign. */
export const extremeNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    1e308,
    -1e308,
    1e300,
    -1e300,
    Number.MIN_VALUE,
    -Number.MIN_VALUE,
    1e-308,
    0,
    -0,
    1,
    1 + Number.EPSILON,
    1 - Number.EPSILON / 2,
    0.8,
    1.2,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Valid argument shapes with extreme numbers everywhere a number goes (payout curves and caps too). */
export const EXTREME_CALLS = shapeCalls({
  data: fc.oneof(
    { arbitrary: extremeNumber, weight: 4 },
    { arbitrary: fc.constantFrom<CellValue>('', '1e308', '-1e308'), weight: 1 },
  ),
  scalar: extremeNumber,
  curve: extremeNumber,
  cap: extremeNumber.filter((n) => n > 0),
});

/**
 * Any argument Sheets can pass: a cell value, undefined for an omitted one, or a range of any size (never
 * empty, always rectangular). Sizes are small so that mismatched heights and widths come up often.
 */
export const anyArgument: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: junkCell, weight: 3 },
  {
    arbitrary: fc
      .record({ rows: fc.integer({ min: 1, max: 3 }), cols: fc.integer({ min: 1, max: 3 }) })
      .chain(({ rows, cols }) => matrix(rows, cols, fc.oneof(junkCell, idCell, dataCell))),
    weight: 4,
  },
);

export const anyArguments: fc.Arbitrary<unknown[]> = fc.array(anyArgument, { maxLength: 6 });
