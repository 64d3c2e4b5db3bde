// Writes a workbook next to its destination first and renames it into place: a failed run never leaves half a file.
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Workbook } from 'exceljs';
import { CliError } from './errors';
import { type Progress, SILENT_PROGRESS } from './progress';

export async function saveWorkbook(
  book: Workbook,
  outPath: string,
  progress: Progress = SILENT_PROGRESS,
): Promise<void> {
  // Same folder, so the rename is atomic; a dot name, so nobody opens it half-written.
  const temporary = join(dirname(outPath), `.${basename(outPath)}.${process.pid}.tmp`);
  progress.phase(`writing ${outPath}`);
  try {
    await book.xlsx.writeFile(temporary);
    await rename(temporary, outPath);
  } catch (error) {
    await rm(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'its folder does not exist' : (error as Error).message;
    throw new CliError(`${outPath} could not be written: ${reason}.`);
  }
}
