// Opens a workbook (or the sample) in a preview session and serves it: shared by `npm start` and the tests.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type PreviewServer, startPreviewServer } from './http-server';
import type { PreviewLocale } from './locale';
import { buildPageAssets } from './page';
import { projectRoot } from './paths';
import type { ReadBook } from './preview-book';
import { sampleBook } from './sample';
import { PreviewSession } from './session';
import { readBookWithCli, xlsxSaver } from './xlsx-book';

export interface PreviewOptions {
  /** Files to open; none = the sample workbook. */
  files?: readonly string[];
  port?: number;
  /** Relative paths (files, Save as) are read from here. */
  baseDir?: string;
  /** How files are read: the CLI's .xlsx/CSV reader unless a test gives another. */
  readBook?: ReadBook;
  /** The spreadsheet's locale (`--locale`): what the add-on reads numbers with, and how CSV cells are typed. Default en_US. */
  locale?: PreviewLocale | null;
}

export interface RunningPreview {
  session: PreviewSession;
  server: PreviewServer;
  close(): Promise<void>;
}

/** Expects a built dist/ (`npm run build`); main.ts builds it when stale. */
export async function startPreview(options: PreviewOptions = {}): Promise<RunningPreview> {
  const root = projectRoot();
  const files = options.files ?? [];
  const readBook = options.readBook ?? readBookWithCli;
  const locale = options.locale ?? null;
  const [book, sidebarHtml, assets] = await Promise.all([
    files.length > 0 ? readBook(files, locale) : sampleBook(xlsxSaver([], null, new Map())),
    readFile(join(root, 'dist/Sidebar.html'), 'utf8'),
    buildPageAssets(),
  ]);
  const session = new PreviewSession(book, {
    sidebarHtml,
    baseDir: options.baseDir ?? process.cwd(),
    locale: locale?.sheets,
  });
  const server = await startPreviewServer(session, assets, options.port ?? 0);
  return { session, server, close: () => server.close() };
}
