// The typed-array text table behind ID and owner lookups: dense numbers in first-seen order, exact matches, growth.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextNumbers } from '../../src/core/texts';

describe('TextNumbers', () => {
  it.each([
    ['distinct texts get 0, 1, 2 in order', ['a', 'b', 'c'], [0, 1, 2]],
    ['a repeat gets its first number', ['a', 'b', 'a', 'b'], [0, 1, 0, 1]],
    ['matching is exact: case and spaces count', ['G1', 'g1', ' G1'], [0, 1, 2]],
    ['the empty text is a text', ['', 'x', ''], [0, 1, 0]],
    ['unicode and astral characters', ['é', 'e\u0301', '😀', '😀'], [0, 1, 2, 2]],
    // The two share their 32-bit FNV-1a hash: a stored hash that matches still needs the texts to.
    ['texts with the same hash stay apart', ['g2rnw', 'gjpba', 'gjpba', 'g2rnw'], [0, 1, 1, 0]],
  ])('%s', (_label, texts, numbers) => {
    const table = new TextNumbers();
    expect(texts.map((t) => table.add(t))).toEqual(numbers);
    expect(table.size).toBe(new Set(texts).size);
  });

  it('get finds added texts and answers -1 for others', () => {
    const table = new TextNumbers(2);
    table.add('CMO-1');
    expect(table.get('CMO-1')).toBe(0);
    expect(table.get('cmo-1')).toBe(-1);
    expect(table.get('')).toBe(-1);
    expect(table.get('gjpba')).toBe(-1);
    table.add('g2rnw');
    expect(table.get('gjpba')).toBe(-1);
  });

  it('keeps every number through many rounds of growth', () => {
    const table = new TextNumbers(1);
    const ids = Array.from({ length: 50_000 }, (_, i) => `G-${i}`);
    expect(ids.map((id) => table.add(id))).toEqual(ids.map((_, i) => i));
    expect(ids.every((id, i) => table.get(id) === i)).toBe(true);
    expect(table.texts).toEqual(ids);
  });

  it('agrees with a Map on any sequence of texts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 6 }), { maxLength: 300 }),
        fc.nat(64),
        (texts, expected) => {
          const table = new TextNumbers(expected);
          const map = new Map<string, number>();
          for (const t of texts) {
            if (!map.has(t)) map.set(t, map.size);
            expect(table.add(t)).toBe(map.get(t));
          }
          for (const t of [...texts, 'absent-text']) expect(table.get(t)).toBe(map.get(t) ?? -1);
        },
      ),
      { numRuns: 200 },
    );
  });
});
