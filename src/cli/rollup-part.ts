// The Roll-up as worksheet XML, generated row by row from the report's blocks: the add-on's cells, percent and money formats, bold headers, frozen rows and status colours.
import {
  type Block,
  type Box,
  type ReportCell,
  type RollupReport,
  reportBlocks,
} from '../report/rollup-table';
import type { RollupStyles } from './xlsx-styles';
import { escapeXmlAttribute } from './xml';

/** Excel keeps at most this many characters in a cell; longer text would make it repair the file. */
export const MAX_CELL_TEXT = 32_767;

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML cannot hold.
const NEEDS_ESCAPE = /[&<>_\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]/;

/** `1` -> `A`, `28` -> `AB`. */
export function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * Text as worksheet XML holds it: XML's escapes, and OOXML's `_xHHHH_` for characters XML 1.0 cannot
 * carry (controls other than tab and line feed, lone surrogates, U+FFFE/FFFF), with a literal `_x`
 * that looks like such an escape protected as `_x005F_`.
 */
export function xmlCellText(text: string): string {
  const capped = text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text;
  // Most cells (IDs, titles, names) need none of it: one test instead of three replaces.
  if (!NEEDS_ESCAPE.test(capped)) return capped;
  return capped
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    .replace(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML cannot hold.
      /[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
    );
}

/** One cell's XML, or '' for a blank. Text goes in as an inline string: it is never read as a formula. */
export function cellXml(ref: string, value: ReportCell, style: number): string {
  const s = style ? ` s="${style}"` : '';
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : '';
  if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value === '') return '';
  const space = needsSpacePreserved(value) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${xmlCellText(value)}</t></is></c>`;
}

/** The A1 range of a box: `H4:H103`. */
export function boxRange(box: Box): string {
  return `${columnName(box.col)}${box.row}:${columnName(box.col + box.numCols - 1)}${box.row + box.numRows - 1}`;
}

/** Sheets sizes columns in pixels, .xlsx in characters of the default font's digit width (7 px for Calibri 11, plus 5 px of padding). */
export function characterWidth(pixels: number): number {
  return Math.round(((pixels - 5) / 7) * 100) / 100;
}

/** Bytes per piece handed to the deflater. */
const PIECE_BYTES = 1 << 20;
const AMP = 0x26;
const LT = 0x3c;
const GT = 0x3e;
const UNDERSCORE = 0x5f;

/**
 * Piece buffers handed back once the deflater is done with them: allocating a new megabyte for each of
 * a Roll-up's 500 pieces cost V8 more than writing into them (1.6 s of 6.6 s).
 */
export class PiecePool {
  private readonly free: Buffer[] = [];

  get(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafe(PIECE_BYTES);
  }

  /** A piece (a view on a pooled buffer) the consumer no longer needs. */
  release(piece: Buffer): void {
    if (piece.buffer.byteLength !== PIECE_BYTES || this.free.length >= 16) return;
    this.free.push(Buffer.from(piece.buffer, 0, PIECE_BYTES));
  }
}

/**
 * Worksheet XML written straight into bytes: a Roll-up of 650k goals is half a gigabyte of XML, and
 * building it as strings first spent most of its time making and collecting them.
 */
export class XmlBytes {
  private buffer: Buffer;
  length = 0;

  constructor(private readonly pool: PiecePool = new PiecePool()) {
    this.buffer = pool.get();
  }

  private room(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(bigger, 0, 0, this.length);
    this.buffer = bigger;
  }

  /** Text known to be ASCII and safe in XML (tags, references, numbers). */
  ascii(text: string): void {
    const n = text.length;
    this.room(n);
    const b = this.buffer;
    let p = this.length;
    for (let i = 0; i < n; i++) b[p++] = text.charCodeAt(i);
    this.length = p;
  }

  /** A whole number, as digits. */
  uint(value: number): void {
    if (value < 10) {
      this.room(1);
      this.buffer[this.length++] = 0x30 + value;
      return;
    }
    this.ascii(String(value));
  }

  /** Cell text, escaped (xmlCellText): plain ASCII byte by byte, anything else through the full escape and UTF-8. */
  text(value: string): void {
    const text = value.length > MAX_CELL_TEXT ? value.slice(0, MAX_CELL_TEXT) : value;
    const n = text.length;
    this.room(n);
    const b = this.buffer;
    let p = this.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20 || c >= 0x7f || c === AMP || c === LT || c === GT || c === UNDERSCORE) {
        this.length = p;
        const rest = xmlCellText(text.slice(i));
        this.room(Buffer.byteLength(rest, 'utf8'));
        this.length += this.buffer.write(rest, this.length, 'utf8');
        return;
      }
      b[p++] = c;
    }
    this.length = p;
  }

  /** The bytes so far, as a new piece; the writer starts afresh (the deflater holds on to what it is given). */
  take(): Buffer {
    const piece = this.buffer.subarray(0, this.length);
    this.buffer = this.pool.get();
    this.length = 0;
    return piece;
  }
}

/**
 * Each column's cell style on a row, by which boxes cover it: bold over percent, as the add-on
 * formats them. Rows covered by the same boxes share one table.
 */
function rowStyles(report: RollupReport, styles: RollupStyles): (row: number) => Int32Array {
  const boxes: [Box, number][] = [
    ...report.percent.map((box): [Box, number] => [box, styles.percent]),
    ...report.formats.map(({ box, format }): [Box, number] => [box, styles.formats[format] ?? 0]),
    ...report.bold.map((box): [Box, number] => [box, styles.bold]),
  ];
  const byCover = new Map<string, Int32Array>();
  return (row) => {
    let key = '';
    for (const [box] of boxes) key += row >= box.row && row < box.row + box.numRows ? '1' : '0';
    let table = byCover.get(key);
    if (!table) {
      table = new Int32Array(report.columns + 2);
      for (const [box, style] of boxes)
        if (row >= box.row && row < box.row + box.numRows)
          for (let c = box.col; c < box.col + box.numCols; c++) table[c] = style;
      byCover.set(key, table);
    }
    return table;
  };
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0;

/** Text whose edges are white space, or that holds a line break, must say xml:space="preserve" to keep it. */
function needsSpacePreserved(text: string): boolean {
  return isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1)) || text.includes('\n');
}

/** The fixed text around a cell's value for one style: a few copies per cell instead of a dozen. */
interface CellFrame {
  blank: string;
  number: string;
  text: string;
  preservedText: string;
  trueValue: string;
  falseValue: string;
}

function cellFrame(style: number): CellFrame {
  const s = style ? `" s="${style}` : '';
  return {
    blank: style ? `${s}"/>` : '',
    number: `${s}"><v>`,
    text: `${s}" t="inlineStr"><is><t>`,
    preservedText: `${s}" t="inlineStr"><is><t xml:space="preserve">`,
    trueValue: `${s}" t="b"><v>1</v></c>`,
    falseValue: `${s}" t="b"><v>0</v></c>`,
  };
}

