// The bench's roll-up workbooks: trees of the asked depth, and the native formulas laid out as the engines get them.
import { describe, expect, it } from 'vitest';
import {
  averageIfStep,
  cascadeRows,
  levelsBelowTop,
  nativeSheet,
  oneLevelRows,
  resultColumn,
  sumIfCountIfsFormula,
} from '../../bench/rollup-workbooks';

describe('cascadeRows', () => {
  it.each([
    { goals: 200, depth: 6 },
    { goals: 1_000, depth: 6 },
    { goals: 10_000, depth: 6 },
    { goals: 1_000, depth: 3 },
    { goals: 500, depth: 2 },
  ])('$goals goals make a tree exactly $depth levels deep, every parent a goal', ({ goals, depth }) => {
    const rows = cascadeRows(goals, depth);
    expect(rows).toHaveLength(goals);
    expect(levelsBelowTop(rows) + 1).toBe(depth);
    const ids = new Set(rows.map((r) => r.id));
    expect(ids.size).toBe(goals);
    expect(rows.filter((r) => r.parent !== '' && !ids.has(r.parent))).toEqual([]);
    const tops = rows.filter((r) => r.parent === '').length;
    expect(tops).toBeGreaterThanOrEqual(1);
    expect(tops).toBeLessThanOrEqual(10);
    const measured = rows.flatMap((r) => (r.attainment === null ? [] : [r.attainment]));
    expect(Math.min(...measured)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...measured)).toBeLessThanOrEqual(1.5);
  });

  it('measures most leaves and a few goals above them', () => {
    const rows = cascadeRows(10_000, 6);
    const parents = new Set(rows.map((r) => r.parent));
    const share = (list: typeof rows): number =>
      list.filter((r) => r.attainment !== null).length / list.length;
    expect(share(rows.filter((r) => !parents.has(r.id)))).toBeCloseTo(5 / 6, 1);
    expect(share(rows.filter((r) => parents.has(r.id)))).toBeCloseTo(0.1, 1);
  });
});

describe('oneLevelRows', () => {
  it.each([1_000, 10_000])('%i goals are parents and their children, one level deep', (goals) => {
    const rows = oneLevelRows(goals);
    expect(rows).toHaveLength(goals);
    expect(levelsBelowTop(rows)).toBe(1);
  });
});

describe('native formulas', () => {
  it.each([
    {
      formula: averageIfStep(7, 101, 'C'),
      text: '=IF(ISNUMBER(C7),C7,IFERROR(AVERAGEIF($B$2:$B$101,A7,$C$2:$C$101),""))',
    },
    {
      formula: averageIfStep(2, 11, 'E'),
      text: '=IF(ISNUMBER(C2),C2,IFERROR(AVERAGEIF($B$2:$B$11,A2,$E$2:$E$11),""))',
    },
    {
      formula: sumIfCountIfsFormula(3, 5),
      text: '=IF(ISNUMBER(C3),C3,IFERROR(SUMIF($B$2:$B$5,A3,$C$2:$C$5)/COUNTIFS($B$2:$B$5,A3,$C$2:$C$5,"<>"),""))',
    },
  ])('$text', ({ formula, text }) => {
    expect(formula).toBe(text);
  });

  it.each([
    {
      levels: 1,
      formula: 'averageif' as const,
      header: ['ID', 'Parent', 'Attainment', 'Roll-up'],
      result: 'D',
      first: averageIfStep(2, 3, 'C'),
    },
    {
      levels: 1,
      formula: 'sumif-countifs' as const,
      header: ['ID', 'Parent', 'Attainment', 'Roll-up'],
      result: 'D',
      first: sumIfCountIfsFormula(2, 3),
    },
    {
      levels: 3,
      formula: 'averageif' as const,
      header: ['ID', 'Parent', 'Attainment', 'Level 1', 'Level 2', 'Roll-up'],
      result: 'F',
      first: averageIfStep(2, 3, 'C'),
    },
  ])(
    '$levels level(s) of $formula: one column per level, each averaging the one before',
    ({ levels, formula, header, result, first }) => {
      const sheet = nativeSheet(
        [
          { id: 'A', parent: '', attainment: null },
          { id: 'B', parent: 'A', attainment: 0.5 },
        ],
        levels,
        formula,
      );
      expect(sheet[0]).toEqual(header);
      expect(sheet[1].slice(0, 4)).toEqual(['A', null, null, first]);
      expect(sheet[2].slice(0, 3)).toEqual(['B', 'A', 0.5]);
      expect(resultColumn(levels)).toBe(result);
      if (levels > 1) expect(sheet[2][4]).toBe(averageIfStep(3, 3, 'D'));
    },
  );
});
