// Parent cells listing several parents with shares: which lists make a shared goal, and how shares are normalised.
import { describe, expect, it } from 'vitest';
import { normalizedShares, parentParts } from '../../src/core/parents';

describe('parentParts', () => {
  it.each<[string, string, ReturnType<typeof parentParts>]>([
    ['one parent', 'CMO-1', null],
    ['plain commas are ambiguous (a title may hold one)', 'CMO-1, CMO-2', null],
    [
      'semicolons',
      'CMO-1; CMO-2',
      [
        { text: 'CMO-1', share: null },
        { text: 'CMO-2', share: null },
      ],
    ],
    [
      'semicolons with shares',
      'CMO-1 60%; CMO-2 40%',
      [
        { text: 'CMO-1', share: 0.6 },
        { text: 'CMO-2', share: 0.4 },
      ],
    ],
    [
      'line breaks, one share',
      'CMO-1 25%\nCMO-2',
      [
        { text: 'CMO-1', share: 0.25 },
        { text: 'CMO-2', share: null },
      ],
    ],
    [
      'commas where a share is written',
      'CMO-1 60%, CMO-2 40%',
      [
        { text: 'CMO-1', share: 0.6 },
        { text: 'CMO-2', share: 0.4 },
      ],
    ],
    [
      'a share in brackets or after a colon',
      'CMO-1 (70%); CMO-2: 30%',
      [
        { text: 'CMO-1', share: 0.7 },
        { text: 'CMO-2', share: 0.3 },
      ],
    ],
    [
      'decimal shares',
      'A 33.5%; B 66.5%',
      [
        { text: 'A', share: 0.335 },
        { text: 'B', share: 0.665 },
      ],
    ],
    [
      'blank parts dropped',
      ' ; CMO-1 ;; CMO-2 ; ',
      [
        { text: 'CMO-1', share: null },
        { text: 'CMO-2', share: null },
      ],
    ],
    ['a list of one is not a list', 'CMO-1 60%;', null],
    [
      'a number without % is part of the name',
      'Team 7; Team 8',
      [
        { text: 'Team 7', share: null },
        { text: 'Team 8', share: null },
      ],
    ],
  ])('%s: %j', (_name, text, expected) => {
    expect(parentParts(text)).toEqual(expected);
  });

  it('stays linear on a long run of spaces and digits', () => {
    const text = `A${' '.repeat(50_000)}1${' 1'.repeat(50_000)}; B`;
    expect(parentParts(text)?.length).toBe(2);
  });
});

describe('normalizedShares', () => {
  it.each<[string, (number | null)[], number[], number | null]>([
    ['no shares written: equal', [null, null], [0.5, 0.5], null],
    ['shares adding up to 100%', [0.6, 0.4], [0.6, 0.4], 1],
    ['a blank takes what the written ones leave', [0.25, null, null], [0.25, 0.375, 0.375], 0.25],
    ['shares over 100% are scaled down', [0.6, 0.6], [0.5, 0.5], 1.2],
    ['shares under 100% are scaled up', [0.3, 0.1], [0.75, 0.25], 0.4],
    ['blanks beside shares using it all get nothing', [1, null], [1, 0], 1],
    ['a negative share counts 0', [-0.5, 0.5], [0, 1], 0.5],
    ['all zero: equal', [0, 0], [0.5, 0.5], 0],
  ])('%s', (_name, written, shares, total) => {
    const got = normalizedShares(written);
    for (const [k, s] of got.shares.entries()) expect(s).toBeCloseTo(shares[k], 12);
    expect(got.total === null ? null : Number(got.total.toFixed(12))).toBe(total);
  });
});
