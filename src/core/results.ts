// The cascade's results held by field: typed arrays with NaN for null and a status code per goal, GoalResult objects on request.
import type { Links } from './graph';
import { pathOf } from './graph';
import type { CascadeResults, GoalResult, Status } from './model';
import { STATUSES } from './model';

/** One typed array per field of GoalResult, all of the same length, indexed like the goals. */
export interface ResultColumns {
  /** NaN = null in every Float64Array below. */
  readonly measured: Float64Array;
  readonly rolledUp: Float64Array;
  readonly final: Float64Array;
  readonly gap: Float64Array;
  readonly elapsed: Float64Array;
  /** STATUS_CODE of each goal's status: an index into STATUSES. */
  readonly status: Uint8Array;
}

/** The links a result reads: depth, children and cycles, and the parents its path walks up. */
export type ResultLinks = Pick<Links, 'parentOf' | 'children' | 'onCycle' | 'depth'>;

/** The code CascadeResults keeps for each status (its index in STATUSES). */
export const STATUS_CODE: Readonly<Record<Status, number>> = {
  'on track': 0,
  'at risk': 1,
  'off track': 2,
  'not measured': 3,
};

/**
 * Results read from typed arrays: `length` is columns.final's. The arrays and links are shared, not copied,
 * and must not change afterwards. at(i).children is links.children[i] itself.
 */
export function columnResults(columns: ResultColumns, links: ResultLinks): CascadeResults {
  return new ColumnResults(columns, links);
}

class ColumnResults implements CascadeResults {
  readonly length: number;
  private readonly columns: ResultColumns;
  private readonly Result: ReturnType<typeof resultClass>;

  constructor(columns: ResultColumns, links: ResultLinks) {
    this.length = columns.final.length;
    this.columns = columns;
    this.Result = resultClass(links);
  }

  final(i: number): number | null {
    const x = this.columns.final[i];
    // Out of range reads undefined: no goal i, no attainment.
    return x === undefined || Number.isNaN(x) ? null : x;
  }

  at(i: number): GoalResult {
    if (!Number.isInteger(i) || i < 0 || i >= this.length) {
      throw new RangeError(`No result ${i}: there are ${this.length}`);
    }
    const c = this.columns;
    return new this.Result(
      i,
      orNull(c.measured[i]),
      orNull(c.rolledUp[i]),
      orNull(c.final[i]),
      orNull(c.gap[i]),
      STATUSES[c.status[i]],
      orNull(c.elapsed[i]),
    );
  }

  *[Symbol.iterator](): Iterator<GoalResult> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  toJSON(): GoalResult[] {
    return Array.from(this);
  }
}

const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

/**
 * The class of the GoalResult objects of one set of links. Fields are plain own data; `path` is an accessor
 * on the prototype, walked up parentOf when read (O(depth)), because storing every path is quadratic on a
 * deep chain (a 10,000-deep chain would hold 50M indices). toJSON adds the path, so JSON.stringify keeps
 * it; an object spread ({ ...result }) and deep-equality helpers that only look at own properties do not see it.
 */
function resultClass(links: ResultLinks) {
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

    constructor(
      index: number,
      measured: number | null,
      rolledUp: number | null,
      final: number | null,
      gap: number | null,
      status: Status,
      elapsed: number | null,
    ) {
      // Assigned in GoalResult's order, so that JSON and object listings read as the interface does.
      this.index = index;
      this.depth = links.depth[index];
      this.children = links.children[index];
      this.measured = measured;
      this.rolledUp = rolledUp;
      this.final = final;
      this.gap = gap;
      this.status = status;
      this.elapsed = elapsed;
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
