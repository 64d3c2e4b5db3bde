// Reading order of the cascade: each goal followed by its subtree, tops first; goals on cycles last.
import type { Links } from './graph';

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

/** IDs from the top of the tree down to the goal, e.g. `CMO-1 › DG-2 › DG-7`; stops where a cycle would repeat. */
export function pathText(index: number, parentOf: ArrayLike<number>, ids: readonly string[]): string {
  const chain: string[] = [];
  const seen = new Set<number>();
  for (let i = index; i >= 0 && !seen.has(i); i = parentOf[i]) {
    seen.add(i);
    chain.push(ids[i]);
  }
  return chain.reverse().join(' › ');
}
