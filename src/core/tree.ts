// Reading order of the cascade: each goal followed by its subtree, tops first; goals on cycles last.
import type { Links } from './graph';
import { count, shown } from './quote';

/**
 * Depth-first pre-order over the parent links, iterative so a chain of any depth works.
 * Roots are the unlinked goals in workbook order, then goals hanging under a cycle, then the cycle members.
 */
export function treeOrder(links: Pick<Links, 'parentOf' | 'children' | 'onCycle'>): number[] {
  const n = links.parentOf.length;
  const out: number[] = [];
  const seen = new Uint8Array(n);
  const stack: number[] = [];
  const visit = (root: number): void => {
    stack.push(root);
    while (stack.length) {
      const i = stack.pop()!;
      if (seen[i]) continue;
      seen[i] = 1;
      out.push(i);
      const kids = links.children[i];
      for (let k = kids.length - 1; k >= 0; k--) if (!links.onCycle[kids[k]]) stack.push(kids[k]);
    }
  };
  for (let i = 0; i < n; i++) if (links.parentOf[i] < 0 && !links.onCycle[i]) visit(i);
  for (let i = 0; i < n; i++) {
    const p = links.parentOf[i];
    if (!seen[i] && !links.onCycle[i] && p >= 0 && links.onCycle[p]) visit(i);
  }
  // The cycle members: everything else is seen by now, so each adds only itself.
  for (let i = 0; i < n; i++) if (!seen[i]) visit(i);
  return out;
}

/** A path up to this many IDs is written whole; a longer one names its first and last PATH_ENDS and counts the rest. */
const PATH_LIMIT = 12;
const PATH_ENDS = 3;

/**
 * The paths of goals as text, IDs from the top of the tree down to the goal, e.g. `CMO-1 › DG-2 › DG-7`. Walking
 * up from a goal on a cycle (or below one) goes round the cycle once and stops where it would repeat. A path of
 * more than PATH_LIMIT IDs is abbreviated: `G0 › G1 › G2 › … 9,994 more › G9997 › G9998 › G9999`; each ID is
 * quoted as `shown` writes it. Linear in the number of goals, however deep the chains or long the cycles: every
 * goal's length and first few IDs are worked out once, top down, and each text is built in O(PATH_LIMIT).
 */
export function pathTexts(
  links: Pick<Links, 'parentOf' | 'onCycle' | 'order'>,
  ids: readonly string[],
): (index: number) => string {
  const { parentOf, onCycle } = links;
  const n = parentOf.length;
  /** The number of IDs on each goal's path. */
  const length = new Float64Array(n);
  /** The first PATH_ENDS goals of each path, from the top (shared with its children once full). */
  const top: (readonly number[])[] = new Array(n);

  // A goal on a cycle: walking up goes once round it, so its path is the cycle read backwards, ending at it.
  for (let start = 0; start < n; start++) {
    if (!onCycle[start] || top[start] !== undefined) continue;
    const members: number[] = [];
    for (let at = start; members.length === 0 || at !== start; at = parentOf[at]) members.push(at);
    const size = members.length;
    members.forEach((member, k) => {
      length[member] = size;
      // members[k + 1] is its parent: read backwards from the member before it, the path starts at members[k - 1].
      const first: number[] = [];
      for (let j = 1; j <= Math.min(PATH_ENDS, size); j++) first.push(members[(k - j + size) % size]);
      top[member] = first;
    });
  }
  // Everything else, parents before children (order starts from top-level goals and goals hanging off a cycle).
  for (const i of links.order) {
    const p = parentOf[i];
    if (p < 0) {
      length[i] = 1;
      top[i] = [i];
    } else {
      length[i] = length[p] + 1;
      top[i] = length[p] < PATH_ENDS ? [...top[p], i] : top[p];
    }
  }

  const name = (i: number): string => shown(ids[i]);
  /** The last `count` goals of a path, top first: walk up from the goal. */
  const bottom = (index: number, count: number): string[] => {
    const up: string[] = [];
    for (let i = index, k = 0; k < count; k++, i = parentOf[i]) up.push(name(i));
    return up.reverse();
  };
  return (index) => {
    const size = length[index];
    if (size <= PATH_LIMIT) return bottom(index, size).join(' › ');
    const first = top[index].map(name).join(' › ');
    return `${first} › … ${count(size - 2 * PATH_ENDS)} more › ${bottom(index, PATH_ENDS).join(' › ')}`;
  };
}
