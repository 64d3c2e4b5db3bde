// A1 blocks as merges come back from Sheets and .xlsx files.
import { describe, expect, it } from 'vitest';
import { columnNumber, parseA1Block } from '../../src/core/a1';

describe('columnNumber', () => {
  it.each<[string, number]>([
    ['A', 1],
    ['z', 26],
    ['AA', 27],
    ['AZ', 52],
    ['ZZZ', 18278],
  ])('%s is %i', (letters, n) => {
    expect(columnNumber(letters)).toBe(n);
  });
});

describe('parseA1Block', () => {
  it.each<[string, ReturnType<typeof parseA1Block>]>([
    ['B2:B5', { row: 2, col: 2, rows: 4, cols: 1 }],
    ['C7', { row: 7, col: 3, rows: 1, cols: 1 }],
    ['$A$1:$C$2', { row: 1, col: 1, rows: 2, cols: 3 }],
    ["'My tab'!A10:B12", { row: 10, col: 1, rows: 3, cols: 2 }],
    ['B5:A2', { row: 2, col: 1, rows: 4, cols: 2 }],
    ['A:A', null],
    ['', null],
    ['R1C1', null],
  ])('%s', (a1, block) => {
    expect(parseA1Block(a1)).toEqual(block);
  });
});
