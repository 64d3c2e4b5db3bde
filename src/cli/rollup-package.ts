// Adds the Roll-up to an .xlsx package by editing it: every other part copied byte for byte, one worksheet part streamed in, and the workbook (its sheet and our mark), relationship, content-type and style entries it needs.
import type { FileHandle } from 'node:fs/promises';
import { posix } from 'node:path';
import type { TabInput } from '../core/workbook';
import { chooseTab, type TabChoice } from '../report/report-tab';
import { PERCENT_FORMAT, type RollupReport } from '../report/rollup-table';
import { CliError } from './errors';
import { type Progress, SILENT_PROGRESS } from './progress';
import { reportMarkRanges, withCheckInsMark, withReportMarks } from './report-mark';
import { PiecePool, rollupSheetXml, sheetOfCellsXml } from './rollup-part';
import {
  CONTENT_TYPES_PART,
  type PackageSheet,
  RELATIONSHIP_NAMESPACES,
  ROOT_RELS_PART,
  readRelationships,
  relsPartOf,
  type XlsxPackage,
} from './xlsx-package';
import { addRollupStyles, minimalStylesXml, type RollupStyles } from './xlsx-styles';
import { escapeXmlAttribute, prefixOf, type Tag, tags } from './xml';
import { ZipWriter } from './zip-write';

export const SPREADSHEETML_NAMESPACE = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const PACKAGE_RELATIONSHIPS_NAMESPACE = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT_TYPES_NAMESPACE = 'http://schemas.openxmlformats.org/package/2006/content-types';
export const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const WORKBOOK_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** What the plan reads of a package: its structure parts as text and the names of all its parts. */
export interface PackageParts {
  contentTypesPart: string;
  contentTypesXml: string;
  workbookPart: string;
  workbookXml: string;
  workbookRelsPart: string;
  workbookRelsXml: string;
  relationshipPrefix: string;
  relationshipNamespace: string;
  sheets: readonly PackageSheet[];
  stylesPart: string | null;
  stylesXml: string | null;
  partNames: readonly string[];
  rels: ReadonlyMap<string, string>;
  /** The sheets that are our reports (marked, or found by their cells): the only ones the report may replace. */
  reports: ReadonlySet<string>;
}

/** The workbook, its relationships and content types: what adding a sheet edits. */
export interface SheetListings {
  workbookXml: string;
  relsXml: string;
  types: string;
}

/**
 * Adds a worksheet named `name` as a new part, last in the tab order: its entry in the workbook's sheets, a
 * relationship to it and its content type. Returns the part's name and the edited listings.
 */
export function addWorksheet(
  parts: Pick<PackageParts, 'workbookPart' | 'sheets' | 'relationshipNamespace' | 'relationshipPrefix'>,
  listings: SheetListings,
  taken: ReadonlySet<string>,
  name: string,
): SheetListings & { part: string } {
  const { workbookXml } = listings;
  const folder = posix.dirname(parts.workbookPart);
  const part = unusedPartName(taken, `${folder === '.' ? '' : `${folder}/`}worksheets/sheet`);
  const id = unusedRelationshipId(listings.relsXml);
  const sheetId = Math.max(0, ...parts.sheets.map((s) => s.sheetId)) + 1;
  const sheetsTag = tags(workbookXml, 'sheets')[0];
  const p = sheetsTag ? prefixOfTag(sheetsTag) : '';
  const declared = prefixOf(workbookXml, parts.relationshipNamespace) !== null;
  const relPrefix = declared ? parts.relationshipPrefix : 'r:';
  const declaration = declared ? '' : ` xmlns:r="${parts.relationshipNamespace}"`;
  return {
    part,
    workbookXml: insertInto(
      workbookXml,
      'sheets',
      `<${p}sheet${declaration} name="${escapeXmlAttribute(name)}" sheetId="${sheetId}" ${relPrefix}id="${id}"/>`,
    ),
    relsXml: addRelationship(
      listings.relsXml,
      id,
      `${parts.relationshipNamespace}/worksheet`,
      posix.relative(folder, part),
    ),
    types: addOverride(listings.types, `/${part}`, WORKSHEET_TYPE),
  };
}

