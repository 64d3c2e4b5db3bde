// The parts of an .xlsx package that say what is in it: content types, the workbook and its tabs, relationships, shared strings and styles.
import { posix } from 'node:path';
import { CliError } from './errors';
import { prefixOf, tags } from './xml';
import { ZipArchive, ZipError } from './zip-read';

export const CONTENT_TYPES_PART = '[Content_Types].xml';
export const ROOT_RELS_PART = '_rels/.rels';

/** The two relationship namespaces: transitional OOXML (what every app writes) and strict. */
export const RELATIONSHIP_NAMESPACES = [
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://purl.oclc.org/ooxml/officeDocument/relationships',
] as const;

export interface Relationship {
  id: string;
  /** The relationship type's last word: worksheet, styles, sharedStrings, officeDocument... */
  kind: string;
  type: string;
  /** The target part's name in the zip (no leading slash), or null for an external target. */
  part: string | null;
}

export interface PackageSheet {
  name: string;
  sheetId: number;
  relationshipId: string;
  /** visible, hidden or veryHidden. */
  state: string;
  /** worksheet (a grid), chartsheet, dialogsheet or macrosheet. */
  kind: string;
  /** The sheet's part in the zip. */
  part: string;
}

export interface XlsxPackage {
  path: string;
  zip: ZipArchive;
  contentTypesPart: string;
  contentTypesXml: string;
  workbookPart: string;
  workbookXml: string;
  workbookRelsPart: string;
  workbookRelsXml: string;
  workbookRels: Relationship[];
  /** The prefix (`r:`) workbook.xml binds to the relationship namespace, and that namespace. */
  relationshipPrefix: string;
  relationshipNamespace: string;
  sheets: PackageSheet[];
  sharedStringsPart: string | null;
  stylesPart: string | null;
  /** Dates count from 1904 (old Mac workbooks) instead of 1900. */
  date1904: boolean;
  /** Every relationships part, by name: which part refers to which. */
  rels: Map<string, string>;
}

/** True when the workbook's main part is macro-enabled (.xlsm): its file must keep that extension for Excel to open it. */
export function isMacroEnabled(pkg: Pick<XlsxPackage, 'contentTypesXml' | 'workbookPart'>): boolean {
  const override = tags(pkg.contentTypesXml, 'Override').find(
    (tag) => tag.attributes.get('PartName')?.toLowerCase() === `/${pkg.workbookPart}`.toLowerCase(),
  );
  return /macroEnabled/i.test(override?.attributes.get('ContentType') ?? '');
}

/** The relationships part of a part: `xl/workbook.xml` -> `xl/_rels/workbook.xml.rels`. */
export function relsPartOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

/** A relationship's target as a zip entry name: relative to the source part's folder, or absolute from the root. */
export function resolveTarget(sourcePart: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A stray % is a character of the name.
  }
  const joined = decoded.startsWith('/') ? decoded : posix.join(posix.dirname(sourcePart), decoded);
  return posix.normalize(joined).replace(/^\/+/, '');
}

export function readRelationships(sourcePart: string, xml: string): Relationship[] {
  return tags(xml, 'Relationship').map((tag) => {
    const type = tag.attributes.get('Type') ?? '';
    const target = tag.attributes.get('Target') ?? '';
    const external = tag.attributes.get('TargetMode') === 'External';
    return {
      id: tag.attributes.get('Id') ?? '',
      type,
      kind: type.slice(type.lastIndexOf('/') + 1),
      part: external ? null : resolveTarget(sourcePart, target),
    };
  });
}

/**
 * Opens an .xlsx and reads its structure. Every tab workbook.xml names must have its part: a package
 * whose sheet part is missing is damaged, and reading on would silently drop that tab's goals.
 */
export async function openPackage(path: string): Promise<XlsxPackage> {
  let zip: ZipArchive;
  try {
    zip = await ZipArchive.open(path);
  } catch (error) {
    if (error instanceof ZipError) throw unreadable(path, error.message);
    throw error;
  }
  try {
    return await readStructure(path, zip);
  } catch (error) {
    await zip.close();
    if (error instanceof ZipError) throw unreadable(path, error.message);
    throw error;
  }
}

