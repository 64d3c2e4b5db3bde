// The sample workbook: a marketing cascade from the CMO's outcomes through four teams to individuals.
import type { CellValue } from '../../src/core/model';

export interface SampleTab {
  name: string;
  grid: CellValue[][];
}

// biome-ignore format: a table, one row per line
const HEADER = ['ID', 'Goal', 'Owner', 'Parent', 'Type', 'Metric', 'Unit', 'Direction', 'Baseline', 'Target', 'Actual', 'Weight', 'Contribution', 'Rollup', 'Period', 'Notes'];

type Row = [
  id: string,
  goal: string,
  owner: string,
  parent: string,
  type: string,
  metric: string,
  unit: string,
  direction: string,
  baseline: CellValue,
  target: CellValue,
  actual: CellValue,
  weight: CellValue,
  contribution: CellValue,
  rollup: string,
  period: string,
  notes: string,
];

const tab = (name: string, rows: Row[]): SampleTab => ({
  name,
  grid: [HEADER.slice(), ...rows.map((r) => r.slice())],
});

/** A fresh copy each call, shaped like getValues(): '' for blanks, numbers, fractions for percentages. */
export function marketingWorkbook(): SampleTab[] {
  // biome-ignore format: a table, one row per line
  return [
    tab('CMO', [
      ['CMO-1', 'Grow marketing-sourced pipeline to $40M', 'Dana Reyes', '', 'Outcome', 'Sourced pipeline', '$', 'higher', '', 40_000_000, 31_500_000, 0.4, '', '', 'FY2026', 'From CRM, opportunity source = marketing'],
      ['CMO-2', 'Marketing-influenced revenue of $18M', 'Dana Reyes', '', 'Outcome', 'Influenced revenue', '$', 'higher', '', 18_000_000, 14_200_000, 0.3, '', '', 'FY2026', ''],
      ['CMO-3', 'Customer NPS from 30 to 45', 'Dana Reyes', '', 'Outcome', 'Customer NPS', 'score', 'higher', 30, 45, 41, 0.2, '', '', 'FY2026', 'Quarterly relationship survey'],
      ['CMO-4', 'Teaming score from the exec team', 'Dana Reyes', '', 'Collaboration', 'Peer NPS', 'score', 'higher', 0, 50, 44, 0.1, '', '', 'FY2026', '=MBO_NPS of the peer survey'],
    ]),
    tab('Demand Gen', [
      ['DG-1', 'Demand Gen sourced pipeline of $24M', 'Sam Patel', 'CMO-1', 'Outcome', 'Sourced pipeline', '$', 'higher', '', 24_000_000, '', 0.55, 0.5, 'sum', 'FY2026', 'Rolled up from the programmes below'],
      ['DG-2', 'Paid media pipeline of $10M', 'Lee Chen', 'DG-1', 'Outcome', 'Sourced pipeline', '$', 'higher', '', 10_000_000, 8_200_000, 0.5, '', '', 'FY2026', ''],
      ['DG-3', 'Webinar programme pipeline of $6M', 'Ava Brooks', 'DG-1', 'Outcome', 'Sourced pipeline', '$', 'higher', '', 6_000_000, '$5.1M', 0.6, '', '', 'FY2026', 'Typed as text: parsed exactly'],
      ['DG-4', 'Outbound-assisted pipeline of $8M', 'Lee Chen', 'DG-1', 'Outcome', 'Sourced pipeline', '$', 'higher', '', 8_000_000, 6_900_000, 0.2, '', '', 'FY2026', ''],
      ['DG-5', 'Cut cost per opportunity from $1,800 to $1,400', 'Sam Patel', 'CMO-2', 'Outcome', 'Cost per opportunity', '$', 'lower', 1800, 1400, 1550, 0.3, '', '', 'FY2026', ''],
      ['DG-6', 'Drive 1.2M paid ad clicks', 'Lee Chen', 'DG-2', 'Activity', 'Ad clicks', 'count', 'higher', '', 1_200_000, 1_350_000, 0.2, '', '', 'FY2026', 'Feeds paid pipeline'],
      ['DG-7', 'Generate 5,000 MQLs', 'Ava Brooks', 'CMO-1', 'Outcome', 'MQLs', 'count', 'higher', '', 5000, 6100, 0.3, 0.1, '', 'FY2026', 'A lead count marked as an outcome'],
      ['DG-T1', 'Teaming score from Sales leadership', 'Sam Patel', '', 'Collaboration', 'Peer NPS', 'score', 'higher', 0, 40, 52, 0.15, '', '', 'FY2026', ''],
      ['DG-T2', 'Teaming score from SDR team', 'Lee Chen', '', 'Collaboration', 'Peer NPS', 'score', 'higher', 0, 40, 35, 0.1, '', '', 'FY2026', ''],
      ['DG-T3', 'Teaming score from Content and Field', 'Ava Brooks', '', 'Collaboration', 'Peer NPS', 'score', 'higher', 0, 40, 47, 0.1, '', '', 'FY2026', ''],
    ]),
    tab('Content', [
      ['CT-1', 'Content-influenced pipeline of $8M', 'Priya Nair', 'CMO-1', 'Outcome', 'Influenced pipeline', '$', 'higher', '', 8_000_000, 7_100_000, 0.6, 0.2, '', 'FY2026', ''],
      ['CT-2', 'Publish 48 in-depth articles', 'Omar Haddad', 'CT-1', 'Activity', 'Posts published', 'count', 'higher', '', 48, 52, 0.3, '', '', 'FY2026', ''],
      ['CT-3', '3,000 product sign-ups from organic content', 'Omar Haddad', 'CT-1', 'Outcome', 'Sign-ups', 'count', 'higher', '', 3000, 2100, 0.6, '', '', 'FY2026', ''],
      ['CT-4', 'Win 3 industry awards', 'Priya Nair', '', 'Activity', 'Awards won', 'count', 'higher', '', 3, 2, 0.25, '', '', 'FY2026', 'Stands alone: trees up to nothing'],
      ['CT-T1', 'Teaming score from Product Marketing', 'Priya Nair', '', 'Collaboration', 'Peer NPS', 'score', 'higher', 0, 40, 38, 0.15, '', '', 'FY2026', ''],
      ['CT-T2', 'Teaming score from Demand Gen', 'Omar Haddad', '', 'Collaboration', 'Peer NPS', 'score', 'higher', 0, 40, 45, 0.1, '', '', 'FY2026', ''],
    ]),
    tab('Field', [
      ['FM-1', 'Field-sourced pipeline of $8M', 'Marco Rossi', 'CMO-1', 'Outcome', 'Sourced pipeline', '$', 'higher', '', 8_000_000, 5_200_000, 0.7, 0.2, '', 'FY2026', 'Events fill rooms, rooms do not fill pipeline'],
      ['FM-2', 'Host 12 executive dinners', 'Jin Park', 'FM-1', 'Activity', 'Events held', 'count', 'higher', '', 12, 12, 0.6, '', '', 'FY2026', ''],
      ['FM-3', 'Event-to-meeting conversion of 25%', 'Jin Park', 'FM-1', 'Outcome', 'Meeting conversion', '%', 'higher', '', 0.25, 0.18, 0.3, '', '', 'FY2026', ''],
      ['FM-T1', 'Teaming score from regional Sales', 'Marco Rossi', '', 'Collaboration', 'Peer NPS', 'score', 'higher', 0, 40, 30, 0.3, '', '', 'FY2026', ''],
      ['FM-T2', 'Teaming score from Demand Gen', 'Jin Park', '', 'Collaboration', 'Peer NPS', 'score', 'higher', 0, 40, 41, 0.1, '', '', 'FY2026', ''],
    ]),
    tab('Product Marketing', [
      ['PM-1', 'Competitive win rate from 25% to 32%', 'Grace Kim', 'CMO-2', 'Outcome', 'Win rate', '%', 'higher', 0.25, 0.32, 0.29, 0.6, '', '', 'FY2026', ''],
      ['PM-2', 'Ship the Q3 launch kit', 'Tom Alvarez', 'PM-1', 'Activity', 'Launch kit shipped', '', 'binary', '', '', 'Done', 0.3, '', '', 'FY2026', ''],
      ['PM-3', 'Keep sales-enablement CSAT between 4.2 and 4.8', 'Tom Alvarez', 'CMO-3', 'Outcome', 'Enablement CSAT', 'score', 'range', '', '4.2-4.8', 4.4, 0.6, '', '', 'FY2026', ''],
      ['PM-4', 'Cut ad-hoc request turnaround to 2 days', 'Grace Kim', 'PM-1', 'Activity', 'Turnaround', 'days', 'lower', 4, 2, 2.5, 0.25, '', '', 'FY2026', ''],
      ['PM-T1', 'Teaming score from Sales and Product', 'Grace Kim', '', 'Collaboration', 'Peer NPS', 'score', 'higher', 0, 40, 44, 0.15, '', '', 'FY2026', ''],
      ['PM-T2', 'Teaming score from Content', 'Tom Alvarez', '', 'Collaboration', 'Peer NPS', 'score', 'higher', 0, 40, 36, 0.1, '', '', 'FY2026', ''],
    ]),
  ];
}
