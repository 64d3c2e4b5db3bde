// Generated goal workbooks for property tests: valid goal forests over several tabs, rendered in any row order.
import fc from 'fast-check';
import type { CellValue, Field } from '../../src/core/model';
import type { Analysis, TabInput } from '../../src/core/workbook';

export type DirectionWord = 'higher' | 'lower' | 'range' | 'binary';
export type RollupWord = '' | 'average' | 'sum' | 'own' | 'min';

/** One goal as the generator means it; rendered into whichever tab and row the layout puts it. */
export interface GoalSpec {
  /** The ID as written in its ID cell (unique in the workbook, compared case-insensitively). */
  id: string;
  /** Position of the parent in Workbook.goals; null for a top-level goal. */
  parent: number | null;
  /** The Parent cell as written: the parent's ID in some other case and padding, or ''. */
  parentText: string;
  title: string;
  owner: string;
  type: string;
  metric: string;
  unit: string;
  direction: DirectionWord;
  baseline: number | null;
  /** The target, or a range goal's low end. */
  target: number | null;
  /** A range goal's high end. */
  targetMax: number | null;
  /** A number, or a done/not-done word for binary goals. */
  actual: number | string | null;
  weight: number | null;
  /** A fraction of the parent's roll-up. */
  contribution: number | null;
  rollup: RollupWord;
  period: string;
  cap: number | null;
  floor: number | null;
  gate: number | null;
  /** Integers written as text ('1,200', '30%') rather than numbers: the parser must read both the same. */
  numbersAsText: boolean;
}

/** A tab's header row: which fields, in which order, under which of their names. */
export interface TabLayout {
  name: string;
  columns: { field: Field | 'notes'; header: string }[];
  blankRowsAbove: number;
}

export interface Workbook {
  goals: GoalSpec[];
  tabs: TabLayout[];
}

/** Where each goal's row goes: its tab, and a sort key among that tab's rows. */
export interface Placement {
  tabOf: number[];
  rankOf: number[];
  /** Blank rows, as (tab, sort key): skipped by the reader wherever they fall. */
  blanks: [number, number][];
}

/** Every recognised column a generated tab carries (min/max are left out: ranges are written `40-60`). */
const FIELDS: readonly Field[] = [
  'id',
  'goal',
  'owner',
  'parent',
  'type',
  'metric',
  'unit',
  'direction',
  'baseline',
  'target',
  'actual',
  'weight',
  'contribution',
  'rollup',
  'period',
  'cap',
  'floor',
  'gate',
];

/** Header names as people write them: every synonym the model lists, some with a trailing "(%)". */
const HEADER_NAMES: Readonly<Partial<Record<Field, readonly string[]>>> = {
  id: ['ID', 'Goal ID', 'Key', 'Ref', 'id'],
  goal: ['Goal', 'Objective', 'MBO', 'Title', 'Name', 'Key Result', 'Goal title'],
  owner: ['Owner', 'Assignee', 'Employee', 'Person'],
  parent: ['Parent', 'Parent ID', 'Aligns to', 'Aligned to', 'Contributes to'],
  type: ['Type', 'Goal type'],
  metric: ['Metric', 'KPI', 'Measure'],
  unit: ['Unit', 'Units'],
  direction: ['Direction', 'DIRECTION'],
  baseline: ['Baseline', 'Start'],
  target: ['Target', 'Goal value', 'Target (%)'],
  min: ['Min'],
  max: ['Max'],
  actual: ['Actual', 'Current', 'Result'],
  weight: ['Weight', 'Weight (%)', 'Weighting'],
  contribution: ['Contribution', 'Contribution (%)'],
  rollup: ['Rollup', 'Roll-up', 'Rollup method'],
  period: ['Period'],
  cap: ['Cap'],
  floor: ['Floor'],
  gate: ['Gate', 'GATE'],
};

const TAB_NAMES = ['CMO', 'Demand Gen', 'Field Marketing', "Ops & Tools' tab", 'Účty'];

