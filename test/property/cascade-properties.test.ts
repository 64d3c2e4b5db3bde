// Properties of the whole analysis over generated goal workbooks: row order, scale invariance, 100% everywhere, cycles.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDay } from '../../src/core/period';
import { analyzeWorkbook } from '../../src/core/workbook';
import { customFunctions } from '../../src/main';
import {
  cardKey,
  descendantsOf,
  differences,
  type GoalSpec,
  type Outcome,
  outcomeOf,
  placedWorkbook,
  render,
  type Workbook,
  withoutGoals,
  workbookArb,
  workbookWithTwoPlacements,
} from './goal-workbook';

/** Status is judged either against full targets or mid-way through 2026 (some periods over, some not begun). */
const TODAY = fc.constantFrom(null, parseDay('2026-05-15'), parseDay('2026-08-01'));

/** Positive factors, from tiny to large, including ones that make every integer a fraction. */
const FACTOR = fc.oneof(
  fc.constantFrom(0.01, 1 / 3, 0.5, 2, 7, 100, 1000),
  fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
);

const withoutCodes = (outcome: Outcome, codes: readonly string[]): Outcome => ({
  ...outcome,
  issues: outcome.issues.filter((line) => !codes.includes(line.slice(0, line.indexOf(' ')))),
});

describe('row order', () => {
  it('never changes results: rows shuffled within and across tabs, tabs reordered', () => {
    fc.assert(
      fc.property(
        workbookWithTwoPlacements(),
        fc.nat(),
        TODAY,
        ({ workbook, first, second }, rotate, today) => {
          const before = outcomeOf(analyzeWorkbook(render(workbook, first), { today }));
          const tabs = render(workbook, second);
          const k = rotate % tabs.length;
          const after = outcomeOf(analyzeWorkbook([...tabs.slice(k), ...tabs.slice(0, k)], { today }));
          expect(differences(before, after)).toEqual([]);
        },
      ),
      { numRuns: 250 },
    );
  });
});

