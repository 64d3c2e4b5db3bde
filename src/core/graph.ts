// Links goals to their parents across tabs: duplicates, unknown parents, self-links, cycles, top-down order.

import type { Issue, Place } from './issues';
import { issueAt } from './issues';
import type { Goal } from './model';
import { scratch } from './scratch';
import { TextNumbers } from './texts';

/**
 * The goal tree as index arrays. Every index is a position in the goals array given to linkGoals
 * (equal to Goal.index when the whole workbook's list is passed).
 */
export interface Links {
  /** Each ID, as idKey writes it, to the first goal that has it. */
  indexByKey: Map<string, number>;
  /**
   * The parent of each goal; -1 = top-level or unlinked (blank, unknown or self parent).
   * Goals on a cycle keep their parent on the cycle: stop at onCycle when walking up.
   */
  parentOf: Int32Array;
  /** Children of each goal, in workbook order. */
  children: number[][];
  /** Every goal not on a cycle, parents before children. */
  order: number[];
  /** 1 for goals on a cycle of parents. */
  onCycle: Uint8Array;
  /**
   * 0 for a top-level goal and for a goal on a cycle; a goal hanging below a cycle counts its depth from
   * the cycle member it hangs off (that member is depth 0, its child depth 1). Always path length - 1.
   */
  depth: Int32Array;
  issues: Issue[];
}

// Colours of the cycle search.
const UNSEEN = 0;
const ON_WALK = 1;
const DONE = 2;

const place = (g: Goal, col: number | undefined, column: string): Place => ({
  tab: g.tab,
  row: g.row,
  col: col ?? 0,
  column,
  goalId: g.id,
});

/** How IDs compare across the workbook: trimmed (as the tab reader leaves them) and lower-cased. */
export function idKey(id: string): string {
  return id.toLowerCase();
}

/**
 * Links every goal to its parent in linear time, without recursion.
 * A duplicate ID keeps its own Parent link but cannot be named as a parent: its ID means the first goal.
 * Goals with a blank ID (already an issue from the parser) can have a parent but cannot be one.
 */
export function linkGoals(goals: readonly Goal[]): Links {
  const { ids, firstOf } = indexIds(goals);
  const { parentOf, problem, notes } = resolveParents(goals, ids, firstOf);
  const { onCycle, cycleOf } = findCycles(goals, parentOf);

  const children = childLists(parentOf);

  const { order, depth } = orderTopDown(parentOf, onCycle, children);
  const issues = linkIssues(goals, firstOf, problem, cycleOf, notes);
  let indexByKey: Map<string, number> | undefined;
  return {
    // Built on first read, from the goals (the table is let go: its typed arrays count towards V8's
    // limit on outside memory): the analysis itself never needs the Map.
    get indexByKey(): Map<string, number> {
      indexByKey ??= firstIndexByKey(goals);
      return indexByKey;
    },
    parentOf,
    children,
    order,
    onCycle,
    depth,
    issues,
  };
}

/** Each goal's children in workbook order, every list allocated at its final size. */
const NO_CHILDREN = Object.freeze([]) as unknown as number[];

function childLists(parentOf: Int32Array): number[][] {
  const n = parentOf.length;
  const count = scratch(n, 0);
  for (let i = 0; i < n; i++) if (parentOf[i] !== -1) count[parentOf[i]]++;
  const children: number[][] = new Array(n);
  // Most goals are leaves: they share one frozen empty list instead of a million empty arrays.
  for (let i = 0; i < n; i++) children[i] = count[i] === 0 ? NO_CHILDREN : new Array(count[i]);
  // Filled from the back, counting each list down, so no second counter array is needed (a million-goal
  // analysis allocates enough typed arrays already to start a full collection when it runs over).
  for (let i = n - 1; i >= 0; i--) {
    const p = parentOf[i];
    if (p !== -1) children[p][--count[p]] = i;
  }
  return children;
}

/**
 * The first occurrence of an ID owns it; IDs match as idKey writes them. firstOf[i] is that first goal for
 * a later duplicate, else -1. IDs are numbered in a TextNumbers table rather than a Map (a third of a
 * second for a million IDs); the Map that Links exposes is built only when first read, as the analysis
 * never needs it.
 */
class IdTable {
  private readonly numbers: TextNumbers;
  /** The goal holding each ID number. */
  private readonly goalOf: Int32Array;

