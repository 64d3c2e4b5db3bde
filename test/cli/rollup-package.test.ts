// rollup edits the .xlsx package instead of re-writing it: every part but four copied byte for byte (user tabs, styles, formulas, a chart, a pivot table), the four only added to.
import { open } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { generateWorkbook } from '../../bench/generate';
import { writeCsvWithRollup } from '../../src/cli/rollup-package';
import { rollupSheetXml } from '../../src/cli/rollup-part';
import { readWorkbook } from '../../src/cli/xlsx-read';
import { tags } from '../../src/cli/xml';
import { ZipArchive } from '../../src/cli/zip-read';
import { dayOfDate } from '../../src/core/period';
import { analyzeWorkbook } from '../../src/core/workbook';
import { buildRollupReport, reportGrid } from '../../src/report/rollup-table';
import { ROLLUP_TAB } from '../../src/sheets/owned';
import { marketingWorkbook } from '../../tools/samples/marketing';
import { addChartToSheet, CHART_AND_PIVOT_PARTS, writeChartAndPivotBook } from './chart-book';
import { NOW, runMain, sheetGrid } from './run-main';
import { useTempDir } from './temp-dir';
import { storedParts as partsOf, rewriteZip, storedText as text } from './zip-fixtures';

const dir = useTempDir();
/** The parts rollup edits (by adding to them); every other part must come out as it went in. */
const EDITED = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml'];

/** `before` with `piece` inserted just before the first `closing` (an end tag, or the start of a tag). */
const insertedBefore = (before: string, closing: string, piece: string): string =>
  before.replace(closing, `${piece}${closing}`);

/** The content of each list element of the styles part, by name. */
function styleLists(xml: string): Map<string, string> {
  const lists = new Map<string, string>();
  for (const name of [
    'numFmts',
    'fonts',
    'fills',
    'borders',
    'cellStyleXfs',
    'cellXfs',
    'cellStyles',
    'dxfs',
  ]) {
    const open = tags(xml, name)[0];
    if (!open) continue;
    lists.set(
      name,
      open.selfClosing ? '' : xml.slice(open.end, xml.indexOf(`</${open.qualifiedName}`, open.end)),
    );
  }
  return lists;
}

async function rolledUp(input: string): Promise<string> {
  const out = dir.path('out.xlsx');
  const run = await runMain(['rollup', input, '-o', out]);
  expect(run, run.err).toMatchObject({ code: 0, err: '' });
  return out;
}

describe('rollup on a workbook with a chart and a pivot table', () => {
  it('copies every part it does not edit byte for byte: user tabs, shared strings, theme, chart, drawing, pivot', async () => {
    const input = dir.path('book.xlsx');
    await writeChartAndPivotBook(input);
    const before = await partsOf(input);
    const after = await partsOf(await rolledUp(input));
    for (const part of CHART_AND_PIVOT_PARTS) expect(before.has(part), part).toBe(true);
    const untouched = [...before.keys()].filter((name) => !EDITED.includes(name));
    expect(untouched).toEqual(
      expect.arrayContaining(['xl/worksheets/sheet6.xml', 'xl/sharedStrings.xml', ...CHART_AND_PIVOT_PARTS]),
    );
    for (const name of untouched)
      expect(after.get(name)?.stored.equals(before.get(name)!.stored), name).toBe(true);
    // In the same order, with the Roll-up's part last.
    expect([...after.keys()]).toEqual([...before.keys(), 'xl/worksheets/sheet7.xml']);
  });

  it('only adds to the workbook, its relationships and the content types: one tab and its mark, one relationship, one override', async () => {
    const input = dir.path('book.xlsx');
    await writeChartAndPivotBook(input);
    const before = await partsOf(input);
    const after = await partsOf(await rolledUp(input));
    expect(text(after, 'xl/workbook.xml')).toBe(
      insertedBefore(
        insertedBefore(
          text(before, 'xl/workbook.xml'),
          '</sheets>',
          `<sheet name="${ROLLUP_TAB}" sheetId="7" r:id="rId11"/>`,
        ),
        '<calcPr',
        `<definedNames><definedName name="mbo_cascade_report">'${ROLLUP_TAB}'!$A$1</definedName></definedNames>`,
      ),
    );
    expect(text(after, 'xl/_rels/workbook.xml.rels')).toBe(
      insertedBefore(
        text(before, 'xl/_rels/workbook.xml.rels'),
        '</Relationships>',
        '<Relationship Id="rId11" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet7.xml"/>',
      ),
    );
    expect(text(after, '[Content_Types].xml')).toBe(
      insertedBefore(
        text(before, '[Content_Types].xml'),
        '</Types>',
        '<Override PartName="/xl/worksheets/sheet7.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>',
      ),
    );
  });

  it('appends its styles after the workbook own, so every style index the user tabs use keeps its meaning', async () => {
    const input = dir.path('book.xlsx');
    await writeChartAndPivotBook(input);
    const before = styleLists(text(await partsOf(input), 'xl/styles.xml'));
    const after = styleLists(text(await partsOf(await rolledUp(input)), 'xl/styles.xml'));
    for (const [name, content] of before) expect(after.get(name)?.startsWith(content), name).toBe(true);
    expect(after.get('numFmts')).toContain('formatCode="0.0%"');
    expect(after.get('dxfs')?.match(/<dxf>/g)).toHaveLength(3);
  });

  it('writes a Roll-up exceljs opens with the add-on values, and the user tabs read as before', async () => {
    const input = dir.path('book.xlsx');
    await writeChartAndPivotBook(input);
    const out = await rolledUp(input);
    const expected = reportGrid(
      buildRollupReport(analyzeWorkbook(marketingWorkbook(), { today: dayOfDate(NOW) }), NOW.toISOString()),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      ...marketingWorkbook().map((t) => t.name),
      'Notes',
      ROLLUP_TAB,
    ]);
    expect(sheetGrid(book.getWorksheet(ROLLUP_TAB)!, expected.length, expected[0].length)).toEqual(expected);
    expect(book.getWorksheet('Notes')!.getCell('B4').formula).toBe('SUM(B2:B3)');
    expect(await readWorkbook(out)).toEqual(await readWorkbook(input));
  });

  it('replaces an old Roll-up in place, dropping the drawing and chart only it used', async () => {
    const first = dir.path('first.xlsx');
    await writeChartAndPivotBook(dir.path('book.xlsx'));
    expect((await runMain(['rollup', dir.path('book.xlsx'), '-o', first])).code).toBe(0);
    const withOldChart = dir.path('old-chart.xlsx');
    await addChartToSheet(first, withOldChart, 'xl/worksheets/sheet7.xml', 2);
    const before = await partsOf(withOldChart);
    const after = await partsOf(await rolledUp(withOldChart));
    const oldRollupParts = [
      'xl/worksheets/_rels/sheet7.xml.rels',
      'xl/drawings/drawing2.xml',
      'xl/drawings/_rels/drawing2.xml.rels',
      'xl/charts/chart2.xml',
    ];
    for (const part of oldRollupParts) {
      expect(before.has(part), part).toBe(true);
      expect(after.has(part), part).toBe(false);
    }
    expect(text(after, '[Content_Types].xml')).not.toMatch(/drawing2|chart2/);
    // The Notes chart and pivot are still there, byte for byte; the workbook keeps one Roll-up, in its place.
    for (const part of CHART_AND_PIVOT_PARTS)
      expect(after.get(part)?.stored.equals(before.get(part)!.stored), part).toBe(true);
    expect(text(after, 'xl/workbook.xml')).toBe(text(before, 'xl/workbook.xml'));
    expect(text(after, 'xl/worksheets/sheet7.xml')).not.toContain('<drawing');
    expect(tags(text(after, 'xl/workbook.xml'), 'sheet').map((t) => t.attributes.get('name'))).toEqual([
      ...marketingWorkbook().map((t) => t.name),
      'Notes',
      ROLLUP_TAB,
    ]);
  });
});

