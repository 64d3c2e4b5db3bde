// Runs one workbook through headless LibreOffice (soffice started here, driven by libreoffice-recalc.py) and returns its timings and values.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LibreOffice } from './libreoffice';

export interface RecalcJob {
  file: string;
  /** A1 ranges of one column each, read back after the recalculation. */
  ranges: string[];
}

export type RecalcResult =
  | {
      ok: true;
      loadMs: number;
      recalcMs: number;
      readMs: number;
      threaded: boolean;
      columns: (string | number)[][];
    }
  | { ok: false; error: string };

const SCRIPT = join(import.meta.dirname, '../bench/libreoffice-recalc.py');

/**
 * Starts soffice on a fresh profile listening on a named pipe (no network), loads `warmup` first and then
 * `job` (the warm-up pays for the first document's one-off start-up costs), and stops soffice: it runs in a
 * process group of its own (soffice starts oosplash, which starts soffice.bin), ended by that group's id.
 */
export async function recalculate(
  office: Extract<LibreOffice, { ok: true }>,
  warmup: RecalcJob,
  job: RecalcJob,
  timeoutMs: number,
  threaded = true,
): Promise<RecalcResult> {
  const profile = mkdtempSync(join(tmpdir(), 'mbo-bench-lo-'));
  if (!threaded) singleThreaded(profile);
  const pipe = `mbo-bench-${process.pid}-${Date.now()}`;
  const soffice = spawn(
    office.soffice,
    [
      '--headless',
      '--invisible',
      '--nologo',
      '--norestore',
      '--nodefault',
      '--nolockcheck',
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      `--accept=pipe,name=${pipe};urp;StarOffice.ComponentContext`,
    ],
    { stdio: 'ignore', detached: true },
  );
  const sofficeExit = new Promise<void>((resolve) => soffice.once('exit', () => resolve()));
  try {
    const run = await runScript(office.python, [SCRIPT, pipe], JSON.stringify([warmup, job]), timeoutMs);
    if (run.timedOut) return { ok: false, error: `did not finish in ${Math.round(timeoutMs / 1000)} s` };
    const lines = run.stdout.trim().split('\n').filter(Boolean);
    if (run.code !== 0 || lines.length < 2)
      return {
        ok: false,
        error: `libreoffice-recalc.py exited ${run.code}: ${run.stderr.trim().split('\n').slice(-1)[0] ?? ''}`,
      };
    const out = JSON.parse(lines[1]) as {
      error?: string;
      loadMs: number;
      recalcMs: number;
      readMs: number;
      threaded: boolean;
      columns: (string | number)[][];
    };
    if (out.error) return { ok: false, error: out.error };
    return {
      ok: true,
      loadMs: out.loadMs,
      recalcMs: out.recalcMs,
      readMs: out.readMs,
      threaded: out.threaded,
      columns: out.columns,
    };
  } finally {
    // The script terminates soffice's desktop when done; give it a moment to quit, then end the group.
    await Promise.race([sofficeExit, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    if (soffice.pid !== undefined) {
      try {
        process.kill(-soffice.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(profile, { recursive: true, force: true });
  }
}

/** A profile whose settings turn Calc's threaded formula-group calculation off, read by soffice as it starts. */
function singleThreaded(profile: string): void {
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(
    join(profile, 'user/registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Calculation"><prop oor:name="UseThreadedCalculationForFormulaGroups" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
`,
  );
}

/** Runs the Python script with `input` on stdin; past the timeout it is ended by its pid. */
function runScript(
  command: string,
  args: string[],
  input: string,
  timeoutMs: number,
): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
      });
    });
    child.stdin.end(input);
  });
}
