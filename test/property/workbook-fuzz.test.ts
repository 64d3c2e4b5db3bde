// Fuzz of the whole analysis: junk in any cell of goal tabs and Settings never throws, and comes back as issues.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeIssue, placeName, SEVERITY } from '../../src/core/issues';
import type { CellValue } from '../../src/core/model';
import { parseDay } from '../../src/core/period';
import { type Analysis, analyzeWorkbook, type TabInput } from '../../src/core/workbook';
import { fuzzRuns, junkCell, OPTIONAL_HEADERS } from './junk';

/** IDs and parents from a small pool, so that junk rows still link, collide and loop. */
const ID_POOL = ['G-1', 'g-1', ' G-1 ', 'G-2', 'G-3', 'G-4', 'Ω', 'ω', '', 'G-5'];
const PLAUSIBLE = [
  0,
  1,
  -1,
  0.5,
  100,
  1200,
  '40-60',
  '60 - 40',
  'higher',
  'lower',
  'range',
  'binary',
  'done',
  'sum',
  'min',
  'own',
  'Outcome',
  'Activity',
  'Collaboration',
  'FY2026',
  'Q3 2026',
  'Ava',
  'clicks',
  '$',
  '%',
];

const cellFor = (header: string): fc.Arbitrary<CellValue> =>
  fc.oneof(
    { arbitrary: junkCell, weight: 2 },
    {
      arbitrary:
        header === 'ID' || header === 'Parent' ? fc.constantFrom(...ID_POOL) : fc.constantFrom(...PLAUSIBLE),
      weight: 3,
    },
  );

/** A header row: mostly a real one (ID, Goal and some other columns, any order), sometimes junk. */
const headerRow: fc.Arbitrary<CellValue[]> = fc.oneof(
  {
    arbitrary: fc
      .subarray(OPTIONAL_HEADERS)
      .chain((others) => fc.shuffledSubarray(['ID', 'Goal', ...others], { minLength: others.length + 2 })),
    weight: 5,
  },
  { arbitrary: fc.array(junkCell, { minLength: 1, maxLength: 8 }), weight: 1 },
);

const goalTab = (name: string): fc.Arbitrary<TabInput> =>
  fc
    .tuple(headerRow, fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 8 }))
    .chain(([header, blanksAbove, rowCount]) => {
      const width = header.length;
      const row = fc.tuple(...header.map((h) => cellFor(String(h))));
      return fc.array(row, { minLength: rowCount, maxLength: rowCount }).map((rows) => ({
        name,
        grid: [
          ...Array.from({ length: blanksAbove }, () => new Array<CellValue>(width).fill('')),
          header,
          ...rows,
        ],
      }));
    });

const SETTING_KEYS = [
  'Cap',
  'Floor',
  'Gap threshold',
  'Count unmeasured as zero',
  'Activity share',
  'Vanity words',
  'Goal tabs',
  'Default period',
  'Decimal separator',
  'Payout point',
  'Payout point',
];

const settingsTab: fc.Arbitrary<TabInput> = fc
  .array(
    fc.tuple(
      fc.oneof(
        { arbitrary: fc.constantFrom(...SETTING_KEYS), weight: 4 },
        { arbitrary: junkCell, weight: 1 },
      ),
      fc.oneof(junkCell, fc.constantFrom<CellValue>(',', 'yes', '120%', 0.8, 'Goals, CMO', 'FY2026')),
      junkCell,
    ),
    { maxLength: 8 },
  )
  .map((rows) => ({ name: ' SETTINGS ', grid: [['Setting', 'Value', 'Payout'], ...rows] }));

const workbook: fc.Arbitrary<TabInput[]> = fc
  .tuple(
    fc.array(goalTab('Goals'), { minLength: 1, maxLength: 3 }),
    fc.option(settingsTab, { freq: 3, nil: null }),
  )
  .map(([tabs, settings]) => {
    const named = tabs.map((t, i) => ({ ...t, name: ['Goals', 'CMO ✓', "Team's"][i] }));
    return settings === null ? named : [settings, ...named];
  });

const TODAY = fc.constantFrom(null, parseDay('2026-05-15'));

/** What every analysis must be, whatever it was given. */
function checkAnalysis(analysis: Analysis): void {
  expect(Array.isArray(analysis.issues)).toBe(true);
  for (const issue of analysis.issues) {
    expect(SEVERITY[issue.code], issue.code).toBe(issue.severity);
    expect(describeIssue(issue).length).toBeGreaterThan(0);
    expect(typeof placeName(issue)).toBe('string');
    expect(Number.isInteger(issue.row) && issue.row >= 0).toBe(true);
  }
  expect(analysis.results).toHaveLength(analysis.goals.length);
  [...analysis.results].forEach((r, i) => {
    expect(r.index).toBe(i);
    // Attainments are clamped, NaN stands for null inside the cascade, and nothing overflows: only finite numbers.
    for (const value of [r.measured, r.rolledUp, r.final, r.gap, r.elapsed]) {
      if (value !== null) expect(Number.isFinite(value), `goal ${analysis.goals[i].id}: ${value}`).toBe(true);
    }
    expect(r.final === null).toBe(r.status === 'not measured');
  });
  // Scores and payouts are finite too, even for weights and attainments near 1e308.
  for (const card of analysis.cards) {
    for (const value of [card.score, card.payout, card.weightTotal]) {
      if (value !== null) expect(Number.isFinite(value), `${card.owner}: ${value}`).toBe(true);
    }
  }
  // Every result serialises (paths stop at loops), as the sidebar and reports need.
  expect(() => JSON.stringify(analysis.results)).not.toThrow();
}

describe('junk in goal tabs and Settings', () => {
  it('never throws, and every problem comes back as a well-formed issue', () => {
    fc.assert(
      fc.property(workbook, TODAY, (tabs, today) => {
        checkAnalysis(analyzeWorkbook(tabs, { today }));
      }),
      { numRuns: fuzzRuns(400) },
    );
  });

  it('a tab of nothing but junk is reported, never thrown', () => {
    fc.assert(
      fc.property(fc.array(fc.array(junkCell, { minLength: 1, maxLength: 6 }), { maxLength: 8 }), (grid) => {
        const width = Math.max(1, ...grid.map((r) => r.length));
        const rectangular = grid.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill('')]);
        const analysis = analyzeWorkbook([{ name: 'Junk', grid: rectangular }]);
        checkAnalysis(analysis);
        if (analysis.goalTabs.length === 0)
          expect(analysis.issues.map((i) => i.code)).toContain('no-goal-tabs');
      }),
      { numRuns: fuzzRuns(200) },
    );
  });
});
