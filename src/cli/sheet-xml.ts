// Reads worksheet and shared-string XML as it streams out of the zip, byte by byte: the values a spreadsheet shows, one row at a time, in bounded memory.
import type { CellValue } from '../core/model';
import { unescapeXml } from './xml';

/** Shared by every blank row: a 650k-row sheet with gaps allocates nothing for them. */
const BLANK_ROW: readonly CellValue[] = Object.freeze([]);

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const MINUS = 0x2d;
const DOT = 0x2e;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const UPPER_A = 0x41;
const UPPER_Z = 0x5a;
const LOWER_A = 0x61;
const LOWER_Z = 0x7a;

/** The cell types (`t` attribute) this reader tells apart. */
enum CellType {
  Number,
  Shared,
  FormulaText,
  Inline,
  Boolean,
  Error,
  Date,
}

/** Days from 1899-12-30 (Excel's day 0 in the 1900 system) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25569;
/** The 1904 system counts from 1904-01-01, 1462 days later. */
const DAYS_1900_TO_1904 = 1462;
const DAY_MS = 86_400_000;
/** Powers of ten an integer of up to 15 digits may be divided by and stay correctly rounded. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

const isNameEnd = (b: number): boolean =>
  b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === GT || b === SLASH;

/** The next `<` in data[from, end), or -1: a loop in JavaScript, cheaper than Buffer#indexOf for the short hops between tags. */
function nextLt(data: Buffer, from: number, end: number): number {
  for (let i = from; i < end; i++) if (data[i] === LT) return i;
  return -1;
}

/** A date serial as the same wall-clock time on the local calendar (Sheets hands dates over at local midnight). */
export function serialToDate(serial: number, date1904: boolean): Date {
  const utc = new Date(Math.round((serial - EXCEL_EPOCH_DAYS + (date1904 ? DAYS_1900_TO_1904 : 0)) * DAY_MS));
  return localCalendarDate(utc);
}

/** A UTC wall-clock time rebuilt in local time; setFullYear keeps years below 100 as they are. */
export function localCalendarDate(utc: Date): Date {
  if (Number.isNaN(utc.getTime())) return utc;
  const local = new Date(0);
  local.setFullYear(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
  local.setHours(utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds(), utc.getUTCMilliseconds());
  return local;
}

/** An ISO 8601 date cell (`t="d"`): its calendar day and time, read as local wall-clock time. */
export function isoToDate(text: string): Date | string {
  const m = /^(-?\d{4,})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?)?/.exec(text.trim());
  if (!m) return text;
  const local = new Date(0);
  local.setFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  local.setHours(
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
    Math.round(Number(`0.${m[7] ?? 0}`) * 1000),
  );
  return local;
}