/** Owners in more than one spelling: scorecards compare them trimmed and case-insensitively. */
const OWNERS = ['Ava', 'ava', ' Ava ', 'Lee', 'Kim', 'KIM', 'Dana'];
const TYPES = ['', 'Outcome', 'outcome', 'Activity', 'Collaboration', 'Activities'];
const METRICS = ['', 'Pipeline $', 'Revenue', 'NPS', 'Clicks', 'MQL count', 'Win rate'];
const UNITS = ['', '$', 'count', '%'];
const PERIODS = ['', 'FY2026', 'H1 2026', 'Q3 2026', 'Mar 2026', '2026-Q3'];
const ROLLUPS: readonly RollupWord[] = ['', '', 'average', 'sum', 'own', 'min'];
const DONE_WORDS = ['done', 'Yes', '✓', 'no', 'not yet', 'x'];

export interface WorkbookOptions {
  minGoals?: number;
  maxGoals?: number;
  /** Every goal gets an explicit contribution (none left blank to share the rest equally). */
  explicitContributions?: boolean;
}

/** Null five times out of six: per-goal limits and gates are the exception in real workbooks. */
const rarely = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 5 }, { arbitrary: arb, weight: 1 });

/** The values of one goal, before the forest decides its ID and parent. */
const goalValues = (explicitContributions: boolean) =>
  fc.record({
    parentPick: fc.option(fc.nat({ max: 10_000 }), { freq: 4, nil: null }),
    parentSpelling: fc.constantFrom('as is', 'lower', 'padded'),
    owner: fc.option(fc.constantFrom(...OWNERS), { freq: 6, nil: '' }),
    type: fc.constantFrom(...TYPES),
    metric: fc.constantFrom(...METRICS),
    unit: fc.constantFrom(...UNITS),
    direction: fc.constantFrom<DirectionWord>('higher', 'higher', 'higher', 'lower', 'range', 'binary'),
    baseline: fc.option(fc.integer({ min: -50, max: 50 }), { freq: 2, nil: null }),
    target: fc.integer({ min: 1, max: 2000 }),
    span: fc.integer({ min: 1, max: 100 }),
    actual: fc.option(fc.integer({ min: 0, max: 3000 }), { freq: 4, nil: null }),
    doneWord: fc.option(fc.constantFrom(...DONE_WORDS), { freq: 4, nil: null }),
    weight: fc.option(fc.integer({ min: 0, max: 100 }), { freq: 3, nil: null }),
    contributionPct: explicitContributions
      ? fc.integer({ min: 0, max: 100 })
      : fc.option(fc.integer({ min: 0, max: 100 }), { freq: 2, nil: null }),
    rollup: fc.constantFrom(...ROLLUPS),
    period: fc.constantFrom(...PERIODS),
    cap: rarely(fc.constantFrom(1.2, 2, 1)),
    floor: rarely(fc.constantFrom(0.1, -0.5)),
    gate: rarely(fc.constantFrom(0.5, 0.8)),
    numbersAsText: fc.boolean(),
  });

const tabLayout = (name: string): fc.Arbitrary<TabLayout> =>
  fc
    .record({
      order: fc.shuffledSubarray([...FIELDS], { minLength: FIELDS.length, maxLength: FIELDS.length }),
      names: fc.tuple(...FIELDS.map((f) => fc.constantFrom(...HEADER_NAMES[f]!))),
      notesAt: fc.option(fc.nat({ max: FIELDS.length }), { nil: null }),
      blankRowsAbove: fc.integer({ min: 0, max: 2 }),
    })
    .map(({ order, names, notesAt, blankRowsAbove }) => {
      const header = new Map(FIELDS.map((f, i) => [f, names[i]]));
      const columns: TabLayout['columns'] = order.map((field) => ({ field, header: header.get(field)! }));
      // An unknown column is kept and never read: its notes must change nothing.
      if (notesAt !== null) columns.splice(notesAt, 0, { field: 'notes', header: 'Notes' });
      return { name, columns, blankRowsAbove };
    });