/** The edit, decided before a byte is written. */
export interface RollupPlan {
  /** The sheet the report goes to (chooseTab's choice, shared with the add-on), and the note when a tab of the user's holds its usual name. */
  tab: TabChoice;
  /** The part the Roll-up is streamed into: the old report's, or a new one. */
  sheetPart: string;
  /** True when a report of ours is replaced (same place, same part). */
  replacesTab: boolean;
  /** Parts written with new content, by name. */
  replaced: Map<string, string>;
  /** Parts left out: the old Roll-up's relationships and what only they reached (its drawings and charts). */
  dropped: Set<string>;
  /** New small parts (styles, when the workbook has none), written after the existing ones. */
  added: Map<string, string>;
  styles: RollupStyles;
  mainNamespace: string;
}

/** The SpreadsheetML namespace the workbook is written in (transitional, or strict OOXML). */
export function mainNamespaceOf(workbookXml: string): string {
  const root = tags(workbookXml).find(() => true);
  if (!root) return SPREADSHEETML_NAMESPACE;
  const colon = root.qualifiedName.indexOf(':');
  const attribute = colon < 0 ? 'xmlns' : `xmlns:${root.qualifiedName.slice(0, colon)}`;
  return root.attributes.get(attribute) ?? SPREADSHEETML_NAMESPACE;
}

/** The prefix (`x:`) of a tag as written. */
export const prefixOfTag = (tag: Tag): string =>
  tag.qualifiedName.includes(':') ? tag.qualifiedName.slice(0, tag.qualifiedName.indexOf(':') + 1) : '';

/** Inserts text before the end tag of the first element named `name` (a self-closing one is opened). */
export function insertInto(xml: string, name: string, text: string): string {
  const open = tags(xml, name)[0];
  if (!open) throw new CliError(`the workbook has no <${name}> element to add the Roll-up to`);
  if (open.selfClosing) {
    const opened = xml.slice(open.start, open.end).replace(/\s*\/>$/, '>');
    return `${xml.slice(0, open.start)}${opened}${text}</${open.qualifiedName}>${xml.slice(open.end)}`;
  }
  const close = xml.indexOf(`</${open.qualifiedName}`, open.end);
  if (close < 0) throw new CliError(`the workbook's <${name}> element is not closed`);
  return xml.slice(0, close) + text + xml.slice(close);
}

export function addRelationship(xml: string, id: string, type: string, target: string): string {
  const item = (p: string) =>
    `<${p}Relationship Id="${id}" Type="${escapeXmlAttribute(type)}" Target="${escapeXmlAttribute(target)}"/>`;
  if (!xml.trim())
    return `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS_NAMESPACE}">${item('')}</Relationships>`;
  const root = tags(xml, 'Relationships')[0];
  return insertInto(xml, 'Relationships', item(root ? prefixOfTag(root) : ''));
}

export function addOverride(xml: string, partName: string, contentType: string): string {
  const exists = tags(xml, 'Override').some(
    (t) => t.attributes.get('PartName')?.toLowerCase() === partName.toLowerCase(),
  );
  if (exists) return xml;
  const root = tags(xml, 'Types')[0];
  const p = root ? prefixOfTag(root) : '';
  return insertInto(
    xml,
    'Types',
    `<${p}Override PartName="${escapeXmlAttribute(partName)}" ContentType="${contentType}"/>`,
  );
}

function removeOverrides(xml: string, partNames: ReadonlySet<string>): string {
  const gone = tags(xml, 'Override').filter((t) =>
    partNames.has((t.attributes.get('PartName') ?? '').toLowerCase()),
  );
  let out = xml;
  for (const tag of gone.reverse()) {
    const close = tag.selfClosing
      ? tag.end
      : out.indexOf('>', out.indexOf(`</${tag.qualifiedName}`, tag.end)) + 1;
    out = out.slice(0, tag.start) + out.slice(close);
  }
  return out;
}

/** The first `stem{n}.xml` no part is named (case-insensitively). */
export function unusedPartName(taken: ReadonlySet<string>, stem: string): string {
  for (let n = 1; ; n++) if (!taken.has(`${stem}${n}.xml`.toLowerCase())) return `${stem}${n}.xml`;
}

export function unusedRelationshipId(relsXml: string): string {
  const ids = new Set(readRelationships('', relsXml).map((r) => r.id));
  for (let n = ids.size + 1; ; n++) if (!ids.has(`rId${n}`)) return `rId${n}`;
}

