// Pins the product's beliefs as warnings: collaboration goals, outcomes on top, activities under outcomes, vanity metrics.
import { describe, expect, it } from 'vitest';
import { advise, vanityMatcher } from '../../src/core/advise';
import { describeIssue, type Issue, issueAt, NOWHERE } from '../../src/core/issues';
import { DEFAULT_SETTINGS, type Goal, type Settings } from '../../src/core/model';
import { analyzeWorkbook } from '../../src/core/workbook';
import { type GoalSpec, makeGoal } from '../support/goals';

/** Goals on one tab, rows from 2; parent IDs are linked the simple way (no cycle detection here). */
function workbook(specs: readonly GoalSpec[]): { goals: Goal[]; parentOf: Int32Array; onCycle: Uint8Array } {
  const goals = specs.map((spec, index) =>
    makeGoal(spec, index, {
      type: 'outcome',
      target: 1,
      columns: { id: 1, goal: 2, owner: 3, parent: 4, type: 5, metric: 6, weight: 7 },
    }),
  );
  const indexByKey = new Map(goals.map((goal) => [goal.id.toLowerCase(), goal.index]));
  const parentOf = Int32Array.from(goals, (goal) => indexByKey.get(goal.parent.toLowerCase()) ?? -1);
  return { goals, parentOf, onCycle: new Uint8Array(goals.length) };
}

const settings = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...over });

function run(specs: readonly GoalSpec[], over: Partial<Settings> = {}, cycle: string[] = []): Issue[] {
  const { goals, parentOf, onCycle } = workbook(specs);
  for (const goal of goals) if (cycle.includes(goal.id)) onCycle[goal.index] = 1;
  return advise(goals, { parentOf, onCycle, shared: null }, settings(over));
}

/** code@goalId (or code@owner/period for owner-level issues), in report order. */
const summary = (issues: readonly Issue[]): string[] =>
  issues.map((issue) =>
    'owner' in issue && 'period' in issue && issue.goalId === ''
      ? `${issue.code}@${issue.owner}/${issue.period}`
      : `${issue.code}@${issue.goalId}`,
  );
const only = (issues: readonly Issue[], code: Issue['code']): string[] =>
  summary(issues.filter((issue) => issue.code === code));

describe('no-collaboration-goal', () => {
  it.each<[string, GoalSpec[], string[]]>([
    [
      'an owner with a Collaboration goal',
      [
        { id: 'A', owner: 'Ann' },
        { id: 'B', owner: 'Ann', type: 'collaboration' },
      ],
      [],
    ],
    ['an owner without one', [{ id: 'A', owner: 'Ann' }], ['no-collaboration-goal@Ann/']],
    [
      'owners compared trimmed and case-insensitively, first spelling shown',
      [
        { id: 'A', owner: ' ann ' },
        { id: 'B', owner: 'ANN', type: 'collaboration' },
        { id: 'C', owner: 'Bob' },
        { id: 'D', owner: 'bob', type: 'activity', parent: 'C' },
      ],
      ['no-collaboration-goal@Bob/'],
    ],
    [
      'per period: the Collaboration goal of Q1 does not cover Q2',
      [
        { id: 'A', owner: 'Ann', period: 'Q1 2026', type: 'collaboration' },
        { id: 'B', owner: 'Ann', period: 'Q2 2026' },
      ],
      ['no-collaboration-goal@Ann/Q2 2026'],
    ],
    ['goals without an owner have no scorecard', [{ id: 'A', owner: '' }], []],
    [
      'an unclassified teaming goal does not count',
      [{ id: 'A', owner: 'Ann', type: '' }],
      ['no-collaboration-goal@Ann/'],
    ],
  ])('%s', (_name, specs, expected) => {
    expect(only(run(specs), 'no-collaboration-goal')).toEqual(expected);
  });

  it('uses the default period for blank periods', () => {
    const issues = run(
      [
        { id: 'A', owner: 'Ann', period: '' },
        { id: 'B', owner: 'Ann', period: 'FY2026', type: 'collaboration' },
        { id: 'C', owner: 'Ann', period: 'Q1 2026' },
      ],
      { defaultPeriod: 'FY2026' },
    );
    expect(only(issues, 'no-collaboration-goal')).toEqual(['no-collaboration-goal@Ann/Q1 2026']);
  });

  it("points at the owner's first goal row of that period, Type column, no goal ID", () => {
    const issues = run([
      { id: 'X', owner: 'Bob', type: 'collaboration' },
      { id: 'A', owner: 'Ann', row: 7 },
      { id: 'B', owner: 'Ann', row: 9 },
    ]);
    expect(issues.find((issue) => issue.code === 'no-collaboration-goal')).toEqual({
      code: 'no-collaboration-goal',
      severity: 'warning',
      tab: 'Goals',
      row: 7,
      col: 5,
      column: 'Type',
      goalId: '',
      owner: 'Ann',
      period: '',
    });
  });
});

