// `npm start -- book.xlsx`: the CLI's reader with formulas (Sheets' exported wrappers undone), and Save as that never touches the input.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markedSheets } from '../../tools/preview/report-marks';
import { unwrapSheetsExport } from '../../tools/preview/sheets-export';
import { type RunningPreview, startPreview } from '../../tools/preview/start';
import { PreviewClient, shown } from './preview-client';

const root = join(import.meta.dirname, '../..');
const built = existsSync(join(root, 'dist/Sidebar.html')) && existsSync(join(root, 'dist/mbo.js'));
const FILL = 'FFFFEB9C';

describe('unwrapSheetsExport', () => {
  it.each([
    ['a plain formula', 'SUM(A1:A3)', { formula: 'SUM(A1:A3)' }],
    [
      'a custom function',
      'IFERROR(__xludf.DUMMYFUNCTION("MBO_NPS(B2:B9)"),50)',
      { formula: 'MBO_NPS(B2:B9)' },
    ],
    [
      'quotes inside',
      'IFERROR(__xludf.DUMMYFUNCTION("MBO_STATUS(A2:A9, ""50%"")"),"at risk")',
      { formula: 'MBO_STATUS(A2:A9, "50%")' },
    ],
    ['a spilled cell', 'IFERROR(__xludf.DUMMYFUNCTION("""COMPUTED_VALUE"""),"Goal")', 'spilled'],
  ])('%s', (_name, formula, expected) => {
    expect(unwrapSheetsExport(formula)).toEqual(expected);
  });
});

const GOAL_HEADER = ['ID', 'Goal', 'Owner', 'Parent', 'Type', 'Metric', 'Direction', 'Target', 'Actual'];

/** A goal row under GOAL_HEADER; Actual is column I. */
function goalRow(
  id: string,
  goal: string,
  parent: string,
  target: number,
  actual: number,
): ExcelJS.CellValue[] {
  return [id, goal, 'Dana', parent, 'Outcome', 'Pipeline', 'higher', target, actual];
}

/** Goals with an exported MBO_CASCADE (as Google Sheets writes it) and a styled Notes cell. */
async function writeBook(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const goals = book.addWorksheet('Goals');
  goals.addRow(GOAL_HEADER);
  goals.addRow(goalRow('G-1', 'Pipeline of $10M', '', 10_000_000, 8_000_000));
  goals.addRow(goalRow('G-2', 'Webinar pipeline of $4M', 'G-1', 4_000_000, 3_000_000));
  const calc = book.addWorksheet('Calc');
  calc.getCell('A1').value = {
    formula: 'IFERROR(__xludf.DUMMYFUNCTION("MBO_CASCADE(Goals!A1:I3)"),"ID")',
    result: 'ID',
  };
  calc.getCell('B1').value = {
    formula: 'IFERROR(__xludf.DUMMYFUNCTION("""COMPUTED_VALUE"""),"Goal")',
    result: 'Goal',
  };
  const notes = book.addWorksheet('Notes');
  notes.getCell('A1').value = 'Budget notes';
  notes.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL } };
  // A plain-text cell, as the template formats its ID column.
  notes.getCell('B1').value = 'code';
  notes.getCell('B1').numFmt = '@';
  await book.xlsx.writeFile(path);
}

const digest = async (path: string): Promise<string> =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

