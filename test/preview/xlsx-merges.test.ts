// `npm start -- book.xlsx`: the file's merged cells reach the preview's fake spreadsheet, so a merged Owner covers every row as in Sheets.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core/workbook';
import type { CheckReport } from '../../src/server/api';
import { readWorkbook } from '../../src/sheets/read';
import { fakeOfBook } from '../../tools/preview/fake-workbook';
import type { PreviewBook } from '../../tools/preview/preview-book';
import { type RunningPreview, startPreview } from '../../tools/preview/start';
import { readBookWithCli } from '../../tools/preview/xlsx-book';
import { PreviewClient } from './preview-client';

const root = join(import.meta.dirname, '../..');
const built = existsSync(join(root, 'dist/Sidebar.html')) && existsSync(join(root, 'dist/mbo.js'));

/** Dana owns G-1 and G-2 through one merged Owner cell (C2:C3); a merged title block spans A1:F1 above the header. */
async function writeBook(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const goals = book.addWorksheet('Goals');
  goals.addRow(['Sales goals 2026']);
  goals.addRow(['ID', 'Goal', 'Owner', 'Target', 'Actual', 'Weight']);
  goals.addRow(['G-1', 'Grow revenue to $10M', 'Dana', 10, 5, 0.5]);
  goals.addRow(['G-2', 'Hire 4 engineers', null, 4, 2, 0.5]);
  goals.addRow(['G-3', 'Ship the app', 'Ben', 1, 1, 1]);
  goals.mergeCells('A1:F1');
  goals.mergeCells('C3:C4');
  await book.xlsx.writeFile(path);
}

const ownersOf = (tabs: Parameters<typeof analyzeWorkbook>[0]) =>
  analyzeWorkbook(tabs).goals.map((g) => [g.id, g.owner]);

describe('merged cells of an .xlsx in the preview', () => {
  let dir: string;
  let input: string;
  let book: PreviewBook;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mbo-preview-merges-'));
    input = join(dir, 'merged.xlsx');
    await writeBook(input);
    book = await readBookWithCli([input]);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads each merged block, 1-based, with the covered cells blank', () => {
    const [tab] = book.tabs;
    expect(tab.merges).toEqual([
      { row: 1, col: 1, rows: 1, cols: 6 },
      { row: 3, col: 3, rows: 2, cols: 1 },
    ]);
    expect(tab.grid[3][2]).toBe('');
  });

  it('the fake answers getMergedRanges with them, so the merged Owner covers both rows', () => {
    const gas = fakeOfBook(book, '<!doctype html><title>Sidebar</title>');
    gas.log.reset();
    const read = readWorkbook(gas.spreadsheet);
    expect(gas.log.count('Range.getMergedRanges')).toBe(1);
    expect(read.tabs[0].merges).toEqual([
      { row: 1, col: 1, rows: 1, cols: 6 },
      { row: 3, col: 3, rows: 2, cols: 1 },
    ]);
    expect(ownersOf(read.tabs)).toEqual([
      ['G-1', 'Dana'],
      ['G-2', 'Dana'],
      ['G-3', 'Ben'],
    ]);
    // Without the merges, G-2 would have no owner.
    expect(ownersOf(read.tabs.map((t) => ({ ...t, merges: [] })))[1]).toEqual(['G-2', '']);
  });

  it.skipIf(!built)(
    `through the preview's bundle, the sidebar's check finds every goal owned${built ? '' : ' — SKIPPED: run `npm run build` first'}`,
    async () => {
      const preview: RunningPreview = await startPreview({ files: [input], baseDir: dir });
      try {
        const reply = await new PreviewClient(preview.server.url).post('/rpc', {
          name: 'checkWorkbook',
          args: [],
        });
        expect(reply.status).toBe(200);
        const report = reply.body.value as CheckReport;
        expect(report.goalCount).toBe(3);
        expect(report.issues.filter((i) => i.code === 'missing-owner')).toEqual([]);
      } finally {
        await preview.close();
      }
    },
  );
});