describe('top-level-not-outcome', () => {
  it.each<[string, GoalSpec, boolean]>([
    ['a top-level Outcome', { id: 'A', type: 'outcome' }, false],
    ['a top-level Activity', { id: 'A', type: 'activity' }, true],
    ['a top-level unclassified goal', { id: 'A', type: '' }, true],
    ['a top-level Collaboration goal is exempt', { id: 'A', type: 'collaboration' }, false],
    ['an unclassified goal with a parent', { id: 'A', type: '', parent: 'Top' }, false],
    [
      'an unclassified goal with an unknown parent (already an error)',
      { id: 'A', type: '', parent: 'Nope' },
      false,
    ],
  ])('%s', (_name, spec, fires) => {
    const issues = run([{ id: 'Top', type: 'outcome' }, spec]);
    expect(only(issues, 'top-level-not-outcome')).toEqual(fires ? ['top-level-not-outcome@A'] : []);
  });

  it('points at the Type cell of the goal', () => {
    const issues = run([{ id: 'A', type: '', row: 12, tab: 'Sales' }]);
    expect(issues.find((issue) => issue.code === 'top-level-not-outcome')).toEqual({
      code: 'top-level-not-outcome',
      severity: 'warning',
      tab: 'Sales',
      row: 12,
      col: 5,
      column: 'Type',
      goalId: 'A',
    });
  });

  it('a missing Type column points at the whole row', () => {
    const issues = run([{ id: 'A', type: '', columns: { id: 1, goal: 2 } }]);
    expect(issues[0]).toMatchObject({ code: 'top-level-not-outcome', col: 0, column: 'Type' });
  });
});

