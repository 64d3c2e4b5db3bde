// `npm start`: builds dist/ when stale, opens the sample or the given workbook, and serves the preview on 127.0.0.1.
import { resolve } from 'node:path';
import { parseArgs, USAGE } from './args';
import { buildIfStale } from './dist-freshness';
import { projectRoot } from './paths';
import { PreviewError } from './session';
import { type PreviewOptions, type RunningPreview, startPreview } from './start';

const DEFAULT_PORT = 8642;

export async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  buildIfStale(projectRoot());
  // npm runs scripts in the package folder; the user's paths are relative to where they typed the command.
  const baseDir = process.env.INIT_CWD ?? process.cwd();
  const files = args.files.map((file) => resolve(baseDir, file));
  let preview: RunningPreview;
  try {
    preview = await startOnPort({ files, baseDir, locale: args.locale }, args.port);
  } catch (error) {
    if (!(error instanceof PreviewError)) throw error;
    console.error(error.message);
    return 1;
  }
  console.log(`MBO Cascade preview of ${preview.session.book.label}: ${preview.server.url}`);
  console.log('Ctrl+C to stop. Input files are never written; use "Save as…" for a new .xlsx.');
  await new Promise<void>((done) => {
    const stop = () => void preview.close().then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

/** The port asked for; else the default one, or any free port when something else holds it. */
async function startOnPort(options: PreviewOptions, port: number | null): Promise<RunningPreview> {
  if (port !== null) return startPreview({ ...options, port });
  try {
    return await startPreview({ ...options, port: DEFAULT_PORT });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return startPreview({ ...options, port: 0 });
  }
}
