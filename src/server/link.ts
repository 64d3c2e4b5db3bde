// The Link endpoints: the selected row's goal with the parents it may take, and writing the chosen one.
import { idKey } from '../core/graph';
import type { Goal } from '../core/model';
import type { Analysis } from '../core/workbook';
import {
  goalAt,
  goalRefusal,
  noGoalMessage,
  planParentWrite,
  subtreeOf,
  sumUnitRefusal,
  writeParentCell,
} from '../sheets/link';
import type { WorkbookRead } from '../sheets/read';
import { activeSpreadsheet, analyzeRead, loadAnalysis, underLock } from './analyze';
import type { LinkView } from './api';
import { noteEdit } from './changes';
import type { ServerContext } from './context';
import { finite } from './views';

/**
 * The link view of a row: the goal there, and every goal it may point at (one per ID). `ownTabs`
 * are the add-on's own tabs (reports, the ID list), named as such when the selection is on one.
 */
export function linkViewAt(
  analysis: Analysis,
  tab: string,
  row: number,
  ownTabs: readonly string[] = [],
  col = 0,
): LinkView {
  const goal = goalAt(analysis, tab, row, col);
  if (!goal) return { goal: null, reason: noGoalReason(analysis, tab, row, ownTabs), candidates: [] };
  const below = subtreeOf(analysis, goal.index);
  // Refusals of the goal itself, whatever the parent: the server's own words (planParentWrite refuses with the same).
  const shared = goalRefusal(analysis, goal);
  const choice = (g: Goal): { allowed: boolean; reason: string } => {
    const reason =
      g.index === goal.index
        ? `${goal.id} is the goal itself.`
        : shared ||
          (below.has(g.index)
            ? `Would make a cycle: ${g.id} sits under ${goal.id}.`
            : sumUnitRefusal(g, goal));
    return { allowed: reason === '', reason };
  };
  const candidates = analysis.goals
    .filter((g) => g.id !== '' && analysis.links.indexByKey.get(idKey(g.id)) === g.index)
    .map((g) => ({
      id: g.id,
      title: g.title,
      owner: g.owner,
      tab: g.tab,
      final: finite(analysis.results.final(g.index)),
      ...choice(g),
    }));
  return {
    goal: { id: goal.id, title: goal.title, tab: goal.tab, row: goal.row, parentId: goal.parent },
    reason: '',
    candidates,
  };
}

function noGoalReason(analysis: Analysis, tab: string, row: number, ownTabs: readonly string[]): string {
  if (ownTabs.includes(tab)) {
    return `${tab} is a tab MBO Cascade writes (a report or the check-in log), not a goal tab: select the goal's row on its own tab.`;
  }
  if (!analysis.goalTabs.includes(tab)) {
    const tabs = analysis.goalTabs.length ? analysis.goalTabs.join(', ') : 'none yet';
    return `"${tab}" is not a goal tab (it needs a header row with a Goal, Key Result or Objective column and an ID, Parent, Target or Progress column; the Columns panel maps other headers). Goal tabs: ${tabs}.`;
  }
  return noGoalMessage(tab, row);
}

export function getLinkView(ctx: ServerContext): LinkView {
  const now = ctx.now();
  const active = activeSpreadsheet(ctx).getActiveRange();
  const { read, analysis } = loadAnalysis(ctx, now);
  if (!active)
    return { goal: null, reason: "No cell is selected: select a goal's row on a goal tab.", candidates: [] };
  // The selection's first cell: in a key result's numbered columns, that key result; a whole row selected (as a click
  // in the Cascade selects it) starts in column A, the row's own goal.
  return linkViewAt(analysis, active.getSheet().getName(), active.getRow(), read.ownTabs, active.getColumn());
}

/** The workbook as read, with one cell replaced: what the sheet holds after the write, without reading again. */
function withCell(read: WorkbookRead, tab: string, row: number, col: number, value: string): WorkbookRead {
  const tabs = read.tabs.map((t) => {
    if (t.name !== tab) return t;
    const grid = t.grid.map((cells, r) => {
      if (r !== row - 1) return cells;
      const copy = [...cells];
      copy[col - 1] = value;
      return copy;
    });
    return { ...t, grid };
  });
  return { ...read, tabs };
}

/** Writes one Parent cell under the document lock (so two people linking cannot close a loop between them). */
export function linkToParent(
  ctx: ServerContext,
  tab: string,
  row: number,
  parentId: string,
  goalId?: string,
): LinkView {
  const now = ctx.now();
  const after = underLock(ctx, () => {
    const { read, analysis } = loadAnalysis(ctx, now);
    const write = planParentWrite(analysis, { tab, row, parentId, expectedId: goalId });
    writeParentCell(activeSpreadsheet(ctx), write);
    noteEdit(ctx, now);
    return withCell(read, write.tab, write.row, write.col, write.value);
  });
  return linkViewAt(analyzeRead(after, now), tab, row, after.ownTabs);
}
