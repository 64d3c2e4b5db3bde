// The roll-up methods, one row each: name, the words a Rollup cell may use for it, how it rolls children up, and its help.
import { attainment, attainmentIssue, finalOf } from './attain';
import { normalizeHeader } from './cells';
import { finiteSum, weightedMean } from './finite';
import type { IssueDetail } from './issues';
import type { Field, Goal, Settings } from './model';

/** What a roller reads, and where it reports: the cascade's columns, children already rolled up. */
export interface RollContext {
  goals: readonly Goal[];
  settings: Settings;
  /** Measured attainment by goal index; NaN for none. */
  measured: Float64Array;
  /** Rolled-up attainment by goal index, filled bottom-up; NaN for none. */
  rolledUp: Float64Array;
  /** Records a problem found while rolling up goal `parent`, on its `field` cell. */
  report: (parent: number, field: Field, detail: IssueDetail) => void;
  /**
   * The share of a child shared by several parents that counts under `parent` (`CMO-1 60%; CMO-2 40%`); null when no
   * goal is shared, so that rolling up single parents reads no share at all.
   */
  shareOf?: ((parent: number, child: number) => number) | null;
}

/**
 * A parent's rolled-up attainment from its children; NaN when there is nothing to count. `outside` are children of
 * another period than the parent's (see period-mismatch): a sum leaves them out, the others count them.
 */
export type Roller = (parent: number, kids: readonly number[], outside?: readonly number[] | null) => number;

export interface RollupMethodRow {
  name: string;
  /** How a Rollup cell (or MBO_ROLLUP's method) may write it, as normalizeHeader reads text: the name first. */
  spellings: readonly string[];
  /** What it does, for the README. */
  help: string;
  /** Adds up the children's actuals: MBO_ROLLUP, which is given attainments only, cannot offer it. */
  needsActuals: boolean;
  roller: (context: RollContext) => Roller;
}

export const ROLLUP_METHODS = [
  {
    name: 'average',
    spellings: ['average', 'avg', 'mean'],
    help: "the contribution-weighted mean of the children's final attainment (children with a blank Contribution share equally what the explicit ones leave)",
    needsActuals: false,
    roller: averageRoller,
  },
  {
    name: 'sum',
    spellings: ['sum', 'total'],
    help: "the children's actuals added up (they must be in the parent's unit) against the parent's own target",
    needsActuals: true,
    roller: sumRoller,
  },
  {
    name: 'min',
    spellings: ['min', 'minimum', 'weakest'],
    help: "the weakest child's final attainment",
    needsActuals: false,
    roller: minRoller,
  },
  {
    name: 'own',
    spellings: ['own', 'none'],
    help: 'children are shown but not counted',
    needsActuals: false,
    roller: () => () => Number.NaN,
  },
] as const satisfies readonly RollupMethodRow[];

export type RollupMethod = (typeof ROLLUP_METHODS)[number]['name'];

/** The method of a goal whose Rollup cell is blank. */
export const DEFAULT_ROLLUP: RollupMethod = 'average';

/** Every method's name, in the table's order: the template's dropdown and the messages list them so. */
export const ROLLUP_NAMES: readonly RollupMethod[] = ROLLUP_METHODS.map((m) => m.name);

/** Each method with its spellings, the shape of table.ts's word maps (wordMap). */
export const ROLLUP_SPELLINGS: readonly [RollupMethod, readonly string[]][] = ROLLUP_METHODS.map((m) => [
  m.name,
  m.spellings,
]);

const BY_SPELLING: ReadonlyMap<string, RollupMethod> = new Map(
  ROLLUP_SPELLINGS.flatMap(([name, words]) => words.map((word): [string, RollupMethod] => [word, name])),
);

/** The method a text names, in any case, spacing and punctuation (`Avg`, ` MIN `); null for none. */
export function rollupNamed(text: string): RollupMethod | null {
  return BY_SPELLING.get(text.trim().toLowerCase()) ?? BY_SPELLING.get(normalizeHeader(text)) ?? null;
}