describe('activity-not-under-outcome', () => {
  it.each<[string, GoalSpec[], string[]]>([
    ['an Activity directly under an Outcome', [{ id: 'O' }, { id: 'A', type: 'activity', parent: 'O' }], []],
    [
      'an Activity under an Outcome several levels up',
      [
        { id: 'O' },
        { id: 'M', type: '', parent: 'O' },
        { id: 'N', type: 'activity', parent: 'M' },
        { id: 'A', type: 'activity', parent: 'N' },
      ],
      [],
    ],
    [
      'an Activity under only Activities and unclassified goals',
      [
        { id: 'T', type: '' },
        { id: 'M', type: 'activity', parent: 'T' },
        { id: 'A', type: 'activity', parent: 'M' },
      ],
      ['activity-not-under-outcome@M', 'activity-not-under-outcome@A'],
    ],
    ['a top-level Activity', [{ id: 'A', type: 'activity' }], ['activity-not-under-outcome@A']],
    [
      'an Activity under a Collaboration goal',
      [
        { id: 'C', type: 'collaboration' },
        { id: 'A', type: 'activity', parent: 'C' },
      ],
      ['activity-not-under-outcome@A'],
    ],
    [
      'an Activity whose parent is unknown (already an error)',
      [{ id: 'A', type: 'activity', parent: 'Nope' }],
      [],
    ],
    [
      'an Activity below an unknown parent (already an error)',
      [
        { id: 'M', type: '', parent: 'Nope' },
        { id: 'A', type: 'activity', parent: 'M' },
      ],
      [],
    ],
    [
      'Activities in workbook order, parents listed after children',
      [
        { id: 'A', type: 'activity', parent: 'M' },
        { id: 'M', type: 'activity', parent: 'T' },
        { id: 'T', type: 'activity' },
        { id: 'B', type: 'activity', parent: 'O' },
        { id: 'O' },
      ],
      ['activity-not-under-outcome@A', 'activity-not-under-outcome@M', 'activity-not-under-outcome@T'],
    ],
  ])('%s', (_name, specs, expected) => {
    expect(only(run(specs), 'activity-not-under-outcome')).toEqual(expected);
  });

  it('skips goals on a cycle and goals whose chain runs into one', () => {
    const issues = run(
      [
        { id: 'X', type: 'activity', parent: 'Y' },
        { id: 'Y', type: 'activity', parent: 'X' },
        { id: 'A', type: 'activity', parent: 'X' },
        { id: 'Lone', type: 'activity' },
      ],
      {},
      ['X', 'Y'],
    );
    expect(only(issues, 'activity-not-under-outcome')).toEqual(['activity-not-under-outcome@Lone']);
  });

  it('an Outcome between a goal and a cycle still counts', () => {
    const issues = run(
      [
        { id: 'X', type: '', parent: 'Y' },
        { id: 'Y', type: '', parent: 'X' },
        { id: 'O', type: 'outcome', parent: 'X' },
        { id: 'A', type: 'activity', parent: 'O' },
      ],
      {},
      ['X', 'Y'],
    );
    expect(only(issues, 'activity-not-under-outcome')).toEqual([]);
  });

  it('survives an unflagged cycle without looping', () => {
    const issues = run([
      { id: 'X', type: 'activity', parent: 'Y' },
      { id: 'Y', type: 'activity', parent: 'X' },
    ]);
    expect(only(issues, 'activity-not-under-outcome')).toEqual([]);
  });

  it.each([
    ['the Outcome on top', 'outcome', []],
    ['no Outcome on top', '', ['activity-not-under-outcome@G0', 'activity-not-under-outcome@G9999']],
  ] as const)('a 10,000-deep chain with %s', (_name, topType, expected) => {
    const specs: GoalSpec[] = [{ id: 'Top', type: topType }];
    for (let i = 0; i < 10_000; i++) {
      specs.push({ id: `G${i}`, type: 'activity', parent: i === 0 ? 'Top' : `G${i - 1}` });
    }
    const found = only(run(specs), 'activity-not-under-outcome');
    expect(found.length).toBe(expected.length === 0 ? 0 : 10_000);
    if (expected.length > 0) expect([found[0], found[found.length - 1]]).toEqual(expected);
  });

  it('a 10,000-deep chain listed bottom-up is resolved in linear time', () => {
    const specs: GoalSpec[] = [];
    for (let i = 9_999; i >= 0; i--) {
      specs.push({ id: `G${i}`, type: 'activity', parent: i === 0 ? 'Top' : `G${i - 1}` });
    }
    specs.push({ id: 'Top', type: 'outcome' });
    const issues = run(specs);
    expect(only(issues, 'activity-not-under-outcome')).toEqual([]);
  });

  it('handles 200,000 goals in chains of 1,000 (speed lives in npm run bench)', () => {
    const n = 200_000;
    const { goals } = workbook([{ id: 'proto' }]);
    const proto = goals[0];
    const many: Goal[] = [];
    const parentOf = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      // Chains of 1,000 under one Outcome each, owners of 10 goals each.
      const top = i % 1000 === 0;
      many.push({
        ...proto,
        index: i,
        row: i + 2,
        id: `G${i}`,
        owner: `P${i % 20_000}`,
        type: top ? 'outcome' : 'activity',
        parent: top ? '' : `G${i - 1}`,
        metric: 'Revenue',
      });
      parentOf[i] = top ? -1 : i - 1;
    }
    const issues = advise(many, { parentOf, onCycle: new Uint8Array(n), shared: null }, settings());
    expect(issues.some((issue) => issue.code === 'activity-not-under-outcome')).toBe(false);
  });
});

