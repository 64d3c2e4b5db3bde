// Runs a read-then-write under the document lock, so two people pressing a button get one consistent result.
import type { LockPort } from './gas';

/** How long to wait for another user's Roll up or link to finish (Roll up may take a while on big workbooks). */
export const LOCK_WAIT_MS = 30_000;

export class BusyError extends Error {
  constructor() {
    super('Someone else is updating this spreadsheet with MBO Cascade: try again in a minute.');
    this.name = 'BusyError';
  }
}

/**
 * Holds the document lock around `work`. Pending writes are flushed before the lock is released,
 * as Google's LockService guide advises, so the next holder reads what this one wrote.
 * A null lock (no document to lock) runs `work` unguarded.
 */
export function withDocumentLock<T>(
  lock: LockPort | null,
  flush: () => void,
  work: () => T,
  waitMs = LOCK_WAIT_MS,
): T {
  if (!lock) return work();
  try {
    lock.waitLock(waitMs);
  } catch {
    throw new BusyError();
  }
  try {
    const result = work();
    flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