/**
 * One cell into the bytes, after `open` (`<c r="E`) and its row number; a blank inside a formatted
 * range keeps its format, as the add-on's range formats do.
 */
function writeCell(out: XmlBytes, open: string, row: string, value: ReportCell, frame: CellFrame): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      if (frame.blank) {
        out.ascii(open);
        out.ascii(row);
        out.ascii(frame.blank);
      }
      return;
    }
    out.ascii(open);
    out.ascii(row);
    out.ascii(frame.number);
    out.ascii(String(value));
    out.ascii('</v></c>');
  } else if (typeof value === 'boolean') {
    out.ascii(open);
    out.ascii(row);
    out.ascii(value ? frame.trueValue : frame.falseValue);
  } else if (value === '') {
    if (frame.blank) {
      out.ascii(open);
      out.ascii(row);
      out.ascii(frame.blank);
    }
  } else {
    out.ascii(open);
    out.ascii(row);
    out.ascii(needsSpacePreserved(value) ? frame.preservedText : frame.text);
    out.text(value);
    out.ascii('</t></is></c>');
  }
}

/**
 * The Roll-up's worksheet XML in pieces of bytes: sheet view with the frozen header rows, column
 * widths, the cells of the note, goals, scorecards and chart data, then the status colours as
 * conditional formatting. `mainNamespace` is the workbook's (transitional or strict SpreadsheetML).
 */
