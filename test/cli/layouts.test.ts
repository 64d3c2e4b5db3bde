// Reads every layout fixture's file (test/fixtures/layouts/files) through the command line and checks it gives what the fixture's grids give: the same tabs, merges, goals, links, results and issues.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeTabs } from '../../src/cli/commands';
import { readInput } from '../../src/cli/input';
import type { CheckJson } from '../../src/cli/issue-report';
import { describeIssue, placeName } from '../../src/core/issues';
import { parseDay } from '../../src/core/period';
import type { Analysis } from '../../src/core/workbook';
import { layoutFixtures } from '../fixtures/layouts';
import type { LayoutFixture } from '../fixtures/layouts/types';
import { NOW, runMain } from './run-main';

const FILES = join(import.meta.dirname, '..', 'fixtures', 'layouts', 'files');
/** One day for both sides, so status compares like with like. */
const TODAY_TEXT = '2026-06-30';
const TODAY = parseDay(TODAY_TEXT) ?? 0;

const blockKey = (m: { row: number; col: number; rows: number; cols: number }) =>
  `${m.row}:${m.col}:${m.rows}x${m.cols}`;

/** The fixture as the add-on gets it from Sheets (getValues and getMergedRanges), analysed as the command line analyses. */
function gridAnalysis(fixture: LayoutFixture): Analysis {
  const tabs = fixture.tabs.map((t) => ({ name: t.name, grid: t.grid, merges: t.merges }));
  return analyzeTabs(tabs, { today: TODAY, now: NOW, decimalSeparator: fixture.decimalSeparator ?? '.' });
}

describe.each(layoutFixtures.map((f) => [f.file.path, f] as const))(
  '%s through the command line',
  (file, fixture) => {
    const path = join(FILES, file);

    it('reads the tabs and merged ranges the grids hold', async () => {
      const input = await readInput([path]);
      await input.close();
      expect(input.tabs.map((t) => t.name)).toEqual(fixture.tabs.map((t) => t.name));
      for (const [i, tab] of fixture.tabs.entries())
        expect((input.tabs[i].merges ?? []).map(blockKey).sort(), `${tab.name} merges`).toEqual(
          (tab.merges ?? []).map(blockKey).sort(),
        );
    });

    it('gives the goals, links, results and issues the grids give', async () => {
      const input = await readInput([path]);
      await input.close();
      // A semicolon CSV suggests its decimal comma; an .xlsx suggests nothing (its numbers are numbers).
      expect(input.decimalSeparator ?? '.').toBe(fixture.decimalSeparator ?? '.');
      const read = analyzeTabs(input.tabs, {
        today: TODAY,
        now: NOW,
        decimalSeparator: input.decimalSeparator,
      });
      const reference = gridAnalysis(fixture);
      expect(read.goalTabs).toEqual(reference.goalTabs);
      expect(read.goals).toEqual(reference.goals);
      expect([...read.links.parentOf]).toEqual([...reference.links.parentOf]);
      expect([...read.results]).toEqual([...reference.results]);
      expect(read.issues).toEqual(reference.issues);
      expect(read.goals.length).toBe(fixture.expect.goals.length);
    });

    it('check --json lists the issues the grids give, cell by cell', async () => {
      const run = await runMain(['check', path, '--json', '--today', TODAY_TEXT]);
      const reference = gridAnalysis(fixture);
      const json = JSON.parse(run.out) as CheckJson;
      expect(json.goals).toBe(reference.goals.length);
      expect(json.issues).toEqual(
        reference.issues.map((issue) => ({
          code: issue.code,
          severity: issue.severity,
          tab: issue.tab,
          row: issue.row,
          col: issue.col,
          column: issue.column,
          goalId: issue.goalId,
          cell: placeName(issue),
          message: describeIssue(issue),
        })),
      );
      const failed = reference.issues.some((i) => i.severity === 'error' || i.code === 'unread-tab');
      expect(run.code).toBe(failed ? 1 : 0);
    });
  },
);
