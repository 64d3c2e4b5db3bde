// The built command line on a workbook LibreOffice made (chart, pivot table, formulas, number formats, a cell style): every part of the user's comes out byte for byte, through a first rollup and a second.
import { spawn } from 'node:child_process';
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { definedNamesOf } from '../../src/cli/report-mark';
import { readWorkbook } from '../../src/cli/xlsx-read';
import { closingTag, firstTag, tags } from '../../src/cli/xml';
import { parseDay } from '../../src/core/period';
import { analyzeWorkbook } from '../../src/core/workbook';
import { buildRollupReport, reportGrid } from '../../src/report/rollup-table';
import { ROLLUP_TAB } from '../../src/sheets/owned';
import {
  GOAL_ROWS,
  goalsGrid,
  LIBREOFFICE_BOOK,
  LIBREOFFICE_CHART_AND_PIVOT_PARTS,
  LIBREOFFICE_SOURCE,
  PIVOT_OUTPUT,
} from '../fixtures/libreoffice/goals-chart-pivot';
import { openBook, sheetGrid } from './run-main';
import { useTempDir } from './temp-dir';
import { storedParts as partsOf, type StoredPart, storedText as text } from './zip-fixtures';

const root = join(import.meta.dirname, '../..');
const built = join(root, 'dist/cli/mbo-cascade.mjs');
const fixture = join(root, LIBREOFFICE_BOOK);
const dir = useTempDir();
const TODAY = '2026-06-30';

/** The parts a rollup edits, by adding to them; every other part must come out as it went in. */
const EDITED = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml'];
/** The style lists the Roll-up appends to (xlsx-styles.ts). */
const STYLE_LISTS = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs'];

function cli(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [built, ...args], { cwd: dir.path('.') });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/** Names of the parts that are not byte for byte the same (stored bytes, and content) in `after`. */
function changedParts(
  before: Map<string, StoredPart>,
  after: Map<string, StoredPart>,
  names: readonly string[],
  /** Parts the rollup writes anew: their zip entries carry the run's clock (2-second steps), so only content counts. */
  rewritten: ReadonlySet<string> = new Set(),
): string[] {
  return names.filter((name) => {
    const was = before.get(name)!;
    const is = after.get(name);
    if (is === undefined) return true;
    if (!rewritten.has(name) && !is.stored.equals(was.stored)) return true;
    return !is.content.equals(was.content);
  });
}

/**
 * The styles part with what a rollup appends taken out again: the items at the end of each list (and
 * the list's count), and a list the part did not have. Equal to the part before the rollup exactly
 * when the rollup changed nothing else: no style of the user's moved, changed or went.
 */
function withoutAppendedStyles(after: string, before: string): string {
  let out = after;
  for (const name of STYLE_LISTS) {
    const open = firstTag(out, name);
    if (!open) continue;
    const close = open.selfClosing ? null : closingTag(out, open);
    const end = close ? close.end : open.end;
    const old = firstTag(before, name);
    if (!old) {
      out = out.slice(0, open.start) + out.slice(end);
      continue;
    }
    const oldClose = old.selfClosing ? null : closingTag(before, old);
    const oldContent = oldClose ? before.slice(old.end, oldClose.start) : '';
    const content = close ? out.slice(open.end, close.start) : '';
    if (!content.startsWith(oldContent)) return `${name} does not start with its old items`;
    const oldElement = before.slice(old.start, oldClose ? oldClose.end : old.end);
    out = out.slice(0, open.start) + oldElement + out.slice(end);
  }
  return out;
}

const sheetNames = (workbookXml: string): string[] =>
  tags(workbookXml, 'sheet').map((tag) => tag.attributes.get('name') ?? '');

async function rollup(input: string, output: string): Promise<void> {
  const run = await cli('rollup', input, '-o', output, '--today', TODAY);
  expect(run, run.err).toMatchObject({ code: 0, err: '' });
  expect(run.out).toMatch(
    /^Wrote .*: Roll-up of 21 goals and 7 scorecards from Goals; 0 errors and 0 warnings/,
  );
}