describe('activity-not-under-outcome with several parents (`O 60%; T 40%`)', () => {
  const HEADER = ['ID', 'Goal', 'Owner', 'Parent', 'Type'];
  /** The warnings of goals under tops O (an Outcome) and T (unclassified), as `code@goal:partly`. */
  function warned(...rows: string[][]): string[] {
    const grid = [
      HEADER,
      ['O', 'Grow pipeline', 'Ann', '', 'Outcome'],
      ['T', 'Misc', 'Ann', '', ''],
      ...rows,
    ];
    return analyzeWorkbook([{ name: 'Goals', grid }])
      .issues.filter((issue) => issue.code === 'activity-not-under-outcome')
      .map((issue) => `${issue.goalId}:${'partly' in issue && issue.partly ? 'partly' : 'wholly'}`);
  }

  it.each<[string, string[][], string[]]>([
    [
      'every parent leads to an Outcome',
      [
        ['A', 'Events', 'Bob', 'O 60%; O2 40%', 'Activity'],
        ['O2', 'Win', 'Ann', '', 'Outcome'],
      ],
      [],
    ],
    ['one parent leads to none: partly', [['A', 'Events', 'Bob', 'O 60%; T 40%', 'Activity']], ['A:partly']],
    [
      'the first parent leads to none: partly too',
      [['A', 'Events', 'Bob', 'T 60%; O 40%', 'Activity']],
      ['A:partly'],
    ],
    [
      'no parent leads to one: wholly',
      [
        ['A', 'Events', 'Bob', 'T 50%; U 50%', 'Activity'],
        ['U', 'Other', 'Ann', '', ''],
      ],
      ['A:wholly'],
    ],
    [
      'an Activity below a partly aligned goal is partly aligned itself',
      [
        ['M', 'Mid', 'Bob', 'O 50%; T 50%', ''],
        ['A', 'Events', 'Cy', 'M', 'Activity'],
      ],
      ['A:partly'],
    ],
  ])('%s', (_name, rows, expected) => {
    expect(warned(...rows)).toEqual(expected);
  });

  it('says only some parents lead to an Outcome', () => {
    const issue = issueAt(NOWHERE, { code: 'activity-not-under-outcome', partly: true });
    expect(describeIssue(issue)).toMatch(/^Only some of the parents .*: align it to the outcome it drives/);
  });
});

