// Trees at the extremes, in random row order: a 10,000-deep chain and a 100,000-wide star, through the core and the functions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/model';
import { analyzeWorkbook, type TabInput } from '../../src/core/workbook';
import { customFunctions } from '../../src/main';

const HEADER = ['ID', 'Goal', 'Parent', 'Target', 'Actual', 'Rollup'];
/** Every way of asking for the default roll-up. */
const AVERAGE_WORDS = ['', 'average', 'Average', 'avg', 'mean'];
const TARGET = 100;
const CAP = 1.5;

/** A small seeded generator: the rows are too many to shrink one by one, so fast-check draws a seed instead. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** Rows dealt at random over `tabCount` tabs, each with the header on top. */
function deal(rows: CellValue[][], tabCount: number, random: () => number): TabInput[] {
  const grids: CellValue[][][] = Array.from({ length: tabCount }, () => [HEADER.slice()]);
  for (const row of shuffle(rows, random)) grids[Math.floor(random() * tabCount)].push(row);
  return grids.map((grid, t) => ({ name: `Tab ${t + 1}`, grid }));
}

const attainmentOf = (actual: number): number => Math.min(CAP, actual / TARGET);

describe('a 10,000-deep chain', () => {
  const DEPTH = 10_000;

  it('rolls the leaf up to the top unchanged, in any row order, over several tabs', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 3 }),
        (seed, leafActual, tabCount) => {
          const random = seeded(seed);
          const rows: CellValue[][] = [];
          for (let i = 0; i < DEPTH; i++) {
            const word = AVERAGE_WORDS[Math.floor(random() * AVERAGE_WORDS.length)];
            rows.push([
              `C${i}`,
              `Level ${i}`,
              i === 0 ? '' : `c${i - 1}`,
              TARGET,
              i === DEPTH - 1 ? leafActual : '',
              word,
            ]);
          }
          const analysis = analyzeWorkbook(deal(rows, tabCount, random), { today: null });
          const expected = attainmentOf(leafActual);
          const top = analysis.links.indexByKey.get('c0')!;
          const leaf = analysis.links.indexByKey.get(`c${DEPTH - 1}`)!;
          expect(analysis.results.final(top)).toBe(expected);
          expect([...analysis.results].every((r) => r.final === expected)).toBe(true);
          expect(analysis.results.at(leaf).depth).toBe(DEPTH - 1);
          expect(analysis.results.at(leaf).path).toHaveLength(DEPTH);
          expect(analysis.issues.filter((i) => i.severity === 'error')).toEqual([]);
        },
      ),
      { numRuns: 3 },
    );
  });

  it('works through MBO_ROLLUP and MBO_PATH too', () => {
    const ids = Array.from({ length: DEPTH }, (_, i) => [`C${i}`]);
    const parents = Array.from({ length: DEPTH }, (_, i) => [i === 0 ? '' : `C${i - 1}`]);
    const attainment = Array.from({ length: DEPTH }, (_, i) => [i === DEPTH - 1 ? 0.7 : '']);
    const rolled = customFunctions.MBO_ROLLUP(ids, parents, attainment) as unknown[][];
    expect(rolled[0][0]).toBe(0.7);
    // The path names its ends and counts the middle: a whole 10,000-ID path would not fit in a cell.
    const path = customFunctions.MBO_PATH(`C${DEPTH - 1}`, ids, parents) as string;
    expect(path).toBe(`C0 › C1 › C2 › … 9,994 more › C${DEPTH - 3} › C${DEPTH - 2} › C${DEPTH - 1}`);
  });
});

describe('a 100,000-wide star', () => {
  const WIDTH = 100_000;

  it("rolls up to the mean of the children's attainment, unmeasured children left out", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 2 }), (seed, tabCount) => {
        const random = seeded(seed);
        const rows: CellValue[][] = [['S', 'Star', '', TARGET, '', '']];
        let sum = 0;
        let measured = 0;
        for (let i = 0; i < WIDTH; i++) {
          const unmeasured = random() < 0.1;
          const actual = Math.floor(random() * 200);
          if (!unmeasured) {
            sum += attainmentOf(actual);
            measured++;
          }
          rows.push([`P${i}`, `Point ${i}`, 's', TARGET, unmeasured ? '' : actual, '']);
        }
        const analysis = analyzeWorkbook(deal(rows, tabCount, random), { today: null });
        const star = analysis.results.at(analysis.links.indexByKey.get('s')!);
        expect(star.children).toHaveLength(WIDTH);
        expect(star.final).toBeCloseTo(sum / measured, 9);
        expect(analysis.issues.filter((i) => i.code === 'unmeasured')).toHaveLength(WIDTH - measured);
      }),
      { numRuns: 2 },
    );
  });
});
