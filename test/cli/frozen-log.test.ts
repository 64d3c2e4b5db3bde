// The command line on a workbook holding a Frozen payouts log (downloaded from Sheets, so without the add-on's mark): the log is compared, not read as goals.
import { describe, expect, it } from 'vitest';
import { analyzeTabs } from '../../src/cli/commands';
import { FROZEN_HEADERS, freezeRows } from '../../src/core/freeze';
import type { Grid } from '../../src/core/model';
import { analyzeWorkbook, type TabInput } from '../../src/core/workbook';
import { NOW } from './run-main';

const goals = (annActual: number): TabInput => ({
  name: 'Goals',
  grid: [
    ['ID', 'Goal', 'Owner', 'Target', 'Actual', 'Weight', 'Period'],
    ['A', 'Ann’s goal', 'Ann', 100, annActual, 1, 'FY2026'],
  ],
});
const log = (): Grid => [
  FROZEN_HEADERS,
  ...freezeRows(analyzeWorkbook([goals(100)]), 'FY2026', '2026-12-31T17:00:00.000Z', 'cfo@example.com'),
];

describe('analyzeTabs with a Frozen payouts log', () => {
  it.each<[string, number, string[]]>([
    ['nothing changed since the freeze', 100, []],
    ['an actual changed under the frozen period', 90, ['frozen-period-changed']],
  ])('%s', (_name, actual, expected) => {
    const analysis = analyzeTabs([goals(actual), { name: 'Frozen payouts', grid: log() }], {
      today: null,
      now: NOW,
    });
    expect(analysis.goalTabs).toEqual(['Goals']);
    expect(analysis.issues.filter((i) => i.tab === 'Frozen payouts').map((i) => i.code)).toEqual(expected);
  });
});