/** A valid goal forest: each goal's parent comes earlier in generation order, so there is no cycle. */
export function workbookArb(options: WorkbookOptions = {}): fc.Arbitrary<Workbook> {
  const { minGoals = 1, maxGoals = 30, explicitContributions = false } = options;
  return fc
    .record({
      values: fc.array(goalValues(explicitContributions), { minLength: minGoals, maxLength: maxGoals }),
      tabCount: fc.integer({ min: 1, max: 4 }),
      idStyle: fc.constantFrom('G-', 'goal.', 'Ω'),
    })
    .chain(({ values, tabCount, idStyle }) =>
      fc.tuple(...TAB_NAMES.slice(0, tabCount).map(tabLayout)).map((tabs) => {
        const ids = values.map((_, i) => `${idStyle}${i + 1}`);
        const goals = values.map((v, i): GoalSpec => {
          const parent = v.parentPick === null || i === 0 ? null : v.parentPick % i;
          const parentText = parent === null ? '' : spellId(ids[parent], v.parentSpelling);
          const direction = v.direction;
          // Valid by construction: target differs from baseline, a lower goal without baseline has a non-zero target.
          const baseline = direction === 'range' || direction === 'binary' ? null : v.baseline;
          const target = baseline !== null && v.target === baseline ? v.target + 1 : v.target;
          return {
            id: ids[i],
            parent,
            parentText,
            title: `Goal ${i + 1}`,
            owner: v.owner,
            type: v.type,
            metric: v.metric,
            unit: v.unit,
            direction,
            baseline,
            target: direction === 'binary' ? null : target,
            targetMax: direction === 'range' ? target + v.span : null,
            actual: direction === 'binary' ? v.doneWord : v.actual,
            weight: v.weight,
            contribution: v.contributionPct === null ? null : v.contributionPct / 100,
            rollup: v.rollup,
            period: v.period,
            cap: v.cap,
            floor: v.floor,
            gate: v.gate,
            numbersAsText: v.numbersAsText,
          };
        });
        return { goals, tabs };
      }),
    );
}

function spellId(id: string, spelling: string): string {
  if (spelling === 'lower') return id.toLowerCase();
  if (spelling === 'padded') return ` ${id.toUpperCase()}  `;
  return id;
}

/** A placement of n goals over the tabs in any order, with a few blank rows in between. */
export function placementArb(goalCount: number, tabCount: number): fc.Arbitrary<Placement> {
  return fc.record({
    tabOf: fc.array(fc.nat({ max: tabCount - 1 }), { minLength: goalCount, maxLength: goalCount }),
    rankOf: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
      minLength: goalCount,
      maxLength: goalCount,
    }),
    blanks: fc.array(fc.tuple(fc.nat({ max: tabCount - 1 }), fc.double({ min: 0, max: 1, noNaN: true })), {
      maxLength: 3,
    }),
  });
}

/** A workbook with two independent placements of its rows. */
export function workbookWithTwoPlacements(
  options: WorkbookOptions = {},
): fc.Arbitrary<{ workbook: Workbook; first: Placement; second: Placement }> {
  return workbookArb(options).chain((workbook) =>
    fc
      .tuple(
        placementArb(workbook.goals.length, workbook.tabs.length),
        placementArb(workbook.goals.length, workbook.tabs.length),
      )
      .map(([first, second]) => ({ workbook, first, second })),
  );
}

/** A workbook with one placement of its rows. */
export function placedWorkbook(
  options: WorkbookOptions = {},
): fc.Arbitrary<{ workbook: Workbook; placement: Placement }> {
  return workbookArb(options).chain((workbook) =>
    placementArb(workbook.goals.length, workbook.tabs.length).map((placement) => ({ workbook, placement })),
  );
}

/** Integers as a person types them into a text cell: 1,200 with its thousands separator. */
function integerText(n: number): string {
  return n.toLocaleString('en-US');
}

function numberCell(n: number | null, asText: boolean): CellValue {
  if (n === null) return '';
  return asText && Number.isInteger(n) ? integerText(n) : n;
}

