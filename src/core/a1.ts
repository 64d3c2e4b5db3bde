// A1 notation of a block of cells (`B2:B5`, `C7`, `'My tab'!A1:B2`) as 1-based row, column and size.

/** Column letters as a 1-based number: A → 1, Z → 26, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** A block in A1 notation (a sheet name before `!` is ignored), or null when it is not one cell or a two-corner block. */
export function parseA1Block(a1: string): { row: number; col: number; rows: number; cols: number } | null {
  const bang = a1.lastIndexOf('!');
  const [from, to = from] = (bang >= 0 ? a1.slice(bang + 1) : a1).split(':');
  const start = CELL.exec(from.trim());
  const end = CELL.exec(to.trim());
  if (start === null || end === null) return null;
  const [r1, c1, r2, c2] = [Number(start[2]), columnNumber(start[1]), Number(end[2]), columnNumber(end[1])];
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  return { row, col, rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}
