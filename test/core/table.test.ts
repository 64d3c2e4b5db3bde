// Pins how a goal tab reads: its header row, each column's values, and the issue each bad cell raises.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../src/core/fields';
import type { IssueCode } from '../../src/core/issues';
import {
  type CellValue,
  DEFAULT_SETTINGS,
  type Field,
  type Goal,
  type Grid,
  type Settings,
} from '../../src/core/model';
import { findHeader, parseDirection, parseRangeTarget, readGoalTab } from '../../src/core/table';

const HEADER = [
  'Goal ID',
  'Goal',
  'Owner',
  'Parent',
  'Type',
  'Metric',
  'Unit',
  'Direction',
  'Baseline',
  'Target',
  'Actual',
  'Weight',
  'Contribution',
  'Rollup',
  'Period',
  'Cap',
  'Floor',
  'Gate',
  'Min',
  'Max',
  'Remarks',
] as const;
type Column = (typeof HEADER)[number];

/** A row in HEADER's order; unnamed cells blank. */
function row(values: Partial<Record<Column, CellValue>>): CellValue[] {
  return HEADER.map((h) => values[h] ?? '');
}

/** A row of a valid goal, with some cells changed. */
function goalRow(values: Partial<Record<Column, CellValue>> = {}): CellValue[] {
  return row({ 'Goal ID': 'G1', Goal: 'Grow revenue', Owner: 'Ana', ...values });
}

const COMMA_SETTINGS: Settings = { ...DEFAULT_SETTINGS, decimalSeparator: ',' };

function read(rows: CellValue[][], settings: Settings = DEFAULT_SETTINGS) {
  const result = readGoalTab('Sales', [[...HEADER], ...rows], settings, 0);
  if (result === null) throw new Error('expected a goal tab');
  return result;
}

/** The only goal of a one-row tab, and the codes of its issues. */
function one(values: Partial<Record<Column, CellValue>>, settings: Settings = DEFAULT_SETTINGS) {
  const { goals, issues } = read([goalRow(values)], settings);
  expect(goals).toHaveLength(1);
  return { goal: goals[0], codes: issues.map((i) => i.code), issues };
}

