// Pins the package edit rollup plans: where the new tab, relationship, content type and styles go, whatever the workbook's prefixes and parts.
import { describe, expect, it } from 'vitest';
import { markedSheetsOf } from '../../src/cli/report-mark';
import { mainNamespaceOf, type PackageParts, planRollup } from '../../src/cli/rollup-package';
import { relsPartOf, resolveTarget } from '../../src/cli/xlsx-package';
import { tags } from '../../src/cli/xml';
import { analyzeWorkbook } from '../../src/core/workbook';
import { buildRollupReport } from '../../src/report/rollup-table';
import { marketingWorkbook } from '../../tools/samples/marketing';

const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const report = buildRollupReport(
  analyzeWorkbook(marketingWorkbook(), { today: null }),
  '2026-05-04T10:20:30.000Z',
);

function parts(overrides: Partial<PackageParts> = {}): PackageParts {
  return {
    contentTypesPart: '[Content_Types].xml',
    contentTypesXml:
      '<Types xmlns="urn:ct"><Override PartName="/xl/workbook.xml" ContentType="main"/></Types>',
    workbookPart: 'xl/workbook.xml',
    workbookXml: `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Goals" sheetId="3" r:id="rId1"/></sheets></workbook>`,
    workbookRelsPart: 'xl/_rels/workbook.xml.rels',
    workbookRelsXml: `<Relationships xmlns="urn:r"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    relationshipPrefix: 'r:',
    relationshipNamespace: R,
    sheets: [
      {
        name: 'Goals',
        sheetId: 3,
        relationshipId: 'rId1',
        state: 'visible',
        kind: 'worksheet',
        part: 'xl/worksheets/sheet1.xml',
      },
    ],
    stylesPart: null,
    stylesXml: null,
    partNames: [
      '[Content_Types].xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/Sheet2.xml',
    ],
    rels: new Map(),
    reports: new Set(),
    ...overrides,
  };
}

describe('planRollup', () => {
  it('adds a tab after the last sheetId, in an unused part, with a new relationship and content type', () => {
    const plan = planRollup(parts(), report);
    // sheet2.xml is taken (in another case): part names compare case-insensitively.
    expect(plan.sheetPart).toBe('xl/worksheets/sheet3.xml');
    expect(plan.replaced.get('xl/workbook.xml')).toContain(
      '<sheet name="Roll-up" sheetId="4" r:id="rId2"/></sheets>',
    );
    expect(plan.replaced.get('xl/_rels/workbook.xml.rels')).toContain(
      `<Relationship Id="rId2" Type="${R}/worksheet" Target="worksheets/sheet3.xml"/>`,
    );
    expect(plan.replaced.get('[Content_Types].xml')).toContain(
      '<Override PartName="/xl/worksheets/sheet3.xml"',
    );
    expect(plan.replacesTab).toBe(false);
  });

  it('creates a styles part when the workbook has none, with its relationship and content type', () => {
    const plan = planRollup(parts(), report);
    expect([...plan.added.keys()]).toEqual(['xl/styles.xml']);
    expect(plan.replaced.get('xl/_rels/workbook.xml.rels')).toContain(
      `Type="${R}/styles" Target="styles.xml"`,
    );
    expect(plan.replaced.get('[Content_Types].xml')).toContain('<Override PartName="/xl/styles.xml"');
    expect(plan.styles).toEqual({
      percent: 1,
      bold: 2,
      status: { 'on track': 0, 'at risk': 1, 'off track': 2 },
      formats: {},
    });
  });

  it('writes in the prefixes the workbook uses (x:, and its own name for the relationship namespace)', () => {
    const plan = planRollup(
      parts({
        workbookXml: `<x:workbook xmlns:x="${MAIN}" xmlns:rel="${R}"><x:sheets><x:sheet name="Goals" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>`,
        relationshipPrefix: 'rel:',
      }),
      report,
    );
    expect(plan.replaced.get('xl/workbook.xml')).toContain(
      '<x:sheet name="Roll-up" sheetId="4" rel:id="rId2"/></x:sheets>',
    );
    expect(plan.mainNamespace).toBe(MAIN);
  });

  it('declares the relationship namespace on the new tab when the workbook does not', () => {
    const plan = planRollup(
      parts({ workbookXml: `<workbook xmlns="${MAIN}"><sheets/></workbook>`, sheets: [] }),
      report,
    );
    expect(plan.replaced.get('xl/workbook.xml')).toBe(
      `<workbook xmlns="${MAIN}"><sheets><sheet xmlns:r="${R}" name="Roll-up" sheetId="1" r:id="rId2"/></sheets>` +
        `<definedNames><definedName name="mbo_cascade_report">'Roll-up'!$A$1</definedName></definedNames></workbook>`,
    );
  });

  it('marks the new report with a workbook defined name after <sheets>, and keeps the user names', () => {
    const plan = planRollup(
      parts({
        workbookXml: `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Goals" sheetId="3" r:id="rId1"/></sheets><definedNames><definedName name="user_range">Goals!$A$1:$A$3</definedName></definedNames><calcPr calcId="1"/></workbook>`,
      }),
      report,
    );
    const xml = plan.replaced.get('xl/workbook.xml') ?? '';
    expect(xml).toContain(
      '<definedNames><definedName name="user_range">Goals!$A$1:$A$3</definedName>' +
        '<definedName name="mbo_cascade_report">&apos;Roll-up&apos;!$A$1</definedName></definedNames><calcPr'.replace(
          /&apos;/g,
          "'",
        ),
    );
    expect(markedSheetsOf(xml)).toEqual(new Set(['Roll-up']));
  });

  it('adds <definedNames> before calcPr when the workbook has none (the order Excel requires)', () => {
    const plan = planRollup(
      parts({
        workbookXml: `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Goals" sheetId="3" r:id="rId1"/></sheets><calcPr calcId="1"/></workbook>`,
      }),
      report,
    );
    expect(plan.replaced.get('xl/workbook.xml')).toMatch(
      /<\/sheets><definedNames><definedName name="mbo_cascade_report">'Roll-up'!\$A\$1<\/definedName><\/definedNames><calcPr/,
    );
  });

  const rollupSheet = (name: string, part = 'xl/worksheets/sheet2.xml') => ({
    name,
    sheetId: 7,
    relationshipId: 'rId2',
    state: 'visible',
    kind: 'worksheet',
    part,
  });
  const withSheets = (names: string[], marks = '') =>
    `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Goals" sheetId="3" r:id="rId1"/>${names
      .map((n, i) => `<sheet name="${n}" sheetId="${7 + i}" r:id="rId${2 + i}"/>`)
      .join('')}</sheets>${marks}</workbook>`;

  it('replaces a report of ours in its part and place, under its name, and marks it (an unmarked one found by its cells)', () => {
    const plan = planRollup(
      parts({
        workbookXml: withSheets(['roll-up']),
        sheets: [parts().sheets[0], rollupSheet('roll-up')],
        reports: new Set(['roll-up']),
      }),
      report,
    );
    expect(plan).toMatchObject({ sheetPart: 'xl/worksheets/sheet2.xml', replacesTab: true });
    expect(plan.tab).toEqual({ name: 'roll-up', replacesOurs: true, note: '' });
    const xml = plan.replaced.get('xl/workbook.xml') ?? '';
    expect(tags(xml, 'sheet').map((t) => t.attributes.get('name'))).toEqual(['Goals', 'roll-up']);
    expect(markedSheetsOf(xml)).toEqual(new Set(['roll-up']));
    // No worksheet relationship added (only the styles part this workbook lacked).
    const rels = plan.replaced.get('xl/_rels/workbook.xml.rels') ?? '';
    expect(rels.match(/\/worksheet"/g)).toHaveLength(1);
  });

  it('leaves workbook.xml byte for byte when the report it replaces already carries the mark', () => {
    const workbookXml = withSheets(
      ['Roll-up'],
      `<definedNames><definedName name="mbo_cascade_report">'Roll-up'!$A$1</definedName></definedNames>`,
    );
    const plan = planRollup(
      parts({
        workbookXml,
        sheets: [parts().sheets[0], rollupSheet('Roll-up')],
        reports: new Set(['Roll-up']),
      }),
      report,
    );
    expect(plan.replacesTab).toBe(true);
    expect(plan.replaced.has('xl/workbook.xml')).toBe(false);
  });

  it("never replaces a sheet of the user's named Roll-up (any case): the report goes to Roll-up (2), and says so", () => {
    const plan = planRollup(
      parts({
        workbookXml: withSheets(['ROLL-UP']),
        sheets: [parts().sheets[0], rollupSheet('ROLL-UP')],
      }),
      report,
    );
    expect(plan.replacesTab).toBe(false);
    expect(plan.sheetPart).not.toBe('xl/worksheets/sheet2.xml');
    expect(plan.tab).toEqual({
      name: 'Roll-up (2)',
      replacesOurs: false,
      note: 'Your tab "Roll-up" is left alone: the report is in "Roll-up (2)".',
    });
    const xml = plan.replaced.get('xl/workbook.xml') ?? '';
    expect(tags(xml, 'sheet').map((t) => t.attributes.get('name'))).toEqual([
      'Goals',
      'ROLL-UP',
      'Roll-up (2)',
    ]);
    expect(markedSheetsOf(xml)).toEqual(new Set(['Roll-up (2)']));
    expect(plan.dropped.size).toBe(0);
  });

  it('keeps the marks on reports of ours the user renamed, numbered after the live one', () => {
    const plan = planRollup(
      parts({
        workbookXml: withSheets(
          ['Q2 snapshot', 'Roll-up'],
          `<definedNames><definedName name="mbo_cascade_report">'Q2 snapshot'!$A$1</definedName></definedNames>`,
        ),
        sheets: [
          parts().sheets[0],
          rollupSheet('Q2 snapshot', 'xl/worksheets/sheet2.xml'),
          rollupSheet('Roll-up', 'xl/worksheets/sheet4.xml'),
        ],
        reports: new Set(['Q2 snapshot', 'Roll-up']),
      }),
      report,
    );
    expect(plan.sheetPart).toBe('xl/worksheets/sheet4.xml');
    const xml = plan.replaced.get('xl/workbook.xml') ?? '';
    expect(tags(xml, 'definedName').map((t) => t.attributes.get('name'))).toEqual([
      'mbo_cascade_report',
      'mbo_cascade_report_2',
    ]);
    expect(xml).toContain(`<definedName name="mbo_cascade_report_2">'Q2 snapshot'!$A$1</definedName>`);
  });

  it('refuses a report of ours that is a chart sheet', () => {
    expect(() =>
      planRollup(
        parts({
          sheets: [
            {
              name: 'Roll-up',
              sheetId: 1,
              relationshipId: 'rId1',
              state: 'visible',
              kind: 'chartsheet',
              part: 'xl/chartsheets/sheet1.xml',
            },
          ],
          reports: new Set(['Roll-up']),
        }),
        report,
      ),
    ).toThrow(/The tab "Roll-up" is a chartsheet, not a sheet of cells/);
  });
});

describe('package paths', () => {
  it.each([
    ['xl/workbook.xml', 'worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['xl/worksheets/sheet1.xml', '../drawings/drawing1.xml', 'xl/drawings/drawing1.xml'],
    ['xl/workbook.xml', '/xl/worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['', 'xl/workbook.xml', 'xl/workbook.xml'],
    ['xl/workbook.xml', 'worksheets/my%20sheet.xml', 'xl/worksheets/my sheet.xml'],
  ])('from %s, %s is %s', (source, target, part) => {
    expect(resolveTarget(source, target)).toBe(part);
  });

  it('finds a part’s relationships', () => {
    expect(relsPartOf('xl/workbook.xml')).toBe('xl/_rels/workbook.xml.rels');
    expect(relsPartOf('xl/worksheets/sheet1.xml')).toBe('xl/worksheets/_rels/sheet1.xml.rels');
  });

  it('reads the main namespace, strict OOXML included', () => {
    expect(mainNamespaceOf('<x:workbook xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main"/>')).toBe(
      'http://purl.oclc.org/ooxml/spreadsheetml/main',
    );
    expect(mainNamespaceOf('<workbook/>')).toBe(MAIN);
  });
});
