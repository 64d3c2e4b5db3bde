// The issue catalogue: every code has a severity and a readable message with what to fix; places read as A1 names.
import { describe, expect, it } from 'vitest';
import {
  columnLetter,
  describeIssue,
  type IssueCode,
  type IssueDetail,
  issueAt,
  NOWHERE,
  placeName,
  SEVERITY,
} from '../../src/core/issues';

/** One example of every code; the type makes a missing code a compile error. */
const EXAMPLES: { [C in IssueCode]: Extract<IssueDetail, { code: C }> } = {
  'no-goal-tabs': { code: 'no-goal-tabs' },
  'settings-tab-missing': { code: 'settings-tab-missing', tabName: 'Field' },
  'bad-setting': { code: 'bad-setting', key: 'Cap', text: 'lots' },
  'missing-id': { code: 'missing-id' },
  'missing-goal': { code: 'missing-goal' },
  'duplicate-id': { code: 'duplicate-id', otherTab: 'CMO', otherRow: 4 },
  'not-a-number': { code: 'not-a-number', text: 'about 15k' },
  'bad-direction': { code: 'bad-direction', text: 'sideways' },
  'bad-type': { code: 'bad-type', text: 'Stretch' },
  'bad-rollup': { code: 'bad-rollup', text: 'median' },
  'bad-period': { code: 'bad-period', text: 'someday' },
  'bad-range': { code: 'bad-range', text: '60-40' },
  'missing-target': { code: 'missing-target' },
  'zero-span': { code: 'zero-span' },
  'negative-weight': { code: 'negative-weight' },
  'missing-owner': { code: 'missing-owner' },
  'unknown-parent': { code: 'unknown-parent', parent: 'CMO-9' },
  'self-parent': { code: 'self-parent' },
  cycle: { code: 'cycle', cycle: ['A', 'B', 'A'] },
  'sum-unit-mismatch': { code: 'sum-unit-mismatch', childId: 'DG-7', childUnit: 'count', unit: '$' },
  'sum-needs-target': { code: 'sum-needs-target' },
  'alignment-gap': { code: 'alignment-gap', measured: 0.65, rolledUp: 0.86 },
  unmeasured: { code: 'unmeasured' },
  'weights-not-100': { code: 'weights-not-100', owner: 'Dana', period: 'FY2026', total: 0.9 },
  'gate-missed': { code: 'gate-missed', owner: 'Dana', period: '', attainment: 0.5, gate: 0.8 },
  'no-collaboration-goal': { code: 'no-collaboration-goal', owner: 'Dana', period: 'FY2026' },
  'top-level-not-outcome': { code: 'top-level-not-outcome' },
  'activity-not-under-outcome': { code: 'activity-not-under-outcome', partly: false },
  'activity-heavy': { code: 'activity-heavy', owner: 'Jin', period: 'FY2026', share: 0.6, limit: 0.5 },
  'vanity-metric': { code: 'vanity-metric', word: 'MQLs', asOutcome: true },
  'unread-tab': {
    code: 'unread-tab',
    headers: ['ID', 'Owner', 'Target', 'Actual', 'Weight', 'Period'],
    missing: 'goal',
  },
  'section-row': { code: 'section-row', text: 'Brand outcomes' },
  'total-row': { code: 'total-row', text: 'TOTAL' },
  'implausible-value': { code: 'implausible-value', text: '1200000', why: 'scale' },
  'ambiguous-parent': { code: 'ambiguous-parent', parent: 'Grow revenue', count: 2 },
  'several-parents': { code: 'several-parents', parent: 'CMO-1, CMO-2', used: 'CMO-1' },
  'bad-confidence': { code: 'bad-confidence', text: '12' },
  'history-no-header': { code: 'history-no-header' },
  'bad-check-in-date': { code: 'bad-check-in-date', text: 'last Friday' },
  'bad-check-in-status': { code: 'bad-check-in-status', text: 'fine' },
  'duplicate-check-in': { code: 'duplicate-check-in', day: '2026-03-31', otherRow: 12 },
  'orphan-history': { code: 'orphan-history', checkIns: 3 },
  'confidence-falling': { code: 'confidence-falling', values: [8, 6, 4] },
  'history-large': { code: 'history-large', checkIns: 300_000, cells: 2_400_000 },
  'legacy-check-in-tab': { code: 'legacy-check-in-tab', renameTo: 'Check-ins' },
  // Finance sign-off (issue 13)
  'several-owners': { code: 'several-owners', owner: 'Ann, Bob', period: 'FY2026', names: ['Ann', 'Bob'] },
  'period-mismatch': {
    code: 'period-mismatch',
    parentId: 'CMO-1',
    period: 'FY2025',
    parentPeriod: 'FY2026',
    leftOut: true,
  },
  'missing-weight': { code: 'missing-weight', owner: 'Dana', period: 'FY2026' },
  'floor-ignored': { code: 'floor-ignored', direction: 'binary' },
  'no-measured-return': { code: 'no-measured-return', spend: 125_000, why: 'not-money' },
  'roster-no-owner': { code: 'roster-no-owner' },
  'bad-date': { code: 'bad-date', text: 'soon', why: 'unreadable' },
  'missing-currency': { code: 'missing-currency', person: 'Ann' },
  'roster-duplicate': { code: 'roster-duplicate', person: 'Ann', otherRow: 3 },
  'not-on-roster': { code: 'not-on-roster', person: 'Ann' },
  'manager-loop': { code: 'manager-loop', chain: ['Ann', 'Bob', 'Ann'] },
  'frozen-period-changed': {
    code: 'frozen-period-changed',
    period: 'FY2026',
    person: 'Ann',
    frozenAt: '2026-12-31T17:00:00.000Z',
    frozenBy: 'cfo@example.com',
    was: 1,
    now: null,
    timeZone: 'Europe/Berlin',
  },
  // Shared goals by several parents (issue 13)
  'parent-shares': { code: 'parent-shares', parent: 'CMO-1 60%; CMO-2 60%', total: 1.2 },
  'foreign-type-column': { code: 'foreign-type-column', header: 'Goal Type', examples: ['Dollar', 'Binary'] },
};

