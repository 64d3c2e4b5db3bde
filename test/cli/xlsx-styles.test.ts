// Pins the styles part: which number formats read as dates, and the Roll-up's styles appended without moving any of the workbook's.
import { describe, expect, it } from 'vitest';
import { addRollupStyles, isDateFormat, minimalStylesXml, readDateStyles } from '../../src/cli/xlsx-styles';
import { tags } from '../../src/cli/xml';
import { STATUS_COLORS } from '../../src/report/rollup-table';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const report = { statusColors: STATUS_COLORS };

describe('isDateFormat', () => {
  it.each([
    ['yyyy-mm-dd', true],
    ['d-mmm-yy', true],
    ['h:mm AM/PM', true],
    ['[$-409]mmmm d, yyyy', true],
    ['General', false],
    ['0.0%', false],
    ['#,##0.00 "EUR"', false],
    ['"day" 0', false],
    ['[Red]0.00', false],
    ['@', false],
  ])('%s is a date: %s', (code, expected) => {
    expect(isDateFormat(code)).toBe(expected);
  });
});

describe('readDateStyles', () => {
  it('marks the cell styles whose format is a built-in or custom date format', () => {
    const xml =
      `<styleSheet xmlns="${NS}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.000"/></numFmts>` +
      '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
      '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="22" applyNumberFormat="1"/></cellXfs></styleSheet>';
    expect([...readDateStyles(xml)]).toEqual([0, 1, 1, 0, 1]);
  });

  it('is empty without a styles part', () => {
    expect(readDateStyles(null)).toHaveLength(0);
  });
});

describe('addRollupStyles', () => {
  const lists = (xml: string, name: string, child: string) => {
    const open = tags(xml, name)[0];
    return { count: open?.attributes.get('count'), children: tags(xml, child).length };
  };

  it('appends a percent format, a bold font, two cell styles and three status colours, counts updated', () => {
    const before = minimalStylesXml(NS);
    const { xml, styles } = addRollupStyles(before, report, '0.0%');
    expect(styles).toEqual({
      percent: 1,
      bold: 2,
      status: { 'on track': 0, 'at risk': 1, 'off track': 2 },
      formats: {},
    });
    expect(lists(xml, 'numFmts', 'numFmt')).toEqual({ count: '1', children: 1 });
    expect(lists(xml, 'fonts', 'font')).toEqual({ count: '2', children: 5 }); // 2 fonts + 3 in the dxfs
    expect(lists(xml, 'cellXfs', 'xf')).toEqual({ count: '3', children: 4 }); // + 1 in cellStyleXfs
    expect(lists(xml, 'dxfs', 'dxf').count).toBe('3');
    expect(xml).toContain('<numFmt numFmtId="164" formatCode="0.0%"/>');
    expect(xml).toContain(
      '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    );
    expect(xml).toContain('<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>');
    expect(xml).toContain('<bgColor rgb="FFD9EAD3"/>');
  });

  it('adds a number format and a cell style for each other format, reusing one the workbook has', () => {
    const withMoney = minimalStylesXml(NS).replace(
      '<fonts',
      '<numFmts count="1"><numFmt numFmtId="171" formatCode="#,##0"/></numFmts><fonts',
    );
    const { xml, styles } = addRollupStyles(withMoney, report, '0.0%', ['#,##0', '0.00']);
    expect(styles.formats).toEqual({ '#,##0': 3, '0.00': 4 });
    expect(lists(xml, 'numFmts', 'numFmt')).toEqual({ count: '3', children: 3 });
    expect(xml).toContain('<numFmt numFmtId="173" formatCode="0.00"/>');
    expect(xml).toContain(
      '<xf numFmtId="171" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    );
    expect(xml).toContain(
      '<xf numFmtId="173" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    );
  });

  it('reuses a 0.0% format the workbook has, and numbers a new one after its highest', () => {
    const withFormats = minimalStylesXml(NS).replace(
      '<fonts',
      '<numFmts count="2"><numFmt numFmtId="170" formatCode="0.0%"/><numFmt numFmtId="171" formatCode="#,##0"/></numFmts><fonts',
    );
    expect(addRollupStyles(withFormats, report, '0.0%').xml).toContain('<xf numFmtId="170"');
    expect(addRollupStyles(withFormats, report, '0.00%').xml).toContain(
      '<numFmt numFmtId="172" formatCode="0.00%"/>',
    );
  });

  it('keeps the x: prefix of a prefixed styles part', () => {
    const prefixed = minimalStylesXml(NS)
      .replace(/<(\/?)(?!\?)/g, '<$1x:')
      .replace(`xmlns="${NS}"`, `xmlns:x="${NS}"`);
    const { xml } = addRollupStyles(prefixed, report, '0.0%');
    expect(xml).toContain('<x:numFmts count="1"><x:numFmt numFmtId="164"');
    expect(xml).toContain('<x:dxfs count="3"><x:dxf><x:font><x:color rgb="FF274E13"/>');
    expect(xml).not.toMatch(/<(?!x:|\/x:|\?)/);
  });

  it('uses a bold default font as the bold font, adding none', () => {
    const bold = minimalStylesXml(NS).replace('<font><sz', '<font><b/><sz');
    const { xml, styles } = addRollupStyles(bold, report, '0.0%');
    expect(xml).toContain(
      '<fonts count="1"><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>',
    );
    expect(xml).toContain('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyFont="1"/>');
    expect(styles.bold).toBe(2);
  });

  const prefixed = (xml: string) =>
    xml.replace(/<(\/?)(?!\?)/g, '<$1x:').replace(`xmlns="${NS}"`, `xmlns:x="${NS}"`);
  it.each<[string, string]>([
    ['the minimal part', minimalStylesXml(NS)],
    ['a prefixed part', prefixed(minimalStylesXml(NS))],
    [
      'a part without dxfs, with user styles',
      minimalStylesXml(NS)
        .replace('<dxfs count="0"/>', '')
        .replace(
          '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
          '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
        ),
    ],
  ])('on %s an earlier Roll-up styled, reuses its styles: a second pass adds nothing', (_name, base) => {
    const once = addRollupStyles(base, report, '0.0%');
    const twice = addRollupStyles(once.xml, report, '0.0%');
    expect(twice.xml).toBe(once.xml);
    expect(twice.styles).toEqual(once.styles);
  });

  it('adds what an edited earlier style no longer matches: a status colour the user changed gets a new one', () => {
    const once = addRollupStyles(minimalStylesXml(NS), report, '0.0%');
    const recoloured = once.xml.replace('FFD9EAD3', 'FF00FF00');
    const again = addRollupStyles(recoloured, report, '0.0%');
    expect(again.styles.percent).toBe(once.styles.percent);
    expect(again.styles.bold).toBe(once.styles.bold);
    expect(again.styles.status).toEqual({ 'on track': 3, 'at risk': 1, 'off track': 2 });
    expect(lists(again.xml, 'dxfs', 'dxf').count).toBe('4');
    expect(again.xml.startsWith(recoloured.slice(0, recoloured.indexOf('<dxfs')))).toBe(true);
  });
});
