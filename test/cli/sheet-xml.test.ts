// Pins the streaming worksheet and shared-string readers: every cell type, dates by style, prefixes, merges, escapes, and chunks split anywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cellAddress,
  isoToDate,
  rootPrefix,
  SharedStringsParser,
  serialToDate,
  unescapeOoxml,
  WorksheetParser,
} from '../../src/cli/sheet-xml';
import { cellText } from '../../src/core/cells';
import type { CellValue } from '../../src/core/model';

/** A cell's text with dates on their calendar day in this process's zone, where the reader puts them (local midnight). */
const dayText = (v: CellValue): string => cellText(v, Intl.DateTimeFormat().resolvedOptions().timeZone);

// West of UTC, midnight UTC is the day before on the local calendar: the date cases can fail here.
const savedZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/Los_Angeles';
});
afterAll(() => {
  if (savedZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedZone;
});

const SHARED = ['ID', 'Goal', 'Grow pipeline'];
/** Style 1 shows a date, style 2 a number. */
const DATE_STYLES = Uint8Array.from([0, 1, 0]);

/** Feeds XML to a parser in pieces of `size` bytes: the result must not depend on where chunks end. */
function parseSheet(xml: string, size = Number.POSITIVE_INFINITY, date1904 = false): WorksheetParser {
  const parser = new WorksheetParser({ sharedStrings: SHARED, dateStyles: DATE_STYLES, date1904 });
  const bytes = Buffer.from(xml, 'utf8');
  const step = Math.min(size, bytes.length) || 1;
  for (let i = 0; i < bytes.length; i += step) parser.push(bytes.subarray(i, i + step));
  parser.end();
  return parser;
}

const sheet = (rows: string, tail = '', prefix = '') => {
  const p = prefix ? `${prefix}:` : '';
  const ns = prefix ? `xmlns:${prefix}` : 'xmlns';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${p}worksheet ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}dimension ref="A1"/><${p}sheetData>${rows}</${p}sheetData>${tail}</${p}worksheet>`;
};

describe('WorksheetParser', () => {
  it.each<[string, string, CellValue[][]]>([
    [
      'a shared string and a number',
      '<row r="1"><c r="A1" t="s"><v>2</v></c><c r="B1"><v>42.5</v></c></row>',
      [['Grow pipeline', 42.5]],
    ],
    ['an inline string', '<row r="1"><c r="A1" t="inlineStr"><is><t>hello</t></is></c></row>', [['hello']]],
    [
      'rich inline text without its phonetic guide',
      '<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>Grow </t></r><r><t xml:space="preserve">fast </t></r><rPh sb="0" eb="1"><t>ぐ</t></rPh></is></c></row>',
      [['Grow fast ']],
    ],
    [
      "a formula's cached text, number, boolean and error",
      '<row r="1"><c r="A1" t="str"><f>A2&amp;"x"</f><v>done</v></c><c r="B1"><f>1+1</f><v>2</v></c><c r="C1" t="b"><f>TRUE()</f><v>1</v></c><c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>',
      [['done', 2, true, '#DIV/0!']],
    ],
    [
      'a formula without a cached value is blank',
      '<row r="1"><c r="A1"><f>B1*2</f></c><c r="B1"><v>3</v></c></row>',
      [['', 3]],
    ],
    [
      'a shared formula is read by its value',
      '<row r="1"><c r="A1"><f t="shared" ref="A1:A2" si="0">B1</f><v>7</v></c></row><row r="2"><c r="A2"><f t="shared" si="0"/><v>8</v></c></row>',
      [[7], [8]],
    ],
    ['a boolean false', '<row r="1"><c r="A1" t="b"><v>0</v></c></row>', [[false]]],
    [
      'an empty value is blank, not 0',
      '<row r="1"><c r="A1"><v></v></c><c r="B1"><v>4</v></c></row>',
      [['', 4]],
    ],
    [
      'gaps: a missing row and a missing cell',
      '<row r="1"><c r="A1"><v>1</v></c></row><row r="3"><c r="C3"><v>3</v></c></row>',
      [[1], [], ['', '', 3]],
    ],
    [
      'cells and rows without r attributes follow each other',
      '<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="B2"><v>3</v></c><c><v>4</v></c></row>',
      [
        [1, 2],
        ['', 3, 4],
      ],
    ],
    [
      'style-only and self-closing cells and rows are blank',
      '<row r="1" spans="1:3"><c r="A1" s="2"/><c r="B1"><v>5</v></c><c r="C1" s="2"></c></row><row r="2"/>',
      [['', 5]],
    ],
    [
      'entities, character references and OOXML escapes',
      '<row r="1"><c r="A1" t="inlineStr"><is><t>a &amp; b &lt;c&gt; &#233;&#x20AC; x_x000D_y _x005F_x0041_</t></is></c></row>',
      [['a & b <c> é€ x\ry _x0041_']],
    ],
    ['attributes in apostrophes', "<row r='1'><c r='B1' t='s'><v>1</v></c></row>", [['', 'Goal']]],
    [
      'numbers: negative, exponent, long, integer-valued',
      '<row r="1"><c r="A1"><v>-0.125</v></c><c r="B1"><v>1.5E-3</v></c><c r="C1"><v>0.1234567890123456789</v></c><c r="D1"><v>1234567890123456789</v></c></row>',
      [[-0.125, 0.0015, 0.12345678901234568, 1234567890123456800]],
    ],
    [
      'a shared-string index past the table is blank',
      '<row r="1"><c r="A1" t="s"><v>99</v></c><c r="B1"><v>1</v></c></row>',
      [['', 1]],
    ],
    ['an empty sheet', '', []],
  ])('%s', (_name, rows, expected) => {
    for (const size of [Number.POSITIVE_INFINITY, 1, 7, 64])
      expect(parseSheet(sheet(rows), size).grid, `chunks of ${size}`).toEqual(expected);
  });

  it('reads a sheet written with a namespace prefix (x:)', () => {
    const rows =
      '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>y</x:t></x:is></x:c></x:row>';
    expect(parseSheet(sheet(rows, '', 'x'), 5).grid).toEqual([['ID', 'y']]);
  });

  it('reads <sheetData/> as no rows', () => {
    expect(parseSheet('<worksheet xmlns="m"><sheetData/><pageMargins left="1"/></worksheet>').grid).toEqual(
      [],
    );
  });

  it('blanks the hidden cells of merged ranges, keeping the first', () => {
    const rows =
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row><row r="2"><c r="A2"><v>4</v></c><c r="B2"><v>5</v></c></row>';
    const tail = '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="C1:C1"/></mergeCells>';
    for (const size of [Number.POSITIVE_INFINITY, 3])
      expect(parseSheet(sheet(rows, tail), size).grid).toEqual([
        [1, '', 3],
        ['', ''],
      ]);
  });

  it('reads a number in a date style as a date on its calendar day, in the 1900 and the 1904 system', () => {
    const rows =
      '<row r="1"><c r="A1" s="1"><v>46112</v></c><c r="B1" s="2"><v>46112</v></c><c r="C1" s="1"><v>46112.75</v></c></row>';
    const [[date, number, withTime]] = parseSheet(sheet(rows)).grid as CellValue[][];
    expect(dayText(date)).toBe('2026-03-31');
    expect(number).toBe(46112);
    expect((withTime as Date).getHours()).toBe(18);
    const [[date1904]] = parseSheet(sheet(rows), Number.POSITIVE_INFINITY, true).grid as CellValue[][];
    expect(dayText(date1904)).toBe('2030-04-01');
  });

  it('reads an ISO date cell (t="d") on its calendar day', () => {
    const rows =
      '<row r="1"><c r="A1" t="d"><v>2026-03-31T00:00:00</v></c><c r="B1" t="d"><v>2026-03-31</v></c></row>';
    expect(parseSheet(sheet(rows)).grid[0].map(dayText)).toEqual(['2026-03-31', '2026-03-31']);
  });
});

describe('SharedStringsParser', () => {
  const sst =
    '<?xml version="1.0"?><sst xmlns="m" count="4" uniqueCount="4"><si><t>plain</t></si><si><r><rPr><b/></rPr><t>rich </t></r><r><t>text</t></r></si>' +
    '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si><si/><si><t xml:space="preserve"> a &amp; b </t></si></sst>';
  it.each([Number.POSITIVE_INFINITY, 1, 5, 13])('reads every item whole, in chunks of %s bytes', (size) => {
    const parser = new SharedStringsParser('');
    const bytes = Buffer.from(sst);
    const step = Math.min(size, bytes.length);
    for (let i = 0; i < bytes.length; i += step) parser.push(bytes.subarray(i, i + step));
    parser.end();
    expect(parser.strings).toEqual(['plain', 'rich text', '東京', '', ' a & b ']);
  });
});

describe('helpers', () => {
  it.each([
    ['<?xml version="1.0"?><worksheet xmlns="m">', ''],
    ['<?xml version="1.0"?><!-- c --><x:worksheet xmlns:x="m">', 'x:'],
    ['<?xml version="1.0"?><x:works', null],
    ['<?xml', null],
  ])('rootPrefix of %s', (head, prefix) => {
    expect(rootPrefix(Buffer.from(head))).toBe(prefix);
  });

  it.each([
    ['A1', { row: 1, column: 1 }],
    ['ab12', { row: 12, column: 28 }],
    ['XFD1048576', { row: 1048576, column: 16384 }],
  ])('cellAddress %s', (ref, address) => {
    expect(cellAddress(ref)).toEqual(address);
  });

  it.each([
    ['no escape', 'no escape'],
    ['a_x000D_b', 'a\rb'],
    ['_x005F_x0041_', '_x0041_'],
    ['_x00e9_', 'é'],
  ])('unescapeOoxml %s', (text, expected) => {
    expect(unescapeOoxml(text)).toBe(expected);
  });

  it('serialToDate and isoToDate keep the calendar day', () => {
    expect(cellText(serialToDate(1, false))).toBe('1899-12-31');
    expect(cellText(serialToDate(0, true))).toBe('1904-01-01');
    expect(isoToDate('not a date')).toBe('not a date');
  });
});