/** What each message tells the user to do, after the colon that ends what is wrong. */
const FIXES: { [C in IssueCode]: RegExp } = {
  'no-goal-tabs': /or map its headers in the sidebar's Columns panel/,
  'settings-tab-missing': /correct the name under Goal tabs in Settings, or remove it/,
  'bad-setting': /correct the value .* or clear it/,
  'missing-id': /give it an ID that is unique in the workbook/,
  'missing-goal': /say what the goal is/,
  'duplicate-id': /give one of the two goals another ID/,
  'not-a-number': /type a number such as 1200/,
  'bad-direction': /use one of those \(blank means higher\)/,
  'bad-type': /use one of those/,
  'bad-rollup': /use one of those \(blank means average\)/,
  'bad-period': /write it like FY2026/,
  'bad-range': /write it like 40-60, or fill the Min and Max columns/,
  'missing-target': /add the Target/,
  'zero-span': /change the Target or the Baseline/,
  'negative-weight': /give the goal's share of its owner's scorecard/,
  'missing-owner': /add the person measured on it/,
  'unknown-parent': /correct the ID, or leave Parent blank/,
  'self-parent': /choose the goal it contributes to/,
  cycle: /break the loop by changing one Parent/,
  'sum-unit-mismatch': /give them one Unit, or choose another Rollup/,
  'sum-needs-target': /add the Target/,
  'alignment-gap': /this goal measures .* check that the team's goals drive it/,
  unmeasured: /until you enter one/,
  'weights-not-100': /change them so that they add up to 100%/,
  'gate-missed': /payout resumes once it reaches it/,
  'no-collaboration-goal': /add a teaming score/,
  'top-level-not-outcome': /mark it Outcome, or align it to a parent goal/,
  'activity-not-under-outcome': /align it to the outcome it drives/,
  'activity-heavy': /measure outcomes, not tactics/,
  'vanity-metric': /measure the result it should drive/,
  'unread-tab': /map the columns in the sidebar/,
  'section-row': /give it an ID or a Target if it is a goal/,
  'total-row': /it is left out of the cascade/,
  'implausible-value': /check that both are in the same units|a gate is the attainment a goal must reach/,
  'ambiguous-parent': /write the parent's ID/,
  'several-parents': /separate parents with semicolons .* or keep one parent/,
  'bad-confidence': /write how sure the owner is/,
  'history-no-header': /restore the header/,
  'bad-check-in-date': /write it like 2026-03-31/,
  'bad-check-in-status': /write on track, at risk, off track or not measured/,
  'duplicate-check-in': /delete the one that is wrong/,
  'orphan-history': /Rename it here to keep its trend/,
  'confidence-falling': /ask the owner what changed/,
  'history-large': /Compact check-ins in the menu/,
  'legacy-check-in-tab': /renames it to "Check-ins"/,
  // Finance sign-off (issue 13)
  'several-owners': /separate co-owners with semicolons/,
  'period-mismatch': /correct its Period or its Parent/,
  'missing-weight': /give it a weight/,
  'floor-ignored': /clear the Floor, or measure the goal by degree/,
  'no-measured-return': /measure the return that spend brings/,
  'roster-no-owner': /head one column Owner/,
  'bad-date': /write one like 2026-03-01|correct one of them/,
  'missing-currency': /fill in Currency/,
  'roster-duplicate': /delete one of the two rows/,
  'not-on-roster': /add them/,
  'manager-loop': /change one Manager/,
  'frozen-period-changed': /undo the edit, or freeze FY2026 again/,
  // Shared goals by several parents (issue 13)
  'parent-shares': /write shares that add up to 100%/,
  'foreign-type-column': /add a Type column with those words, or map "Goal Type" to another field/,
};

