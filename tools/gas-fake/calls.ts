// Counts every fake Apps Script call by method name and injects faults into writes, so tests can pin batching and failure safety.

export type CallKind = 'read' | 'write';

/** Thrown by a write the test asked to fail; shaped like Google's service errors (a plain Error). */
export class InjectedFault extends Error {
  constructor(method: string, writeNumber: number) {
    super(`Injected fault: write #${writeNumber} (${method}) failed`);
    this.name = 'InjectedFault';
  }
}

export class CallLog {
  private readonly counts = new Map<string, number>();
  private writeCount = 0;
  /** Writes still allowed before the injected fault; -1 = no fault armed. */
  private writesBeforeFault = -1;
  private faultRepeats = false;
  /** Called before every write, after the fault check: lets a test act "in the middle" of an operation. */
  onWrite: ((method: string, writeNumber: number) => void) | null = null;

  /** Records one call; a write may throw the armed fault instead of happening. */
  record(method: string, kind: CallKind = 'read'): void {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    if (kind !== 'write') return;
    this.writeCount++;
    if (this.writesBeforeFault === 0) {
      if (!this.faultRepeats) this.writesBeforeFault = -1;
      throw new InjectedFault(method, this.writeCount);
    }
    if (this.writesBeforeFault > 0) this.writesBeforeFault--;
    this.onWrite?.(method, this.writeCount);
  }

  /**
   * Lets the next `n` writes succeed and makes the one after throw.
   * `always`: every later write throws too (a quota that ran out), so clean-up code fails as well.
   */
  failAfter(n: number, options: { always?: boolean } = {}): void {
    this.writesBeforeFault = n;
    this.faultRepeats = options.always ?? false;
  }

  /** Disarms any injected fault. */
  heal(): void {
    this.writesBeforeFault = -1;
    this.faultRepeats = false;
  }

  /** Calls of one method (`'Range.setValues'`), or of all methods when no name is given. */
  count(method?: string): number {
    if (method !== undefined) return this.counts.get(method) ?? 0;
    let total = 0;
    for (const n of this.counts.values()) total += n;
    return total;
  }

  /** Writes since the last reset (including any that threw). */
  get writes(): number {
    return this.writeCount;
  }

  /** Every method called since the last reset, with its count, sorted by name. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Calls whose names start with a prefix, e.g. `'Spreadsheet.'` or `'Range.'`. */
  countPrefix(prefix: string): number {
    let total = 0;
    for (const [name, n] of this.counts) if (name.startsWith(prefix)) total += n;
    return total;
  }

  reset(): void {
    this.counts.clear();
    this.writeCount = 0;
    this.heal();
  }
}