describe('scale invariance', () => {
  it('scaling every weight by a positive constant changes no attainment, score or payout', () => {
    fc.assert(
      fc.property(placedWorkbook(), FACTOR, TODAY, ({ workbook, placement }, factor, today) => {
        const scaled: Workbook = {
          ...workbook,
          goals: workbook.goals.map((g) => ({ ...g, weight: g.weight === null ? null : g.weight * factor })),
        };
        const before = outcomeOf(analyzeWorkbook(render(workbook, placement), { today }));
        const after = outcomeOf(analyzeWorkbook(render(scaled, placement), { today }));
        // Whether weights add up to 100% is the one thing scaling them is allowed to change.
        const ignored = ['weights-not-100'];
        expect(differences(withoutCodes(before, ignored), withoutCodes(after, ignored))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('scaling every contribution (all explicit) by a positive constant changes nothing', () => {
    fc.assert(
      fc.property(
        placedWorkbook({ explicitContributions: true }),
        FACTOR,
        TODAY,
        ({ workbook, placement }, factor, today) => {
          const scaled: Workbook = {
            ...workbook,
            goals: workbook.goals.map((g) => ({ ...g, contribution: g.contribution! * factor })),
          };
          const before = outcomeOf(analyzeWorkbook(render(workbook, placement), { today }));
          const after = outcomeOf(analyzeWorkbook(render(scaled, placement), { today }));
          expect(differences(before, after)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

/**
 * The same workbook with every leaf exactly on target (direction higher), inner goals either on target too
 * or unmeasured, average/min roll-ups only, positive contributions, no caps or floors, weights of at least 1.
 */
function allOnTarget(workbook: Workbook): Workbook {
  const parents = new Set(workbook.goals.flatMap((g) => (g.parent === null ? [] : [g.parent])));
  const goals = workbook.goals.map((g, i): GoalSpec => {
    const target = g.target ?? 100;
    const measured = !parents.has(i) || g.actual !== null;
    return {
      ...g,
      direction: 'higher',
      baseline: g.baseline === target ? null : g.baseline,
      target,
      targetMax: null,
      actual: measured ? target : null,
      rollup: g.rollup === 'sum' || g.rollup === 'own' ? '' : g.rollup,
      contribution: g.contribution === null ? null : Math.max(0.01, g.contribution),
      cap: null,
      floor: null,
      weight: g.weight === null ? null : Math.max(1, g.weight),
    };
  });
  return { ...workbook, goals };
}

describe('every leaf at 100%', () => {
  it('gives exactly 100% everywhere with average and min roll-ups, on track, scores and payouts of 100%', () => {
    fc.assert(
      fc.property(placedWorkbook(), TODAY, ({ workbook, placement }, today) => {
        const analysis = analyzeWorkbook(render(allOnTarget(workbook), placement), { today });
        expect(analysis.goals).toHaveLength(workbook.goals.length);
        for (const r of analysis.results) {
          expect(r.final, analysis.goals[r.index].id).toBe(1);
          expect(r.status).toBe('on track');
          expect(r.gap).toBeNull();
        }
        for (const card of analysis.cards) {
          expect(card.score, card.owner).toBe(1);
          expect(card.payout, card.owner).toBe(1);
        }
        const blocking = analysis.issues.filter((i) => i.severity === 'error' || i.code === 'alignment-gap');
        expect(blocking).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('a cycle', () => {
  /** A workbook, its placement, and 1-5 of its goals turned into a loop of parents (one goal = a self-link). */
  const withCycle = placedWorkbook({ minGoals: 2 }).chain(({ workbook, placement }) =>
    fc
      .uniqueArray(fc.nat({ max: workbook.goals.length - 1 }), {
        minLength: 1,
        maxLength: Math.min(5, workbook.goals.length),
      })
      .map((members) => {
        const goals = workbook.goals.slice();
        members.forEach((m, j) => {
          const next = members[(j + 1) % members.length];
          goals[m] = { ...goals[m], parent: next, parentText: goals[next].id.toLowerCase() };
        });
        return { workbook: { ...workbook, goals }, placement, members: new Set(members) };
      }),
  );

  const CARD_ISSUES = new Set(['missing-weight', 'several-owners']);

  it('never blocks goals outside it: they get what they get with the loop deleted', () => {
    fc.assert(
      fc.property(withCycle, TODAY, ({ workbook, placement, members }, today) => {
        const looped = analyzeWorkbook(render(workbook, placement), { today });
        const rest = withoutGoals(workbook, placement, members);
        const deleted = analyzeWorkbook(render(rest.workbook, rest.placement), { today });

        const memberKeys = new Set([...members].map((i) => workbook.goals[i].id.toLowerCase()));
        const below = descendantsOf(workbook.goals, members);
        const outside = new Set(
          workbook.goals.map((g) => g.id.toLowerCase()).filter((_, i) => !members.has(i) && !below.has(i)),
        );
        // Scorecards holding a loop member lose that goal when it is deleted: compare only the others.
        const touched = new Set(
          looped.goals
            .filter((g) => memberKeys.has(g.id.toLowerCase()) && g.owner !== '')
            .map((g) => cardKey(g.owner, g.period || looped.settings.defaultPeriod)),
        );
        // Issues judged against a goal's whole scorecard (a blank weight beside weighted goals, an owner naming
        // people who own goals elsewhere) change when a loop member leaves that card: compare only the others.
        const cardOf = new Map(
          looped.goals.map((g) => [
            g.id.toLowerCase(),
            cardKey(g.owner, g.period || looped.settings.defaultPeriod),
          ]),
        );
        const onTouchedCard = (line: string): boolean => {
          const space = line.indexOf(' ');
          return (
            CARD_ISSUES.has(line.slice(0, space)) && touched.has(cardOf.get(line.slice(space + 1)) ?? '')
          );
        };
        const untouched = (o: ReturnType<typeof outcomeOf>) => ({
          ...o,
          issues: o.issues.filter((l) => !onTouchedCard(l)),
        });
        const diff = differences(untouched(outcomeOf(looped)), untouched(outcomeOf(deleted)), {
          goals: (key) => outside.has(key),
          cards: (key) => !touched.has(key),
        });
        expect(diff).toEqual([]);

        // The loop itself is reported on every member, and none of them rolls up.
        const code = members.size === 1 ? 'self-parent' : 'cycle';
        for (const key of memberKeys) {
          const index = looped.links.indexByKey.get(key)!;
          expect(
            looped.issues.some((i) => i.code === code && i.goalId.toLowerCase() === key),
            key,
          ).toBe(true);
          if (members.size > 1) {
            expect(looped.results.at(index).onCycle).toBe(true);
            expect(looped.results.at(index).rolledUp).toBeNull();
          }
        }
        // Paths stop at the loop, so every result serialises, and the cascade table lists every goal once.
        expect(() => JSON.stringify(looped.results)).not.toThrow();
        const table = customFunctions.MBO_CASCADE(
          ...render(workbook, placement).map((t) => t.grid),
        ) as unknown[][];
        expect(table).toHaveLength(workbook.goals.length + 1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the generator', () => {
  it('makes valid forests: no link errors, every goal read', () => {
    fc.assert(
      fc.property(placedWorkbook(), ({ workbook, placement }) => {
        const analysis = analyzeWorkbook(render(workbook, placement));
        expect(analysis.goals).toHaveLength(workbook.goals.length);
        const linkCodes = [
          'duplicate-id',
          'unknown-parent',
          'self-parent',
          'cycle',
          'missing-id',
          'not-a-number',
        ];
        expect(analysis.issues.filter((i) => linkCodes.includes(i.code))).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('varies what matters', () => {
    // Guards against a generator that silently stopped producing deep trees, roll-up methods or many tabs.
    const sample = fc.sample(workbookArb(), { numRuns: 200, seed: 1 });
    const depthOf = (goals: readonly GoalSpec[], i: number): number => {
      let depth = 0;
      for (let at = goals[i].parent; at !== null; at = goals[at].parent) depth++;
      return depth;
    };
    const deepest = Math.max(...sample.flatMap((w) => w.goals.map((_, i) => depthOf(w.goals, i))));
    expect(deepest).toBeGreaterThan(4);
    const rollups = new Set(sample.flatMap((w) => w.goals.map((g) => g.rollup)));
    expect([...rollups].sort()).toEqual(['', 'average', 'min', 'own', 'sum']);
    expect(sample.some((w) => w.tabs.length === 4)).toBe(true);
  });
});