const place = { tab: 'Demand Gen', row: 7, col: 11, column: 'Actual', goalId: 'DG-3' };

describe('the issue catalogue', () => {
  it('covers exactly the codes that have a severity', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(Object.keys(SEVERITY).sort());
  });

  it.each(Object.values(EXAMPLES).map((d) => [d.code, d] as const))(
    '%s reads as a full sentence',
    (_code, detail) => {
      for (const where of [place, NOWHERE]) {
        const message = describeIssue(issueAt(where, detail));
        expect(message.length).toBeGreaterThan(20);
        expect(message).not.toMatch(/undefined|null|NaN|\s{2}|\s[.,]/);
        expect(message).toMatch(/[.)]$/);
      }
    },
  );

  it.each(Object.values(EXAMPLES).map((d) => [d.code, d] as const))(
    '%s says what is wrong, then after a colon what to fix',
    (code, detail) => {
      const message = describeIssue(issueAt(place, detail));
      expect(message).toMatch(new RegExp(`^[^:]{12,}: .*${FIXES[code].source}`));
    },
  );

  it('issueAt keeps the place and the detail, with the severity from the catalogue', () => {
    expect(issueAt(place, EXAMPLES['unknown-parent'])).toEqual({
      ...place,
      severity: 'error',
      code: 'unknown-parent',
      parent: 'CMO-9',
    });
  });
});

describe('places', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [703, 'AAA'],
  ])('column %i is %s', (col, name) => expect(columnLetter(col)).toBe(name));

  it.each([
    [{ ...place }, "'Demand Gen'!K7"],
    [{ ...place, tab: 'CMO' }, 'CMO!K7'],
    [{ ...place, col: 0 }, "'Demand Gen'!7:7"],
    [{ ...place, row: 0 }, "'Demand Gen'"],
    [{ ...place, tab: "Dana's goals" }, "'Dana''s goals'!K7"],
    [NOWHERE, 'workbook'],
  ])('%j is %s', (p, name) => expect(placeName(p)).toBe(name));
});