describe('findHeader', () => {
  it('finds the header row, its recognised columns (0-based) and its headers as written', () => {
    expect(findHeader([[...HEADER], goalRow()])).toEqual({
      row: 0,
      columns: {
        id: 0,
        goal: 1,
        owner: 2,
        parent: 3,
        type: 4,
        metric: 5,
        unit: 6,
        direction: 7,
        baseline: 8,
        target: 9,
        actual: 10,
        weight: 11,
        contribution: 12,
        rollup: 13,
        period: 14,
        cap: 15,
        floor: 16,
        gate: 17,
        min: 18,
        max: 19,
      },
      headers: [...HEADER],
      outline: [],
    });
  });

  it.each<[string, Grid, number | null]>([
    ['on the first row', [['ID', 'Goal']], 0],
    ['after blank rows', [[], ['', '  '], [null, undefined], ['ID', 'Goal']], 3],
    ['on the tenth row', [[], [], [], [], [], [], [], [], [], ['ID', 'Goal']], 9],
    ['not below the tenth row', [[], [], [], [], [], [], [], [], [], [], ['ID', 'Goal']], null],
    ['under a title row', [['Sales goals FY26'], ['ID', 'Goal']], 1],
    ['under a title block', [['ACME Marketing'], ['MBOs, FY2026', '', 'Owner: Ana'], [], ['ID', 'Goal']], 3],
    [
      'the best-matching row, not the first with a goal header',
      [
        ['Goal', 'Target'],
        ['ID', 'Goal', 'Owner', 'Target', 'Actual'],
      ],
      1,
    ],
    [
      'the first of two equally good rows',
      [
        ['ID', 'Goal'],
        ['Ref', 'Title'],
      ],
      0,
    ],
    ['not without an ID column', [['Goal', 'Owner']], null],
    ['not without a Goal column', [['ID', 'Owner']], null],
    ['not in an empty grid', [], null],
    ['not in a blank grid', [[''], ['']], null],
  ])('%s', (_, grid, expected) => {
    expect(findHeader(grid)?.row ?? null).toBe(expected);
  });

  const synonyms = (Object.keys(FIELDS) as Field[]).flatMap((field) =>
    FIELDS[field].headers.map((name) => [field, name] as const),
  );
  /** The other columns a header row needs for `field` to be read as itself (see the layout cases below). */
  const besides = (field: Field): string[] =>
    field === 'id'
      ? ['Goal']
      : field === 'goal'
        ? ['ID']
        : field === 'objective'
          ? ['ID', 'Key Result']
          : field === 'objectiveId'
            ? ['ID', 'Key Result', 'Objective']
            : ['ID', 'Goal'];
  it.each(synonyms)('recognises %s by %j', (field, name) => {
    const others = besides(field);
    const header = findHeader([[...others, name]]);
    expect(header?.columns[field]).toBe(others.length);
  });

  it('gives each header name to one field only', () => {
    const names = synonyms.map(([, name]) => name);
    const normalized = names.map((n) => n.toLowerCase().replace(/[^a-z0-9]/g, ''));
    expect(new Set(normalized).size).toBe(normalized.length);
  });

  it.each<[string, Field]>([
    ['Goal ID', 'id'],
    ['KEY', 'id'],
    ['Ref.', 'id'],
    ['Objective', 'goal'],
    ['MBO', 'goal'],
    ['Aligns to:', 'parent'],
    ['Aligned To', 'parent'],
    ['Contributes to', 'parent'],
    ['Parent ID', 'parent'],
    ['Target (%)', 'target'],
    ['Goal value', 'target'],
    ['Baseline ($)', 'baseline'],
    ['KPI', 'metric'],
    ['Roll-up', 'rollup'],
    ['Weight (%)', 'weight'],
    ['Current', 'actual'],
    ['Result', 'actual'],
    ['Threshold', 'threshold'],
    ['GATE', 'gate'],
    ['Key Result', 'goal'],
    ['KR', 'goal'],
    ['Goal Title', 'goal'],
    ['Key result ID', 'id'],
    ['Row ID', 'id'],
    ['Parent Row ID(s)', 'parent'],
    ['Parent objective', 'parent'],
    ['Aligned objective', 'parent'],
    ['Corporate Objective', 'parent'],
    ['Start Value', 'baseline'],
    ['Starting value', 'baseline'],
    ['Target Value', 'target'],
    ['End', 'target'],
    ['Current Value', 'actual'],
    ['Progress', 'progress'],
    ['Progress (%)', 'progress'],
    ['Score', 'progress'],
    ['Completion', 'progress'],
    ['Weightage', 'weight'],
    ['Quarter', 'period'],
    ['Cycle', 'period'],
    ['Due date', 'due'],
    ['Status', 'status'],
  ])('matches %j case- and punctuation-insensitively as %s', (name, field) => {
    const others =
      field === 'id' ? ['Goal', 'Remarks'] : field === 'goal' ? ['ID', 'Remarks'] : ['ID', 'Goal'];
    const header = findHeader([[...others, name]]);
    expect(header?.columns[field]).toBe(2);
  });

  it('keeps the first column when a field appears twice, and ignores unknown columns', () => {
    const header = findHeader([['Remarks', 'ID', 'Goal', 'Target', 'Target (%)', 'Details']]);
    expect(header?.columns).toEqual({ id: 1, goal: 2, target: 3 });
    expect(header?.headers).toEqual(['Remarks', 'ID', 'Goal', 'Target', 'Target (%)', 'Details']);
  });
});

