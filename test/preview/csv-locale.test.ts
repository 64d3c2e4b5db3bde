// `npm start -- okr.csv --locale de-DE`: a German semicolon CSV opened in a de_DE spreadsheet gives the sidebar the attainments `check --locale de-DE` reads.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/command-line';
import { checkFiles } from '../../src/cli/commands';
import { SILENT_PROGRESS } from '../../src/cli/progress';
import type { CascadeView } from '../../src/server/api';
import { goalViews } from '../../src/server/views';
import { parseArgs } from '../../tools/preview/args';
import { type RunningPreview, startPreview } from '../../tools/preview/start';
import { layoutFixtures } from '../fixtures/layouts';

const root = join(import.meta.dirname, '../..');
const built = existsSync(join(root, 'dist/Sidebar.html')) && existsSync(join(root, 'dist/mbo.js'));
const FILES = join(root, 'test/fixtures/layouts/files');

interface Attainment {
  tab: string;
  title: string;
  measured: number | null;
  final: number | null;
}

const attainments = (goals: readonly Attainment[]): Attainment[] =>
  goals.map(({ tab, title, measured, final }) => ({ tab, title, measured, final }));

/** What the command line's `check FILE --locale de-DE` reads, goal by goal. */
async function cliAttainments(file: string): Promise<Attainment[]> {
  const line = parseCommandLine(['check', file, '--locale', 'de-DE']);
  if (line.command !== 'check') throw new Error('not a check');
  const { analysis } = await checkFiles(line.files, false, {
    today: line.today,
    now: new Date(),
    progress: SILENT_PROGRESS,
    decimalSeparator: line.decimalSeparator,
  });
  return attainments(goalViews(analysis).goals);
}

const CASES = ['okr-sheet-semicolon-export', 'cornerstone-user-goals-semicolon'];

describe.skipIf(!built).each(CASES)('the preview of %s.csv with --locale de-DE', (name) => {
  const file = join(FILES, `${name}.csv`);
  const fixture = layoutFixtures.find((f) => f.name === name);
  let preview: RunningPreview;
  let view: CascadeView;

  beforeAll(async () => {
    const args = parseArgs([file, '--locale', 'de-DE']);
    preview = await startPreview({ files: args.files, locale: args.locale });
    const reply = (await preview.session.rpc({ name: 'getCascade', args: [] })) as { value: CascadeView };
    view = reply.value;
  });

  afterAll(async () => {
    await preview?.close();
  });

  it('opens a de_DE spreadsheet', () => {
    expect(preview.session.gas.spreadsheet.getSpreadsheetLocale()).toBe('de_DE');
  });

  it('shows in the sidebar the attainments check --locale de-DE reads', async () => {
    expect(attainments(view.goals)).toEqual(await cliAttainments(file));
  });

  it('gives each goal the measured and final attainment its fixture expects', () => {
    const expected = fixture?.expect.goals ?? [];
    expect(view.goals.map((g) => [g.tab, g.title])).toEqual(expected.map((g) => [g.tab, g.title]));
    expected.forEach((goal, i) => {
      if (goal.measured !== undefined && goal.measured !== null)
        expect(view.goals[i].measured, goal.title).toBeCloseTo(goal.measured, 9);
      if (goal.final !== undefined && goal.final !== null)
        expect(view.goals[i].final, goal.title).toBeCloseTo(goal.final, 9);
    });
    expect(expected.some((goal) => typeof goal.measured === 'number')).toBe(true);
  });
});