describe.skipIf(!built)(
  `the preview of an .xlsx${built ? '' : ' — SKIPPED: run `npm run build` first'}`,
  () => {
    let dir: string;
    let input: string;
    let inputDigest: string;
    let preview: RunningPreview;
    let client: PreviewClient;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'mbo-preview-xlsx-'));
      input = join(dir, 'book.xlsx');
      await writeBook(input);
      inputDigest = await digest(input);
      preview = await startPreview({ files: [input], baseDir: dir });
      client = new PreviewClient(preview.server.url);
    });

    afterAll(async () => {
      await preview?.close();
      await rm(dir, { recursive: true, force: true });
    });

    it("opens the file's tabs and computes its exported MBO_CASCADE again, spilling over the exported cells", async () => {
      const state = await client.workbook();
      expect(state).toMatchObject({ label: 'book.xlsx', tabs: ['Goals', 'Calc', 'Notes'], canSave: true });
      const calc = await client.sheet('Calc');
      expect(calc.cells['1:1']).toMatchObject({
        formula: true,
        input: '=MBO_CASCADE(Goals!A1:I3)',
        text: 'ID',
      });
      expect(calc.cells['1:2']).toMatchObject({ spill: true, text: 'Goal' });
      expect(shown(calc, 3, 1)).toBe('G-2');
      expect(shown(calc, 3, 9)).toBe('0.75'); // Attainment: 3M of 4M
    });

    it('an edit recomputes; Save as refuses the input file and writes a new one with the edit and the styles', async () => {
      const edit = await client.post('/api/edit', { tab: 'Goals', row: 3, col: 9, input: '2000000' });
      expect(edit.status).toBe(200);
      expect(shown(await client.sheet('Calc'), 3, 9)).toBe('0.5');

      const refused = await client.post('/api/save', { path: 'book.xlsx' });
      expect(refused.status).toBe(400);
      expect(String(refused.body.error)).toMatch(/is the file this preview was opened from/);
      const absolute = await client.post('/api/save', { path: input });
      expect(absolute.status).toBe(400);

      const saved = await client.post('/api/save', { path: 'edited.xlsx' });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect(await digest(input)).toBe(inputDigest);

      const copy = new ExcelJS.Workbook();
      await copy.xlsx.readFile(join(dir, 'edited.xlsx'));
      expect(copy.getWorksheet('Goals')!.getCell('I3').value).toBe(2_000_000);
      expect(copy.getWorksheet('Goals')!.getCell('I2').value).toBe(8_000_000);
      const fill = copy.getWorksheet('Notes')!.getCell('A1').fill as ExcelJS.FillPattern;
      expect(fill.fgColor?.argb).toBe(FILL);
      const cascade = copy.getWorksheet('Calc')!.getCell('A1').value as { formula: string; result: unknown };
      expect(cascade).toMatchObject({ formula: 'MBO_CASCADE(Goals!A1:I3)', result: 'ID' });
    });

    it('typing into a plain-text cell keeps the text; into any other, Sheets reads it', async () => {
      expect((await client.post('/api/edit', { tab: 'Notes', row: 1, col: 2, input: '007' })).status).toBe(
        200,
      );
      expect((await client.post('/api/edit', { tab: 'Notes', row: 1, col: 3, input: '007' })).status).toBe(
        200,
      );
      const notes = await client.sheet('Notes');
      expect(notes.cells['1:2']).toMatchObject({ text: '007', kind: 'text' });
      expect(notes.cells['1:3']).toMatchObject({ text: '7', kind: 'number' });
      await client.post('/api/edit', { tab: 'Notes', row: 1, col: 3, input: '' });
    });

    it('Save as after Roll up marks the report as the command line does; opened again, it is still ours', async () => {
      const roll = await client.post('/api/menu', { functionName: 'menuRollUp' });
      expect(roll.status, JSON.stringify(roll.body)).toBe(200);
      const saved = await client.post('/api/save', { path: 'rolled.xlsx' });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const copy = new ExcelJS.Workbook();
      await copy.xlsx.readFile(join(dir, 'rolled.xlsx'));
      expect(markedSheets(copy)).toEqual(new Set(['Roll-up']));

      const again = await startPreview({ files: [join(dir, 'rolled.xlsx')], baseDir: dir });
      try {
        const other = new PreviewClient(again.server.url);
        expect((await other.post('/api/menu', { functionName: 'menuRollUp' })).status).toBe(200);
        expect((await other.workbook()).tabs).toEqual(['Goals', 'Calc', 'Notes', 'Roll-up']);
      } finally {
        await again.close();
      }
    });
  },
);

/** CSV text that a spreadsheet would run as a formula if it were written as one. */
const FORMULA_LOOKING = ['=HYPERLINK("http://example.com","x")', '+1 555 0100', '-A1', '@handle', '=1+1'];

describe.skipIf(!built)(
  `the preview of a CSV, saved as .xlsx${built ? '' : ' — SKIPPED: run `npm run build` first'}`,
  () => {
    let dir: string;
    let preview: RunningPreview;
    let client: PreviewClient;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'mbo-preview-csv-'));
      const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
      const rows = [
        ['ID', 'Goal', 'Owner', 'Target', 'Actual', 'Notes'].join(','),
        ...FORMULA_LOOKING.map((text, i) =>
          [`G-${i + 1}`, quote(text), 'Dana', '10', '5', quote(text)].join(','),
        ),
      ];
      const input = join(dir, 'Goals.csv');
      await writeFile(input, `${rows.join('\r\n')}\r\n`);
      preview = await startPreview({ files: [input], baseDir: dir });
      client = new PreviewClient(preview.server.url);
    });

    afterAll(async () => {
      await preview?.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('shows formula-looking CSV text as text, and Save as writes it as text, not as live formulas', async () => {
      const view = await client.sheet('Goals');
      FORMULA_LOOKING.forEach((text, i) => {
        expect(view.cells[`${i + 2}:2`], text).toMatchObject({ text, kind: 'text' });
        expect(view.cells[`${i + 2}:2`].formula, text).toBeUndefined();
      });
      const saved = await client.post('/api/save', { path: 'goals.xlsx' });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const copy = new ExcelJS.Workbook();
      await copy.xlsx.readFile(join(dir, 'goals.xlsx'));
      const sheet = copy.getWorksheet('Goals')!;
      FORMULA_LOOKING.forEach((text, i) => {
        for (const col of [2, 6]) {
          const cell = sheet.getCell(i + 2, col);
          expect(cell.type, `${text} in column ${col}`).toBe(ExcelJS.ValueType.String);
          expect(cell.value).toBe(text);
        }
      });
      // Numbers still arrive as numbers, as a spreadsheet imports them.
      expect(sheet.getCell(2, 4).value).toBe(10);
    });
  },
);