describe('readGoalTab', () => {
  it('is null for a tab that is not a goal tab', () => {
    expect(readGoalTab('Remarks', [['Name', 'Comment']], DEFAULT_SETTINGS, 0)).toBeNull();
    expect(readGoalTab('Empty', [], DEFAULT_SETTINGS, 0)).toBeNull();
  });

  it('reads a full row into a goal', () => {
    const grid: Grid = [
      ['My goals'],
      [...HEADER],
      row({
        'Goal ID': '  REV-1 ',
        Goal: ' Grow revenue ',
        Owner: 'Ana',
        Parent: ' CO-1 ',
        Type: 'Outcome',
        Metric: 'ARR',
        Unit: '$',
        Direction: 'Higher',
        Baseline: '$1.0M',
        Target: '$1.5M',
        Actual: 1200000,
        Weight: '40%',
        Contribution: 0.5,
        Rollup: 'Sum',
        Period: 'Q3 2026',
        Cap: '120%',
        Floor: 0.1,
        Gate: '80%',
        Remarks: 'kept, never read',
      }),
    ];
    // The title row above the header is passed over; rows count from the top of the grid.
    expect(readGoalTab('Sales', grid, DEFAULT_SETTINGS, 0)?.goals.map((g) => [g.id, g.row])).toEqual([
      ['REV-1', 3],
    ]);
    const result = readGoalTab('Sales', grid.slice(1), DEFAULT_SETTINGS, 7, { rowOffset: 10 });
    const expected: Goal = {
      index: 7,
      tab: 'Sales',
      row: 12,
      id: 'REV-1',
      title: 'Grow revenue',
      owner: 'Ana',
      parent: 'CO-1',
      type: 'outcome',
      metric: 'ARR',
      unit: '$',
      direction: 'higher',
      baseline: 1000000,
      target: 1500000,
      targetMax: null,
      actual: 1200000,
      progress: null,
      weight: 0.4,
      contribution: 0.5,
      rollup: 'sum',
      period: 'Q3 2026',
      cap: 1.2,
      floor: 0.1,
      gate: 0.8,
      threshold: null,
      stretch: null,
      budget: null,
      spend: null,
      confidence: null,
      note: '',
      phaseTargets: null,
      synthesized: false,
      blocked: false,
      columns: {
        id: 1,
        goal: 2,
        owner: 3,
        parent: 4,
        type: 5,
        metric: 6,
        unit: 7,
        direction: 8,
        baseline: 9,
        target: 10,
        actual: 11,
        weight: 12,
        contribution: 13,
        rollup: 14,
        period: 15,
        cap: 16,
        floor: 17,
        gate: 18,
        min: 19,
        max: 20,
      },
    };
    expect(result).toEqual({ goals: [expected], issues: [] });
  });

  it('reads a minimal tab (ID and Goal only) with defaults for everything else', () => {
    const result = readGoalTab(
      'T',
      [
        ['ID', 'Goal'],
        ['a', 'Do it'],
      ],
      DEFAULT_SETTINGS,
      0,
    );
    expect(result?.goals[0]).toMatchObject({
      id: 'a',
      owner: '',
      parent: '',
      type: '',
      direction: 'higher',
      baseline: null,
      target: null,
      targetMax: null,
      actual: null,
      weight: null,
      rollup: null,
      period: '',
      blocked: false,
      columns: { id: 1, goal: 2 },
    });
    // No Owner column: still a warning on every goal, pointing at the whole row.
    expect(result?.issues).toEqual([
      { tab: 'T', row: 2, col: 0, column: '', goalId: 'a', severity: 'warning', code: 'missing-owner' },
    ]);
  });

  it('numbers goals from firstIndex in row order, rows 1-based plus rowOffset, skipping blank rows', () => {
    const grid: Grid = [
      [],
      [...HEADER],
      goalRow({ 'Goal ID': 'A' }),
      row({}),
      ['   ', '', null],
      [],
      row({ Remarks: 'only a remark: not a goal' }),
      goalRow({ 'Goal ID': 'B' }),
    ];
    const result = readGoalTab('T', grid, DEFAULT_SETTINGS, 5, { rowOffset: 100 });
    expect(result?.goals.map((g) => [g.id, g.index, g.row])).toEqual([
      ['A', 5, 103],
      ['B', 6, 108],
    ]);
    expect(result?.issues).toEqual([]);
  });

  it('reports a row with data but no ID as missing-id, without making a goal or using an index', () => {
    const result = readGoalTab(
      'T',
      [[...HEADER], goalRow({ 'Goal ID': 'A' }), goalRow({ 'Goal ID': '  ' }), goalRow({ 'Goal ID': 'B' })],
      DEFAULT_SETTINGS,
      0,
    );
    expect(result?.goals.map((g) => [g.id, g.index])).toEqual([
      ['A', 0],
      ['B', 1],
    ]);
    expect(result?.issues).toEqual([
      { tab: 'T', row: 3, col: 1, column: 'Goal ID', goalId: '', severity: 'error', code: 'missing-id' },
    ]);
  });

  it('keeps a goal with no Goal text, blocked, with missing-goal', () => {
    const { goal, issues } = one({ Goal: ' ' });
    expect(goal.blocked).toBe(true);
    expect(goal.title).toBe('');
    expect(issues).toEqual([
      { tab: 'Sales', row: 2, col: 2, column: 'Goal', goalId: 'G1', severity: 'error', code: 'missing-goal' },
    ]);
  });

  it('warns about a goal without an owner, without blocking it', () => {
    const { goal, issues } = one({ Owner: '' });
    expect(goal.blocked).toBe(false);
    expect(issues).toEqual([
      {
        tab: 'Sales',
        row: 2,
        col: 3,
        column: 'Owner',
        goalId: 'G1',
        severity: 'warning',
        code: 'missing-owner',
      },
    ]);
  });

  it.each<[CellValue, string]>([
    ['  G-7 ', 'G-7'],
    ['ABC', 'ABC'],
    [42, '42'],
  ])('reads ID %j as %j', (cell, id) => {
    const { goal } = one({ 'Goal ID': cell });
    expect(goal.id).toBe(id);
  });

  it.each<[CellValue, string]>([
    ['', ''],
    ['  CO-1 ', 'CO-1'],
    [7, '7'],
  ])('reads Parent %j as %j', (cell, parent) => {
    const { goal } = one({ Parent: cell });
    expect(goal.parent).toBe(parent);
  });

  it('keeps text fields as plain text, formulas included', () => {
    const { goal } = one({ Goal: '=IMPORTXML("http://evil", "//a")', Metric: ' +SUM(A1) ', Unit: ' $ ' });
    expect([goal.title, goal.metric, goal.unit]).toEqual([
      '=IMPORTXML("http://evil", "//a")',
      '+SUM(A1)',
      '$',
    ]);
  });

  describe('number columns', () => {
    // [column, the Goal field it fills (null: Min/Max only shape a range), blocks on error]
    const numberColumns: [Column, keyof Goal | null, boolean][] = [
      ['Baseline', 'baseline', true],
      ['Target', 'target', true],
      ['Actual', 'actual', true],
      ['Min', null, true],
      ['Max', null, true],
      ['Cap', 'cap', true],
      ['Floor', 'floor', true],
      ['Weight', 'weight', false],
      ['Contribution', 'contribution', false],
      ['Gate', 'gate', false],
    ];
    const stored = numberColumns.filter((c): c is [Column, keyof Goal, boolean] => c[1] !== null);

    it.each(
      stored.flatMap(
        ([column, key]) =>
          [
            [column, key, 1200, 1200],
            [column, key, '1,200', 1200],
            [column, key, '$1.2M', 1200000],
            [column, key, '12%', 0.12],
            [column, key, '(1,000)', -1000],
            [column, key, '', null],
          ] as [Column, keyof Goal, CellValue, number | null][],
      ),
    )('%s %j -> %s', (column, key, cell, expected) => {
      // Target needs an Actual-free row or a target: keep the row otherwise valid.
      // The Target is the Actual itself, so no actual reads as typed in other units.
      const { goal, codes } = one({
        [column]: cell,
        ...(column === 'Actual' ? { Target: expected || 1 } : {}),
      });
      expect(goal[key]).toBe(expected);
      const implausibleGate = column === 'Gate' && (expected as number) > 10;
      const negativeWeight = column === 'Weight' && (expected as number) < 0;
      expect(codes).toEqual(
        implausibleGate ? ['implausible-value'] : negativeWeight ? ['negative-weight'] : [],
      );
    });

    it.each(numberColumns)(
      '%s: unreadable text is not-a-number (blocks the goal: %s)',
      (column, _, blocks) => {
        const { goal, issues } = one({
          [column]: '12 apples',
          ...(column === 'Actual' ? { Target: 1 } : {}),
        });
        expect(issues).toEqual([
          {
            tab: 'Sales',
            row: 2,
            col: HEADER.indexOf(column) + 1,
            column,
            goalId: 'G1',
            severity: 'error',
            code: 'not-a-number',
            text: '12 apples',
          },
        ]);
        expect(goal.blocked).toBe(blocks);
      },
    );

    it.each<[Column, CellValue, string]>([
      ['Target', true, 'TRUE'],
      ['Baseline', new Date(Date.UTC(2026, 0, 5)), '2026-01-05'],
      ['Weight', 'N/A', 'N/A'],
      ['Target', '#DIV/0!', '#DIV/0!'],
    ])('%s %j is not-a-number with text %j, and its value is null', (column, cell, text) => {
      const { goal, issues } = one({ [column]: cell });
      expect(issues.map((i) => [i.code, 'text' in i ? i.text : ''])).toEqual([['not-a-number', text]]);
      expect(goal[column.toLowerCase() as keyof Goal]).toBeNull();
    });

    it("reads numbers typed as text with the workbook's decimal separator", () => {
      const { goal, codes } = one({ Target: '1.234,5', Actual: '1,5', Weight: '12,5%' }, COMMA_SETTINGS);
      expect([goal.target, goal.actual, goal.weight]).toEqual([1234.5, 1.5, 0.125]);
      expect(codes).toEqual([]);
      expect(one({ Target: '1,20' }).codes).toEqual(['not-a-number']);
    });
  });

  it.each<[CellValue, string, IssueCode[]]>([
    ['', '', []],
    ['Outcome', 'outcome', []],
    ['outcomes', 'outcome', []],
    [' ACTIVITY ', 'activity', []],
    ['Activities', 'activity', []],
    ['Collaboration', 'collaboration', []],
    ['collaborations', 'collaboration', []],
    ['Output', '', ['bad-type']],
    ['KPI', '', ['bad-type']],
  ])('Type %j -> %j %j (a warning: never blocks)', (cell, type, codes) => {
    const { goal, issues } = one({ Type: cell });
    expect(goal.type).toBe(type);
    expect(issues.map((i) => i.code)).toEqual(codes);
    expect(issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(goal.blocked).toBe(false);
  });

  it.each<[CellValue, string, boolean]>([
    ['', 'higher', false],
    ['higher', 'higher', false],
    ['Up', 'higher', false],
    ['increase', 'higher', false],
    ['Maximize', 'higher', false],
    ['Higher is better', 'higher', false],
    ['lower', 'lower', false],
    ['DOWN', 'lower', false],
    ['decrease', 'lower', false],
    ['minimize', 'lower', false],
    ['range', 'range', false],
    ['Between', 'range', false],
    ['binary', 'binary', false],
    ['Yes/No', 'binary', false],
    ['yes-no', 'binary', false],
    ['done', 'binary', false],
    ['sideways', 'higher', true],
    ['more', 'higher', true],
  ])('Direction %j -> %s (bad-direction: %s)', (cell, direction, bad) => {
    const { goal, codes, issues } = one({ Direction: cell });
    expect(goal.direction).toBe(direction);
    expect(codes).toEqual(bad ? ['bad-direction'] : []);
    expect(goal.blocked).toBe(bad);
    if (bad) expect(issues[0]).toMatchObject({ severity: 'error', col: 8, column: 'Direction', text: cell });
  });

  describe('range goals', () => {
    it.each<[string, Partial<Record<Column, CellValue>>, number | null, number | null, IssueCode[]]>([
      ['two numbers with a dash', { Target: '40-60' }, 40, 60, []],
      ['two numbers with spaces', { Target: '40 - 60' }, 40, 60, []],
      ['two percentages', { Target: '40% - 60%' }, 0.4, 0.6, []],
      ['two numbers with "to"', { Target: '40 to 60' }, 40, 60, []],
      ['two numbers with "TO"', { Target: '40 TO 60' }, 40, 60, []],
      ['an en dash', { Target: '40–60' }, 40, 60, []],
      ['currency amounts', { Target: '$1.2M - $1.5M' }, 1200000, 1500000, []],
      ['equal bounds', { Target: '50-50' }, 50, 50, []],
      ['a negative low end', { Target: '-5-10' }, -5, 10, []],
      ['Min and Max columns', { Min: 40, Max: 60 }, 40, 60, []],
      ['Min and Max as text', { Min: '40%', Max: '60%' }, 0.4, 0.6, []],
      ['a Target standing in for Min', { Target: 40, Max: 60 }, 40, 60, []],
      ['the Target range over Min/Max', { Target: '40-60', Min: 1, Max: 2 }, 40, 60, []],
      ['Min/Max over a plain Target', { Target: 45, Min: 40, Max: 60 }, 40, 60, []],
      ['nothing yet', {}, null, null, []],
      ['a plain number without Max', { Target: 50 }, null, null, ['bad-range']],
      ['a plain text number without Max', { Target: '50%' }, null, null, ['bad-range']],
      ['low above high', { Target: '60-40' }, null, null, ['bad-range']],
      ['Min above Max', { Min: 60, Max: 40 }, null, null, ['bad-range']],
      ['Min without Max', { Min: 40 }, null, null, ['bad-range']],
      ['Max without Min', { Max: 60 }, null, null, ['bad-range']],
      ['unreadable text', { Target: 'forty to sixty' }, null, null, ['bad-range']],
      ['half a range', { Target: '40-' }, null, null, ['bad-range']],
      ['three numbers', { Target: '40-50-60' }, null, null, ['bad-range']],
      ['a Date', { Target: new Date(Date.UTC(2026, 0, 1)) }, null, null, ['bad-range']],
      ['unreadable Max', { Min: 40, Max: 'lots' }, null, null, ['not-a-number']],
    ])('%s', (_, cells, target, targetMax, codes) => {
      const { goal, issues } = one({ Direction: 'range', ...cells });
      expect([goal.target, goal.targetMax]).toEqual([target, targetMax]);
      expect(issues.map((i) => i.code)).toEqual(codes);
      expect(goal.blocked).toBe(codes.length > 0);
    });

    it('points bad-range at the cell at fault, quoting what was written', () => {
      expect(one({ Direction: 'range', Target: '60-40' }).issues[0]).toMatchObject({
        code: 'bad-range',
        col: 10,
        column: 'Target',
        text: '60-40',
        severity: 'error',
      });
      expect(one({ Direction: 'range', Min: 40 }).issues[0]).toMatchObject({
        code: 'bad-range',
        col: 20,
        column: 'Max',
        text: '40 to blank',
      });
    });

    it("reads ranges with the workbook's decimal separator", () => {
      const { goal, codes } = one({ Direction: 'range', Target: '1,5 - 2,5' }, COMMA_SETTINGS);
      expect([goal.target, goal.targetMax, codes]).toEqual([1.5, 2.5, []]);
    });

    it('leaves targetMax null for other directions', () => {
      expect(one({ Target: 60, Max: 80 }).goal.targetMax).toBeNull();
    });
  });

  describe('binary goals', () => {
    it.each<[CellValue, number | null]>([
      ['Done', 1],
      ['yes', 1],
      [true, 1],
      [1, 1],
      ['x', 1],
      ['✓', 1],
      ['no', 0],
      ['in progress', 0],
      [false, 0],
      [0, 0],
      ['', null],
    ])('Actual %j -> %s, never not-a-number', (cell, actual) => {
      const { goal, codes } = one({ Direction: 'binary', Actual: cell });
      expect(goal.actual).toBe(actual);
      expect(codes).toEqual([]);
      expect(goal.blocked).toBe(false);
    });

    it('needs no Target, and does not report one written as words', () => {
      expect(one({ Direction: 'binary', Target: 'Launched', Actual: 'done' })).toMatchObject({
        goal: { target: null, actual: 1, blocked: false },
        codes: [],
      });
      expect(one({ Direction: 'binary', Target: 1 }).goal.target).toBe(1);
    });
  });

  it.each<[CellValue, string | null, boolean]>([
    ['', null, false],
    ['average', 'average', false],
    ['AVG', 'average', false],
    ['mean', 'average', false],
    ['Sum', 'sum', false],
    ['total', 'sum', false],
    ['min', 'min', false],
    ['Minimum', 'min', false],
    ['weakest', 'min', false],
    ['own', 'own', false],
    ['None', 'own', false],
    ['median', null, true],
  ])(
    'Rollup %j -> %s (bad-rollup: %s, an error that does not block the measured value)',
    (cell, rollup, bad) => {
      const { goal, issues } = one({ Rollup: cell });
      expect(goal.rollup).toBe(rollup);
      expect(issues.map((i) => [i.code, i.severity])).toEqual(bad ? [['bad-rollup', 'error']] : []);
      expect(goal.blocked).toBe(false);
    },
  );

  it.each<[CellValue, string, boolean]>([
    ['', '', false],
    ['FY2026', 'FY2026', false],
    ['2026', 'FY2026', false],
    [2026, 'FY2026', false],
    ['h1 2026', 'H1 2026', false],
    ['2026-Q3', 'Q3 2026', false],
    ['March 2026', 'Mar 2026', false],
    [new Date(Date.UTC(2026, 2, 1)), 'Mar 2026', false],
    ['next year', '', true],
    ['Q5 2026', '', true],
  ])('Period %j -> %j (bad-period warning: %s)', (cell, period, bad) => {
    const { goal, issues } = one({ Period: cell });
    expect(goal.period).toBe(period);
    expect(issues.map((i) => [i.code, i.severity])).toEqual(bad ? [['bad-period', 'warning']] : []);
    expect(goal.blocked).toBe(false);
  });

  describe('missing-target', () => {
    it.each<[string, Partial<Record<Column, CellValue>>, boolean]>([
      ['an Actual without a Target', { Actual: 5 }, true],
      ['a lower goal with an Actual and no Target', { Direction: 'lower', Actual: 5 }, true],
      ['a range goal with an Actual and nothing to compare', { Direction: 'range', Actual: 5 }, true],
      ['an Actual and a Target', { Actual: 5, Target: 10 }, false],
      ['a range goal with Min/Max', { Direction: 'range', Actual: 5, Min: 1, Max: 9 }, false],
      ['a binary goal', { Direction: 'binary', Actual: 'done' }, false],
      ['no Actual', {}, false],
      ['Min/Max do not count for a higher goal', { Actual: 5, Min: 1, Max: 9 }, true],
    ])('%s -> %s', (_, cells, missing) => {
      const { goal, issues } = one(cells);
      expect(issues.map((i) => i.code)).toEqual(missing ? ['missing-target'] : []);
      expect(goal.blocked).toBe(missing);
      if (missing) expect(issues[0]).toMatchObject({ col: 10, column: 'Target', severity: 'error' });
    });

    it('is not reported on top of an unreadable Actual or Target', () => {
      expect(one({ Actual: 'lots' }).codes).toEqual(['not-a-number']);
      expect(one({ Actual: 5, Target: 'lots' }).codes).toEqual(['not-a-number']);
    });
  });

  it('reads ragged rows (shorter than the header) as blank cells', () => {
    const result = readGoalTab('T', [[...HEADER], ['G1', 'Short row', 'Ana']], DEFAULT_SETTINGS, 0);
    expect(result?.goals[0]).toMatchObject({ id: 'G1', title: 'Short row', target: null, period: '' });
    expect(result?.issues).toEqual([]);
  });

  it('reports several issues of one row in column order, all pointing at the goal', () => {
    const { issues } = one({ Owner: '', Type: 'Thing', Direction: 'sideways', Baseline: 'x', Period: '??' });
    expect(issues.map((i) => [i.code, i.col, i.goalId])).toEqual([
      ['missing-owner', 3, 'G1'],
      ['bad-type', 5, 'G1'],
      ['bad-direction', 8, 'G1'],
      ['not-a-number', 9, 'G1'],
      ['bad-period', 15, 'G1'],
    ]);
  });

  it('never throws, and leaves no NaN in a goal, whatever the cells hold', () => {
    const cell = fc.oneof(
      fc.constantFrom<CellValue>(
        '',
        ' ',
        null,
        true,
        false,
        'done',
        'range',
        'binary',
        'lower',
        '40-60',
        'x',
        'FY26',
      ),
      fc.string({ maxLength: 8 }),
      fc.double(),
      fc.date({ noInvalidDate: false }),
    );
    const numberKeys: (keyof Goal)[] = [
      'baseline',
      'target',
      'targetMax',
      'actual',
      'weight',
      'contribution',
      'cap',
      'floor',
      'gate',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: HEADER.length, maxLength: HEADER.length }), { maxLength: 8 }),
        (rows) => {
          const { goals, issues } = read(rows);
          for (const goal of goals) {
            for (const key of numberKeys) {
              const v = goal[key] as number | null;
              expect(v === null || Number.isFinite(v)).toBe(true);
            }
          }
          // Row issues sit below the header; a column's own issue points at its header cell.
          for (const issue of issues)
            expect(issue.row).toBeGreaterThan(issue.code === 'foreign-type-column' ? 0 : 1);
        },
      ),
    );
  });

  it('reads a 100,000-row tab (speed lives in npm run bench)', () => {
    const rows: CellValue[][] = [];
    for (let i = 0; i < 100_000; i++) {
      rows.push(
        row({
          'Goal ID': `G${i}`,
          Goal: 'Grow revenue',
          Owner: `Owner ${i % 50}`,
          Parent: i === 0 ? '' : `G${i >> 1}`,
          Type: 'Activity',
          Metric: 'Calls',
          Direction: 'Higher',
          Target: i % 3 === 0 ? '1,200' : 1200,
          Actual: i % 2 ? 600 : '',
          Weight: 0.25,
          Period: 'Q3 2026',
        }),
      );
    }
    const result = read(rows);
    expect(result.goals).toHaveLength(100_000);
    expect(result.issues).toEqual([]);
  });
});

