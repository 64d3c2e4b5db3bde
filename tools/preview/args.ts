// The preview's command line: `npm start -- [--port N] [book.xlsx | tabs.csv …]`.

export interface PreviewArgs {
  files: string[];
  /** null: the default port, or any free one when it is taken. */
  port: number | null;
  help: boolean;
}

export const USAGE = `usage: npm start -- [--port N] [book.xlsx | one or more .csv files]

Serves a local preview on 127.0.0.1: the workbook's tabs as a grid (=MBO_ formulas computed with the
bundle uploaded to Apps Script) beside the add-on's real sidebar. Without a file it opens the sample
marketing workbook with a Formulas tab. Input files are never written; "Save as…" writes a new .xlsx.`;

export function parseArgs(argv: readonly string[]): PreviewArgs {
  const args: PreviewArgs = { files: [], port: null, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const text = arg === '--port' ? argv[++i] : arg.slice('--port='.length);
      const port = Number(text);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`--port needs a port number, not ${text}.`);
      args.port = port;
    } else if (arg.startsWith('-')) throw new Error(`Unknown option ${arg}.\n\n${USAGE}`);
    else args.files.push(arg);
  }
  return args;
}