/** Every part reachable from the package's root through relationships; `skip` relationship parts are cut off. */
function reachableParts(rels: ReadonlyMap<string, string>, skip: ReadonlySet<string>): Set<string> {
  const byLowerName = new Map([...rels].map(([name, xml]) => [name.toLowerCase(), xml]));
  const seen = new Set<string>();
  const stack = [''];
  while (stack.length > 0) {
    const source = stack.pop() as string;
    const relsName = (source === '' ? ROOT_RELS_PART : relsPartOf(source)).toLowerCase();
    if (skip.has(relsName)) continue;
    const xml = byLowerName.get(relsName);
    if (xml === undefined) continue;
    for (const rel of readRelationships(source, xml)) {
      const part = rel.part?.toLowerCase();
      if (part && !seen.has(part)) {
        seen.add(part);
        stack.push(part);
      }
    }
  }
  return seen;
}

/**
 * Decides the edit that adds the Roll-up. Its sheet is the one chooseTab picks, as the add-on picks it:
 * a report of ours under `Roll-up` (or `Roll-up (2)`, ...) keeps its place and part and gets the new
 * cells; otherwise a new worksheet goes last, under the first of those names no sheet holds. A sheet
 * we did not write is never replaced, renamed or removed. The report is marked with a defined name
 * (report-mark.ts), and the other reports of ours the workbook keeps stay marked. Styles are appended
 * to the workbook's own (or a styles part is created).
 */
export function planRollup(parts: PackageParts, report: RollupReport): RollupPlan {
  const mainNamespace = mainNamespaceOf(parts.workbookXml);
  const typeBase = `${parts.relationshipNamespace}/`;
  const taken = new Set(parts.partNames.map((name) => name.toLowerCase()));
  const replaced = new Map<string, string>();
  const added = new Map<string, string>();
  const droppedRels = new Set<string>();
  let workbookXml = parts.workbookXml;
  let relsXml = parts.workbookRelsXml;
  let types = parts.contentTypesXml;

  const tab = chooseTab(
    parts.sheets.map((sheet) => ({ name: sheet.name, ours: parts.reports.has(sheet.name) })),
  );
  const old = tab.replacesOurs ? parts.sheets.find((sheet) => sheet.name === tab.name) : undefined;
  let sheetPart: string;
  if (old) {
    if (old.kind !== 'worksheet')
      throw new CliError(
        `The tab "${old.name}" is a ${old.kind}, not a sheet of cells: rename it so the Roll-up can be written.`,
      );
    sheetPart = old.part;
    const oldRels = relsPartOf(old.part).toLowerCase();
    if (taken.has(oldRels)) droppedRels.add(oldRels);
  } else {
    ({
      part: sheetPart,
      workbookXml,
      relsXml,
      types,
    } = addWorksheet(parts, { workbookXml, relsXml, types }, taken, tab.name));
    taken.add(sheetPart.toLowerCase());
  }
  // Earlier reports of ours that the user renamed stay ours: marked, and not read as goals.
  const kept = parts.sheets
    .map((sheet) => sheet.name)
    .filter((name) => parts.reports.has(name) && name !== tab.name);
  workbookXml = withReportMarks(workbookXml, reportMarkRanges(tab.name, kept));

  let styles: RollupStyles;
  if (parts.stylesPart && parts.stylesXml !== null) {
    const edited = addRollupStyles(parts.stylesXml, report, PERCENT_FORMAT, otherFormats(report));
    replaced.set(parts.stylesPart, edited.xml);
    styles = edited.styles;
  } else {
    const folder = posix.dirname(parts.workbookPart);
    const stylesPart = `${folder === '.' ? '' : `${folder}/`}${taken.has(`${folder}/styles.xml`.toLowerCase()) ? unusedPartName(taken, 'styles') : 'styles.xml'}`;
    const edited = addRollupStyles(
      minimalStylesXml(mainNamespace),
      report,
      PERCENT_FORMAT,
      otherFormats(report),
    );
    added.set(stylesPart, edited.xml);
    styles = edited.styles;
    relsXml = addRelationship(
      relsXml,
      unusedRelationshipId(relsXml),
      `${typeBase}styles`,
      posix.relative(posix.dirname(parts.workbookPart), stylesPart),
    );
    types = addOverride(types, `/${stylesPart}`, STYLES_TYPE);
  }

  // What only the old Roll-up reached (its drawings, their charts) goes with its relationships.
  const dropped = new Set<string>();
  if (droppedRels.size > 0) {
    const before = reachableParts(parts.rels, new Set());
    const after = reachableParts(parts.rels, droppedRels);
    const gone = new Set([...before].filter((part) => !after.has(part) && part !== sheetPart.toLowerCase()));
    const lowerRels = new Set([...gone].map((part) => relsPartOf(part).toLowerCase()));
    for (const name of parts.partNames) {
      const lower = name.toLowerCase();
      if (droppedRels.has(lower) || gone.has(lower) || lowerRels.has(lower)) dropped.add(name);
    }
    types = removeOverrides(types, new Set([...gone].map((part) => `/${part}`)));
  }

  if (workbookXml !== parts.workbookXml) replaced.set(parts.workbookPart, workbookXml);
  if (relsXml !== parts.workbookRelsXml) {
    if (taken.has(parts.workbookRelsPart.toLowerCase())) replaced.set(parts.workbookRelsPart, relsXml);
    else added.set(parts.workbookRelsPart, relsXml);
  }
  if (types !== parts.contentTypesXml) replaced.set(parts.contentTypesPart, types);
  return { tab, sheetPart, replacesTab: Boolean(old), replaced, dropped, added, styles, mainNamespace };
}

