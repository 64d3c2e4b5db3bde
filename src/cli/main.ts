// The mbo-cascade command line: parses, runs check, rollup, check-in or freeze, and turns every failure into a message and an exit code.

import { userInfo } from 'node:os';
import { checkInFiles } from './check-in';
import { HELP, parseCommandLine } from './command-line';
import { checkFiles, rollupFiles } from './commands';
import { CliError, EXIT_CANNOT_RUN, EXIT_OK } from './errors';
import { freezeFiles } from './freeze';
import { createProgress, type Progress, SILENT_PROGRESS } from './progress';
import { printable } from './terminal-text';

/** Where the command line meets the world; tests pass their own. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Progress shows by itself only on a terminal. */
  errIsTTY: boolean;
  now(): Date;
  /** Who is running it: freeze's Frozen by when --by is not given ('' when the system cannot say). */
  user(): string;
}

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    errIsTTY: Boolean(process.stderr.isTTY),
    now: () => new Date(),
    user: osUserName,
  };
}

/** The operating system's name for the user running this process; '' when it has none (a container's unnamed user). */
export function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

/** Runs one command; resolves to the exit code (run-ts sets it as the process's). */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let progress: Progress = SILENT_PROGRESS;
  if (argv.length === 0) {
    io.err(HELP);
    return EXIT_CANNOT_RUN;
  }
  try {
    const line = parseCommandLine(argv);
    if (line.command === 'help') {
      io.out(HELP);
      return EXIT_OK;
    }
    if (line.progress || io.errIsTTY) progress = createProgress({ write: io.err, isTTY: io.errIsTTY });
    const options = {
      today: line.today,
      now: io.now(),
      progress,
      decimalSeparator: line.decimalSeparator,
      timeZone: line.timeZone ?? undefined,
      warn: (message: string) => io.err(`mbo-cascade: note: ${printable(message)}\n`),
    };
    if (line.command === 'check') {
      const result = await checkFiles(line.files, line.json, options);
      io.out(result.output);
      return result.exitCode;
    }
    if (line.command === 'freeze') {
      const by = line.by ?? io.user();
      const done = await freezeFiles(line.files, line.output, {
        ...options,
        force: line.force,
        period: line.period,
        by,
      });
      io.out(`${done.summary}\n`);
      return EXIT_OK;
    }
    if (line.command === 'check-in') {
      const done = await checkInFiles(line.files, line.output, { ...options, force: line.force });
      io.out(`${done.summary}\n`);
      return EXIT_OK;
    }
    const result = await rollupFiles(line.files, line.output, { ...options, force: line.force });
    io.out(`${result.summary}\n`);
    return EXIT_OK;
  } catch (error) {
    progress.finish();
    if (error instanceof CliError) {
      // Messages quote file, tab and cell text: printed without the escapes a terminal would obey.
      io.err(`mbo-cascade: ${printable(error.message)}\n`);
      return error.exitCode;
    }
    io.err(`mbo-cascade: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT_CANNOT_RUN;
  }
}