describe('the LibreOffice fixture', () => {
  it('is what LibreOffice wrote of the .fods: a chart, a pivot table and its cache, formulas with their values', async () => {
    const parts = await partsOf(fixture);
    for (const part of LIBREOFFICE_CHART_AND_PIVOT_PARTS) expect(parts.has(part), part).toBe(true);
    expect(text(parts, 'docProps/app.xml')).toMatch(/<Application>LibreOffice\/7\.4/);
    const goals = text(parts, 'xl/worksheets/sheet1.xml');
    expect(goals).toContain('<f aca="false">H5+H6</f><v>10300000</v>');
    expect(goals.match(/<f aca="false">H(\d+)\/G\1<\/f>/g)).toHaveLength(GOAL_ROWS.length);
    expect(goals).toContain('<drawing r:id="rId1"/>');
    expect(text(parts, 'xl/charts/chart1.xml')).toContain('<c:f>Goals!$J$2:$J$22</c:f>');
    expect(text(parts, 'xl/pivotTables/pivotTable1.xml')).toMatch(
      /name="Actual by owner".*<location ref="A3:B11"/,
    );
    expect(text(parts, 'xl/pivotCache/pivotCacheDefinition1.xml')).toContain(
      '<worksheetSource ref="A1:K22" sheet="Goals"/>',
    );
    expect(text(parts, 'xl/styles.xml')).toMatch(/<cellStyle name="Heading" xfId="\d+"\/>/);
    // The source and the fixture say the same: the .fods names the chart and pivot the .xlsx holds.
    const source = await readFile(join(root, LIBREOFFICE_SOURCE), 'utf8');
    expect(source).toContain('chart:values-cell-range-address="Goals.J2:Goals.J22"');
    expect(source).toContain('<table:data-pilot-table table:name="Actual by owner"');
  });

  it('reads as the fixture says: its goals on Goals, the pivot output on By owner', async () => {
    const tabs = await readWorkbook(fixture);
    expect(tabs.map((tab) => tab.name)).toEqual(['Goals', 'By owner']);
    expect(tabs[0].grid).toEqual(goalsGrid());
    expect(tabs[1].grid.slice(2)).toEqual(PIVOT_OUTPUT);
  });

  it('passes check: 21 goals on one goal tab, no issue', async () => {
    const input = dir.path('book.xlsx');
    await copyFile(fixture, input);
    const run = await cli('check', 'book.xlsx', '--today', TODAY);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toBe('book.xlsx: 21 goals on 1 goal tab; 0 errors, 0 warnings, 0 info.\n');
    const json = JSON.parse((await cli('check', 'book.xlsx', '--json', '--today', TODAY)).out);
    expect(json).toMatchObject({ goalTabs: ['Goals'], goals: 21, issues: [] });
  });
});

