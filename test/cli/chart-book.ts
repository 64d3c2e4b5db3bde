// A test workbook with what exceljs cannot round-trip: a bar chart in a drawing and a pivot table (with its cache) on the Notes tab, built part by part.

import { writeSampleBook } from './sample-book';
import { partText, rewriteZip } from './zip-fixtures';

const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_R = 'http://schemas.openxmlformats.org/package/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The parts that the chart and pivot add, by name: each must come out of a rollup byte for byte. */
export const CHART_AND_PIVOT_PARTS = [
  'xl/drawings/drawing1.xml',
  'xl/drawings/_rels/drawing1.xml.rels',
  'xl/charts/chart1.xml',
  'xl/worksheets/_rels/sheet6.xml.rels',
  'xl/pivotTables/pivotTable1.xml',
  'xl/pivotTables/_rels/pivotTable1.xml.rels',
  'xl/pivotCache/pivotCacheDefinition1.xml',
  'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels',
  'xl/pivotCache/pivotCacheRecords1.xml',
];

const rels = (...items: [id: string, type: string, target: string][]) =>
  `${DECLARATION}<Relationships xmlns="${PACKAGE_R}">${items
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"/>`)
    .join('')}</Relationships>`;

const drawing = (chartRelId: string) =>
  `${DECLARATION}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
  '<xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>' +
  '<xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
  '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Budget chart"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
  '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
  `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="${chartRelId}"/>` +
  '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>';

const chart = (range: string) =>
  `${DECLARATION}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}">` +
  '<c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>' +
  `<c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>${range}</c:f></c:numRef></c:val></c:ser>` +
  '<c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>' +
  '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>';

const CONTENT_TYPES: Record<string, string> = {
  '/xl/drawings/drawing1.xml': 'application/vnd.openxmlformats-officedocument.drawing+xml',
  '/xl/charts/chart1.xml': 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  '/xl/pivotTables/pivotTable1.xml':
    'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml',
  '/xl/pivotCache/pivotCacheDefinition1.xml':
    'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml',
  '/xl/pivotCache/pivotCacheRecords1.xml':
    'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml',
};

/** The marketing sample with a bar chart of Notes!B2:B3 and a pivot table over Notes!A1:B3, written to `path`. */
export async function writeChartAndPivotBook(path: string): Promise<void> {
  const base = `${path}.base.xlsx`;
  await writeSampleBook(base);
  const notes = await partText(base, 'xl/worksheets/sheet6.xml');
  const workbook = await partText(base, 'xl/workbook.xml');
  const workbookRels = await partText(base, 'xl/_rels/workbook.xml.rels');
  const types = await partText(base, '[Content_Types].xml');
  await rewriteZip(base, path, {
    put: {
      'xl/worksheets/sheet6.xml': notes.replace('</worksheet>', '<drawing r:id="rIdDrawing"/></worksheet>'),
      'xl/worksheets/_rels/sheet6.xml.rels': rels(
        ['rIdDrawing', 'drawing', '../drawings/drawing1.xml'],
        ['rIdPivot', 'pivotTable', '../pivotTables/pivotTable1.xml'],
      ),
      'xl/drawings/drawing1.xml': drawing('rId1'),
      'xl/drawings/_rels/drawing1.xml.rels': rels(['rId1', 'chart', '../charts/chart1.xml']),
      'xl/charts/chart1.xml': chart('Notes!$B$2:$B$3'),
      'xl/pivotTables/pivotTable1.xml':
        `${DECLARATION}<pivotTableDefinition xmlns="${MAIN}" name="Budget" cacheId="1" dataCaption="Values" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1">` +
        '<location ref="D20:E22" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="2"><item x="0"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields>' +
        '<rowFields count="1"><field x="0"/></rowFields><rowItems count="2"><i><x/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems>' +
        '<dataFields count="1"><dataField name="Sum of Amount" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>',
      'xl/pivotTables/_rels/pivotTable1.xml.rels': rels([
        'rId1',
        'pivotCacheDefinition',
        '../pivotCache/pivotCacheDefinition1.xml',
      ]),
      'xl/pivotCache/pivotCacheDefinition1.xml':
        `${DECLARATION}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${R}" r:id="rId1" refreshOnLoad="1" recordCount="2">` +
        '<cacheSource type="worksheet"><worksheetSource ref="A1:B3" sheet="Notes"/></cacheSource><cacheFields count="2">' +
        '<cacheField name="Budget notes" numFmtId="0"><sharedItems containsBlank="1" count="1"><m/></sharedItems></cacheField>' +
        '<cacheField name="Amount" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" minValue="799.5" maxValue="1200.5"/></cacheField></cacheFields></pivotCacheDefinition>',
      'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels': rels([
        'rId1',
        'pivotCacheRecords',
        'pivotCacheRecords1.xml',
      ]),
      'xl/pivotCache/pivotCacheRecords1.xml': `${DECLARATION}<pivotCacheRecords xmlns="${MAIN}" count="2"><r><x v="0"/><n v="1200.5"/></r><r><x v="0"/><n v="799.5"/></r></pivotCacheRecords>`,
      'xl/workbook.xml': workbook.replace(
        '</workbook>',
        '<pivotCaches><pivotCache cacheId="1" r:id="rIdCache"/></pivotCaches></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': workbookRels.replace(
        '</Relationships>',
        `<Relationship Id="rIdCache" Type="${R}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/></Relationships>`,
      ),
      '[Content_Types].xml': types.replace(
        '</Types>',
        `${Object.entries(CONTENT_TYPES)
          .map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`)
          .join('')}</Types>`,
      ),
    },
  });
}

/** Gives the sheet part `sheetPart` (the Roll-up's) a drawing with a chart of its own, as an old Roll-up with a treemap would have. */
export async function addChartToSheet(
  input: string,
  output: string,
  sheetPart: string,
  n: number,
): Promise<void> {
  const sheet = await partText(input, sheetPart);
  const types = await partText(input, '[Content_Types].xml');
  const name = sheetPart.split('/').pop();
  await rewriteZip(input, output, {
    put: {
      [sheetPart]: sheet.replace('</worksheet>', '<drawing r:id="rIdOld"/></worksheet>'),
      [`xl/worksheets/_rels/${name}.rels`]: rels(['rIdOld', 'drawing', `../drawings/drawing${n}.xml`]),
      [`xl/drawings/drawing${n}.xml`]: drawing('rId1'),
      [`xl/drawings/_rels/drawing${n}.xml.rels`]: rels(['rId1', 'chart', `../charts/chart${n}.xml`]),
      [`xl/charts/chart${n}.xml`]: chart("'Roll-up'!$G$4:$G$10"),
      '[Content_Types].xml': types.replace(
        '</Types>',
        `<Override PartName="/xl/drawings/drawing${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
          `<Override PartName="/xl/charts/chart${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`,
      ),
    },
  });
}
