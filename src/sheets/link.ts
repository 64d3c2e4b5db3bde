// Links one goal to a parent: decides whether the link is allowed, then writes exactly that goal's Parent cell.

import { idKey } from '../core/graph';
import type { Goal } from '../core/model';
import { breaksSumRollup } from '../core/rollups';
import type { Analysis } from '../core/workbook';
import { textFor } from './cell-text';
import type { SpreadsheetPort } from './gas';
import { noTabMessage } from './select';

/** A refusal the user can act on; the sidebar shows its message. */
export class LinkRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LinkRefused';
  }
}

/** The one cell a link writes, and what goes in it. */
export interface ParentWrite {
  tab: string;
  row: number;
  col: number;
  /** The parent's ID as its own row spells it; '' unlinks. */
  value: string;
  goal: Goal;
}

/** Why a row cannot be linked or shown as a goal: it holds none. */
export function noGoalMessage(tab: string, row: number): string {
  return `Row ${row} of "${tab}" holds no goal: select a goal's row (one with an ID).`;
}

/**
 * The goal in a sheet row, or null; a key result rather than the objective made from the same row's Objective text.
 * With `col` (1-based) in the numbered columns of one of the row's key results (`KR2 Title`, `KR2 Progress`), that
 * key result: the cell the user selected is the goal they mean.
 */
export function goalAt(analysis: Analysis, tab: string, row: number, col = 0): Goal | null {
  const here = analysis.goals.filter((g) => g.tab === tab && g.row === row);
  const rowGoal = here.find((g) => !g.synthesized) ?? here[0] ?? null;
  if (col < 1 || rowGoal === null) return rowGoal;
  const inColumns = here.find(
    (g) => isKeyResultInColumnsOf(analysis, g, rowGoal) && Object.values(g.columns).includes(col),
  );
  return inColumns ?? rowGoal;
}

/** Whether `keyResult` is written in numbered columns on `goal`'s row (see key-results.ts), and so trees up to it. */
function isKeyResultInColumnsOf(analysis: Analysis, keyResult: Goal, goal: Goal): boolean {
  return (
    keyResult.synthesized &&
    !goal.synthesized &&
    keyResult.tab === goal.tab &&
    keyResult.row === goal.row &&
    analysis.links.parentOf[keyResult.index] === goal.index
  );
}

/** The goal whose row holds `keyResult` in numbered columns (its parent), or null for any other goal. */
export function rowGoalOfKeyResult(analysis: Analysis, keyResult: Goal): Goal | null {
  const p = analysis.links.parentOf[keyResult.index];
  const goal = p < 0 ? null : analysis.goals[p];
  return goal !== null && isKeyResultInColumnsOf(analysis, keyResult, goal) ? goal : null;
}

/**
 * Why a key result written in its row's numbered columns is not linked: it has no Parent cell of its own and trees up
 * to the row's goal. '' for any other goal.
 */
export function keyResultInColumnsRefusal(analysis: Analysis, keyResult: Goal): string {
  const goal = rowGoalOfKeyResult(analysis, keyResult);
  if (goal === null) return '';
  return `"${keyResult.title}" is a key result of ${goal.id}, written in the key-result columns of its row: it trees up to ${goal.id}. Link ${goal.id} instead.`;
}

/** The goal and everything below it: linking it to any of them would close a loop. Iterative, cycle-safe. */
export function subtreeOf(analysis: Analysis, index: number): Set<number> {
  const seen = new Set<number>([index]);
  const stack = [index];
  while (stack.length) {
    for (const child of analysis.links.children[stack.pop()!]) {
      if (!seen.has(child)) {
        seen.add(child);
        stack.push(child);
      }
    }
  }
  return seen;
}

/**
 * Checks a link request against a fresh analysis. `expectedId`, when given, must still be the ID in
 * that row: rows move when people insert or sort, and writing into a row that now holds another
 * goal would be a silent corruption.
 */
export function planParentWrite(
  analysis: Analysis,
  request: { tab: string; row: number; parentId: string; expectedId?: string },
): ParentWrite {
  const goal = goalAt(analysis, request.tab, request.row);
  if (!goal) throw new LinkRefused(noGoalMessage(request.tab, request.row));
  const inColumns =
    request.expectedId === undefined ? null : keyResultInColumns(analysis, goal, request.expectedId);
  if (inColumns !== null) throw new LinkRefused(keyResultInColumnsRefusal(analysis, inColumns));
  if (request.expectedId !== undefined && idKey(goal.id) !== idKey(request.expectedId.trim())) {
    throw new LinkRefused(
      `Row ${request.row} of "${request.tab}" now holds ${goal.id || 'a goal without ID'}, not ${request.expectedId}: the sheet changed, so select the goal's row again.`,
    );
  }
  const refusal = goalRefusal(analysis, goal);
  if (refusal) throw new LinkRefused(refusal);
  const col = goal.columns.parent;
  if (col === undefined) throw new Error(`planParentWrite: ${goal.id} has no Parent column`); // goalRefusal says so
  // '' unlinks: no parent to look up (-1 is no goal's index and in no subtree).
  const wanted = request.parentId.trim();
  const parentIndex = wanted ? analysis.links.indexByKey.get(wanted.toLowerCase()) : -1;
  if (parentIndex === undefined)
    throw new LinkRefused(`No goal has the ID "${wanted}": pick a parent from the list.`);
  if (parentIndex === goal.index)
    throw new LinkRefused(`${goal.id} cannot be its own parent: pick the goal it contributes to.`);
  if (subtreeOf(analysis, goal.index).has(parentIndex)) {
    const parent = analysis.goals[parentIndex];
    throw new LinkRefused(
      `${parent.id} is below ${goal.id} in the cascade, so making it ${goal.id}'s parent would close a loop: pick a goal that is not below it.`,
    );
  }
  if (wanted) {
    const refusal = sumUnitRefusal(analysis.goals[parentIndex], goal);
    if (refusal) throw new LinkRefused(refusal);
  }
  return {
    tab: goal.tab,
    row: goal.row,
    col,
    value: wanted && parentReference(analysis.goals[parentIndex]),
    goal,
  };
}

