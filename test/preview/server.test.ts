// The preview server without a browser: its HTTP API over the sample, edits recomputed by the bundle's custom functions, and what it refuses.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CascadeView } from '../../src/server/api';
import { type RunningPreview, startPreview } from '../../tools/preview/start';
import { PreviewClient, rowShowing, shown } from './preview-client';

const root = join(import.meta.dirname, '../..');
const built = existsSync(join(root, 'dist/Sidebar.html')) && existsSync(join(root, 'dist/mbo.js'));

/** Columns of the Formulas tab's MBO_CASCADE result (A7) and of the goal tabs. */
const CASCADE = { id: 1, attainment: 9 };
const GOAL = { actual: 11 };

describe.skipIf(!built)(`the preview server${built ? '' : ' — SKIPPED: run `npm run build` first'}`, () => {
  let preview: RunningPreview;
  let client: PreviewClient;
  let saveDir: string;

  beforeAll(async () => {
    saveDir = await mkdtemp(join(tmpdir(), 'mbo-preview-save-'));
    preview = await startPreview({ baseDir: saveDir });
    client = new PreviewClient(preview.server.url);
  });

  afterAll(async () => {
    await preview?.close();
    await rm(saveDir, { recursive: true, force: true });
  });

  async function cascadeAttainment(id: string): Promise<string> {
    const view = await client.sheet('Formulas');
    return shown(view, rowShowing(view, CASCADE.id, id), CASCADE.attainment);
  }

  async function edit(tab: string, row: number, col: number, input: string): Promise<void> {
    const reply = await client.post('/api/edit', { tab, row, col, input });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  }

  it('binds to 127.0.0.1 and lists the sample tabs, the Formulas tab and the menu onOpen built', async () => {
    expect(preview.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const state = await client.workbook();
    expect(state.tabs).toEqual(['CMO', 'Demand Gen', 'Content', 'Field', 'Product Marketing', 'Formulas']);
    const captions = state.menu.flatMap((entry) => ('caption' in entry ? [entry.caption] : []));
    expect(captions).toContain('Roll up');
    expect(state.sidebarOpened).toBe(1);
  });

  it('shows the sample\'s notes as the text they are: "=MBO_NPS of the peer survey" is a note, not a formula', async () => {
    const cmo = await client.sheet('CMO');
    const note = cmo.cells[`${rowShowing(cmo, 1, 'CMO-4')}:16`];
    expect(note).toMatchObject({ text: '=MBO_NPS of the peer survey', kind: 'text' });
    expect(note.formula).toBeUndefined();
    const errors = Object.values(cmo.cells).filter((cell) => cell.kind === 'error');
    expect(errors).toEqual([]);
  });

  it("computes MBO_CASCADE: CT-1's 7.1M of an 8M target shows 88.8%", async () => {
    expect(await cascadeAttainment('CT-1')).toBe('88.8%');
    const formula = (await client.sheet('Formulas')).cells['7:1'];
    expect(formula).toMatchObject({ formula: true, text: 'ID' });
    expect(formula.input).toMatch(/^=MBO_CASCADE\(CMO!A1:P20, 'Demand Gen'!A1:P20/);
  });

  it('an edited Actual recomputes MBO_CASCADE, and the server functions read the edit', async () => {
    const before = (await client.workbook()).version;
    const content = await client.sheet('Content');
    await edit('Content', rowShowing(content, 1, 'CT-1'), GOAL.actual, '4000000');
    expect(await cascadeAttainment('CT-1')).toBe('50.0%');
    expect((await client.workbook()).version).toBeGreaterThan(before);

    const reply = await client.post('/rpc', { name: 'getCascade', args: [] });
    const cascade = (reply.body as { value: CascadeView }).value;
    expect(cascade.goals.find((goal) => goal.id === 'CT-1')?.measured).toBe(0.5);
  });

  it('an edited survey answer recomputes MBO_NPS: one promoter turned detractor takes 50 to 25', async () => {
    expect(shown(await client.sheet('Formulas'), 5, 2)).toBe('50');
    await edit('Formulas', 4, 2, '0');
    expect(shown(await client.sheet('Formulas'), 5, 2)).toBe('25');
  });

  it("a typed formula runs the bundle's function; a bad argument shows #ERROR! with its message", async () => {
    await edit('Formulas', 5, 11, '=MBO_ATTAINMENT(50, 40)');
    expect((await client.sheet('Formulas')).cells['5:11']).toMatchObject({ text: '1.25', formula: true });
    await edit('Formulas', 5, 11, '=MBO_ATTAINMENT(50, 40, 0, "sideways")');
    const cell = (await client.sheet('Formulas')).cells['5:11'];
    expect(cell).toMatchObject({ text: '#ERROR!', kind: 'error' });
    expect(cell.note).toMatch(/MBO_ATTAINMENT.*direction/);
    await edit('Formulas', 5, 11, '');
    expect((await client.sheet('Formulas')).cells['5:11']).toBeUndefined();
  });

  it('pushes the new version on /api/events after an edit', async () => {
    const versions = await new Promise<number[]>((resolve, reject) => {
      const seen: number[] = [];
      const stream = get(new URL('/api/events', client.url), (response) => {
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          for (const match of chunk.matchAll(/^data: (\d+)$/gm)) seen.push(Number(match[1]));
          if (seen.length === 1) void edit('Field', 2, GOAL.actual, '5300000');
          if (seen.length === 2) {
            stream.destroy();
            resolve(seen);
          }
        });
      });
      stream.on('error', reject);
    });
    expect(versions[1]).toBe(versions[0] + 1);
  });

  it('Roll up through google.script.run adds the Roll-up tab, which the API then serves', async () => {
    const reply = await client.post('/rpc', { name: 'rollUp', args: [] });
    expect(reply.body).toMatchObject({ ok: true, value: { tab: 'Roll-up' } });
    expect((await client.workbook()).tabs).toContain('Roll-up');
    const rollup = await client.sheet('Roll-up');
    expect(Object.values(rollup.cells).some((cell) => cell.text === 'CT-1')).toBe(true);
  });

  it('Save as writes a new .xlsx with the edits and formulas; it refuses an existing file and other types', async () => {
    const saved = await client.post('/api/save', { path: 'copy.xlsx' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(saveDir, 'copy.xlsx'));
    const content = book.getWorksheet('Content')!;
    expect(content.getCell(2, GOAL.actual).value).toBe(4000000);
    const cascade = book.getWorksheet('Formulas')!.getCell('A7').value as {
      formula: string;
      result: unknown;
    };
    expect(cascade.formula).toMatch(/^MBO_CASCADE\(/);
    expect(cascade.result).toBe('ID');
    expect(book.getWorksheet('Roll-up')).toBeDefined();

    const again = await client.post('/api/save', { path: 'copy.xlsx' });
    expect(again).toMatchObject({ status: 400, body: { error: expect.stringMatching(/already exists/) } });
    const csv = await client.post('/api/save', { path: 'copy.csv' });
    expect(csv).toMatchObject({ status: 400, body: { error: expect.stringMatching(/\.xlsx/) } });
  });

  it('refuses what another site could send: a foreign Host or Origin, a non-JSON body', async () => {
    const host = new URL(client.url).host;
    const json = { 'content-type': 'application/json' };
    const body = JSON.stringify({ tab: 'CMO', row: 2, col: 11, input: '1' });
    expect(await client.raw('GET', '/api/workbook', { host: 'attacker.example' })).toBe(403);
    expect(await client.raw('POST', '/api/edit', { host, 'content-type': 'text/plain' }, body)).toBe(403);
    expect(
      await client.raw('POST', '/api/edit', { host, ...json, origin: 'https://attacker.example' }, body),
    ).toBe(403);
    expect(await client.raw('POST', '/api/edit', { host, ...json, origin: `http://${host}` }, body)).toBe(
      200,
    );
  });

  it('answers a wrong request with a message: unknown tab, a cell outside the tab, an unknown menu item', async () => {
    const missing = await fetch(new URL('/api/sheet?tab=Nope', client.url));
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: 'There is no tab named "Nope".' });
    const outside = await client.post('/api/edit', { tab: 'CMO', row: 0, col: 1, input: 'x' });
    expect(outside).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/outside the tab CMO/) },
    });
    const menu = await client.post('/api/menu', { functionName: 'rollUp' });
    expect(menu).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/no item that runs rollUp/) },
    });
  });

  it('serves a page whose only script is its own file, under a policy that allows no other', async () => {
    const response = await fetch(client.url);
    const html = await response.text();
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self';");
    expect(html.match(/<script[^>]*>/g)).toEqual(['<script src="/preview.js" defer>']);
  });
});
