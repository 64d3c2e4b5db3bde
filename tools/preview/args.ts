// The preview's command line: `npm start -- [--port N] [--locale TAG] [book.xlsx | tabs.csv …]`.
import { type PreviewLocale, previewLocale } from './locale';

export interface PreviewArgs {
  files: string[];
  /** null: the default port, or any free one when it is taken. */
  port: number | null;
  /** null: en_US, as a new spreadsheet from an English account. */
  locale: PreviewLocale | null;
  help: boolean;
}

export const USAGE = `usage: npm start -- [--port N] [--locale TAG] [book.xlsx | one or more .csv files]

Serves a local preview on 127.0.0.1: the workbook's tabs as a grid (=MBO_ formulas computed with the
bundle uploaded to Apps Script) beside the add-on's real sidebar. Without a file it opens the sample
marketing workbook with a Formulas tab. Input files are never written; "Save as…" writes a new .xlsx.

--locale TAG opens the workbook in a spreadsheet of that locale (de-DE or de_DE): the add-on reads
numbers with its decimal mark, and CSV cells are typed as Sheets imports them there (de-DE: 8.000 is
eight thousand, 62,5 a decimal, 31.12.2026 a date). Default: en_US.`;

export function parseArgs(argv: readonly string[]): PreviewArgs {
  const args: PreviewArgs = { files: [], port: null, locale: null, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const text = arg === '--port' ? argv[++i] : arg.slice('--port='.length);
      const port = Number(text);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`--port needs a port number, not ${text}.`);
      args.port = port;
    } else if (arg === '--locale' || arg.startsWith('--locale=')) {
      const text = arg === '--locale' ? argv[++i] : arg.slice('--locale='.length);
      if (text === undefined || text.trim() === '')
        throw new Error('--locale needs a language tag like de-DE or en-US.');
      args.locale = previewLocale(text);
    } else if (arg.startsWith('-')) throw new Error(`Unknown option ${arg}.\n\n${USAGE}`);
    else args.files.push(arg);
  }
  return args;
}
