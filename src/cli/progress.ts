// A progress line on stderr for long runs: a bar where the amount of work is known, elapsed time where it is not.

export interface Progress {
  /** Starts a phase (ending the one before); `total` gives a bar, none gives a spinner. */
  phase(label: string, total?: number): void;
  /** Work done so far in the current phase, out of its total. */
  advance(done: number): void;
  /** Ends the last phase and clears the line. */
  finish(): void;
  /** Clears a redrawn line so a message can be written on stderr; the next redraw brings it back. */
  clear(): void;
}

/** Where progress is written: stderr, so stdout stays clean for issues and JSON. */
export interface ProgressSink {
  write(text: string): void;
  /** A terminal redraws one line in place; anything else gets one line per phase. */
  isTTY: boolean;
}

export const SILENT_PROGRESS: Progress = { phase() {}, advance() {}, finish() {}, clear() {} };

const BAR_WIDTH = 24;
const SPINNER = '|/-\\';
/** Redraws at most this often: a 1M-row loop must not spend its time painting. */
const REDRAW_MS = 100;

export function createProgress(sink: ProgressSink, clock: () => number = () => performance.now()): Progress {
  return sink.isTTY ? new TerminalProgress(sink, clock) : new LineProgress(sink, clock);
}

abstract class PhaseClock {
  protected label = '';
  protected total = 0;
  protected done = 0;
  protected startedAt = 0;
  protected active = false;

  constructor(
    protected readonly sink: ProgressSink,
    protected readonly clock: () => number,
  ) {}

  protected seconds(): string {
    return `${((this.clock() - this.startedAt) / 1000).toFixed(1)}s`;
  }
}

/** Not a terminal (a log, a CI job): a line when each phase starts and ends, no control characters. */
class LineProgress extends PhaseClock implements Progress {
  phase(label: string, total?: number): void {
    this.end();
    this.label = label;
    this.total = total ?? 0;
    this.startedAt = this.clock();
    this.active = true;
    this.sink.write(`${label}...\n`);
  }

  advance(done: number): void {
    this.done = done;
  }

  finish(): void {
    this.end();
  }

  clear(): void {}

  private end(): void {
    if (!this.active) return;
    this.active = false;
    this.sink.write(`${this.label}: done in ${this.seconds()}\n`);
  }
}

/** A terminal: one line redrawn in place, with a timer so a spinner moves through long steps (the analysis) too. */
class TerminalProgress extends PhaseClock implements Progress {
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastDraw = 0;
  private frame = 0;

  phase(label: string, total?: number): void {
    this.label = label;
    this.total = total ?? 0;
    this.done = 0;
    this.startedAt = this.clock();
    this.active = true;
    this.draw();
    if (this.timer === null) {
      this.timer = setInterval(() => this.draw(), REDRAW_MS);
      // The spinner must never keep the process alive.
      this.timer.unref();
    }
  }

  advance(done: number): void {
    this.done = done;
    if (this.clock() - this.lastDraw >= REDRAW_MS) this.draw();
  }

  clear(): void {
    if (this.active) this.sink.write('\r\x1b[2K');
  }

  finish(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    if (this.active) this.sink.write('\r\x1b[2K');
    this.active = false;
  }

  private draw(): void {
    if (!this.active) return;
    this.lastDraw = this.clock();
    this.frame = (this.frame + 1) % SPINNER.length;
    this.sink.write(
      `\r\x1b[2K${progressLine(this.label, this.done, this.total, SPINNER[this.frame], this.seconds())}`,
    );
  }
}

/** `label [██████░░░░] 40% 4,000/10,000 1.2s`, or `label | 1.2s` when the total is unknown. */
export function progressLine(
  label: string,
  done: number,
  total: number,
  spinner: string,
  elapsed: string,
): string {
  if (total <= 0) return `${label} ${spinner} ${elapsed}`;
  const share = Math.max(0, Math.min(1, done / total));
  const filled = Math.round(share * BAR_WIDTH);
  const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
  const count = `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`;
  return `${label} [${bar}] ${Math.floor(share * 100)}% ${count} ${elapsed}`;
}