describe('activity-heavy', () => {
  it.each<[string, GoalSpec[], Partial<Settings>, number | null]>([
    [
      'weights on Activities above 50%',
      [
        { id: 'O', owner: 'Ann', weight: 40, type: 'outcome' },
        { id: 'A', owner: 'Ann', weight: 60, type: 'activity', parent: 'O' },
      ],
      {},
      0.6,
    ],
    [
      'exactly 50% does not exceed the limit',
      [
        { id: 'O', owner: 'Ann', weight: 0.5, type: 'outcome' },
        { id: 'A', owner: 'Ann', weight: 0.5, type: 'activity', parent: 'O' },
      ],
      {},
      null,
    ],
    [
      'no weights: equal weights, 2 of 3 goals',
      [
        { id: 'O', owner: 'Ann', type: 'outcome' },
        { id: 'A', owner: 'Ann', type: 'activity', parent: 'O' },
        { id: 'B', owner: 'Ann', type: 'activity', parent: 'O' },
      ],
      {},
      2 / 3,
    ],
    [
      'no weights: equal weights, 1 of 3 goals',
      [
        { id: 'O', owner: 'Ann', type: 'outcome' },
        { id: 'C', owner: 'Ann', type: 'collaboration' },
        { id: 'A', owner: 'Ann', type: 'activity', parent: 'O' },
      ],
      {},
      null,
    ],
    [
      'many Activities but little weight on them',
      [
        { id: 'O', owner: 'Ann', weight: 80, type: 'outcome' },
        { id: 'A', owner: 'Ann', weight: 10, type: 'activity', parent: 'O' },
        { id: 'B', owner: 'Ann', weight: 10, type: 'activity', parent: 'O' },
      ],
      {},
      null,
    ],
    [
      'an Activity without a weight among weighted goals counts for nothing',
      [
        { id: 'O', owner: 'Ann', weight: 100, type: 'outcome' },
        { id: 'A', owner: 'Ann', weight: null, type: 'activity', parent: 'O' },
      ],
      {},
      null,
    ],
    [
      'a lower limit from Settings',
      [
        { id: 'O', owner: 'Ann', weight: 70, type: 'outcome' },
        { id: 'A', owner: 'Ann', weight: 30, type: 'activity', parent: 'O' },
      ],
      { activityShare: 0.25 },
      0.3,
    ],
    [
      'all weights zero: nothing to judge',
      [
        { id: 'A', owner: 'Ann', weight: 0, type: 'activity', parent: 'X' },
        { id: 'X', owner: 'Bob' },
      ],
      {},
      null,
    ],
  ])('%s', (_name, specs, over, share) => {
    const issues = run(specs, over).filter((issue) => issue.code === 'activity-heavy');
    if (share === null) {
      expect(issues).toEqual([]);
      return;
    }
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      severity: 'warning',
      tab: 'Goals',
      row: 2,
      col: 7,
      column: 'Weight',
      goalId: '',
      owner: 'Ann',
      period: '',
      limit: over.activityShare ?? 0.5,
    });
    expect((issues[0] as Extract<Issue, { code: 'activity-heavy' }>).share).toBeCloseTo(share, 12);
  });

  it('is judged per period', () => {
    const issues = run([
      { id: 'O', owner: 'Ann', period: 'Q1 2026' },
      { id: 'A', owner: 'Ann', period: 'Q2 2026', type: 'activity', parent: 'O' },
      { id: 'B', owner: 'Ann', period: 'Q1 2026', type: 'activity', parent: 'O' },
    ]);
    expect(only(issues, 'activity-heavy')).toEqual(['activity-heavy@Ann/Q2 2026']);
  });
});

