// Pins the Roll-up's worksheet XML: escapes for what XML cannot hold, cell kinds, blanks that keep their format, and the sheet's frame.
import { describe, expect, it } from 'vitest';
import {
  cellXml,
  columnName,
  MAX_CELL_TEXT,
  rollupSheetXml,
  XmlBytes,
  xmlCellText,
} from '../../src/cli/rollup-part';
import { analyzeWorkbook } from '../../src/core/workbook';
import { buildRollupReport } from '../../src/report/rollup-table';
import { marketingWorkbook } from '../../tools/samples/marketing';

describe('columnName', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [702, 'ZZ'],
    [703, 'AAA'],
    [16384, 'XFD'],
  ])('%i is %s', (column, name) => {
    expect(columnName(column)).toBe(name);
  });
});

describe('xmlCellText and XmlBytes#text agree', () => {
  it.each([
    ['plain', 'Grow pipeline', 'Grow pipeline'],
    ['XML escapes', 'a < b & c > d', 'a &lt; b &amp; c &gt; d'],
    ['controls XML cannot hold', 'a\x01b\x1fc\rd', 'a_x0001_b_x001F_c_x000D_d'],
    ['tab and line feed stay', 'a\tb\nc', 'a\tb\nc'],
    ['a literal escape-looking text is protected', 'x_x0041_y', 'x_x005F_x0041_y'],
    ['an underscore alone stays', 'snake_case', 'snake_case'],
    ['non-ASCII as UTF-8', 'Zoë €', 'Zoë €'],
    ['a lone surrogate', 'a\ud800b', 'a_xD800_b'],
    ['a surrogate pair stays', 'a😀b', 'a😀b'],
    ['U+FFFE', 'a\ufffeb', 'a_xFFFE_b'],
  ])('%s', (_name, text, expected) => {
    expect(xmlCellText(text)).toBe(expected);
    const out = new XmlBytes();
    out.ascii('<t>');
    out.text(text);
    expect(out.take().toString('utf8')).toBe(`<t>${expected}`);
  });

  it(`caps text at Excel's ${MAX_CELL_TEXT} characters`, () => {
    expect(xmlCellText('x'.repeat(MAX_CELL_TEXT + 10))).toHaveLength(MAX_CELL_TEXT);
  });
});

describe('cellXml', () => {
  it.each<[string, string | number | boolean, number, string]>([
    ['a number', 0.25, 1, '<c r="E4" s="1"><v>0.25</v></c>'],
    ['a boolean', true, 0, '<c r="E4" t="b"><v>1</v></c>'],
    ['text, never a formula', '=SUM(A1)', 0, '<c r="E4" t="inlineStr"><is><t>=SUM(A1)</t></is></c>'],
    [
      'text with edge spaces keeps them',
      ' x ',
      0,
      '<c r="E4" t="inlineStr"><is><t xml:space="preserve"> x </t></is></c>',
    ],
    ['a blank', '', 2, ''],
    ['not a finite number', Number.NaN, 0, ''],
  ])('%s', (_name, value, style, xml) => {
    expect(cellXml('E4', value, style)).toBe(xml);
  });
});

describe('rollupSheetXml', () => {
  const report = buildRollupReport(
    analyzeWorkbook(marketingWorkbook(), { today: null }),
    '2026-05-04T10:20:30.000Z',
  );
  const styles = {
    percent: 7,
    bold: 8,
    status: { 'on track': 3, 'at risk': 4, 'off track': 5 },
    formats: {},
  };
  const xml = Buffer.concat([...rollupSheetXml(report, styles, 'urn:main')]).toString('utf8');

  it('frames the cells: namespace, dimension, frozen header rows, the Goal column width', () => {
    const dimension = `A1:${columnName(report.columns)}${report.rows}`;
    // The goal table (A:L, Forecast last), a blank column, the treemap's data (N:Q), room for its chart.
    expect(dimension).toBe('A1:Y47');
    expect(
      xml.startsWith(`<worksheet xmlns="urn:main"><dimension ref="${dimension}"/>`, xml.indexOf('\n') + 1),
    ).toBe(true);
    expect(xml).toContain('<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toContain('<cols><col min="2" max="2" width="50.71" customWidth="1"/></cols>');
    expect(xml.endsWith('</worksheet>')).toBe(true);
  });

  it('styles headers bold and attainments as percents, blanks in a percent column included', () => {
    expect(xml).toContain('<c r="A3" s="8" t="inlineStr"><is><t>ID</t></is></c>');
    const unmeasured = report.goals.values.findIndex((line, i) => i > 0 && line[4] === '');
    expect(unmeasured).toBeGreaterThan(0);
    expect(xml).toContain(`<c r="E${report.goals.row + unmeasured}" s="7"/>`);
  });

  it('colours the Status column by value', () => {
    const status = report.status!;
    expect(xml).toContain(
      `<conditionalFormatting sqref="H${status.row}:H${status.row + status.numRows - 1}"><cfRule type="cellIs" dxfId="3" priority="1" operator="equal"><formula>"on track"</formula></cfRule>`,
    );
  });

  it('writes rows in order, each once, and leaves empty rows out', () => {
    const rows = [...xml.matchAll(/<row r="(\d+)">/g)].map((m) => Number(m[1]));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(new Set(rows).size).toBe(rows.length);
    expect(rows).not.toContain(2);
  });
});

describe('rollupSheetXml with money: Spend and a Roster', () => {
  const report = buildRollupReport(
    analyzeWorkbook(
      [
        {
          name: 'Goals',
          grid: [
            ['ID', 'Goal', 'Owner', 'Target', 'Actual', 'Weight', 'Spend', 'Unit', 'Period'],
            ['R-1', 'Revenue', 'Ann', 100, 90, 1, 5000, '$', 'FY2026'],
          ],
        },
        {
          name: 'Roster',
          grid: [
            ['Owner', 'Manager', 'Start', 'End', 'Target bonus', 'Currency'],
            ['Ann', '', '', '', 10000, 'USD'],
          ],
        },
      ],
      { today: null },
    ),
    '2026-05-04T10:20:30.000Z',
  );
  const styles = {
    percent: 7,
    bold: 8,
    status: { 'on track': 3, 'at risk': 4, 'off track': 5 },
    formats: { '#,##0': 9, '0.00': 10, '#,##0.00': 11 },
  };
  const xml = Buffer.concat([...rollupSheetXml(report, styles, 'urn:main')]).toString('utf8');

  it('writes the payout subtotals, and styles each money and ratio cell with its format, as the add-on does', () => {
    const subtotals = report.payoutSubtotals!;
    expect(xml).toContain(
      `<c r="A${subtotals.row}" s="8" t="inlineStr"><is><t>Payout subtotals</t></is></c>`,
    );
    expect(report.formats.map((f) => f.format).sort()).toEqual(['#,##0', '#,##0.00', '#,##0.00', '0.00']);
    for (const { box, format } of report.formats) {
      const cell = `${columnName(box.col)}${box.row}`;
      expect(xml, `${format} at ${cell}`).toMatch(
        new RegExp(`<c r="${cell}" s="${styles.formats[format as keyof typeof styles.formats]}"`),
      );
    }
  });
});
