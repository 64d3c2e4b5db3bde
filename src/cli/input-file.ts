// Looks at an input file's first bytes before any parser does, so a missing, encrypted or corrupt file gets a plain answer.
import type { Stats } from 'node:fs';
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { CliError } from './errors';

export type FileKind = 'zip' | 'ole' | 'empty' | 'other';

/** Every .xlsx is a zip archive: local file header `PK\3\4` (or `PK\5\6` for an empty archive). */
const ZIP_SIGNATURES = [Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from([0x50, 0x4b, 0x05, 0x06])];
/**
 * The OLE compound-file signature. Excel saves a password-protected workbook as an encrypted package
 * inside an OLE file (not a zip), and old .xls files are OLE files too: neither is an .xlsx package.
 */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function kindOfBytes(head: Buffer): FileKind {
  if (head.length === 0) return 'empty';
  if (head.subarray(0, OLE_SIGNATURE.length).equals(OLE_SIGNATURE)) return 'ole';
  if (ZIP_SIGNATURES.some((sig) => head.subarray(0, sig.length).equals(sig))) return 'zip';
  return 'other';
}

/** What a path that is not a plain file is, in words. */
function notRegular(info: Stats): string | null {
  if (info.isFile()) return null;
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * The kind of file at `path`; a missing, unreadable or non-regular file is a CliError. The path is
 * looked at before it is opened: opening a FIFO waits for a writer, and would hang the command.
 */
export async function kindOfFile(path: string): Promise<FileKind> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    throw new CliError(openFailure(path, error));
  }
  const what = notRegular(info);
  if (what === 'a directory') throw new CliError(`${path} is a directory, not a file.`);
  if (what) throw new CliError(`${path} is ${what}, not a file: save the workbook to a file and name that.`);
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    // Non-blocking, should the path have become a FIFO since it was looked at.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new CliError(openFailure(path, error));
  }
  try {
    const head = Buffer.alloc(OLE_SIGNATURE.length);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return kindOfBytes(head.subarray(0, bytesRead));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(openFailure(path, error));
  } finally {
    await handle.close();
  }
}

/** The kind of file an .xlsx input must be; anything else is explained. */
export async function assertXlsxFile(path: string): Promise<void> {
  const kind = await kindOfFile(path);
  if (kind === 'zip') return;
  if (kind === 'ole')
    throw new CliError(
      `${path} is password-protected or not an .xlsx (it is an encrypted workbook or an old .xls). ` +
        'Remove the password or save it as .xlsx, then try again.',
    );
  if (kind === 'empty') throw new CliError(`${path} is empty, not an .xlsx workbook.`);
  throw new CliError(
    `${path} is not an .xlsx workbook (it is not a zip archive): is it corrupt, or a CSV named .xlsx?`,
  );
}

/** A CSV input is text: a zip or OLE file named .csv is a workbook given the wrong name. */
export async function assertTextFile(path: string): Promise<void> {
  const kind = await kindOfFile(path);
  if (kind === 'zip' || kind === 'ole')
    throw new CliError(
      `${path} is a spreadsheet file, not a CSV: give it its .xlsx name, or save it as CSV.`,
    );
}

function openFailure(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${path} does not exist.`;
  if (code === 'EACCES' || code === 'EPERM') return `${path} cannot be read: permission denied.`;
  if (code === 'EISDIR') return `${path} is a directory, not a file.`;
  return `${path} cannot be read: ${(error as Error).message}`;
}