/**
 * Why `goal` cannot be linked to any parent, whatever the parent: a key result in its row's numbered columns, a key
 * result under the objective in its Objective cell, a goal shared by several parents, a tab without a Parent column.
 * '' when it can be. The Link view shows it on every candidate; planParentWrite refuses with it.
 */
export function goalRefusal(analysis: Analysis, goal: Goal): string {
  const inColumns = keyResultInColumnsRefusal(analysis, goal);
  if (inColumns) return inColumns;
  if (goal.columns.objective !== undefined && !goal.synthesized) {
    const p = analysis.links.parentOf[goal.index];
    const objective = p === -1 ? null : analysis.goals[p];
    return objective === null
      ? `"${goal.title}" is a key result: it trees up to the objective in its Objective cell. Fill that cell.`
      : `"${goal.title}" is a key result of "${objective.title}": change its Objective cell, or align the objective by its Parent cell on row ${objective.row}.`;
  }
  const shared = severalParentsRefusal(analysis, goal);
  if (shared) return shared;
  if (goal.columns.parent === undefined)
    return `Tab "${goal.tab}" has no Parent column: add a column headed Parent, then link again.`;
  return '';
}

/** The key result named `id` that is written in numbered columns on `goal`'s row (see key-results.ts), or null. */
function keyResultInColumns(analysis: Analysis, goal: Goal, id: string): Goal | null {
  const index = analysis.links.indexByKey.get(idKey(id.trim()));
  if (index === undefined || index === goal.index) return null;
  const found = analysis.goals[index];
  return isKeyResultInColumnsOf(analysis, found, goal) ? found : null;
}

/**
 * Why a goal shared by several parents (`P 60%; Q 40%`) is not linked from the panel: writing one parent would drop
 * the others and their shares without a word. '' for a goal with one parent.
 */
export function severalParentsRefusal(analysis: Analysis, goal: Goal): string {
  if (!analysis.links.shared?.isShared[goal.index]) return '';
  return `${goal.id} has several parents ("${goal.parent}"): linking it here would replace them all with one. Edit its Parent cell (${goal.tab} row ${goal.row}) to change them.`;
}

/**
 * Why `child` cannot go under `parent`'s sum roll-up, naming both units; '' when it can. The rule is the cascade's
 * (breaksSumRollup, the sum-unit-mismatch error): refusing here keeps a link from creating that error.
 */
export function sumUnitRefusal(parent: Goal, child: Goal): string {
  if (!breaksSumRollup(parent, child)) return '';
  const parentUnit = parent.unit.trim();
  const childUnit = child.unit.trim();
  const adds = parentUnit ? `adds up its children in ${parentUnit}` : 'adds up its children with no unit';
  const is = childUnit ? `is in ${childUnit}` : 'has no unit';
  const wanted = parentUnit ? `a goal in ${parentUnit}` : 'a goal with no unit';
  const instead = childUnit ? `a goal in ${childUnit}` : wanted;
  return `${parent.id} ${adds} (a sum roll-up), and ${child.id} ${is}: link ${child.id} to ${instead}, or change a Unit.`;
}

/**
 * How a Parent cell names a goal: by its ID where the sheet gives one; by its title where the ID is generated
 * (`Sales!12` moves when rows are inserted, the title does not).
 */
export function parentReference(parent: Goal): string {
  return parent.columns.id !== undefined ? parent.id : parent.title;
}

/**
 * Writes the planned Parent cell: one getRange, one look at its number format, one setValue, nothing
 * else. The ID goes in as text (`1.10` stays `1.10`, not the number 1.1): as it is into a plain-text
 * cell, with a leading apostrophe into any other, whose format is left as the user set it.
 */
export function writeParentCell(spreadsheet: SpreadsheetPort, write: ParentWrite): void {
  const sheet = spreadsheet.getSheetByName(write.tab);
  if (!sheet) throw new LinkRefused(noTabMessage(write.tab));
  const cell = sheet.getRange(write.row, write.col);
  cell.setValue(textFor(cell.getNumberFormat(), write.value));
}