describe('vanity-metric', () => {
  it.each<[string, string, string | null]>([
    ['a plural of a listed word', 'Clicks on the banner', 'Clicks'],
    ['the word itself', 'Click-through', 'Click'],
    ['an acronym', 'CTR', 'CTR'],
    ['an acronym in lower case', 'email ctr', 'ctr'],
    ['a plural acronym', 'MQLs per month', 'MQLs'],
    ['a phrase', 'Event attendance at summits', 'Event attendance'],
    ['a phrase across several spaces', 'Event   attendance', 'Event   attendance'],
    ['a hyphenated phrase written with a space', 'Ad hoc requests closed', 'Ad hoc requests'],
    ['a plural phrase', 'Page views', 'Page views'],
    ['a listed plural', 'Qualified leads', 'leads'],
    ['punctuation is a boundary', 'Web (visits)', 'visits'],
    ['leadership is not leads', 'Leadership offsite', null],
    ['a word inside another word', 'Clickable prototypes', null],
    ['a word glued to a digit', 'Q3clicks', null],
    ['nothing listed', 'Net revenue retention', null],
    ['the first listed word in the text wins', 'Visits and clicks', 'Visits'],
  ])('%s: "%s"', (_name, text, word) => {
    const match = vanityMatcher(DEFAULT_SETTINGS.vanityWords);
    expect(match?.(text)).toBe(word);
  });

  // The seeds' list in full (issue 13): stems and phrases, with outcome words cancelling a match.
  it.each<[string, string, string | null]>([
    ['registrations, by stem', 'Webinar registrations', 'registrations'],
    ['registrants, by stem', 'Registrants per event', 'Registrants'],
    ['attendees, by stem', 'Attendees per summit', 'Attendees'],
    ['attendance, by stem', 'Booth attendance', 'attendance'],
    ['downloads', 'Whitepaper downloads', 'downloads'],
    ['visitors', 'Unique visitors', 'visitors'],
    ['event success, a phrase', 'Event success score', 'Event success'],
    ['awards', 'Industry awards won', 'awards'],
    ['request fulfilment rate', 'Request fulfilment rate', 'Request fulfilment rate'],
    ['fulfilment, by stem, either spelling', 'Order fulfillment', 'fulfillment'],
    ['request rates', 'Design request rates', 'request rates'],
    ['lead counts', 'Lead count from events', 'Lead count'],
    ['number of leads', 'Number of leads', 'Number of leads'],
    ['clicks', 'Clicks on ads', 'Clicks'],
    ['a stem needs its whole stem', 'Regis Philbin fan club', null],
    ['pipeline cancels a match', 'Pipeline from webinar registrations', null],
    ['revenue cancels a match', 'Revenue per download', null],
    ['win rate cancels a match', 'Win rate of event attendees', null],
    ['NPS cancels a match', 'NPS of event attendees', null],
    ['CSAT cancels a match', 'CSAT of requests fulfilled', null],
    ['margin cancels a match', 'Gross margins on award entries', null],
    ['an outcome word inside another word does not cancel', 'Pipeliner clicks', 'clicks'],
  ])('%s: "%s"', (_name, text, word) => {
    const match = vanityMatcher(DEFAULT_SETTINGS.vanityWords, DEFAULT_SETTINGS.outcomeWords);
    expect(match?.(text)).toBe(word);
  });

  it('outcome words live in Settings, and none turns cancelling off', () => {
    const specs: GoalSpec[] = [{ id: 'A', type: 'outcome', metric: 'Pipeline from webinar registrations' }];
    expect(only(run(specs), 'vanity-metric')).toEqual([]);
    expect(only(run(specs, { outcomeWords: [] }), 'vanity-metric')).toEqual(['vanity-metric@A']);
    expect(
      only(
        run([{ id: 'B', type: 'outcome', metric: 'Bookings from clicks' }], { outcomeWords: ['booking*'] }),
        'vanity-metric',
      ),
    ).toEqual([]);
  });

  it('treats regex characters in the list literally and ignores blank entries', () => {
    const match = vanityMatcher(['a+b', '  ', '-', '(x)'])!;
    expect(match('a+b rate')).toBe('a+b');
    expect(match('aab rate')).toBeNull();
    expect(match('some text')).toBeNull();
    expect(vanityMatcher(['', ' '])).toBeNull();
  });

  it.each<[string, GoalSpec[], string[]]>([
    ['a vanity Outcome', [{ id: 'A', type: 'outcome', metric: 'Impressions' }], ['vanity-metric@A:true']],
    [
      'a vanity Activity under an Outcome is fine',
      [{ id: 'O' }, { id: 'A', type: 'activity', metric: 'Clicks', parent: 'O' }],
      [],
    ],
    [
      'a vanity goal under an unclassified goal under an Outcome is fine',
      [{ id: 'O' }, { id: 'M', type: '', parent: 'O' }, { id: 'A', type: '', metric: 'Posts', parent: 'M' }],
      [],
    ],
    [
      'a vanity Activity standing alone',
      [{ id: 'A', type: 'activity', metric: 'Clicks' }],
      ['vanity-metric@A:false'],
    ],
    [
      'an unclassified vanity goal standing alone',
      [{ id: 'A', type: '', metric: 'Website visits' }],
      ['vanity-metric@A:false'],
    ],
    [
      'a vanity goal under a chain with no Outcome',
      [
        { id: 'T', type: '' },
        { id: 'A', type: 'activity', metric: 'Likes', parent: 'T' },
      ],
      ['vanity-metric@A:false'],
    ],
    [
      'a vanity Collaboration goal standing alone',
      [{ id: 'A', type: 'collaboration', metric: 'Awards won' }],
      ['vanity-metric@A:false'],
    ],
    [
      'a vanity goal whose parent is unknown is left to that error',
      [{ id: 'A', type: 'activity', metric: 'Clicks', parent: 'Nope' }],
      [],
    ],
    [
      'the title is read when Metric is blank',
      [{ id: 'A', type: 'outcome', metric: '  ', title: 'Grow newsletter opens' }],
      ['vanity-metric@A:true'],
    ],
    [
      'the title is not read when Metric is filled in',
      [{ id: 'A', type: 'outcome', metric: 'Pipeline $', title: 'Clicks to pipeline' }],
      [],
    ],
    ['a non-vanity Outcome', [{ id: 'A', type: 'outcome', metric: 'Leadership NPS' }], []],
  ])('%s', (_name, specs, expected) => {
    const issues = run(specs).filter((issue) => issue.code === 'vanity-metric');
    expect(
      issues.map(
        (issue) =>
          `${issue.code}@${issue.goalId}:${(issue as Extract<Issue, { code: 'vanity-metric' }>).asOutcome}`,
      ),
    ).toEqual(expected);
  });

  it('points at the Metric cell, or the Goal cell when the title was read', () => {
    const issues = run([
      { id: 'A', type: 'outcome', metric: 'CTR', row: 4 },
      { id: 'B', type: 'outcome', title: 'More MQLs', row: 5 },
    ]).filter((issue) => issue.code === 'vanity-metric');
    expect(issues).toEqual([
      {
        code: 'vanity-metric',
        severity: 'warning',
        tab: 'Goals',
        row: 4,
        col: 6,
        column: 'Metric',
        goalId: 'A',
        word: 'CTR',
        asOutcome: true,
      },
      {
        code: 'vanity-metric',
        severity: 'warning',
        tab: 'Goals',
        row: 5,
        col: 2,
        column: 'Goal',
        goalId: 'B',
        word: 'MQLs',
        asOutcome: true,
      },
    ]);
  });

  it('the word list lives in Settings', () => {
    const specs: GoalSpec[] = [{ id: 'A', type: 'outcome', metric: 'Podcast listens' }];
    expect(only(run(specs), 'vanity-metric')).toEqual([]);
    expect(only(run(specs, { vanityWords: ['listen*'] }), 'vanity-metric')).toEqual(['vanity-metric@A']);
    expect(only(run([{ id: 'A', metric: 'Clicks' }], { vanityWords: [] }), 'vanity-metric')).toEqual([]);
  });

  it('a goal on a cycle is only flagged when marked Outcome', () => {
    const issues = run(
      [
        { id: 'X', type: 'activity', metric: 'Clicks', parent: 'Y' },
        { id: 'Y', type: 'outcome', metric: 'Clicks', parent: 'X' },
      ],
      {},
      ['X', 'Y'],
    );
    expect(only(issues, 'vanity-metric')).toEqual(['vanity-metric@Y']);
  });
});

describe('advise as a whole', () => {
  it('a healthy scorecard raises nothing', () => {
    const issues = run([
      { id: 'Rev', owner: 'Ann', type: 'outcome', metric: 'Revenue', weight: 50 },
      { id: 'Calls', owner: 'Ann', type: 'activity', metric: 'Discovery calls', weight: 30, parent: 'Rev' },
      { id: 'Team', owner: 'Ann', type: 'collaboration', metric: 'Peer NPS', weight: 20 },
    ]);
    expect(issues).toEqual([]);
  });

  it('reports goal warnings in workbook order, then owner warnings by owner and period', () => {
    const issues = run([
      { id: 'A', owner: 'Zed', type: 'activity', metric: 'Clicks' },
      { id: 'B', owner: 'Amy', type: '' },
    ]);
    expect(summary(issues)).toEqual([
      'top-level-not-outcome@A',
      'activity-not-under-outcome@A',
      'vanity-metric@A',
      'top-level-not-outcome@B',
      'no-collaboration-goal@Amy/',
      'no-collaboration-goal@Zed/',
      'activity-heavy@Zed/',
    ]);
  });
});