describe('parseDirection', () => {
  it.each<[string, string | null]>([
    ['', 'higher'],
    ['  ', 'higher'],
    ['Lower', 'lower'],
    ['yes/no', 'binary'],
    ['between', 'range'],
    ['sideways', null],
  ])('%j -> %s', (text, expected) => {
    expect(parseDirection(text)).toBe(expected);
  });
});

describe('parseRangeTarget', () => {
  it.each<[CellValue, '.' | ',', [number, number] | null]>([
    ['40-60', '.', [40, 60]],
    [' 40 to 60 ', '.', [40, 60]],
    ['40% - 60%', '.', [0.4, 0.6]],
    ['1,5-2,5', ',', [1.5, 2.5]],
    ['60-40', '.', null],
    ['50', '.', null],
    [50, '.', null],
    ['', '.', null],
    ['a-b', '.', null],
  ])('%j (%s) -> %j', (v, separator, expected) => {
    expect(parseRangeTarget(v, separator)).toEqual(expected);
  });
});

describe('negative weights', () => {
  it.each([
    [-0.2, ['negative-weight']],
    ['-20%', ['negative-weight']],
    [0, []],
    [0.2, []],
  ])('Weight %j gives %j, and never blocks the goal', (weight, expected) => {
    const { goals, issues } = read([goalRow({ Weight: weight })]);
    expect(issues.map((i) => i.code)).toEqual(expected);
    expect(goals[0].blocked).toBe(false);
  });
});

