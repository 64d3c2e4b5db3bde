// A small RFC 4180 CSV parser: quoted fields with embedded delimiters, quotes and newlines, any line ending, a leading BOM.

/** A CSV that cannot be read as written, with the line where the trouble starts. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

export type Delimiter = ',' | ';' | '\t';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const BOM = '\ufeff';
const CANDIDATES: readonly Delimiter[] = [',', ';', '\t'];

/**
 * The delimiter of the first record: the most frequent of comma, semicolon and tab outside quotes.
 * Spreadsheet apps in decimal-comma locales save "CSV" with semicolons; a comma wins ties.
 */
export function sniffDelimiter(text: string): Delimiter {
  const counts = new Map<Delimiter, number>(CANDIDATES.map((d) => [d, 0]));
  let quoted = false;
  for (let i = text.startsWith(BOM) ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c as Delimiter))
      counts.set(c as Delimiter, (counts.get(c as Delimiter) ?? 0) + 1);
  }
  let best: Delimiter = ',';
  for (const d of CANDIDATES) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/**
 * Every record as an array of its fields, text exactly as written (numbers stay text).
 * A field is quoted only when its first character is a quote; `""` inside quotes is one quote, and
 * text after a closing quote is kept, as spreadsheet apps do. An empty line is a record with one
 * empty field (it is a row when the file is opened in a spreadsheet); the final line ending is not.
 */
export function parseCsv(text: string, delimiter: Delimiter = ','): string[][] {
  const sep = delimiter.charCodeAt(0);
  const records: string[][] = [];
  let record: string[] = [];
  let line = 1;
  let i = text.startsWith(BOM) ? 1 : 0;
  const n = text.length;
  if (i >= n) return records;
  for (;;) {
    // One field per turn of this loop; i is at its first character.
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      const openedOnLine = line;
      let parts = '';
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close < 0)
          throw new CsvSyntaxError(
            `a quoted field opened on line ${openedOnLine} is never closed`,
            openedOnLine,
          );
        line += countLineBreaks(text, from, close);
        parts += text.slice(from, close);
        if (text.charCodeAt(close + 1) === QUOTE) {
          parts += '"';
          from = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      const rest = i;
      while (i < n && !isFieldEnd(text.charCodeAt(i), sep)) i++;
      field = parts + text.slice(rest, i);
    } else {
      const start = i;
      while (i < n && !isFieldEnd(text.charCodeAt(i), sep)) i++;
      field = text.slice(start, i);
    }
    record.push(field);
    if (i >= n) {
      records.push(record);
      return records;
    }
    const c = text.charCodeAt(i);
    i++;
    if (c === sep) continue;
    // A line ending: \r\n, \n or a lone \r.
    if (c === CR && text.charCodeAt(i) === LF) i++;
    line++;
    records.push(record);
    record = [];
    if (i >= n) return records;
  }
}

function isFieldEnd(c: number, sep: number): boolean {
  return c === sep || c === LF || c === CR;
}

/** Line breaks in text[from, to): \r\n counts once. */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}
