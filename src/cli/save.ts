// Writes an output file beside its destination and renames it into place: a failed or interrupted run leaves neither half a file nor a temporary one.
import { rmSync } from 'node:fs';
import { lstat, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CliError } from './errors';
import { type Progress, SILENT_PROGRESS } from './progress';

/** Temporary files being written now: removed if the process is stopped by a signal or exits before the rename. */
const live = new Set<string>();
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function removeLive(): void {
  for (const path of live) rmSync(path, { force: true });
  live.clear();
}

/** On a signal: remove the temporary files, then die of that signal as if we had not caught it (exit 130 for Ctrl+C). */
function onSignal(signal: NodeJS.Signals): void {
  removeLive();
  unwatch();
  process.kill(process.pid, signal);
}

function watch(): void {
  if (live.size > 0) return;
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on('exit', removeLive);
}

function unwatch(): void {
  for (const signal of SIGNALS) process.off(signal, onSignal);
  process.off('exit', removeLive);
}

let counter = 0;

/** A dot name in the destination's folder, so the rename is atomic and nobody opens it half-written. */
export function temporaryPathFor(outPath: string): string {
  return join(dirname(outPath), `.${basename(outPath)}.${process.pid}.${++counter}.tmp`);
}

/**
 * Refuses an output that exists (unless `force`) or that is not a plain file: rollup never
 * replaces a file the user did not ask it to.
 */
export async function assertWritableOutput(outPath: string, force: boolean): Promise<void> {
  const info = await lstat(outPath).catch(() => null);
  if (!info) return;
  if (info.isDirectory()) throw new CliError(`The output ${outPath} is a directory: name a file with -o.`);
  if (!info.isFile() && !info.isSymbolicLink())
    throw new CliError(`The output ${outPath} is not a regular file: name a file with -o.`);
  if (!force)
    throw new CliError(
      `${outPath} already exists: choose another file with -o, or add --force to replace it.`,
    );
}

/**
 * Runs `write` on a new temporary file beside `outPath`, then renames it to `outPath`. On an
 * error, or SIGINT/SIGTERM/SIGHUP while writing, the temporary file is removed.
 */
export async function writeAtomically<T>(
  outPath: string,
  write: (temporaryPath: string) => Promise<T>,
  progress: Progress = SILENT_PROGRESS,
): Promise<T> {
  const temporary = temporaryPathFor(outPath);
  progress.phase(`writing ${outPath}`);
  watch();
  live.add(temporary);
  try {
    // Created here, exclusively: a file of that name that is not ours is never written over.
    await (await open(temporary, 'wx')).close();
    const result = await write(temporary);
    await rename(temporary, outPath);
    return result;
  } catch (error) {
    await rm(temporary, { force: true });
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'its folder does not exist' : (error as Error).message;
    throw new CliError(`${outPath} could not be written: ${reason}.`);
  } finally {
    live.delete(temporary);
    if (live.size === 0) unwatch();
  }
}