/** Names as a sentence lists them: `average, sum, min or own`. */
export function namesInWords(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** Every method's roller over one cascade. */
export function rollers(context: RollContext): Record<RollupMethod, Roller> {
  return Object.fromEntries(ROLLUP_METHODS.map((m) => [m.name, m.roller(context)])) as Record<
    RollupMethod,
    Roller
  >;
}

/** A child's final attainment as a roll-up counts it: unmeasured is NaN (left out), or 0 when Settings says so. */
function counted({ settings, measured, rolledUp }: RollContext): (child: number) => number {
  const unmeasured = settings.countUnmeasuredAsZero ? 0 : Number.NaN;
  return (child) => {
    const final = finalOf(measured[child], rolledUp[child]);
    return Number.isNaN(final) ? unmeasured : final;
  };
}

/**
 * Contribution-weighted mean of the children's final attainment. Blank contributions share equally what
 * the explicit ones leave of 100% (nothing when they already use it all); negative contributions count
 * as 0. Dividing by the total weight of the children counted normalises explicit contributions that do
 * not add up to 100% and leaves unmeasured children out (unless they count as 0).
 */
function averageRoller(context: RollContext): Roller {
  const { goals } = context;
  const shareOf = context.shareOf ?? null;
  const countedValue = counted(context);
  return (parent, kids) => {
    let explicit = 0;
    let blanks = 0;
    for (const c of kids) {
      const share = goals[c].contribution;
      if (share === null) blanks++;
      else explicit += Math.max(0, share);
    }
    const blankShare = blanks === kids.length ? 1 / blanks : Math.max(0, 1 - explicit) / Math.max(1, blanks);
    const valueAt = (k: number): number => countedValue(kids[k]);
    // An unmeasured child (NaN) weighs nothing; weightedMean stays finite for weights or values near 1e308.
    // A child shared by several parents weighs its share here (60% under CMO-1 of a CMO-1 60%; CMO-2 40% goal).
    const weightAt = (k: number): number => {
      if (Number.isNaN(valueAt(k))) return 0;
      const share = goals[kids[k]].contribution;
      const weight = share === null ? blankShare : Math.max(0, share);
      return shareOf === null ? weight : weight * shareOf(parent, kids[k]);
    };
    return weightedMean(kids.length, weightAt, valueAt);
  };
}

/** Units compare trimmed and in any case: ` $ ` and `$` are one unit, and so are `Count` and `count`. */
export function sameUnit(a: Pick<Goal, 'unit'>, b: Pick<Goal, 'unit'>): boolean {
  return a.unit.trim().toLowerCase() === b.unit.trim().toLowerCase();
}

/**
 * Whether `child` under `parent` breaks the parent's sum roll-up (the sum-unit-mismatch error): a sum adds the
 * children's actuals, so they must be in the parent's unit. Other roll-ups compare attainments, which have no unit.
 */
export function breaksSumRollup(parent: Pick<Goal, 'unit' | 'rollup'>, child: Pick<Goal, 'unit'>): boolean {
  return parent.rollup === 'sum' && !sameUnit(parent, child);
}

/**
 * The children's own actuals added up, measured against the parent's own target, direction and limits; a shared
 * child's actual split by its shares.
 */
function sumRoller({ goals, settings, report, shareOf = null }: RollContext): Roller {
  return (parent, kids, outside) => {
    const g = goals[parent];
    let mismatch = false;
    const counted: number[] = [];
    for (const c of kids) {
      // Actuals of another period are not this period's: they would be summed into the wrong year.
      if (outside?.includes(c)) continue;
      const child = goals[c];
      if (!sameUnit(child, g)) {
        mismatch = true;
        report(parent, 'unit', {
          code: 'sum-unit-mismatch',
          childId: child.id,
          childUnit: child.unit,
          unit: g.unit,
        });
      } else if (child.actual !== null) {
        // A child shared by several parents adds its share of its actual to each (a split, never counted twice).
        counted.push(shareOf === null ? child.actual : child.actual * shareOf(parent, c));
      }
    }
    if (mismatch) return Number.NaN;
    if (g.target === null) {
      // A blocked parent already has an error on its values; do not pile another one on.
      if (!g.blocked) report(parent, 'target', { code: 'sum-needs-target' });
      return Number.NaN;
    }
    // Unmeasured children add nothing either way; with none measured there is no sum unless they count as 0.
    if (counted.length === 0 && !settings.countUnmeasuredAsZero) return Number.NaN;
    // Summed without overflow where the total comes back down (1e308 + 1e308 - 1e308); a total truly beyond the
    // largest number is ±Infinity, which attainment clamps to the cap or the floor.
    const total = finiteSum(counted.length, (k) => counted[k]);
    const a = attainment({ ...g, actual: total }, settings);
    if (a.kind === 'value') return a.value;
    // The same error on the parent's own measurement is reported once, from there.
    const ownError = g.actual !== null;
    if (a.kind === 'error' && !g.blocked && !ownError) report(parent, 'target', attainmentIssue(g, a.code));
    return Number.NaN;
  };
}

/** The weakest child's final attainment. */
function minRoller(context: RollContext): Roller {
  const countedValue = counted(context);
  return (_parent, kids) => {
    let weakest = Number.NaN;
    for (const c of kids) {
      const value = countedValue(c);
      if (!Number.isNaN(value) && (Number.isNaN(weakest) || value < weakest)) weakest = value;
    }
    return weakest;
  };
}
