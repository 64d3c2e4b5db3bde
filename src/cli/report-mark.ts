// Marks the Roll-up sheet the command line writes into an .xlsx with a workbook-level defined name, and finds the sheets it marked: names and workbook.xml only, no workbook library.
import { CHECK_INS_RANGE_NAME } from '../core/check-in-tab';
import { looksLikeReport, REPORT_RANGE_NAME, REPORT_TAB } from '../report/report-tab';
import { CliError } from './errors';
import { closingTag, escapeXmlAttribute, escapeXmlText, type Tag, tags, unescapeXml } from './xml';

/**
 * The defined name that points at our report sheet (its A1); Sheets keeps it as a named range, which
 * the add-on reads too (src/sheets/owned.ts). A defined name, because it:
 * - lives in the workbook and points at exactly one sheet: a copy the user makes of the report is
 *   not marked (a marker cell, a note or a hidden row would be copied with it and make the copy ours);
 * - follows the sheet when it is renamed in Excel, LibreOffice or Google Sheets (a document property
 *   would hold the sheet's name as plain text, which a rename breaks);
 * - survives saving in each of them (Sheets keeps it as a named range) and round-trips through exceljs;
 * - sits outside the cells, so the reader never sees it as data.
 * The command line writes it into workbook.xml itself; the preview (tools/preview/report-marks.ts)
 * writes the same names through exceljs, so a file written by either is recognised by both.
 */
export const REPORT_MARK = REPORT_RANGE_NAME;

/**
 * A report that carries no mark (written before reports were marked, or saved from Sheets, whose
 * .xlsx and CSV downloads drop developer metadata): a tab under a report name (`Roll-up`, `Roll-up
 * (2)`, ...) whose cells are the report's. It is ours to replace, and not goals.
 */
export function isUnmarkedReport(name: string, grid: readonly (readonly unknown[])[]): boolean {
  return hasReportName(name) && looksLikeReport(grid);
}

/** True for a name a report may carry (`Roll-up`, `Roll-up (2)`, ... in any case): only such sheets are worth reading the head of. */
export function hasReportName(name: string): boolean {
  return name.toLowerCase().startsWith(REPORT_TAB.toLowerCase());
}

/** `'Roll-up (2)'!$A$1` -> `Roll-up (2)`; `Goals!$A$1` -> `Goals`; null without a sheet. */
export function sheetOfRange(range: string): string | null {
  const quoted = /^'((?:[^']|'')*)'!/.exec(range);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const plain = /^([^!']+)!/.exec(range);
  return plain ? plain[1] : null;
}

/** Our marks: `mbo_cascade_report` on the live report, `mbo_cascade_report_2`, ... on reports the user renamed to keep. */
export const isReportMark = (name: string): boolean =>
  name === REPORT_MARK || new RegExp(`^${REPORT_MARK}_\\d+$`).test(name);

/** A workbook-level defined name as exceljs models one: its name and the ranges it covers. */
export interface DefinedName {
  name: string;
  ranges: readonly string[];
}

/** Each of our marks among `names` with the sheet it points at, as [defined name, sheet name]. */
export function marksAmong(names: readonly DefinedName[]): [string, string][] {
  const marks: [string, string][] = [];
  for (const { name, ranges } of names) {
    if (!isReportMark(name)) continue;
    for (const range of ranges) {
      const sheet = sheetOfRange(range);
      if (sheet !== null) marks.push([name, sheet]);
    }
  }
  return marks;
}

/**
 * The marks to set: `live` (the report just written) with `mbo_cascade_report`, the name the add-on
 * reads too, and `kept` (earlier reports the user renamed, still ours and still not goals) with
 * `mbo_cascade_report_2`, ... One name per sheet: Excel does not accept one name over ranges of
 * several sheets. Each as [defined name, range]: the sheet quoted, apostrophes doubled, as a formula
 * names a sheet; its A1.
 */
export function reportMarkRanges(live: string | null, kept: readonly string[] = []): [string, string][] {
  const marks: [string, string][] = kept.map((sheet, i) => [`${REPORT_MARK}_${i + 2}`, sheet]);
  if (live !== null) marks.unshift([REPORT_MARK, live]);
  return marks.map(([name, sheet]) => [name, `'${sheet.replace(/'/g, "''")}'!$A$1`]);
}

/** A `<definedName>` element of workbook.xml: its tag, where its element ends, and its text. */
interface DefinedNameElement {
  tag: Tag;
  end: number;
  text: string;
}

function definedNameElements(workbookXml: string): DefinedNameElement[] {
  return tags(workbookXml, 'definedName').map((tag) => {
    const close = closingTag(workbookXml, tag);
    const text = close ? unescapeXml(workbookXml.slice(tag.end, close.start)) : '';
    return { tag, end: close ? close.end : tag.end, text };
  });
}