export function* rollupSheetXml(
  report: RollupReport,
  styles: RollupStyles,
  mainNamespace: string,
  rowsDone: (rows: number) => void = () => {},
  pool: PiecePool = new PiecePool(),
): Generator<Buffer> {
  const lastColumn = columnName(report.columns);
  const frozen = report.frozenRows;
  let head =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${escapeXmlAttribute(mainNamespace)}">` +
    `<dimension ref="A1:${lastColumn}${Math.max(1, report.rows)}"/>` +
    '<sheetViews><sheetView workbookViewId="0">' +
    (frozen > 0
      ? `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/>`
      : '') +
    '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>';
  if (report.widths.length > 0) {
    head += '<cols>';
    for (const { col, width } of [...report.widths].sort((a, b) => a.col - b.col))
      head += `<col min="${col}" max="${col}" width="${characterWidth(width)}" customWidth="1"/>`;
    head += '</cols>';
  }
  yield Buffer.from(`${head}<sheetData>`, 'utf8');
  const out = new XmlBytes(pool);

  // Every block the add-on writes, the payout subtotals included when there is a Roster.
  const blocks: Block[] = reportBlocks(report).sort((a, b) => a.col - b.col);
  const opens = Array.from({ length: report.columns + 2 }, (_, c) => `<c r="${columnName(c)}`);
  // Style indexes are small numbers: one frame each, made on first use.
  const frames: CellFrame[] = [];
  const frameOf = (style: number): CellFrame => (frames[style] ??= cellFrame(style));
  const stylesOf = rowStyles(report, styles);
  for (let row = 1; row <= report.rows; row++) {
    const rowText = String(row);
    const style = stylesOf(row);
    const start = out.length;
    out.ascii('<row r="');
    out.ascii(rowText);
    out.ascii('">');
    const cellsStart = out.length;
    for (const b of blocks) {
      if (row < b.row || row >= b.row + b.numRows) continue;
      const line = b.values[row - b.row];
      for (let i = 0; i < line.length; i++) {
        const column = b.col + i;
        writeCell(
          out,
          opens[column] ?? `<c r="${columnName(column)}`,
          rowText,
          line[i],
          frameOf(style[column] ?? 0),
        );
      }
    }
    // A row with no cell is left out, as spreadsheet apps write them.
    if (out.length === cellsStart) out.length = start;
    else out.ascii('</row>');
    if (out.length >= PIECE_BYTES - 4096) {
      rowsDone(row);
      yield out.take();
    }
  }
  let tail = '</sheetData>';
  if (report.status) {
    tail += `<conditionalFormatting sqref="${boxRange(report.status)}">`;
    Object.entries(styles.status).forEach(([text, dxf], i) => {
      tail += `<cfRule type="cellIs" dxfId="${dxf}" priority="${i + 1}" operator="equal"><formula>"${xmlCellText(text)}"</formula></cfRule>`;
    });
    tail += '</conditionalFormatting>';
  }
  tail +=
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
  if (out.length > 0) yield out.take();
  rowsDone(report.rows);
  yield Buffer.from(tail, 'utf8');
}

/** How sheetOfCellsXml writes a grid. */
export interface PlainSheet {
  /** Numbers and booleans as such (a log's figures); else every value is text, as a spreadsheet shows a CSV's fields. */
  numbers: boolean;
  /** The first row frozen (a log's header). */
  frozenHeader: boolean;
}

/** Characters of XML yielded at a time: a megabyte. */
const PIECE_CHARS = 1 << 20;

/**
 * A worksheet of plain cells with no style: text as inline strings (never read as a number, a date or a formula, so
 * `2026-03-31`, `1.10` and `=...` stay as written), in pieces of about a megabyte. A CSV tab, or a log.
 */
export function* sheetOfCellsXml(
  grid: readonly (readonly unknown[])[],
  mainNamespace: string,
  { numbers, frozenHeader }: PlainSheet,
): Generator<string> {
  const view = frozenHeader
    ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
    : '';
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${escapeXmlAttribute(mainNamespace)}">${view}<sheetData>`;
  let piece = '';
  for (let r = 0; r < grid.length; r++) {
    const line = grid[r];
    let cells = '';
    for (let c = 0; c < line.length; c++) {
      const value = line[c];
      if (value === '' || value === null || value === undefined) continue;
      const cell =
        numbers && (typeof value === 'number' || typeof value === 'boolean') ? value : String(value);
      cells += cellXml(`${columnName(c + 1)}${r + 1}`, cell, 0);
    }
    if (cells) piece += `<row r="${r + 1}">${cells}</row>`;
    if (piece.length > PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}