/** A fraction as a cell: 0.3 or, as text, '30%' (which reads back as exactly 0.3). */
function fractionCell(n: number | null, asText: boolean): CellValue {
  if (n === null) return '';
  const pct = n * 100;
  return asText && Number.isInteger(pct) && Math.abs(pct / 100 - n) === 0 ? `${pct}%` : n;
}

/** The cell a goal shows in a column. */
export function cellOf(goal: GoalSpec, field: Field | 'notes'): CellValue {
  const text = goal.numbersAsText;
  switch (field) {
    case 'id':
      return goal.id;
    case 'goal':
      return goal.title;
    case 'owner':
      return goal.owner;
    case 'parent':
      return goal.parentText;
    case 'type':
      return goal.type;
    case 'metric':
      return goal.metric;
    case 'unit':
      return goal.unit;
    case 'direction':
      return goal.direction === 'higher' && text ? '' : goal.direction;
    case 'baseline':
      return numberCell(goal.baseline, text);
    case 'target':
      if (goal.direction === 'range') return `${goal.target}${text ? ' to ' : '-'}${goal.targetMax}`;
      return numberCell(goal.target, text);
    case 'actual':
      return typeof goal.actual === 'string' ? goal.actual : numberCell(goal.actual, text);
    case 'weight':
      return numberCell(goal.weight, text);
    case 'contribution':
      return fractionCell(goal.contribution, text);
    case 'rollup':
      return goal.rollup;
    case 'period':
      return goal.period;
    case 'cap':
      return fractionCell(goal.cap, text);
    case 'floor':
      return fractionCell(goal.floor, text);
    case 'gate':
      return fractionCell(goal.gate, text);
    case 'notes':
      return `note on ${goal.title}`;
    default:
      return '';
  }
}

/** The workbook's tabs with each goal's row where the placement puts it. */
export function render(workbook: Workbook, placement: Placement): TabInput[] {
  return workbook.tabs.map((tab, t) => {
    const width = tab.columns.length;
    const rows: { rank: number; cells: CellValue[] }[] = [];
    workbook.goals.forEach((goal, i) => {
      if (placement.tabOf[i] !== t) return;
      rows.push({ rank: placement.rankOf[i], cells: tab.columns.map((c) => cellOf(goal, c.field)) });
    });
    for (const [blankTab, rank] of placement.blanks) {
      if (blankTab === t) rows.push({ rank, cells: new Array<CellValue>(width).fill('') });
    }
    rows.sort((a, b) => a.rank - b.rank);
    const above = Array.from({ length: tab.blankRowsAbove }, () => new Array<CellValue>(width).fill(''));
    return {
      name: tab.name,
      grid: [...above, tab.columns.map((c) => c.header), ...rows.map((r) => r.cells)],
    };
  });
}

/** The same workbook without some goals (their rows deleted); Parent cells naming them now name nothing. */
export function withoutGoals(workbook: Workbook, placement: Placement, removed: ReadonlySet<number>) {
  const keep = workbook.goals.map((_, i) => i).filter((i) => !removed.has(i));
  return {
    workbook: { ...workbook, goals: keep.map((i) => workbook.goals[i]) },
    placement: {
      tabOf: keep.map((i) => placement.tabOf[i]),
      rankOf: keep.map((i) => placement.rankOf[i]),
      blanks: placement.blanks,
    },
  };
}

/** Positions of the goals whose chain of parents reaches one of `roots` (the roots themselves excluded). */
export function descendantsOf(goals: readonly GoalSpec[], roots: ReadonlySet<number>): Set<number> {
  const below = new Set<number>();
  goals.forEach((_, start) => {
    if (roots.has(start)) return;
    const seen = new Set<number>();
    for (let at = goals[start].parent; at !== null && !seen.has(at); at = goals[at].parent) {
      if (roots.has(at)) {
        below.add(start);
        return;
      }
      seen.add(at);
    }
  });
  return below;
}

/** What a property compares: per-goal results by ID, cards by (owner, period), issues as (code, goal) pairs. */
export interface Outcome {
  goals: Map<string, GoalOutcome>;
  cards: Map<string, CardOutcome>;
  /** Sorted `code goalId` pairs: a multiset, independent of rows and tabs. */
  issues: string[];
}