describe('Confidence and Note (check-ins)', () => {
  const tab = (confidences: CellValue[], notes: CellValue[] = []) =>
    readGoalTab(
      'Team',
      [
        ['ID', 'Goal', 'Target', 'Actual', 'Confidence', 'Note'],
        ...confidences.map((c, k) => [`G${k}`, 'Goal', 10, 5, c, notes[k] ?? '']),
      ],
      DEFAULT_SETTINGS,
      0,
    )!;

  it.each<[string, CellValue[], (number | null)[], [string, string][]]>([
    ['tenths as written', [7, '8', 0, 10, ''], [7, 8, 0, 10, null], []],
    ['a percentage reads as tenths', ['70%', 9], [7, 9], []],
    ['a column of fractions (70% cells) reads as tenths', [0.7, 0.45, 1, 0], [7, 4.5, 10, 0], []],
    ['a column of 0s and 1s stays tenths', [0, 1], [0, 1], []],
    [
      'outside 0-10 is a warning, not counted',
      [12, -1],
      [null, null],
      [
        ['bad-confidence', 'warning'],
        ['bad-confidence', 'warning'],
      ],
    ],
    ['text that is not a number is reported, not blocking', ['high'], [null], [['not-a-number', 'error']]],
  ])('%s', (_label, cells, expected, issues) => {
    const read = tab(cells);
    expect(read.goals.map((g) => g.confidence)).toEqual(expected);
    const found = read.issues.filter((i) => i.code !== 'missing-owner');
    expect(found.map((i) => [i.code, i.severity])).toEqual(issues);
    expect(found.every((i) => i.column === 'Confidence')).toBe(true);
    expect(read.goals.every((g) => !g.blocked && g.actual === 5)).toBe(true);
  });

  it('reads the note as text', () => {
    expect(tab([7], ['  slow start ']).goals[0].note).toBe('slow start');
  });

  it('a row with only a confidence or a note is no goal (and no section label)', () => {
    const read = readGoalTab(
      'Team',
      [
        ['ID', 'Goal', 'Target', 'Actual', 'Confidence', 'Note'],
        ['G1', 'Goal', 10, 5, 7, ''],
        ['', '', '', '', 6, ''],
        ['', '', '', '', '', 'see above'],
      ],
      DEFAULT_SETTINGS,
      0,
    )!;
    expect(read.goals.map((g) => g.id)).toEqual(['G1']);
    expect(read.issues.map((i) => i.code)).toEqual(['missing-owner']);
  });
});
