// Reading key results written as numbered column groups on a goal's row: each filled group becomes a goal under the row's goal.
import { cellText, isBlank } from './cells';
import type { HeaderRow } from './header';
import type { Issue } from './issues';
import type { KeyResultGroup } from './key-result-columns';
import type { CellValue, Goal, Grid } from './model';
import { progressInPoints, RowReader } from './row-reader';

/** The ID of a key result read from a column group: its goal's ID and the group's number (`G-7 KR2`, `Sales!4 KR1`). */
export function keyResultId(goalId: string, number: number): string {
  return `${goalId} KR${number}`;
}

/** The title of a key result whose group has no title column (`KR1 Target`, `KR1 Current` only). */
export function untitledKeyResult(number: number): string {
  return `Key result ${number}`;
}

interface GroupReader {
  group: KeyResultGroup;
  /** Reads the group's cells as a row of its own: issues point at the group's cells, by their headers. */
  reader: RowReader;
  /** 0-based columns of the group: any of them filled makes the key result. */
  used: number[];
}

export interface KeyResultOptions {
  decimalSeparator: '.' | ',';
  timeZone: string;
}

/**
 * The key results of a tab with numbered column groups (see key-result-columns.ts), read after each row's goal. Built
 * once per tab: a tab without groups makes none, so its rows cost nothing more.
 */
export class KeyResultReader {
  private readonly groups: GroupReader[];

  constructor(
    tab: string,
    header: HeaderRow,
    groups: readonly KeyResultGroup[],
    grid: Grid,
    options: KeyResultOptions,
  ) {
    // One scale for every group's Completion: a 1 beside a 40 in another group is 1%, as it would be in one column.
    const progress = groups.flatMap((g) => (g.columns.progress === undefined ? [] : [g.columns.progress]));
    const inPoints = progressInPoints(grid, header.row, progress);
    this.groups = groups.map((group) => ({
      group,
      reader: new RowReader(
        tab,
        { row: header.row, columns: group.columns, headers: header.headers, outline: [] },
        options.decimalSeparator,
        inPoints,
        options.timeZone,
      ),
      used: Object.values(group.columns) as number[],
    }));
  }

  /** Every column of every group, 0-based. */
  columns(): number[] {
    return this.groups.flatMap((g) => g.used);
  }

  /**
   * The key results on a goal's row, in group order, each added to `goals` as a child of `goal`: one per group with a
   * filled cell. Its ID is the group's ID cell, else keyResultId; it has the owner its group names (none: it counts
   * through its goal) and its goal's period unless its own Due date says another. Issues go to `issues`.
   */
  read(cells: readonly CellValue[], goal: Goal, firstIndex: number, goals: Goal[], issues: Issue[]): void {
    for (const { group, reader, used } of this.groups) {
      if (used.every((c) => isBlank(cells[c]))) continue;
      const { columns, number } = group;
      const idCell = columns.id === undefined ? '' : cellText(cells[columns.id]);
      const keyResult = reader.read(cells, goal.row, firstIndex + goals.length, {
        id: idCell !== '' ? idCell : keyResultId(goal.id, number),
        title: columns.goal === undefined ? untitledKeyResult(number) : undefined,
        parent: goal.id,
        ownerMayBeBlank: true,
      });
      for (const issue of reader.issues) issues.push(issue);
      reader.issues.length = 0;
      if (keyResult === null) continue;
      keyResult.synthesized = true;
      if (keyResult.period === '') keyResult.period = goal.period;
      goals.push(keyResult);
    }
  }
}
