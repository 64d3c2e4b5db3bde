// Pins when an ID column counts as none: blank on every row below the header, and only then.
import { describe, expect, it } from 'vitest';
import { findHeader } from '../../src/core/header';
import { withoutBlankIdColumn } from '../../src/core/id-column';
import type { CellValue, Grid } from '../../src/core/model';

describe('withoutBlankIdColumn', () => {
  it.each<[string, CellValue[], number | undefined]>([
    ['every cell blank', ['', '', ''], undefined],
    ['blanks, spaces and nulls', ['', '  ', null], undefined],
    ['one ID among blanks', ['', 'G-2', ''], 1],
    ['every cell filled', ['G-1', 'G-2', 'G-3'], 1],
    ['an ID of 0', [0, '', ''], 1],
  ])('%s', (_name, ids, expected) => {
    const grid: Grid = [['Goal', 'Goal ID', 'Target'], ...ids.map((id, k): CellValue[] => [`g${k}`, id, 1])];
    const header = findHeader(grid);
    if (header === null) throw new Error('not a goal tab');
    expect(withoutBlankIdColumn(grid, header).columns.id).toBe(expected);
  });

  it('keeps every other column', () => {
    const grid: Grid = [
      ['Goal', 'Goal ID', 'Target'],
      ['g', '', 1],
    ];
    const header = findHeader(grid);
    if (header === null) throw new Error('not a goal tab');
    expect(withoutBlankIdColumn(grid, header).columns).toEqual({ goal: 0, target: 2 });
  });
});