/**
 * The workbook-level defined names of a workbook.xml (names scoped to one sheet, `localSheetId`,
 * are not ours and are left out). A name over several areas lists them split at top-level commas.
 */
export function definedNamesOf(workbookXml: string): DefinedName[] {
  return definedNameElements(workbookXml)
    .filter(({ tag }) => !tag.attributes.has('localSheetId'))
    .map(({ tag, text }) => ({ name: tag.attributes.get('name') ?? '', ranges: splitAreas(text) }));
}

/** `'a,b'!$A$1,Goals!$B$2` -> its two areas; commas inside a quoted sheet name do not split. */
function splitAreas(text: string): string[] {
  const areas: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    else if (c === ',' && !quoted) {
      areas.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  areas.push(text.slice(start).trim());
  return areas.filter((area) => area !== '');
}

/** The sheets a workbook.xml's marks point at. */
export function markedSheetsOf(workbookXml: string): Set<string> {
  return new Set(marksAmong(definedNamesOf(workbookXml)).map(([, sheet]) => sheet));
}

/**
 * Elements that may follow `<definedNames>` in a workbook (ECMA-376 CT_Workbook's sequence): a new
 * `<definedNames>` goes before the first of them that is there, so Excel accepts the file.
 */
const AFTER_DEFINED_NAMES = [
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

/**
 * workbook.xml with exactly these marks: every mark of ours removed, then `marks` ([defined name,
 * range], from reportMarkRanges) added. The user's own defined names are kept as written.
 */
export function withReportMarks(
  workbookXml: string,
  marks: readonly [string, string][],
  /** Which names are the marks to replace: the report's, or another mark of ours (the check-in log's). */
  isOurs: (name: string) => boolean = isReportMark,
): string {
  let xml = workbookXml;
  // Our old marks out, last first so earlier positions stay valid.
  for (const element of definedNameElements(xml).reverse()) {
    const name = element.tag.attributes.get('name') ?? '';
    if (!isOurs(name) || element.tag.attributes.has('localSheetId')) continue;
    xml = xml.slice(0, element.tag.start) + xml.slice(element.end);
  }
  const root = tags(xml).find(() => true);
  if (!root) throw new CliError('the workbook part has no root element to add the Roll-up to');
  const p = root.qualifiedName.includes(':')
    ? root.qualifiedName.slice(0, root.qualifiedName.indexOf(':') + 1)
    : '';
  const items = marks
    .map(
      ([name, range]) =>
        `<${p}definedName name="${escapeXmlAttribute(name)}">${escapeXmlText(range)}</${p}definedName>`,
    )
    .join('');
  const container = tags(xml, 'definedNames')[0];
  if (container) {
    if (container.selfClosing) {
      if (!items) return xml.slice(0, container.start) + xml.slice(container.end);
      return `${xml.slice(0, container.start)}<${container.qualifiedName}>${items}</${container.qualifiedName}>${xml.slice(container.end)}`;
    }
    const close = closingTag(xml, container);
    if (!close) throw new CliError("the workbook's <definedNames> element is not closed");
    const inner = xml.slice(container.end, close.start) + items;
    // An empty <definedNames> is invalid: with no name left, the element goes.
    if (inner.trim() === '') return xml.slice(0, container.start) + xml.slice(close.end);
    return xml.slice(0, close.start) + items + xml.slice(close.start);
  }
  if (!items) return xml;
  const block = `<${p}definedNames>${items}</${p}definedNames>`;
  const next = tags(xml, ...AFTER_DEFINED_NAMES).find((tag) => tag !== root);
  if (next) return xml.slice(0, next.start) + block + xml.slice(next.start);
  const rootClose = closingTag(xml, root);
  if (!rootClose) throw new CliError("the workbook's root element is not closed");
  return xml.slice(0, rootClose.start) + block + xml.slice(rootClose.start);
}

/** workbook.xml with the defined name `mark` on the sheet `sheet` alone (a log's mark: it names the tab as ours). */
export function withSheetMark(workbookXml: string, mark: string, sheet: string): string {
  return withReportMarks(workbookXml, [[mark, `'${sheet.replace(/'/g, "''")}'!$A$1`]], (n) => n === mark);
}

/** workbook.xml with the check-in log's mark (the defined name mbo_cascade_check_ins) on the sheet `sheet` alone. */
export function withCheckInsMark(workbookXml: string, sheet: string): string {
  return withSheetMark(workbookXml, CHECK_INS_RANGE_NAME, sheet);
}