  constructor(goals: readonly Goal[], firstOf: number[]) {
    const n = goals.length;
    this.numbers = new TextNumbers(n);
    this.goalOf = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const id = goals[i].id;
      if (id === '') continue;
      const known = this.numbers.size;
      const number = this.numbers.add(idKey(id));
      if (number === known) this.goalOf[number] = i;
      else firstOf[i] = this.goalOf[number];
    }
  }

  /** The goal holding `key` (an ID as idKey writes it), else -1. */
  get(key: string): number {
    const number = this.numbers.get(key);
    return number === -1 ? -1 : this.goalOf[number];
  }
}

/** Each ID, as idKey writes it, to the first goal holding it: Links.indexByKey. */
function firstIndexByKey(goals: readonly Goal[]): Map<string, number> {
  const map = new Map<string, number>();
  for (let i = 0; i < goals.length; i++) {
    const id = goals[i].id;
    if (id === '') continue;
    const key = idKey(id);
    if (!map.has(key)) map.set(key, i);
  }
  return map;
}

function indexIds(goals: readonly Goal[]): { ids: IdTable; firstOf: number[] } {
  const firstOf = scratch(goals.length, -1);
  return { ids: new IdTable(goals, firstOf), firstOf };
}

// What is wrong with a goal's Parent cell (0 = nothing). SEVERAL still links (to the first goal named).
const SELF = 1;
const UNKNOWN = 2;
const AMBIGUOUS = 3;
const SEVERAL = 4;

