// Arithmetic on finite numbers that stays finite: ratios, sums, weighted means and interpolation that cannot overflow into Infinity or NaN.
//
// Each computes the plain formula first, so ordinary numbers give exactly the results they always did, and only
// when that overflows (1e308 + 1e308) or loses every digit (weights of 5e-324) works again on scaled numbers.

/** Largest finite magnitude: a result beyond it is clamped here rather than become Infinity. */
const LARGEST = Number.MAX_VALUE;
/** Below this a sum of weights has lost precision to underflow: weights are scaled before use. */
const TINY = 1e-290;

/** x clamped to [-MAX_VALUE, MAX_VALUE]; NaN stays NaN (callers decide what it means). */
export function saturate(x: number): number {
  return x > LARGEST ? LARGEST : x < -LARGEST ? -LARGEST : x;
}

/**
 * (x - from) / (to - from), where it lies between from (0) and to (1) or beyond, for finite numbers with from !== to.
 * The differences may overflow (1e308 - -1e308): then both are taken of halves, which cannot. Never NaN; may be
 * ±Infinity when the true ratio is beyond the largest number (a huge difference over a tiny span).
 */
export function spanRatio(x: number, from: number, to: number): number {
  const over = x - from;
  const span = to - from;
  if (Number.isFinite(over) && Number.isFinite(span)) return over / span;
  return (x / 2 - from / 2) / (to / 2 - from / 2);
}

/**
 * The point a share t (0..1) of the way from y0 to y1, for finite y0 and y1: y0 + t (y1 - y0), or, when the span
 * overflows, y0 (1 - t) + y1 t. Always between y0 and y1, so always finite.
 */
export function lerp(y0: number, y1: number, t: number): number {
  const span = y1 - y0;
  const y = Number.isFinite(span) ? y0 + t * span : y0 * (1 - t) + y1 * t;
  const low = Math.min(y0, y1);
  const high = Math.max(y0, y1);
  return y < low ? low : y > high ? high : y;
}

/**
 * The sum of `count` finite numbers read by position. Where the running sum overflows, it is recomputed as
 * M × Σ(value / M), M the largest magnitude, so the result is the true sum, or ±Infinity only when the true sum
 * itself is beyond the largest number (never NaN, never Infinity from a sum that comes back down).
 */
export function finiteSum(count: number, valueAt: (k: number) => number): number {
  // Plain loops over local variables: a variable that a closure shares and a loop reassigns boxes every
  // number stored in it (an allocation per goal on a million goals).
  let sum = 0;
  let largest = 0;
  for (let k = 0; k < count; k++) {
    const v = valueAt(k);
    sum += v;
    largest = Math.max(largest, Math.abs(v));
  }
  if (Number.isFinite(sum)) return sum;
  let scaled = 0;
  for (let k = 0; k < count; k++) scaled += valueAt(k) / largest;
  return scaled * largest;
}

/**
 * Σ w × v / Σ w over the positions k < count whose weight is above 0 (weightAt answers 0 or less, or NaN, to leave
 * one out); NaN when none is. Values must be finite. The result always lies between the smallest and largest value
 * counted: where the plain sums overflow (weights or values near 1e308) or underflow (weights near 5e-324), both
 * weights and values are scaled by their largest before summing.
 */
export function weightedMean(
  count: number,
  weightAt: (k: number) => number,
  valueAt: (k: number) => number,
): number {
  // The plain Σ w v / Σ w first, with the bounds a rescaled pass would need (local variables, see finiteSum).
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  let heaviest = 0;
  let sum = 0;
  let total = 0;
  for (let k = 0; k < count; k++) {
    const w = weightAt(k);
    if (!(w > 0)) continue;
    const v = valueAt(k);
    sum += w * v;
    total += w;
    low = Math.min(low, v);
    high = Math.max(high, v);
    heaviest = Math.max(heaviest, w);
  }
  if (total === 0) return Number.NaN;
  let mean = sum / total;
  if (!Number.isFinite(mean) || !Number.isFinite(total) || total < TINY) {
    mean = scaledMean(count, weightAt, valueAt, heaviest, Math.max(-low, high) || 1);
  }
  // Rounding may step just outside the values; a mean never lies outside them.
  return Math.min(high, Math.max(low, mean));
}

/** weightedMean's sums again with weights divided by weightScale and values by valueScale, so neither overflows. */
function scaledMean(
  count: number,
  weightAt: (k: number) => number,
  valueAt: (k: number) => number,
  weightScale: number,
  valueScale: number,
): number {
  let sum = 0;
  let total = 0;
  for (let k = 0; k < count; k++) {
    const w = weightAt(k);
    if (!(w > 0)) continue;
    sum += (w / weightScale) * (valueAt(k) / valueScale);
    total += w / weightScale;
  }
  return (sum / total) * valueScale;
}
