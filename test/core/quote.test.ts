// Pins how messages quote user text: whole when short, cut with its length when long, a few IDs of a long list.
import { describe, expect, it } from 'vitest';
import { CELL_LIMIT, count, fitCell, idList, quoted, shown } from '../../src/core/quote';

describe('count', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [9990, '9,990'],
    [1234567, '1,234,567'],
  ])('%d -> %s', (n, text) => expect(count(n)).toBe(text));
});

describe('shown and quoted', () => {
  const long = 'x'.repeat(50_000);
  it.each<[string, string, string]>([
    ['short text', 'TBD', 'TBD'],
    ['exactly 100 characters', 'y'.repeat(100), 'y'.repeat(100)],
    ['101 characters', 'y'.repeat(101), `${'y'.repeat(100)}… (101 characters)`],
    ['a full cell', long, `${'x'.repeat(100)}… (50,000 characters)`],
    [
      'an emoji on the cut is kept whole or left out',
      `${'y'.repeat(99)}😀tail`,
      `${'y'.repeat(99)}… (105 characters)`,
    ],
  ])('%s', (_name, text, expected) => {
    expect(shown(text)).toBe(expected);
  });

  it('quotes the text, not the note', () => {
    expect(quoted('TBD')).toBe('"TBD"');
    expect(quoted(long)).toBe(`"${'x'.repeat(100)}…" (50,000 characters)`);
  });
});

describe('idList', () => {
  it.each<[string[], string]>([
    [[], ''],
    [['A'], 'A'],
    [['A', 'B', 'C', 'D'], 'A › B › C › D'],
    [['A', 'B', 'C', 'D', 'E'], 'A › B › C … and 2 more'],
    [Array.from({ length: 10_000 }, (_, i) => `G${i}`), 'G0 › G1 › G2 … and 9,997 more'],
    [['z'.repeat(500), 'B'], `${'z'.repeat(100)}… (500 characters) › B`],
  ])('%j', (ids, expected) => expect(idList(ids)).toBe(expected));
});

describe('fitCell', () => {
  it.each<[string, number]>([
    ['', 0],
    ['a'.repeat(CELL_LIMIT), CELL_LIMIT],
  ])('keeps text that fits (%#)', (text, length) => expect(fitCell(text)).toHaveLength(length));

  it('cuts a longer text to the limit and says how long it was', () => {
    const fitted = fitCell('a'.repeat(CELL_LIMIT + 4));
    expect(fitted).toHaveLength(CELL_LIMIT);
    expect(fitted).toMatch(/^a+… \(cut to fit a cell: 50,004 characters\)$/);
  });
});
