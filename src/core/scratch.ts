// Per-goal scratch arrays for one pass of the analysis, kept on the JS heap on purpose.

/**
 * n numbers set to `value`, as a plain array. V8 starts a full collection of the whole heap (the input
 * grid included: ~0.4 s at a million goals) once typed arrays grow by 64 MB, and the analysis's own
 * results and links already hold ~30 MB of them; scratch that dies with its pass costs nothing there.
 */
export function scratch(n: number, value: number): number[] {
  return new Array<number>(n).fill(value);
}