export interface WriteOptions {
  now: Date;
  progress?: Progress;
}

export interface XlsxWriteOptions extends WriteOptions {
  /** The package's sheets that are our reports (loadWorkbook finds them); none when absent. */
  reports?: ReadonlySet<string>;
}

/** Writes the package with the Roll-up into `handle` (an empty file): parts in their order, new ones last. */
export async function writeXlsxWithRollup(
  pkg: XlsxPackage,
  report: RollupReport,
  handle: FileHandle,
  { now, progress = SILENT_PROGRESS, reports = new Set() }: XlsxWriteOptions,
): Promise<RollupPlan> {
  const stylesEntry = pkg.stylesPart ? pkg.zip.entry(pkg.stylesPart) : undefined;
  const stylesXml = stylesEntry ? (await pkg.zip.read(stylesEntry)).toString('utf8') : null;
  const plan = planRollup(
    { ...pkg, stylesXml, partNames: pkg.zip.entries.map((entry) => entry.name), reports },
    report,
  );
  const writer = new ZipWriter(handle, now);
  const pool = new PiecePool();
  const sheet = () =>
    rollupSheetXml(report, plan.styles, plan.mainNamespace, (rows) => progress.advance(rows), pool);
  progress.phase(`writing the Roll-up (${report.goalCount.toLocaleString('en-US')} goals)`, report.rows);
  let wroteSheet = false;
  for (const entry of pkg.zip.entries) {
    if (plan.dropped.has(entry.name)) continue;
    if (entry.name === plan.sheetPart) {
      await writer.addStream(entry.name, sheet(), (piece) => pool.release(piece));
      wroteSheet = true;
      continue;
    }
    const content = plan.replaced.get(entry.name);
    if (content === undefined) await writer.copy(pkg.zip, entry);
    else await writer.add(entry.name, content);
  }
  for (const [name, content] of plan.added) await writer.add(name, content);
  if (!wroteSheet) await writer.addStream(plan.sheetPart, sheet(), (piece) => pool.release(piece));
  await writer.finish();
  return plan;
}

/** What Excel refuses in a sheet name; null when the name is fine. */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return 'it is empty';
  if (name.length > 31) return 'it is longer than 31 characters';
  if (/[*?:/\\[\]]/.test(name)) return 'it holds one of * ? : / \\ [ ]';
  if (name.startsWith("'") || name.endsWith("'")) return 'it starts or ends with an apostrophe';
  if (name.toLowerCase() === 'history') return '"History" is reserved by Excel';
  return null;
}

/** The check-in log among CSV tabs (its file's name), and the sheet name it takes in the workbook. */
export interface CsvLog {
  tab: string;
  /** `Check-ins` for an old `History` log, a name Excel refuses; else the tab's own name. */
  sheet: string;
}

export interface CsvWriteOptions extends WriteOptions {
  /** The check-in log among the tabs, if any: written under its sheet name and marked as ours. */
  log?: CsvLog | null;
}

/**
 * A new workbook of the CSV tabs, every field as text, with the Roll-up after them. The check-in log is marked as
 * ours (the defined name mbo_cascade_check_ins), as the check-in command marks the log it writes.
 */