describe('a workbook with macros (.xlsm)', () => {
  const MACRO_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';

  async function macroBook(): Promise<string> {
    const plain = dir.path('plain.xlsx');
    await writeChartAndPivotBook(plain);
    const path = dir.path('book.xlsm');
    const types = (await partsOf(plain)).get('[Content_Types].xml')!.content.toString('utf8');
    await rewriteZip(plain, path, {
      put: {
        '[Content_Types].xml': types.replace(
          /(PartName="\/xl\/workbook.xml" ContentType=")[^"]+"/,
          `$1${MACRO_MAIN}"`,
        ),
        'xl/vbaProject.bin': Buffer.from('not really a VBA project, but kept byte for byte'),
      },
    });
    return path;
  }

  it('rolls up into an .xlsm, keeping the macros part and the macro-enabled type', async () => {
    const input = await macroBook();
    const out = dir.path('out.xlsm');
    expect((await runMain(['rollup', input, '-o', out])).code).toBe(0);
    const before = await partsOf(input);
    const after = await partsOf(out);
    expect(after.get('xl/vbaProject.bin')?.stored.equals(before.get('xl/vbaProject.bin')!.stored)).toBe(true);
    expect(text(after, '[Content_Types].xml')).toContain(MACRO_MAIN);
  });

  it.each<[string, () => Promise<string>, string, RegExp]>([
    [
      'a macro workbook to .xlsx',
      macroBook,
      'out.xlsx',
      /book\.xlsm holds macros \(an \.xlsm workbook\): name the output \.xlsm/,
    ],
    [
      'a plain workbook to .xlsm',
      async () => {
        await writeChartAndPivotBook(dir.path('plain.xlsx'));
        return dir.path('plain.xlsx');
      },
      'out.xlsm',
      /plain\.xlsx has no macros: name the output \.xlsx/,
    ],
  ])('refuses %s, writing nothing', async (_name, make, output, message) => {
    const run = await runMain(['rollup', await make(), '-o', dir.path(output)]);
    expect(run).toMatchObject({ code: 2, out: '' });
    expect(run.err).toMatch(message);
  });
});

describe('a Roll-up of many pieces', () => {
  it('is written exactly as generated, its piece buffers reused only once deflated', async () => {
    const tabs = generateWorkbook({ goals: 30_000, tabs: 3, depth: 4 });
    const report = buildRollupReport(analyzeWorkbook(tabs, { today: null }), NOW.toISOString());
    const path = dir.path('many.xlsx');
    const handle = await open(path, 'w');
    const plan = await writeCsvWithRollup(tabs, report, handle, { now: NOW });
    await handle.close();
    const expected = Buffer.concat([...rollupSheetXml(report, plan.styles, plan.mainNamespace)]);
    expect(expected.length).toBeGreaterThan(5 * 1024 * 1024);
    const zip = await ZipArchive.open(path);
    const written = await zip.read(zip.entry(plan.sheetPart)!);
    await zip.close();
    expect(written.equals(expected)).toBe(true);
  });
});
