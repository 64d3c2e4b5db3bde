// The roll-up methods table: every reader, message, dropdown and doc that names a method follows it.
import { describe, expect, it } from 'vitest';
import { cascade } from '../../src/core/cascade';
import { linkGoals } from '../../src/core/graph';
import { describeIssue, issueAt, NOWHERE } from '../../src/core/issues';
import { DEFAULT_SETTINGS, type Goal } from '../../src/core/model';
import {
  DEFAULT_ROLLUP,
  namesInWords,
  ROLLUP_METHODS,
  ROLLUP_NAMES,
  ROLLUP_SPELLINGS,
  type RollupMethod,
  rollupNamed,
} from '../../src/core/rollups';
import { readGoalTab } from '../../src/core/table';
import { customFunctions } from '../../src/main';
import { TEMPLATE_CHOICES } from '../../src/sheets/template';
import { rollupList } from '../../tools/docs';
import { makeGoal } from '../support/goals';

/** What MBO_ROLLUP offers: the methods that need no actuals. */
const OFFERED = ROLLUP_METHODS.filter((m) => !m.needsActuals).map((m) => m.name);
const EVERY_SPELLING = ROLLUP_SPELLINGS.flatMap(([name, words]) => words.map((word) => ({ name, word })));

describe('the table', () => {
  it('names each method once, its first spelling being its name, and no spelling twice', () => {
    expect(new Set(ROLLUP_NAMES).size).toBe(ROLLUP_NAMES.length);
    for (const m of ROLLUP_METHODS) expect(m.spellings[0]).toBe(m.name);
    const words = EVERY_SPELLING.map((s) => s.word);
    expect(new Set(words).size).toBe(words.length);
    expect(ROLLUP_NAMES).toContain(DEFAULT_ROLLUP);
  });

  it.each(EVERY_SPELLING)('$word names $name, in any case and spacing', ({ name, word }) => {
    expect(rollupNamed(word)).toBe(name);
    expect(rollupNamed(` ${word.toUpperCase()} `)).toBe(name);
  });

  it.each(['median', '', 'averages', 'sum of'])('"%s" names no method', (word) => {
    expect(rollupNamed(word)).toBeNull();
  });

  it.each([
    [[], ''],
    [['own'], 'own'],
    [['min', 'own'], 'min or own'],
    [['average', 'sum', 'min', 'own'], 'average, sum, min or own'],
  ])('%j in words: %s', (names, words) => {
    expect(namesInWords(names)).toBe(words);
  });
});

describe('a Rollup cell', () => {
  const read = (rollup: string): Goal => {
    const grid = [
      ['ID', 'Goal', 'Rollup'],
      ['A', 'Goal A', rollup],
    ];
    const tab = readGoalTab('Goals', grid, DEFAULT_SETTINGS, 0);
    return tab!.goals[0];
  };

  it.each(EVERY_SPELLING)(
    'reads $word as $name (the goal-tab reader agrees with the table)',
    ({ name, word }) => {
      expect(read(word).rollup).toBe(name);
    },
  );

  it('blank is the default method; the cascade rolls up by it', () => {
    expect(read('').rollup).toBeNull();
    expect(DEFAULT_ROLLUP).toBe('average');
  });

  it('an unknown word is bad-rollup, which lists every method from the table', () => {
    const message = describeIssue(issueAt(NOWHERE, { code: 'bad-rollup', text: 'median' }));
    expect(message).toBe(
      `Rollup "median" is not one of ${namesInWords(ROLLUP_NAMES)}: use one of those (blank means average).`,
    );
  });
});

describe('each method rolls up as its row says', () => {
  // A parent P (target 100, unit $) over children A (80% of 50, $ 40) and B (100% of 50, $ 50).
  const goals = (rollup: RollupMethod | null): Goal[] => [
    makeGoal({ index: 0, id: 'P', unit: '$', target: 100, rollup }),
    makeGoal({ index: 1, id: 'A', parent: 'P', unit: '$', target: 50, actual: 40 }),
    makeGoal({ index: 2, id: 'B', parent: 'P', unit: '$', target: 50, actual: 50 }),
  ];
  const rolledUp = (rollup: RollupMethod | null) => {
    const list = goals(rollup);
    return cascade(list, linkGoals(list), DEFAULT_SETTINGS, null, () => null).results.at(0).rolledUp;
  };

  const CASES: { method: RollupMethod; expected: number | null }[] = [
    { method: 'average', expected: 0.9 },
    { method: 'sum', expected: 0.9 },
    { method: 'min', expected: 0.8 },
    { method: 'own', expected: null },
  ];

  it.each(CASES)('$method: $expected', ({ method, expected }) => {
    if (expected === null) expect(rolledUp(method)).toBeNull();
    else expect(rolledUp(method)).toBeCloseTo(expected);
  });

  it('every method in the table has a case here, and blank rolls up as the default', () => {
    expect(CASES.map((c) => c.method).sort()).toEqual([...ROLLUP_NAMES].sort());
    expect(rolledUp(null)).toBe(rolledUp(DEFAULT_ROLLUP));
  });
});

describe('where methods are offered', () => {
  it('the template dropdown offers every method, in the table order', () => {
    expect(TEMPLATE_CHOICES.Rollup).toEqual(ROLLUP_NAMES);
  });

  const rollUp = (method: unknown) =>
    customFunctions.MBO_ROLLUP([['P'], ['A'], ['B']], [[''], ['P'], ['P']], [[''], [0.5], [1]], '', method);

  it.each(EVERY_SPELLING.filter(({ name }) => !ROLLUP_METHODS.find((m) => m.name === name)!.needsActuals))(
    'MBO_ROLLUP takes $word for $name',
    ({ name, word }) => {
      expect(rollUp(word)).toEqual(rollUp(name));
    },
  );

  it.each(EVERY_SPELLING.filter(({ name }) => ROLLUP_METHODS.find((m) => m.name === name)!.needsActuals))(
    'MBO_ROLLUP refuses $word ($name needs actuals) and says where to sum',
    ({ word }) => {
      expect(() => rollUp(word)).toThrow(
        `MBO_ROLLUP: method must be ${namesInWords(OFFERED)}, not "${word}". To sum actuals against a target, use MBO_CASCADE with Actual and Target columns.`,
      );
    },
  );

  it("the README's roll-up list is generated from the table", () => {
    const readme = rollupList();
    for (const m of ROLLUP_METHODS) expect(readme).toContain(`- \`${m.name}\``);
    expect(readme).toContain(`\`${DEFAULT_ROLLUP}\` (the default`);
    expect(readme).toContain("the children's actuals added up");
  });
});
