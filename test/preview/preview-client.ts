// Shared by the preview tests: the preview's HTTP API from Node, and cells found by what they show.
import { request } from 'node:http';
import type { SheetView, WorkbookState } from '../../tools/preview/protocol';

export class PreviewClient {
  constructor(readonly url: string) {}

  async get<T>(path: string): Promise<T> {
    const response = await fetch(new URL(path, this.url));
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  /** A POST as the page sends it; returns the status and the parsed reply. */
  async post(path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(new URL(path, this.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : { text } };
  }

  workbook(): Promise<WorkbookState> {
    return this.get<WorkbookState>('/api/workbook');
  }

  sheet(tab: string): Promise<SheetView> {
    return this.get<SheetView>(`/api/sheet?tab=${encodeURIComponent(tab)}`);
  }

  /** A raw request with chosen headers, for the checks that refuse other sites. */
  raw(method: string, path: string, headers: Record<string, string>, body = ''): Promise<number> {
    return new Promise((resolve, reject) => {
      const call = request(new URL(path, this.url), { method, headers }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      call.on('error', reject);
      call.end(body);
    });
  }
}

/** The 1-based row whose cell in `col` shows `text`; throws when none does. */
export function rowShowing(view: SheetView, col: number, text: string): number {
  for (let row = 1; row <= view.rows; row++) if (view.cells[`${row}:${col}`]?.text === text) return row;
  throw new Error(`No row of ${view.tab} shows ${text} in column ${col}`);
}

/** The text a cell shows ('' when empty). */
export function shown(view: SheetView, row: number, col: number): string {
  return view.cells[`${row}:${col}`]?.text ?? '';
}
