// Pins outline numbers: the depth each gives, and when an Order or Level column is read as them (decided per tab).
import { describe, expect, it } from 'vitest';
import { findHeader } from '../../src/core/header';
import type { CellValue, Grid } from '../../src/core/model';
import { outlineDepth, outlineNumberColumn } from '../../src/core/outline-numbers';

describe('outlineDepth', () => {
  it.each<[CellValue, number | null]>([
    ['1', 1],
    ['12', 1],
    [2, 1],
    ['1.1', 2],
    [1.1, 2],
    ['1.10', 2],
    ['1.2.1', 3],
    ['1.2.1.', 3],
    [' 3.4 ', 2],
    ['', null],
    ['L1', null],
    ['1..2', null],
    ['.1', null],
    ['1.a', null],
    ['-1.2', null],
    [true, null],
  ])('%j -> %j', (v, depth) => {
    expect(outlineDepth(v)).toBe(depth);
  });
});

describe('outlineNumberColumn', () => {
  const grid = (header: string, ...cells: CellValue[]): Grid => [
    [header, 'Goal', 'Target'],
    ...cells.map((c): CellValue[] => [c, 'g', 1]),
  ];
  const column = (g: Grid, map = new Map()) => {
    const header = findHeader(g, map);
    if (header === null) throw new Error('not a goal tab');
    return outlineNumberColumn(g, header, map);
  };

  it.each<[string, Grid, number | null]>([
    ['an Order column of outline numbers', grid('Order', '1', '1.1', '2'), 0],
    ['any case and spacing', grid(' ORDER ', '1', 1.1, ''), 0],
    ['an Order column of plain numbers is a sort order', grid('Order', 1, 2, 3), null],
    ['an Order column with one word in it', grid('Order', '1', '1.1', 'n/a'), null],
    ['a Level column of outline numbers', grid('Level', '1', '1.1', '1.1.1'), 0],
    ['a Level column of levels', grid('Level', 1, 2, 'L3'), null],
    ['a blank Order column', grid('Order', '', ''), null],
    ['another header', grid('Rank', '1', '1.1'), null],
  ])('%s', (_name, g, expected) => {
    expect(column(g)).toBe(expected);
  });

  it('leaves an Order column that Settings maps to alone', () => {
    expect(column(grid('Order', '1', '1.1'), new Map([['order', null]]))).toBeNull();
  });
});
