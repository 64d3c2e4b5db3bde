// Timing and reporting helpers for npm run bench: medians, rates, scaling exponents and a Markdown table.

export interface Check {
  what: string;
  target: string;
  measured: string;
  pass: boolean;
}

export interface Section {
  title: string;
  /** First row is the header. */
  table: (string | number)[][];
  checks: Check[];
  notes?: string[];
}

export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Median wall time of `runs` calls, in milliseconds, after one warm-up call. */
export function timeMedian(runs: number, fn: () => unknown, warmup = true): number {
  if (warmup) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  // An even count's median is the mean of its middle two (of two runs, not the slower one).
  const mid = times.length >> 1;
  return times.length % 2 === 1 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
}

/** Slope of log(time) against log(size) between the smallest and the largest size: 1 = linear. */
export function scalingExponent(points: readonly { size: number; ms: number }[]): number {
  const a = points[0];
  const b = points[points.length - 1];
  return Math.log(b.ms / a.ms) / Math.log(b.size / a.size);
}

export const fmt = {
  ms: (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)),
  rate: (perSecond: number): string => Math.round(perSecond).toLocaleString('en-US'),
  int: (n: number): string => n.toLocaleString('en-US'),
  mb: (bytes: number): string => (bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0),
  kb: (bytes: number): string => (bytes / 1024).toFixed(1),
  ratio: (x: number): string => (x >= 10 ? x.toFixed(0) : x.toFixed(1)),
};

/** Peak resident memory of this process so far, in bytes. */
export function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

export function markdown(sections: readonly Section[], header: string): string {
  const out = [header, ''];
  for (const s of sections) {
    out.push(`## ${s.title}`, '');
    const [head, ...rows] = s.table;
    out.push(`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`);
    for (const row of rows) out.push(`| ${row.join(' | ')} |`);
    out.push('');
    if (s.checks.length) {
      out.push('| target | wanted | measured | met |', '| --- | --- | --- | --- |');
      for (const c of s.checks)
        out.push(`| ${c.what} | ${c.target} | ${c.measured} | ${c.pass ? 'yes' : '**no**'} |`);
      out.push('');
    }
    for (const note of s.notes ?? []) out.push(`- ${note}`);
    if (s.notes?.length) out.push('');
  }
  return out.join('\n');
}
