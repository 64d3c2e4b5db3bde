// The typed-array text table behind ID and owner lookups: dense numbers in first-seen order, exact matches, growth.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameIgnoringCase, TextNumbers } from '../../src/core/texts';

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

  it.each([
    ['ASCII letters match in any case', ['Rev-1', 'REV-1', 'rev-1'], [0, 0, 0]],
    ['digits and punctuation are not letters', ['A-1', 'a_1', 'a-1'], [0, 1, 0]],
    ['accented letters fold as toLowerCase folds them', ['ÉTÉ', 'été', 'Été'], [0, 0, 0]],
    ['the Kelvin sign lower-cases to k', ['\u212A1', 'k1', 'K1'], [0, 0, 0]],
    ['a dotted capital I lower-cases to two characters', ['\u0130D', 'i\u0307d', 'id'], [0, 0, 1]],
    ['final sigma follows toLowerCase', ['ΟΔΟΣ', 'οδος', 'οδοσ'], [0, 0, 1]],
    ['the first spelling is the one kept', ['Ab', 'AB', 'ab'], [0, 0, 0]],
  ])('caseless: %s', (_label, texts, numbers) => {
    const table = new TextNumbers(4, true);
    expect(texts.map((t) => table.add(t))).toEqual(numbers);
    expect(table.texts[0]).toBe(texts[0]);
  });

  it('caseless matching agrees with a Map keyed by toLowerCase, on any text', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 5 }),
      fc.string({
        unit: fc.constantFrom(
          'a',
          'A',
          'z',
          'Z',
          '@',
          '[',
          'İ',
          'i',
          '\u0307',
          'Σ',
          'σ',
          'ς',
          'K',
          '\u212A',
          'ß',
        ),
        maxLength: 4,
      }),
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 200 }), (texts) => {
        const table = new TextNumbers(2, true);
        const map = new Map<string, number>();
        for (const t of texts) {
          const key = t.toLowerCase();
          if (!map.has(key)) map.set(key, map.size);
          expect(table.add(t)).toBe(map.get(key));
        }
        for (const t of [...texts, 'absent-text']) expect(table.get(t)).toBe(map.get(t.toLowerCase()) ?? -1);
        for (const a of texts.slice(0, 20)) {
          for (const b of texts.slice(0, 20))
            expect(sameIgnoringCase(a, b)).toBe(a.toLowerCase() === b.toLowerCase());
        }
      }),
      { numRuns: 300 },
    );
  });
});