export async function writeCsvWithRollup(
  tabs: readonly TabInput[],
  report: RollupReport,
  handle: FileHandle,
  { now, progress = SILENT_PROGRESS, log = null }: CsvWriteOptions,
): Promise<RollupPlan> {
  const sheetName = (tab: TabInput): string => (log !== null && tab.name === log.tab ? log.sheet : tab.name);
  for (const tab of tabs) {
    const problem = sheetNameProblem(sheetName(tab));
    if (problem)
      throw new CliError(`The tab name "${sheetName(tab)}" cannot be used in an .xlsx: ${problem}.`);
  }
  const relationshipNamespace = RELATIONSHIP_NAMESPACES[0];
  const sheets: PackageSheet[] = tabs.map((tab, i) => ({
    name: sheetName(tab),
    sheetId: i + 1,
    relationshipId: `rId${i + 1}`,
    state: 'visible',
    kind: 'worksheet',
    part: `xl/worksheets/sheet${i + 1}.xml`,
  }));
  const rootRels =
    `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS_NAMESPACE}">` +
    `<Relationship Id="rId1" Type="${relationshipNamespace}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbookXml =
    `${XML_DECLARATION}<workbook xmlns="${SPREADSHEETML_NAMESPACE}" xmlns:r="${relationshipNamespace}"><sheets>` +
    sheets
      .map(
        (s) =>
          `<sheet name="${escapeXmlAttribute(s.name)}" sheetId="${s.sheetId}" r:id="${s.relationshipId}"/>`,
      )
      .join('') +
    '</sheets></workbook>';
  const workbookRelsXml =
    `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS_NAMESPACE}">` +
    sheets
      .map(
        (s) =>
          `<Relationship Id="${s.relationshipId}" Type="${relationshipNamespace}/worksheet" Target="worksheets/sheet${s.sheetId}.xml"/>`,
      )
      .join('') +
    '</Relationships>';
  const contentTypesXml =
    `${XML_DECLARATION}<Types xmlns="${CONTENT_TYPES_NAMESPACE}">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${WORKBOOK_TYPE}"/>` +
    sheets.map((s) => `<Override PartName="/${s.part}" ContentType="${WORKSHEET_TYPE}"/>`).join('') +
    '</Types>';
  const base = new Map<string, string>([
    [CONTENT_TYPES_PART, contentTypesXml],
    [ROOT_RELS_PART, rootRels],
    ['xl/workbook.xml', workbookXml],
    ['xl/_rels/workbook.xml.rels', workbookRelsXml],
  ]);
  const plan = planRollup(
    {
      contentTypesPart: CONTENT_TYPES_PART,
      contentTypesXml,
      workbookPart: 'xl/workbook.xml',
      workbookXml,
      workbookRelsPart: 'xl/_rels/workbook.xml.rels',
      workbookRelsXml,
      relationshipPrefix: 'r:',
      relationshipNamespace,
      sheets,
      stylesPart: null,
      stylesXml: null,
      partNames: [...base.keys(), ...sheets.map((s) => s.part)],
      rels: new Map([
        [ROOT_RELS_PART, rootRels],
        ['xl/_rels/workbook.xml.rels', workbookRelsXml],
      ]),
      // A CSV report file was left out of the tabs (readInput): every tab here is the user's.
      reports: new Set(),
    },
    report,
  );
  if (log !== null)
    plan.replaced.set(
      'xl/workbook.xml',
      withCheckInsMark(plan.replaced.get('xl/workbook.xml') ?? workbookXml, log.sheet),
    );
  const writer = new ZipWriter(handle, now);
  progress.phase('writing the CSV tabs and the Roll-up', report.rows);
  for (const [name, content] of base) await writer.add(name, plan.replaced.get(name) ?? content);
  for (const [name, content] of plan.added) await writer.add(name, content);
  for (const [i, tab] of tabs.entries()) {
    await writer.addStream(
      sheets[i].part,
      sheetOfCellsXml(tab.grid, plan.mainNamespace, { numbers: false, frozenHeader: false }),
    );
  }
  const pool = new PiecePool();
  await writer.addStream(
    plan.sheetPart,
    rollupSheetXml(report, plan.styles, plan.mainNamespace, (rows) => progress.advance(rows), pool),
    (piece) => pool.release(piece),
  );
  await writer.finish();
  return plan;
}

/** The report's number formats besides percent (money and ratios, when it has Spend or a Roster), each once. */
function otherFormats(report: RollupReport): string[] {
  return [...new Set(report.formats.map((f) => f.format))];
}