/** OOXML's escape for characters XML cannot hold: `_x000D_` is a carriage return, `_x005F_` a literal underscore. */
export function unescapeOoxml(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

/** Text content as written between tags, entities and OOXML escapes resolved. */
function decodeText(data: Buffer, start: number, end: number): string {
  if (start >= end) return '';
  return unescapeOoxml(unescapeXml(data.toString('utf8', start, end)));
}

/** A number as written in a `<v>`: integers and decimals of up to 15 digits without a string, the rest through Number(). */
function parseNumber(data: Buffer, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (data[i] === MINUS) {
    negative = true;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let decimals = 0;
  let seenDot = false;
  for (; i < end; i++) {
    const b = data[i];
    if (b >= DIGIT_0 && b <= DIGIT_9) {
      mantissa = mantissa * 10 + (b - DIGIT_0);
      digits++;
      if (seenDot) decimals++;
    } else if (b === DOT && !seenDot) {
      seenDot = true;
    } else {
      break;
    }
  }
  // Exactly Number(text) when the digits fit in 2^53 and the divisor is exact (Clinger's fast path).
  if (i === end && digits > 0 && digits <= 15) {
    const value = decimals ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
    return negative ? -value : value;
  }
  const value = Number(data.toString('latin1', start, end).trim());
  return Number.isNaN(value) ? Number.NaN : value;
}

function parseIndex(data: Buffer, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const b = data[i];
    if (b < DIGIT_0 || b > DIGIT_9) return -1;
    n = n * 10 + (b - DIGIT_0);
  }
  return start < end ? n : -1;
}

/** Scans tags in one element's content; knows the document's namespace prefix (`x:` or none). */
class Scanner {
  protected prefix: Buffer;

  constructor(prefix: string) {
    this.prefix = Buffer.from(prefix);
  }

  /** True when `<prefix name` (or `</prefix name` with `closing`) starts at `at`, ending at a delimiter. */
  protected isTag(data: Buffer, at: number, name: string, closing = false): boolean {
    let i = at + 1;
    if (closing) {
      if (data[i] !== SLASH) return false;
      i++;
    }
    const p = this.prefix;
    for (let k = 0; k < p.length; k++) if (data[i + k] !== p[k]) return false;
    i += p.length;
    for (let k = 0; k < name.length; k++) if (data[i + k] !== name.charCodeAt(k)) return false;
    return isNameEnd(data[i + name.length]);
  }

  /** The index just past the `>` of the tag starting at `at`, or -1. */
  protected tagEnd(data: Buffer, at: number, end: number): number {
    let quote = 0;
    for (let i = at + 1; i < end; i++) {
      const b = data[i];
      if (quote) {
        if (b === quote) quote = 0;
      } else if (b === QUOTE || b === APOSTROPHE) {
        quote = b;
      } else if (b === GT) {
        return i + 1;
      }
    }
    return -1;
  }

  /**
   * The text of a string item (`<si>` or `<is>`) from `from` to its end tag: every `<t>` run joined,
   * phonetic guides (`<rPh>`) left out. Returns the text and the index past the end tag.
   */
  protected richText(data: Buffer, from: number, end: number, container: string): [string, number] {
    let text = '';
    let inPhonetic = false;
    let i = from;
    while (i < end) {
      const lt = nextLt(data, i, end);
      if (lt < 0) return [text, end];
      const close = this.tagEnd(data, lt, end);
      if (close < 0) return [text, end];
      if (this.isTag(data, lt, container, true)) return [text, close];
      if (this.isTag(data, lt, 'rPh')) inPhonetic = data[close - 2] !== SLASH;
      else if (this.isTag(data, lt, 'rPh', true)) inPhonetic = false;
      else if (this.isTag(data, lt, 't') && data[close - 2] !== SLASH) {
        const textEnd = nextLt(data, close, end);
        const stop = textEnd < 0 ? end : textEnd;
        if (!inPhonetic) text += decodeText(data, close, stop);
        i = stop;
        continue;
      }
      i = close;
    }
    return [text, end];
  }
}

/** The root element's namespace prefix (`x:` or ''), from the start of a part; null until its name is all there. */
export function rootPrefix(head: Buffer): string | null {
  for (let i = head.indexOf(LT); i >= 0 && i < head.length; i = head.indexOf(LT, i + 1)) {
    if (i + 1 >= head.length) return null;
    const next = head[i + 1];
    if (next === 0x3f || next === 0x21) continue; // <?xml ...?> and <!-- ... -->
    let j = i + 1;
    while (j < head.length && !isNameEnd(head[j])) j++;
    if (j >= head.length) return null;
    const name = head.toString('utf8', i + 1, j);
    const colon = name.indexOf(':');
    return colon < 0 ? '' : name.slice(0, colon + 1);
  }
  return null;
}

/** Parses streamed XML chunk by chunk: each turn consumes the whole elements it holds and keeps the rest for the next. */
abstract class ChunkedParser extends Scanner {
  private pending: Buffer | null = null;
  private started = false;

  push(chunk: Buffer): void {
    const data = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    if (!this.started) {
      const prefix = rootPrefix(data);
      if (prefix === null) {
        this.pending = data;
        return;
      }
      this.start(prefix);
    }
    const consumed = this.consume(data, false);
    this.pending = consumed < data.length ? data.subarray(consumed) : null;
  }

  private start(prefix: string): void {
    this.started = true;
    this.prefix = Buffer.from(prefix);
    this.begin();
  }

  end(): void {
    if (!this.started) this.start('');
    if (this.pending) this.consume(this.pending, true);
    this.pending = null;
    this.finish();
  }

  /** Called once the prefix is known. */
  protected begin(): void {}

  /** Called after the last chunk. */
  protected finish(): void {}

  /** Parses what `data` holds of whole elements (everything when `final`); returns how many bytes it used. */
  protected abstract consume(data: Buffer, final: boolean): number;
}

/** `<sst>`: the shared strings, in order. */
export class SharedStringsParser extends ChunkedParser {
  readonly strings: string[] = [];
  private closeTag = Buffer.from('</si>');

  protected override begin(): void {
    this.closeTag = Buffer.from(`</${this.prefix.toString()}si>`);
  }

  protected consume(data: Buffer, final: boolean): number {
    const at = data.lastIndexOf(this.closeTag);
    const cut = final ? data.length : at < 0 ? 0 : at + this.closeTag.length;
    this.parse(data, 0, cut);
    return cut;
  }

  private parse(data: Buffer, start: number, end: number): void {
    let i = start;
    for (;;) {
      const lt = nextLt(data, i, end);
      if (lt < 0) return;
      const close = this.tagEnd(data, lt, end);
      if (close < 0) return;
      if (this.isTag(data, lt, 'si')) {
        if (data[close - 2] === SLASH) {
          this.strings.push('');
          i = close;
        } else {
          const [text, next] = this.richText(data, close, end, 'si');
          this.strings.push(text);
          i = next;
        }
      } else {
        i = close;
      }
    }
  }
}

export interface SheetContext {
  sharedStrings: readonly string[];
  /** For each cell style index, 1 when its number format shows a date. */
  dateStyles: Uint8Array;
  date1904: boolean;
}

/** A worksheet's cells from A1 as getValues() gives them: one array per row up to its last value, blank rows shared. */
export class WorksheetParser extends ChunkedParser {
  readonly grid: (readonly CellValue[])[] = [];
  /** Merged ranges (`B5:C5`): their hidden cells read blank, as in Sheets. */
  readonly merges: string[] = [];
  private mode: 'before' | 'rows' | 'after' = 'before';
  private rowClose = Buffer.from('</row>');
  private sheetDataOpen = Buffer.from('<sheetData');
  private sheetDataClose = Buffer.from('</sheetData>');
  private lastRow = 0;
  /** The number of the last row read whole so far: a caller that wants only the first rows stops there. */
  get lastRowRead(): number {
    return this.lastRow;
  }
  private after = '';
  /** Rows read so far, for progress. */
  rowsRead = 0;

  constructor(private readonly context: SheetContext) {
    super('');
  }

  protected override begin(): void {
    const p = this.prefix.toString();
    this.rowClose = Buffer.from(`</${p}row>`);
    this.sheetDataOpen = Buffer.from(`<${p}sheetData`);
    this.sheetDataClose = Buffer.from(`</${p}sheetData>`);
  }

  protected consume(data: Buffer, final: boolean): number {
    let i = 0;
    if (this.mode === 'before') {
      const open = data.indexOf(this.sheetDataOpen);
      // Not there yet: keep a tail that may hold the start of <sheetData.
      if (open < 0) return final ? data.length : Math.max(0, data.length - this.sheetDataOpen.length);
      const close = this.tagEnd(data, open, data.length);
      if (close < 0) return final ? data.length : open;
      this.mode = data[close - 2] === SLASH ? 'after' : 'rows';
      i = close;
    }
    if (this.mode === 'rows') {
      const close = data.indexOf(this.sheetDataClose, i);
      if (close < 0) {
        const lastRow = data.lastIndexOf(this.rowClose);
        const cut = final ? data.length : Math.max(i, lastRow < 0 ? 0 : lastRow + this.rowClose.length);
        this.parseRows(data, i, cut);
        return cut;
      }
      this.parseRows(data, i, close);
      this.mode = 'after';
      i = close + this.sheetDataClose.length;
    }
    // After the cells only the merged ranges matter: kept as text, small next to the cells.
    if (i < data.length) this.after += data.toString('utf8', i);
    return data.length;
  }

  protected override finish(): void {
    for (const m of this.after.matchAll(
      /<(?:[\w.-]+:)?mergeCell\s[^>]*?ref\s*=\s*["']([A-Za-z]+\d+:[A-Za-z]+\d+)["']/g,
    ))
      this.merges.push(m[1]);
    this.blankMergedCells();
  }

  private parseRows(data: Buffer, start: number, end: number): void {
    let i = start;
    for (;;) {
      const lt = nextLt(data, i, end);
      if (lt < 0) return;
      const close = this.tagEnd(data, lt, end);
      if (close < 0) return;
      if (!this.isTag(data, lt, 'row')) {
        i = close;
        continue;
      }
      const rowNumber = this.rowNumber(data, lt, close);
      if (data[close - 2] === SLASH) {
        i = close;
        continue;
      }
      i = this.parseCells(data, close, end, rowNumber);
    }
  }

  private rowNumber(data: Buffer, at: number, close: number): number {
    scanAttributes(data, at, close);
    const n = refStart >= 0 ? parseIndex(data, refStart, refEnd) : -1;
    this.lastRow = n > 0 ? n : this.lastRow + 1;
    return this.lastRow;
  }

  /** The cells of one row, from after its start tag to its end tag; returns the index past the end tag. */
  private parseCells(data: Buffer, from: number, end: number, rowNumber: number): number {
    const values: CellValue[] = [];
    let column = 0;
    let i = from;
    let rowEnd = end;
    for (;;) {
      const lt = nextLt(data, i, end);
      if (lt < 0) break;
      const close = this.tagEnd(data, lt, end);
      if (close < 0) break;
      if (this.isTag(data, lt, 'row', true)) {
        rowEnd = close;
        break;
      }
      if (!this.isTag(data, lt, 'c')) {
        i = close;
        continue;
      }
      // <c r="B5" s="3" t="s">
      scanAttributes(data, lt, close);
      const refColumn = refStart >= 0 ? columnOfRef(data, refStart, refEnd) : 0;
      column = refColumn > 0 ? refColumn : column + 1;
      if (data[close - 2] === SLASH) {
        i = close;
        continue;
      }
      const type = typeStart >= 0 ? cellType(data, typeStart, typeEnd) : CellType.Number;
      const style = styleStart >= 0 ? parseIndex(data, styleStart, styleEnd) : 0;
      const [value, next] = this.cellValue(data, close, end, type, style);
      i = next;
      if (value === '') continue;
      while (values.length < column - 1) values.push('');
      values[column - 1] = value;
    }
    if (values.length > 0) {
      const grid = this.grid;
      while (grid.length < rowNumber - 1) grid.push(BLANK_ROW);
      grid[rowNumber - 1] = values;
    }
    this.rowsRead++;
    return rowEnd;
  }

  /** A cell's value from its content (`<f>`, `<v>`, `<is>`); returns it and the index past `</c>`. */
  private cellValue(
    data: Buffer,
    from: number,
    end: number,
    type: CellType,
    style: number,
  ): [CellValue, number] {
    let valueStart = -1;
    let valueEnd = -1;
    let inline: string | null = null;
    let i = from;
    let cellEnd = end;
    for (;;) {
      const lt = nextLt(data, i, end);
      if (lt < 0) break;
      const close = this.tagEnd(data, lt, end);
      if (close < 0) break;
      if (this.isTag(data, lt, 'c', true)) {
        cellEnd = close;
        break;
      }
      if (this.isTag(data, lt, 'v') && data[close - 2] !== SLASH) {
        valueStart = close;
        valueEnd = nextLt(data, close, end);
        if (valueEnd < 0) valueEnd = end;
        i = valueEnd;
        continue;
      }
      if (this.isTag(data, lt, 'is') && data[close - 2] !== SLASH) {
        const [text, next] = this.richText(data, close, end, 'is');
        inline = text;
        i = next;
        continue;
      }
      if (this.isTag(data, lt, 'f') && data[close - 2] !== SLASH) {
        // The formula's text is not the cell's value: skip to its end tag.
        const fEnd = nextLt(data, close, end);
        i = fEnd < 0 ? end : fEnd;
        continue;
      }
      i = close;
    }
    return [this.valueFrom(data, type, style, valueStart, valueEnd, inline), cellEnd];
  }

  private valueFrom(
    data: Buffer,
    type: CellType,
    style: number,
    start: number,
    end: number,
    inline: string | null,
  ): CellValue {
    if (type === CellType.Inline) return inline ?? (start >= 0 ? decodeText(data, start, end) : '');
    if (start < 0 || start >= end) return '';
    switch (type) {
      case CellType.Shared:
        return this.context.sharedStrings[parseIndex(data, start, end)] ?? '';
      case CellType.FormulaText:
      case CellType.Error:
        return decodeText(data, start, end);
      case CellType.Boolean:
        return data[start] === 0x31 || data.toString('latin1', start, end).trim().toLowerCase() === 'true';
      case CellType.Date:
        return isoToDate(decodeText(data, start, end));
      default: {
        const number = parseNumber(data, start, end);
        if (Number.isNaN(number)) return decodeText(data, start, end);
        return this.context.dateStyles[style] ? serialToDate(number, this.context.date1904) : number;
      }
    }
  }

  private blankMergedCells(): void {
    for (const range of this.merges) {
      const [from, to] = range.split(':').map(cellAddress);
      for (let r = from.row; r <= to.row; r++) {
        const row = this.grid[r - 1];
        if (!row || row === BLANK_ROW) continue;
        for (let c = from.column; c <= to.column; c++) {
          if (r === from.row && c === from.column) continue;
          if (c - 1 < row.length) (row as CellValue[])[c - 1] = '';
        }
      }
    }
  }
}

const R = 0x72;
const S = 0x73;
const T = 0x74;
/** The last scanned tag's r, s and t values: data[start, end), start -1 when absent. */
let refStart = -1;
let refEnd = -1;
let styleStart = -1;
let styleEnd = -1;
let typeStart = -1;
let typeEnd = -1;

/** Reads a tag's one-letter attributes r, s and t in one pass over its bytes: a million cells allocate nothing here. */
function scanAttributes(data: Buffer, at: number, close: number): void {
  refStart = styleStart = typeStart = -1;
  let i = at + 1;
  while (i < close && !isNameEnd(data[i])) i++;
  while (i < close) {
    let b = data[i];
    while (i < close && (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) b = data[++i];
    if (i >= close || b === GT || b === SLASH) return;
    const nameStart = i;
    while (i < close && data[i] !== EQUALS && !isNameEnd(data[i])) i++;
    const oneLetter = i - nameStart === 1;
    while (i < close && data[i] !== QUOTE && data[i] !== APOSTROPHE) i++;
    const quote = data[i];
    const valueStart = i + 1;
    let valueEnd = valueStart;
    while (valueEnd < close && data[valueEnd] !== quote) valueEnd++;
    if (valueEnd >= close) return;
    if (oneLetter) {
      const letter = data[nameStart];
      if (letter === R) {
        refStart = valueStart;
        refEnd = valueEnd;
      } else if (letter === S) {
        styleStart = valueStart;
        styleEnd = valueEnd;
      } else if (letter === T) {
        typeStart = valueStart;
        typeEnd = valueEnd;
      }
    }
    i = valueEnd + 1;
  }
}

function cellType(data: Buffer, start: number, end: number): CellType {
  const length = end - start;
  const first = data[start];
  if (length === 1) {
    if (first === 0x73) return CellType.Shared; // s
    if (first === 0x62) return CellType.Boolean; // b
    if (first === 0x65) return CellType.Error; // e
    if (first === 0x64) return CellType.Date; // d
    return CellType.Number; // n
  }
  if (length === 3 && first === 0x73) return CellType.FormulaText; // str
  if (length === 9 && first === 0x69) return CellType.Inline; // inlineStr
  return CellType.Number;
}

/** The column number of a cell reference's letters (`AB12` -> 28); 0 when it has none. */
function columnOfRef(data: Buffer, start: number, end: number): number {
  let column = 0;
  for (let i = start; i < end; i++) {
    const b = data[i];
    if (b >= UPPER_A && b <= UPPER_Z) column = column * 26 + (b - UPPER_A + 1);
    else if (b >= LOWER_A && b <= LOWER_Z) column = column * 26 + (b - LOWER_A + 1);
    else break;
  }
  return column;
}

/** `C5` -> row 5, column 3. */
export function cellAddress(ref: string): { row: number; column: number } {
  const m = /^([A-Za-z]+)(\d+)$/.exec(ref.trim());
  if (!m) return { row: 0, column: 0 };
  let column = 0;
  for (const c of m[1].toUpperCase()) column = column * 26 + (c.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}
