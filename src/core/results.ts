// The cascade's results held by field: typed arrays with NaN for null and a status code per goal, GoalResult objects on request.

import { finalOf } from './attain';
import { saturate } from './finite';
import type { Links } from './graph';
import { pathOf } from './graph';
import type { CascadeResults, GoalResult, Status } from './model';
import { STATUSES } from './model';

/**
 * What the cascade keeps per goal, indexed like the goals: an array only for what cannot be derived.
 * final is measured where there is one, else rolled up (finalOf); gap is measured - rolledUp where both exist
 * and differ by more than gapThreshold (gapOf); elapsed comes from the goal's period and the date.
 * Typed arrays live outside the garbage-collected heap, but V8 counts their bytes ("external memory") and
 * collects the whole heap when those grow fast: at 1M goals, final, gap and elapsed kept as Float64Arrays
 * too set off a full collection in the middle of the cascade (~0.5 s of a ~3 s analysis), and an elapsed
 * array alone still did when judged at a date. Why columns and not one object per goal, measured both ways at
 * 650k goals (bench/results.ts): docs/performance.md.
 */
export interface ResultColumns {
  /** NaN = null, as in rolledUp. */
  readonly measured: Float64Array;
  readonly rolledUp: Float64Array;
  /** STATUS_CODE of each goal's status: an index into STATUSES. */
  readonly status: Uint8Array;
  /** A gap is reported where |measured - rolledUp| > gapThreshold (settings.gap plus the rounding tolerance). */
  readonly gapThreshold: number;
  /** Share of goal i's period elapsed at the date judged at, 0..1; null when unknown. Must answer the same every time. */
  readonly elapsedOf: (i: number) => number | null;
}

/** elapsedOf without a date to judge at: every share unknown. */
export const NO_ELAPSED = (_i: number): number | null => null;

/** The links a result reads: depth, children and cycles, and the parents its path walks up. */
export type ResultLinks = Pick<Links, 'parentOf' | 'children' | 'onCycle' | 'depth'>;

/** The code CascadeResults keeps for each status: its index in STATUSES (see statusCode in attain.ts). */
export const STATUS_CODE = Object.fromEntries(STATUSES.map((status, i) => [status, i])) as Readonly<
  Record<Status, number>
>;

/**
 * The alignment gap, measured - rolledUp, where both exist and differ by more than the threshold; else NaN. A gap
 * beyond the largest number (caps and floors near ±1e308) is the largest number, never Infinity.
 */
export function gapOf(measured: number, rolledUp: number, threshold: number): number {
  if (Number.isNaN(measured) || Number.isNaN(rolledUp) || !(Math.abs(measured - rolledUp) > threshold))
    return Number.NaN;
  return saturate(measured - rolledUp);
}

/**
 * Results read from typed arrays: `length` is columns.measured's. The arrays and links are shared, not
 * copied, and must not change afterwards. at(i).children is links.children[i] itself.
 */
export function columnResults(columns: ResultColumns, links: ResultLinks): CascadeResults {
  return new ColumnResults(columns, links);
}

class ColumnResults implements CascadeResults {
  readonly length: number;
  private readonly columns: ResultColumns;
  private readonly Result: ReturnType<typeof resultClass>;

  constructor(columns: ResultColumns, links: ResultLinks) {
    this.length = columns.measured.length;
    this.columns = columns;
    this.Result = resultClass(columns, links);
  }

  private has(i: number): boolean {
    return Number.isInteger(i) && i >= 0 && i < this.length;
  }

  final(i: number): number | null {
    return this.has(i) ? nullIfNaN(finalOf(this.columns.measured[i], this.columns.rolledUp[i])) : null;
  }

  at(i: number): GoalResult {
    if (!this.has(i)) throw new RangeError(`No result ${i}: there are ${this.length}`);
    return new this.Result(i);
  }

  *[Symbol.iterator](): Iterator<GoalResult> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  toJSON(): GoalResult[] {
    return Array.from(this);
  }
}

const nullIfNaN = (x: number): number | null => (Number.isNaN(x) ? null : x);

/**
 * The class of the GoalResult objects of one set of columns and links, each built from them by its index.
 * Fields are plain own data; `path` is an accessor on the prototype, walked up parentOf when read (O(depth)),
 * because storing every path is quadratic on a deep chain (a 10,000-deep chain would hold 50M indices).
 * toJSON adds the path, so JSON.stringify keeps it; an object spread ({ ...result }) and deep-equality helpers
 * that only look at own properties do not see it.
 */
function resultClass(c: ResultColumns, links: ResultLinks) {
  return class Result implements GoalResult {
    readonly index: number;
    readonly depth: number;
    readonly children: number[];
    readonly measured: number | null;
    readonly rolledUp: number | null;
    readonly final: number | null;
    readonly gap: number | null;
    readonly status: Status;
    readonly elapsed: number | null;
    readonly onCycle: boolean;

    constructor(index: number) {
      const m = c.measured[index];
      const r = c.rolledUp[index];
      // Assigned in GoalResult's order, so that JSON and object listings read as the interface does.
      this.index = index;
      this.depth = links.depth[index];
      this.children = links.children[index];
      this.measured = nullIfNaN(m);
      this.rolledUp = nullIfNaN(r);
      this.final = nullIfNaN(finalOf(m, r));
      this.gap = nullIfNaN(gapOf(m, r, c.gapThreshold));
      this.status = STATUSES[c.status[index]];
      this.elapsed = c.elapsedOf(index);
      this.onCycle = links.onCycle[index] === 1;
    }

    get path(): number[] {
      return pathOf(this.index, links);
    }

    /** Writing a path (GoalResult allows it) turns it into an ordinary own property of this result. */
    set path(path: number[]) {
      Object.defineProperty(this, 'path', {
        value: path,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    }

    toJSON(): GoalResult {
      return { ...this, path: this.path };
    }
  };
}
