// Pins overflow-safe arithmetic: exact as the plain formula for ordinary numbers, finite (and right) near the ends of the range.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finiteSum, lerp, saturate, spanRatio, weightedMean } from '../../src/core/finite';

const MAX = Number.MAX_VALUE;
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

describe('spanRatio', () => {
  it.each<[number, number, number, number]>([
    [80, 0, 100, 0.8],
    [60, 50, 100, 0.2],
    [1550, 1800, 1400, 0.625],
    [1e308, -1e308, 1e308, 1],
    [0, -1e308, 1e308, 0.5],
    [-MAX, MAX, -MAX, 1],
    [MAX, -MAX, 0, 2],
    [1e308, 0, 1e-308, Number.POSITIVE_INFINITY],
  ])('(%d - %d) / (%d - from) -> %d', (x, from, to, expected) => {
    expect(spanRatio(x, from, to)).toBe(expected);
  });

  it('is never NaN for finite numbers with from !== to', () => {
    fc.assert(
      fc.property(finite, finite, finite, (x, from, to) => {
        fc.pre(from !== to);
        expect(Number.isNaN(spanRatio(x, from, to))).toBe(false);
      }),
    );
  });
});

describe('lerp', () => {
  it.each<[number, number, number, number]>([
    [0.5, 1, 0.5, 0.75],
    [-1e308, 1e308, 0.5, 0],
    [-MAX, MAX, 0, -MAX],
    [-MAX, MAX, 1, MAX],
    [MAX, MAX, 0.3, MAX],
    [0, 1e308, 0.5, 5e307],
  ])('from %d to %d at %d -> %d', (y0, y1, t, expected) => {
    expect(lerp(y0, y1, t)).toBe(expected);
  });

  it('always lies between its ends', () => {
    fc.assert(
      fc.property(finite, finite, fc.double({ min: 0, max: 1, noNaN: true }), (y0, y1, t) => {
        const y = lerp(y0, y1, t);
        expect(y).toBeGreaterThanOrEqual(Math.min(y0, y1));
        expect(y).toBeLessThanOrEqual(Math.max(y0, y1));
      }),
    );
  });
});

describe('finiteSum', () => {
  const sum = (values: number[]) => finiteSum(values.length, (k) => values[k]);
  it.each<[number[], number]>([
    [[], 0],
    [[0.1, 0.2], 0.1 + 0.2],
    [[1e308, 1e308, -1e308], 1e308],
    [[MAX, MAX, -MAX, -MAX], 0],
    [[1e308, 1e308], Number.POSITIVE_INFINITY],
    [[-1e308, -1e308], Number.NEGATIVE_INFINITY],
  ])('%j -> %d', (values, expected) => expect(sum(values)).toBe(expected));
});

describe('weightedMean', () => {
  const mean = (rows: [number, number][]) =>
    weightedMean(
      rows.length,
      (k) => rows[k][0],
      (k) => rows[k][1],
    );
  it.each<[string, [number, number][], number]>([
    ['no rows', [], Number.NaN],
    [
      'only weightless rows',
      [
        [0, 1],
        [-1, 2],
        [Number.NaN, 3],
      ],
      Number.NaN,
    ],
    [
      'equal weights',
      [
        [0.5, 0.5],
        [0.5, 1],
      ],
      0.75,
    ],
    [
      'contributions 3 and 1',
      [
        [3, 0.5],
        [1, 1],
      ],
      (3 * 0.5 + 1) / 4,
    ],
    [
      'huge weights',
      [
        [1e308, 0.5],
        [1e308, 1],
      ],
      0.75,
    ],
    [
      'huge values',
      [
        [1, 1e308],
        [1, 1e308],
      ],
      1e308,
    ],
    [
      'the largest value and its negative',
      [
        [1, MAX],
        [1, -MAX],
      ],
      0,
    ],
    [
      'the tiniest weights',
      [
        [5e-324, 0.7],
        [5e-324, 0.7],
      ],
      0.7,
    ],
    [
      'a negative weight counts for nothing',
      [
        [1, 0.2],
        [-5, 100],
      ],
      0.2,
    ],
  ])('%s', (_name, rows, expected) => expect(mean(rows)).toBe(expected));

  it('is finite and between the values counted, whatever the weights and values', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(finite, finite), { minLength: 1, maxLength: 6 }), (rows) => {
        const counted = rows.filter(([w]) => w > 0).map(([, v]) => v);
        const m = mean(rows);
        if (counted.length === 0) {
          expect(m).toBeNaN();
        } else {
          expect(m).toBeGreaterThanOrEqual(Math.min(...counted));
          expect(m).toBeLessThanOrEqual(Math.max(...counted));
        }
      }),
    );
  });
});

describe('saturate', () => {
  it.each<[number, number]>([
    [1, 1],
    [Number.POSITIVE_INFINITY, MAX],
    [Number.NEGATIVE_INFINITY, -MAX],
  ])('%d -> %d', (x, expected) => expect(saturate(x)).toBe(expected));
  it('keeps NaN', () => expect(saturate(Number.NaN)).toBeNaN());
});