describe('rollup of the LibreOffice workbook, by the built command line', () => {
  let input = '';
  let first = '';
  let second = '';
  let original: Map<string, StoredPart>;
  let once: Map<string, StoredPart>;
  let twice: Map<string, StoredPart>;
  const untouched = () => [...original.keys()].filter((name) => !EDITED.includes(name));

  async function rollUpTwice(): Promise<void> {
    input = dir.path('book.xlsx');
    first = dir.path('once.xlsx');
    second = dir.path('twice.xlsx');
    await copyFile(fixture, input);
    await rollup('book.xlsx', 'once.xlsx');
    await rollup('once.xlsx', 'twice.xlsx');
    [original, once, twice] = await Promise.all([partsOf(input), partsOf(first), partsOf(second)]);
  }

  it('copies every part it does not edit byte for byte: sheets (formulas), shared strings, chart, drawing, pivot, cache', async () => {
    await rollUpTwice();
    expect(untouched()).toEqual(
      expect.arrayContaining([
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet2.xml',
        'xl/sharedStrings.xml',
        'docProps/core.xml',
        ...LIBREOFFICE_CHART_AND_PIVOT_PARTS,
      ]),
    );
    expect(changedParts(original, once, untouched())).toEqual([]);
    // In their order, the Roll-up's part last.
    expect([...once.keys()]).toEqual([...original.keys(), 'xl/worksheets/sheet3.xml']);
  });

  it('only adds to the parts it edits: a tab and its mark, a relationship, a content type, styles at the end of each list', async () => {
    await rollUpTwice();
    const workbook = text(original, 'xl/workbook.xml');
    expect(text(once, 'xl/workbook.xml')).toBe(
      workbook
        .replace('</sheets>', `<sheet name="${ROLLUP_TAB}" sheetId="3" r:id="rId6"/></sheets>`)
        .replace(
          '<calcPr',
          `<definedNames><definedName name="mbo_cascade_report">'${ROLLUP_TAB}'!$A$1</definedName></definedNames><calcPr`,
        ),
    );
    expect(text(once, 'xl/_rels/workbook.xml.rels')).toBe(
      text(original, 'xl/_rels/workbook.xml.rels').replace(
        '</Relationships>',
        '<Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/></Relationships>',
      ),
    );
    expect(text(once, '[Content_Types].xml')).toBe(
      text(original, '[Content_Types].xml').replace(
        '</Types>',
        '<Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    );
    const styles = text(original, 'xl/styles.xml');
    expect(text(once, 'xl/styles.xml')).not.toBe(styles);
    expect(withoutAppendedStyles(text(once, 'xl/styles.xml'), styles)).toBe(styles);
  });

  it('adds the Roll-up, marked as ours, with the add-on report of the fixture goals', async () => {
    await rollUpTwice();
    const workbook = text(once, 'xl/workbook.xml');
    expect(sheetNames(workbook)).toEqual(['Goals', 'By owner', ROLLUP_TAB]);
    expect(definedNamesOf(workbook)).toEqual([
      { name: 'mbo_cascade_report', ranges: [`'${ROLLUP_TAB}'!$A$1`] },
    ]);
    const expected = reportGrid(
      buildRollupReport(
        analyzeWorkbook([{ name: 'Goals', grid: goalsGrid() }], { today: parseDay(TODAY) }),
        new Date().toISOString(),
      ),
    );
    const written = sheetGrid(
      (await openBook(first)).getWorksheet(ROLLUP_TAB)!,
      expected.length,
      expected[0].length,
    );
    // The note carries the clock of the run; every other cell is the add-on's.
    expect(written[0][0]).toMatch(
      /^Computed by MBO Cascade on \d{4}-\d\d-\d\d \d\d:\d\d \([^)]+\) from Goals: 21 goals/,
    );
    expect(written.slice(1)).toEqual(expected.slice(1));
    expect(written.flat()).toEqual(expect.arrayContaining(GOAL_ROWS.map((row) => row[0])));
    // The user's tabs read as before, and check reads the same goals: the Roll-up is not read as goals.
    expect(await readWorkbook(first)).toEqual(await readWorkbook(input));
    const check = await cli('check', 'once.xlsx', '--today', TODAY);
    expect(check).toMatchObject({
      code: 0,
      err: '',
      out: 'once.xlsx: 21 goals on 1 goal tab; 0 errors, 0 warnings, 0 info.\n',
    });
  });

  it('rolled up again, rewrites only the Roll-up part: in its place, the styles as they were, the user parts byte for byte those LibreOffice wrote', async () => {
    await rollUpTwice();
    expect([...twice.keys()]).toEqual([...once.keys()]);
    expect(changedParts(original, twice, untouched())).toEqual([]);
    // Every part but the Roll-up's own (its note and zip entry carry the clock of the run): the workbook, its relationships, content types and styles too
    // (the Roll-up's styles are found again, not added twice).
    const rollupPart = 'xl/worksheets/sheet3.xml';
    expect(
      changedParts(
        once,
        twice,
        [...once.keys()].filter((name) => name !== rollupPart),
        new Set(EDITED),
      ),
    ).toEqual([]);
    expect(sheetNames(text(twice, 'xl/workbook.xml'))).toEqual(['Goals', 'By owner', ROLLUP_TAB]);
    expect(await readWorkbook(second)).toEqual(await readWorkbook(input));
  });
});