function unreadable(path: string, reason: string): CliError {
  return new CliError(`${path} could not be read as an .xlsx workbook (${reason}): is it corrupt?`);
}

async function readText(zip: ZipArchive, part: string): Promise<string | null> {
  const entry = zip.entry(part);
  return entry ? (await zip.read(entry)).toString('utf8') : null;
}

async function readStructure(path: string, zip: ZipArchive): Promise<XlsxPackage> {
  const damaged = (what: string) =>
    new CliError(
      `${path} is a damaged .xlsx workbook: ${what}. Open it in a spreadsheet app and save it again.`,
    );
  const contentTypesXml = await readText(zip, CONTENT_TYPES_PART);
  if (contentTypesXml === null)
    throw new CliError(
      `${path} is a zip archive but not an .xlsx workbook (it has no [Content_Types].xml): is it another kind of file?`,
    );
  const rootRels = await readText(zip, ROOT_RELS_PART);
  const office =
    rootRels === null ? undefined : readRelationships('', rootRels).find((r) => r.kind === 'officeDocument');
  if (!office?.part) throw damaged('it names no workbook part (_rels/.rels)');
  const workbookPart = zip.entry(office.part)?.name ?? office.part;
  const workbookXml = await readText(zip, workbookPart);
  if (workbookXml === null) throw damaged(`its workbook part ${office.part} is missing`);
  const workbookRelsPart = zip.entry(relsPartOf(workbookPart))?.name ?? relsPartOf(workbookPart);
  const workbookRelsXml = (await readText(zip, workbookRelsPart)) ?? '';
  const workbookRels = readRelationships(workbookPart, workbookRelsXml);

  let relationshipNamespace: string = RELATIONSHIP_NAMESPACES[0];
  let relationshipPrefix = 'r:';
  for (const namespace of RELATIONSHIP_NAMESPACES) {
    const prefix = prefixOf(workbookXml, namespace);
    if (prefix !== null) {
      relationshipNamespace = namespace;
      relationshipPrefix = prefix;
      break;
    }
  }

  const byId = new Map(workbookRels.map((r) => [r.id, r]));
  const sheets: PackageSheet[] = tags(workbookXml, 'sheet').map((tag) => {
    const name = tag.attributes.get('name') ?? '';
    const relationshipId =
      tag.attributes.get(`${relationshipPrefix}id`) ??
      [...tag.attributes].find(([key]) => key.endsWith(':id'))?.[1] ??
      '';
    const rel = byId.get(relationshipId);
    if (!rel?.part)
      throw damaged(`the tab "${name}" has no part (relationship ${relationshipId || 'missing'})`);
    const entry = zip.entry(rel.part);
    if (!entry)
      throw damaged(
        `the tab "${name}" should be in ${rel.part}, which is missing from the file, so its cells cannot be read`,
      );
    return {
      name,
      sheetId: Number(tag.attributes.get('sheetId') ?? 0),
      relationshipId,
      state: tag.attributes.get('state') ?? 'visible',
      kind: rel.kind,
      part: entry.name,
    };
  });
  const partOf = (kind: string): string | null => {
    const rel = workbookRels.find((r) => r.kind === kind && r.part !== null);
    return rel?.part ? (zip.entry(rel.part)?.name ?? null) : null;
  };
  const rels = new Map<string, string>();
  for (const entry of zip.entries)
    if (entry.name.toLowerCase().endsWith('.rels'))
      rels.set(entry.name, (await zip.read(entry)).toString('utf8'));
  const workbookPr = tags(workbookXml, 'workbookPr')[0];
  const date1904 = ['1', 'true'].includes(workbookPr?.attributes.get('date1904') ?? '');
  return {
    path,
    zip,
    contentTypesPart: zip.entry(CONTENT_TYPES_PART)?.name ?? CONTENT_TYPES_PART,
    contentTypesXml,
    workbookPart,
    workbookXml,
    workbookRelsPart,
    workbookRelsXml,
    workbookRels,
    relationshipPrefix,
    relationshipNamespace,
    sheets,
    sharedStringsPart: partOf('sharedStrings'),
    stylesPart: partOf('styles'),
    date1904,
    rels,
  };
}
