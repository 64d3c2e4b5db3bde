// The traps a finance reviewer falls into, each pinned to a warning or a visible value: issue 13.
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/model';
import { analyzeWorkbook, type TabInput } from '../../src/core/workbook';

const tab = (name: string, header: string[], ...rows: CellValue[][]): TabInput => ({ name, grid: [header, ...rows] });
const issuesOf = (tabs: TabInput[], code: string) => analyzeWorkbook(tabs).issues.filter((i) => i.code === code);

describe('an Owner cell naming several people', () => {
  const HEADER = ['ID', 'Goal', 'Owner', 'Type', 'Target', 'Actual', 'Weight'];
  it.each<[string, string, string[] | null]>([
    ['"Ann, Bob" beside Ann and Bob', 'Ann, Bob', ['Ann', 'Bob']],
    ['"Ann; Bob"', 'Ann; Bob', ['Ann', 'Bob']],
    ['"Smith, John" is one person', 'Smith, John', null],
  ])('%s', (_name, owner, names) => {
    const found = issuesOf(
      [
        tab(
          'Team',
          HEADER,
          ['A', 'Ann alone', 'Ann', 'Outcome', 10, 10, 1],
          ['B', 'Bob alone', 'Bob', 'Outcome', 10, 10, 1],
          ['S', 'Shared', owner, 'Outcome', 10, 10, 1],
        ),
      ],
      'several-owners',
    );
    if (names === null) expect(found).toEqual([]);
    else {
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ tab: 'Team', row: 4, col: 3, column: 'Owner', goalId: 'S', severity: 'warning', names });
    }
  });
});