/** How titles compare when a Parent names a goal by its title: trimmed, any case, runs of spaces as one. */
export function titleKey(title: string): string {
  return title.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Separators of a Parent cell naming several goals (Parent Row IDs: `12, 15`). No spaces around: `\s*[;,]` is quadratic on a long run of spaces. */
const PARENT_LIST = /[;,\n]/;

/** A parent's extra detail for its issue: how many titles matched, or which of several parents counts. */
type ParentNote = { count: number } | { used: string };

/**
 * Each goal's parent: the goal whose ID the Parent cell names; failing that, the one goal whose title it is (a
 * layout that aligns to objectives by their text); failing that, when the cell lists several, the first of them
 * that resolves (only one parent counts). Titles are indexed only when some Parent is not an ID.
 */
function resolveParents(
  goals: readonly Goal[],
  ids: IdTable,
  firstOf: readonly number[],
): { parentOf: Int32Array; problem: Uint8Array; notes: Map<number, ParentNote> } {
  const parentOf = new Int32Array(goals.length).fill(-1);
  const problem = new Uint8Array(goals.length);
  const notes = new Map<number, ParentNote>();
  let titles: Map<string, number[]> | undefined;
  const byTitle = (text: string): number[] => {
    titles ??= titleIndex(goals);
    return titles.get(titleKey(text)) ?? [];
  };
  const resolve = (text: string): { at: number; count: number } => {
    const p = ids.get(idKey(text));
    if (p !== -1) return { at: p, count: 1 };
    const matches = byTitle(text);
    return { at: matches.length === 1 ? matches[0] : -1, count: matches.length };
  };
  for (let i = 0; i < goals.length; i++) {
    const g = goals[i];
    if (g.parent === '') continue;
    let { at: p, count } = resolve(g.parent);
    if (p === -1 && count === 0 && PARENT_LIST.test(g.parent)) {
      const parts = g.parent.split(PARENT_LIST).map((part) => part.trim());
      const first = parts.find((part) => part !== '' && resolve(part).at !== -1);
      if (first !== undefined) {
        p = resolve(first).at;
        problem[i] = SEVERAL;
        notes.set(i, { used: first });
      }
    }
    // Naming its own ID is a self-link even for a duplicate, whose ID means the first goal holding it.
    if (p !== -1 && p === (firstOf[i] === -1 ? i : firstOf[i])) problem[i] = SELF;
    else if (p !== -1) parentOf[i] = p;
    else if (count > 1) {
      problem[i] = AMBIGUOUS;
      notes.set(i, { count });
    } else problem[i] = UNKNOWN;
  }
  return { parentOf, problem, notes };
}

/** Goals by title, as titleKey writes it. */
function titleIndex(goals: readonly Goal[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (let i = 0; i < goals.length; i++) {
    if (goals[i].title === '') continue;
    const key = titleKey(goals[i].title);
    const list = index.get(key);
    if (list === undefined) index.set(key, [i]);
    else list.push(i);
  }
  return index;
}

/**
 * Each goal has at most one parent, so walking up from any goal ends at the top or runs into a cycle.
 * One walk per unseen goal, colouring as it goes, finds every cycle in linear time. cycleOf holds, for
 * each member, the cycle's IDs in parent order starting from the member first in the workbook; members of
 * one cycle share that list, so even a huge cycle stays linear.
 */
function findCycles(
  goals: readonly Goal[],
  parentOf: Int32Array,
): { onCycle: Uint8Array; cycleOf: (string[] | undefined)[] } {
  const n = goals.length;
  const onCycle = new Uint8Array(n);
  const cycleOf: (string[] | undefined)[] = [];
  const colour = new Uint8Array(n);
  const walk = scratch(n, 0);
  const posInWalk = scratch(n, 0);
  for (let start = 0; start < n; start++) {
    if (colour[start] !== UNSEEN) continue;
    let length = 0;
    let at = start;
    while (at !== -1 && colour[at] === UNSEEN) {
      colour[at] = ON_WALK;
      posInWalk[at] = length;
      walk[length++] = at;
      at = parentOf[at];
    }
    if (at !== -1 && colour[at] === ON_WALK) {
      // The walk came back onto itself: the members are walk[from..length).
      const from = posInWalk[at];
      let first = from;
      for (let k = from; k < length; k++) if (walk[k] < walk[first]) first = k;
      const ids: string[] = [];
      for (let k = first; k < length; k++) ids.push(goals[walk[k]].id);
      for (let k = from; k < first; k++) ids.push(goals[walk[k]].id);
      for (let k = from; k < length; k++) {
        onCycle[walk[k]] = 1;
        cycleOf[walk[k]] = ids;
      }
    }
    for (let k = 0; k < length; k++) colour[walk[k]] = DONE;
  }
  return { onCycle, cycleOf };
}

/** The link issues in workbook order: a duplicate ID first, then what is wrong with its Parent. */
function linkIssues(
  goals: readonly Goal[],
  firstOf: number[],
  problem: Uint8Array,
  cycleOf: (string[] | undefined)[],
  notes: ReadonlyMap<number, ParentNote>,
): Issue[] {
  const issues: Issue[] = [];
  for (let i = 0; i < goals.length; i++) {
    const g = goals[i];
    if (firstOf[i] !== -1) {
      const other = goals[firstOf[i]];
      issues.push(
        issueAt(place(g, g.columns.id, 'ID'), {
          code: 'duplicate-id',
          otherTab: other.tab,
          otherRow: other.row,
        }),
      );
    }
    const cycle = cycleOf[i];
    if (problem[i] === 0 && cycle === undefined) continue;
    const at = place(g, g.columns.parent, 'Parent');
    if (problem[i] === SELF) issues.push(issueAt(at, { code: 'self-parent' }));
    else if (problem[i] === UNKNOWN) issues.push(issueAt(at, { code: 'unknown-parent', parent: g.parent }));
    else if (problem[i] === AMBIGUOUS) {
      const { count } = notes.get(i) as { count: number };
      issues.push(issueAt(at, { code: 'ambiguous-parent', parent: g.parent, count }));
    } else if (problem[i] === SEVERAL) {
      const { used } = notes.get(i) as { used: string };
      issues.push(issueAt(at, { code: 'several-parents', parent: g.parent, used }));
    }
    if (cycle !== undefined) issues.push(issueAt(at, { code: 'cycle', cycle }));
  }
  return issues;
}

/**
 * Breadth-first from the roots: top-level goals, and goals hanging directly off a cycle member.
 * A child is reached only through its parent, so parents always come first.
 */
function orderTopDown(
  parentOf: Int32Array,
  onCycle: Uint8Array,
  children: number[][],
): { order: number[]; depth: Int32Array } {
  const n = parentOf.length;
  const depth = new Int32Array(n);
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    if (onCycle[i]) continue;
    const p = parentOf[i];
    if (p === -1) {
      order.push(i);
    } else if (onCycle[p]) {
      depth[i] = 1;
      order.push(i);
    }
  }
  for (let head = 0; head < order.length; head++) {
    const i = order[head];
    const kids = children[i];
    for (let k = 0; k < kids.length; k++) {
      depth[kids[k]] = depth[i] + 1;
      order.push(kids[k]);
    }
  }
  return { order, depth };
}

/**
 * Goal indices from the top of the tree down to `index`. The walk up stops at a top-level goal or at the
 * first goal on a cycle (that member heads the path). Costs O(depth); computed on demand.
 */
export function pathOf(index: number, links: Pick<Links, 'parentOf' | 'onCycle'>): number[] {
  const up: number[] = [index];
  let at = index;
  while (!links.onCycle[at]) {
    at = links.parentOf[at];
    if (at === -1) break;
    up.push(at);
  }
  return up.reverse();
}
