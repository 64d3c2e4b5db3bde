// Outputs stay small and linear on a 10,000-goal loop and a 10,000-deep chain: few IDs per message, paths
// abbreviated, every cell within Sheets' 50,000 characters, long input cells quoted short. Speed lives in npm run bench.
import { describe, expect, it } from 'vitest';
import { customFunctions } from '../../src/main';
import { columnsOf, longest, longTree, totalLength } from '../support/long-trees';

const N = 10_000;
/** Sheets' limit on the characters of one cell. */
const CELL_LIMIT = 50_000;

describe.each(['loop', 'chain'] as const)('a 10,000-goal %s', (shape) => {
  const table = longTree(shape, N);
  const { ids, parents, attainment } = columnsOf(table);

  it('MBO_CASCADE: every cell short, every path a few IDs', () => {
    const rows = customFunctions.MBO_CASCADE(table) as unknown[][];
    expect(rows).toHaveLength(N + 1);
    expect(longest(rows)).toBeLessThan(200);
    expect(totalLength(rows)).toBeLessThan(N * 150);
  });

  it('MBO_VALIDATE: every message quotes a few IDs at most', () => {
    const rows = customFunctions.MBO_VALIDATE(table) as unknown[][];
    expect(longest(rows)).toBeLessThan(300);
    expect(totalLength(rows)).toBeLessThan(N * 500);
    if (shape === 'loop') {
      const cycle = rows.find((r) => r[4] === 'cycle')!;
      expect(cycle[5]).toBe(
        'These goals form a loop of parents (G0 › G1 › G2 … and 9,997 more), so none of them can roll up: break the loop by changing one Parent.',
      );
    }
  });

  it('MBO_ROLLUP: a loop’s members each say so in a short message', () => {
    const rows = customFunctions.MBO_ROLLUP(ids, parents, attainment) as unknown[][];
    expect(longest(rows)).toBeLessThan(300);
    expect(totalLength(rows)).toBeLessThan(N * 300);
  });

  it('MBO_PATH: every path a few IDs, however deep', () => {
    const rows = customFunctions.MBO_PATH(ids, ids, parents) as unknown[][];
    expect(longest(rows)).toBeLessThan(200);
    if (shape === 'chain') {
      expect(rows[N - 1][0]).toBe('G0 › G1 › G2 › … 9,994 more › G9997 › G9998 › G9999');
      expect(rows[11][0]).toBe('G0 › G1 › G2 › G3 › G4 › G5 › G6 › G7 › G8 › G9 › G10 › G11');
      expect(rows[12][0]).toBe('G0 › G1 › G2 › … 7 more › G10 › G11 › G12');
    } else {
      // From the top of the loop as seen from the goal (the goal whose parent it is) down to the goal.
      expect(rows[0][0]).toBe('G9999 › G9998 › G9997 › … 9,994 more › G2 › G1 › G0');
    }
  });
});

describe('long input cells are quoted short, and say so', () => {
  const long = (c: string) => c.repeat(CELL_LIMIT);

  it.each<[string, () => unknown, RegExp]>([
    [
      'a junk actual in MBO_ATTAINMENT',
      () => customFunctions.MBO_ATTAINMENT(long('x'), 100),
      /^⚠ "x{50,120}…" \(50,000 characters\) is not a number/,
    ],
    [
      'an unknown id in MBO_PATH',
      () => customFunctions.MBO_PATH(long('q'), [['A']], [['']]),
      /^⚠ MBO_PATH: "q{50,120}…" \(50,000 characters\) is not among ids/,
    ],
    [
      'a long ID and parent in a path',
      () => customFunctions.MBO_PATH(long('b'), [[long('a')], [long('b')]], [[''], [long('a')]]),
      /^a{50,120}… \(50,000 characters\) › b{50,120}… \(50,000 characters\)$/,
    ],
  ])('%s', (_name, call, expected) => {
    const result = call() as string;
    expect(result).toMatch(expected);
    expect(result.length).toBeLessThan(500);
  });

  it('MBO_VALIDATE quotes a long unknown parent and a long junk number briefly', () => {
    const rows = customFunctions.MBO_VALIDATE([
      ['ID', 'Goal', 'Parent', 'Target', 'Actual'],
      ['A', 'First', long('p'), 10, long('9,')],
    ]) as unknown[][];
    expect(longest(rows.map((r) => r[5]))).toBeLessThan(400);
    expect(rows.map((r) => r[5]).join('\n')).toMatch(/\(50,000 characters\)/);
  });

  it('MBO_CASCADE echoes cells as they are up to the limit of a cell', () => {
    const rows = customFunctions.MBO_CASCADE([
      ['ID', 'Goal'],
      ['A', long('t')],
    ]) as unknown[][];
    expect(rows[1][1]).toBe(long('t'));
  });

  it('never returns a cell over the limit, even for an input over it (a formula can build one)', () => {
    const rows = customFunctions.MBO_CASCADE([
      ['ID', 'Goal'],
      ['A', `${long('t')}tail`],
    ]) as unknown[][];
    const cell = rows[1][1] as string;
    expect(cell.length).toBeLessThanOrEqual(CELL_LIMIT);
    expect(cell).toMatch(/^t+… \(cut to fit a cell: 50,004 characters\)$/);
  });
});
