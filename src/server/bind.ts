// Binds every sidebar endpoint to a context, checking the arguments that arrive from the browser.
import type { CellRef, ServerApi } from './api';
import { getChanges } from './changes';
import { getColumns, optionalChoices, parseChoices, saveColumns } from './columns';
import type { ServerContext } from './context';
import { recordCheckIn } from './history';
import { getLinkView, linkToParent } from './link';
import { checkWorkbook, getCascade } from './reports';
import { getRequired } from './required';
import { rollUp } from './rollup';
import { addParentDropdowns, insertGoalTab, selectCell } from './setup';

/** google.script.run passes whatever the page sends: a wrong type is a programmer error, said plainly. */
function text(value: unknown, name: string): string {
  if (typeof value !== 'string') throw new TypeError(`${name} must be text.`);
  return value;
}

function position(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new TypeError(`${name} must be a row or column number.`);
  }
  return value;
}

function levelOf(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) {
    throw new TypeError('level must be an attainment such as 1 for 100%.');
  }
  return value;
}

function cellRef(value: unknown): CellRef {
  if (typeof value !== 'object' || value === null) throw new TypeError('The cell to select is missing.');
  const ref = value as Record<string, unknown>;
  return { tab: text(ref.tab, 'tab'), row: position(ref.row, 'row'), col: position(ref.col, 'col') };
}

export function bindServerApi(ctx: ServerContext): ServerApi {
  return {
    checkWorkbook: () => checkWorkbook(ctx),
    getCascade: () => getCascade(ctx),
    getLinkView: () => getLinkView(ctx),
    linkToParent: (tab, row, parentId, goalId) =>
      linkToParent(
        ctx,
        text(tab, 'tab'),
        position(row, 'row'),
        text(parentId, 'parentId'),
        goalId === undefined || goalId === null ? undefined : text(goalId, 'goalId'),
      ),
    selectCell: (ref) => selectCell(ctx, cellRef(ref)),
    rollUp: () => rollUp(ctx),
    recordCheckIn: () => recordCheckIn(ctx),
    getRequired: (id, level) => getRequired(ctx, text(id, 'id'), levelOf(level)),
    addParentDropdowns: () => addParentDropdowns(ctx),
    insertGoalTab: (name) =>
      insertGoalTab(ctx, name === undefined || name === null ? '' : text(name, 'name')),
    getColumns: (choices) => getColumns(ctx, optionalChoices(choices)),
    saveColumns: (choices) => saveColumns(ctx, parseChoices(choices)),
    getChanges: () => getChanges(ctx),
  };
}