export interface GoalOutcome {
  measured: number | null;
  rolledUp: number | null;
  final: number | null;
  gap: number | null;
  status: string;
  depth: number;
  onCycle: boolean;
}

export interface CardOutcome {
  score: number | null;
  payout: number | null;
  gated: boolean;
  goalCount: number;
}

export function outcomeOf(analysis: Analysis): Outcome {
  const goals = new Map<string, GoalOutcome>();
  analysis.goals.forEach((g, i) => {
    const r = analysis.results.at(i);
    goals.set(g.id.toLowerCase(), {
      measured: r.measured,
      rolledUp: r.rolledUp,
      final: r.final,
      gap: r.gap,
      status: r.status,
      depth: r.depth,
      onCycle: r.onCycle,
    });
  });
  const cards = new Map<string, CardOutcome>();
  for (const c of analysis.cards) {
    // The owner is shown as first spelled in the workbook, so the key is the spelling compared.
    cards.set(cardKey(c.owner, c.period), {
      score: c.score,
      payout: c.payout,
      gated: c.gated,
      goalCount: c.goalCount,
    });
  }
  const issues = analysis.issues.map((i) => `${i.code} ${i.goalId.toLowerCase()}`).sort();
  return { goals, cards, issues };
}

export function cardKey(owner: string, period: string): string {
  return `${owner.trim().toLowerCase()} | ${period}`;
}

/**
 * Attainments computed in another order may differ in the last bits (sums and averages over children or
 * goals in row order): equal within 1e-9 relative, or both null.
 */
export function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Where two outcomes differ, as readable lines (empty when they agree), limited to the goals and cards kept. */
export function differences(
  a: Outcome,
  b: Outcome,
  compare: { goals?: (key: string) => boolean; cards?: (key: string) => boolean; issues?: boolean } = {},
): string[] {
  const keepGoal = compare.goals ?? (() => true);
  const keepCard = compare.cards ?? (() => true);
  const out: string[] = [];
  const goalKeys = new Set([...a.goals.keys(), ...b.goals.keys()]);
  for (const key of goalKeys) {
    if (!keepGoal(key)) continue;
    const x = a.goals.get(key);
    const y = b.goals.get(key);
    if (!x || !y) {
      out.push(`${key}: only in ${x ? 'first' : 'second'}`);
      continue;
    }
    for (const field of ['measured', 'rolledUp', 'final', 'gap'] as const) {
      if (!sameNumber(x[field], y[field])) out.push(`${key}.${field}: ${x[field]} vs ${y[field]}`);
    }
    for (const field of ['status', 'depth', 'onCycle'] as const) {
      if (x[field] !== y[field]) out.push(`${key}.${field}: ${x[field]} vs ${y[field]}`);
    }
  }
  const cardKeys = new Set([...a.cards.keys(), ...b.cards.keys()]);
  for (const key of cardKeys) {
    if (!keepCard(key)) continue;
    const x = a.cards.get(key);
    const y = b.cards.get(key);
    if (!x || !y) {
      out.push(`card ${key}: only in ${x ? 'first' : 'second'}`);
      continue;
    }
    if (!sameNumber(x.score, y.score)) out.push(`card ${key}.score: ${x.score} vs ${y.score}`);
    if (!sameNumber(x.payout, y.payout)) out.push(`card ${key}.payout: ${x.payout} vs ${y.payout}`);
    if (x.gated !== y.gated) out.push(`card ${key}.gated: ${x.gated} vs ${y.gated}`);
    if (x.goalCount !== y.goalCount) out.push(`card ${key}.goalCount: ${x.goalCount} vs ${y.goalCount}`);
  }
  if (compare.issues ?? true) {
    const keep = (line: string): boolean => keepGoal(line.slice(line.indexOf(' ') + 1));
    const x = a.issues.filter(keep).join('\n');
    const y = b.issues.filter(keep).join('\n');
    if (x !== y) out.push(`issues differ:\n${x}\n--- vs ---\n${y}`);
  }
  return out;
}
