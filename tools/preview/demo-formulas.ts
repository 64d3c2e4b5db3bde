// The preview's "Formulas" tab: MBO_ custom functions over the sample's goal tabs, so the formula engine visibly works.
import type { FakeCellInput } from '../gas-fake';
import { blockRef, columnName } from './sheet-ref';

export const FORMULAS_TAB = 'Formulas';

/** A goal tab the formulas read: its name and how many columns its table has. */
export interface GoalTabShape {
  name: string;
  columns: number;
}

/** A number format for a block of cells, as a user formats result columns in Sheets (Format → Number → Percent). */
export interface BlockFormat {
  tab: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
  format: string;
}

/**
 * Rows read from every goal tab, header included: room to add goals in the preview. Each spilled
 * result reserves a row per row read, so the blocks sit side by side rather than one under another.
 */
const TABLE_ROWS = 20;
const SURVEY = [10, 9, 9, 8, 7, 10, 6, 9];
const RESULTS_ROW = 7;
const CASCADE_AT = 1; // A: ID, Goal, Owner, Parent, Depth, Path, Measured, Rolled up, Attainment, Status
/** The Attainment column (final attainment) of the MBO_CASCADE result, counted from its ID column. */
const CASCADE_ATTAINMENT = 9;
const SCORE_AT = 12; // L: owner, score
const VALIDATE_AT = 15; // O: ID, Row, Column, Severity, Code, Message
const PERCENT = '0.0%';

/** Column letter of a header in the sample's goal tables (all share one header row). */
const HEADER_COLUMNS = { id: 1, owner: 3, direction: 8, baseline: 9, target: 10, actual: 11, weight: 12 };

function stacked(tabs: readonly GoalTabShape[], column: number): string {
  return `{${tabs.map((tab) => blockRef(tab.name, 2, column, TABLE_ROWS - 1, 1)).join('; ')}}`;
}

function tables(tabs: readonly GoalTabShape[]): string {
  return tabs.map((tab) => blockRef(tab.name, 1, 1, TABLE_ROWS, tab.columns)).join(', ');
}

/**
 * Each owner's weighted score from each goal's final attainment, as a scorecard counts it (the model: the outcome
 * where measured, else the roll-up): looked up by ID in the MBO_CASCADE result beside it, so the score agrees with
 * the Roll-up tab. Scoring MBO_ATTAINMENT (measured only) would leave out every goal that only rolls up.
 */
function scoreFormula(tabs: readonly GoalTabShape[]): string {
  const col = (c: number) => stacked(tabs, c);
  const c = HEADER_COLUMNS;
  const cascade = blockRef(FORMULAS_TAB, RESULTS_ROW + 1, CASCADE_AT, cascadeRows(tabs), CASCADE_ATTAINMENT);
  // FALSE() rather than FALSE: HyperFormula reads a bare FALSE as a name; Sheets takes both.
  const final = `ARRAYFORMULA(IFERROR(VLOOKUP(${col(c.id)}, ${cascade}, ${CASCADE_ATTAINMENT}, FALSE()), ""))`;
  return `=MBO_SCORE(${col(c.owner)}, ${col(c.weight)}, ${final})`;
}

/** Rows the MBO_CASCADE result may fill below its header: one per goal row read. */
const cascadeRows = (tabs: readonly GoalTabShape[]): number => tabs.length * (TABLE_ROWS - 1);

/** The tab's cells from A1, and the percent formats of its attainment columns. */
export function formulasTab(tabs: readonly GoalTabShape[]): {
  grid: FakeCellInput[][];
  formats: BlockFormat[];
} {
  const surveyEnd = columnName(1 + SURVEY.length);
  const row = (cells: Record<number, FakeCellInput>): FakeCellInput[] => {
    const width = Math.max(...Object.keys(cells).map(Number));
    return Array.from({ length: width }, (_, i) => cells[i + 1] ?? '');
  };
  const grid: FakeCellInput[][] = [
    row({ 1: 'Custom functions, computed by HyperFormula with the bundle that is uploaded to Apps Script.' }),
    row({ 1: 'Edit an Actual on a goal tab, or a survey answer below: every result here recomputes.' }),
    [],
    row({ 1: 'Peer survey (0–10)', ...Object.fromEntries(SURVEY.map((v, i) => [i + 2, v])) }),
    row({ 1: 'Teaming NPS', 2: `=MBO_NPS(B4:${surveyEnd}4)` }),
    row({
      [CASCADE_AT]: 'MBO_CASCADE of every goal tab',
      [SCORE_AT]: 'MBO_SCORE per owner (final attainment, as the Roll-up)',
      [VALIDATE_AT]: 'MBO_VALIDATE of every goal tab',
    }),
    row({
      [CASCADE_AT]: `=MBO_CASCADE(${tables(tabs)})`,
      [SCORE_AT]: scoreFormula(tabs),
      [VALIDATE_AT]: `=MBO_VALIDATE(${tables(tabs)})`,
    }),
  ];
  const reserved = 1 + cascadeRows(tabs);
  const formats: BlockFormat[] = [
    {
      tab: FORMULAS_TAB,
      row: RESULTS_ROW,
      column: CASCADE_AT + 6,
      rows: reserved,
      columns: 3,
      format: PERCENT,
    },
    {
      tab: FORMULAS_TAB,
      row: RESULTS_ROW,
      column: SCORE_AT + 1,
      rows: reserved,
      columns: 1,
      format: PERCENT,
    },
  ];
  return { grid, formats };
}
