// Reads every layout fixture (built from public documentation of real goal sheets) and checks the goals, links and skipped rows each must give.
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core/workbook';
import { layoutFixtures } from '../fixtures/layouts';
import type { LayoutFixture } from '../fixtures/layouts/types';

function analyze(fixture: LayoutFixture) {
  return analyzeWorkbook(
    fixture.tabs.map((t) => ({ name: t.name, grid: t.grid, merges: t.merges })),
    { decimalSeparator: fixture.decimalSeparator ?? '.' },
  );
}

describe.each(layoutFixtures.map((f) => [f.name, f] as const))('%s', (_, fixture) => {
  const analysis = analyze(fixture);
  const { goals, links, results } = analysis;

  it('reads every tab as goals, with no tab left unread', () => {
    const unread = analysis.issues.filter((i) => i.code === 'unread-tab' || i.code === 'no-goal-tabs');
    expect(unread).toEqual([]);
    expect(analysis.goalTabs).toEqual(fixture.tabs.map((t) => t.name));
  });

  it('reads exactly the expected goals, in sheet order', () => {
    expect(goals.map((g) => [g.tab, g.title])).toEqual(fixture.expect.goals.map((e) => [e.tab, e.title]));
  });

  it.each(fixture.expect.goals.map((e, i) => [`${e.tab}: ${e.title}`, e, i] as const))(
    '%s: row, parent, owner, ID, period, measured and final attainment',
    (_, expected, i) => {
      const goal = goals[i];
      if (goal === undefined) throw new Error('goal missing (see the list test)');
      if (expected.row !== undefined) expect(goal.row).toBe(expected.row);
      expect(goal.synthesized).toBe(expected.synthesized === true);
      const p = links.parentOf[i];
      const parent = p === -1 ? null : goals[p];
      expect(parent === null ? null : [parent.tab, parent.title]).toEqual(
        expected.parentTitle === null ? null : [expected.parentTab ?? expected.tab, expected.parentTitle],
      );
      if (expected.id !== undefined) expect(goal.id).toBe(expected.id);
      if (expected.owner !== undefined) expect(goal.owner).toBe(expected.owner);
      if (expected.period !== undefined) expect(goal.period).toBe(expected.period);
      if (expected.measured === null) expect(results.at(i).measured).toBeNull();
      else if (expected.measured !== undefined)
        expect(results.at(i).measured).toBeCloseTo(expected.measured, 9);
      if (expected.final === null) expect(results.at(i).final).toBeNull();
      else if (expected.final !== undefined) expect(results.at(i).final).toBeCloseTo(expected.final, 9);
    },
  );

  it('skips section and TOTAL rows with an info issue, and nothing else', () => {
    const skipped = analysis.issues
      .filter((i) => i.code === 'section-row' || i.code === 'total-row')
      .map((i) => ({ tab: i.tab, row: i.row, why: i.code === 'section-row' ? 'section' : 'total' }));
    expect(skipped).toEqual(fixture.expect.skippedRows ?? []);
    for (const issue of analysis.issues.filter((i) => i.code === 'section-row' || i.code === 'total-row')) {
      expect(issue.severity).toBe('info');
    }
  });

  it('raises the issues the layout makes certain', () => {
    const codes = new Set(analysis.issues.map((i) => i.code));
    for (const code of fixture.expect.issueCodes ?? []) expect(codes).toContain(code);
  });
});
