// The workbook's styles part: which cell styles show dates (for reading), and the few styles the Roll-up adds at the end of each list (for writing).
import type { ColoredStatus, RollupReport } from '../report/rollup-table';
import { closingTag, escapeXmlAttribute, firstTag, type Tag, tags } from './xml';

/** Built-in number formats that show dates or times (ECMA-376 18.8.30, with the East Asian ones). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);
/** The first id a workbook's own number formats may take. */
const FIRST_CUSTOM_FORMAT = 164;

/** A format code shows a date when, outside quoted text and [brackets], it has a date or time letter. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '');
  return /[ymdhsb]/i.test(bare.replace(/General/gi, ''));
}

/** The `<tag>...</tag>` block of the first element of that name: its open tag and where its content ends. */
function block(xml: string, name: string): { open: Tag; contentEnd: number; end: number } | null {
  const open = firstTag(xml, name);
  if (!open) return null;
  if (open.selfClosing) return { open, contentEnd: open.end, end: open.end };
  const close = closingTag(xml, open);
  return close ? { open, contentEnd: close.start, end: close.end } : null;
}

/** For each cell style (index into cellXfs), 1 when its number format shows a date. */
export function readDateStyles(stylesXml: string | null): Uint8Array {
  if (!stylesXml) return new Uint8Array(0);
  const customDates = new Set(
    tags(stylesXml, 'numFmt')
      .filter((tag) => isDateFormat(tag.attributes.get('formatCode') ?? ''))
      .map((tag) => Number(tag.attributes.get('numFmtId'))),
  );
  const cellXfs = block(stylesXml, 'cellXfs');
  if (!cellXfs) return new Uint8Array(0);
  const xfs = tags(stylesXml.slice(cellXfs.open.end, cellXfs.contentEnd), 'xf');
  const dates = new Uint8Array(xfs.length);
  xfs.forEach((xf, i) => {
    const id = Number(xf.attributes.get('numFmtId') ?? 0);
    dates[i] = BUILT_IN_DATE_FORMATS.has(id) || customDates.has(id) ? 1 : 0;
  });
  return dates;
}

/** What the Roll-up's cells and rules refer to in the edited styles part. */
export interface RollupStyles {
  /** cellXfs index of percent cells and of bold cells. */
  percent: number;
  bold: number;
  /** dxfs index of each status colour (conditional formatting). */
  status: Record<ColoredStatus, number>;
  /** cellXfs index of each other number format asked for (money, ratios), by its format code. */
  formats: Record<string, number>;
}

/** A part with nothing but the defaults a spreadsheet app writes, for workbooks without one (and CSV input). */
export function minimalStylesXml(mainNamespace: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<styleSheet xmlns="${mainNamespace}">` +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="0"/>' +
    '</styleSheet>'
  );
}

/** `#d9ead3` -> `FFD9EAD3`: .xlsx colours carry an alpha byte first. */
function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/**
 * Adds the Roll-up's styles to a styles part: a percent number format (reused if present), a bold
 * copy of the default font, two cell styles and one coloured style per status; and for each of
 * `otherFormats` (money and ratios, when the report has them) a number format and a cell style. Everything goes
 * at the end of its list, so every index the workbook's own cells use keeps its meaning.
 */
export function addRollupStyles(
  stylesXml: string,
  report: Pick<RollupReport, 'statusColors'>,
  percentFormat: string,
  otherFormats: readonly string[] = [],
): { xml: string; styles: RollupStyles } {
  let xml = stylesXml;
  const root = tags(xml).find(() => true);
  if (!root) throw new Error('styles part without a root element');
  const p = root.qualifiedName.includes(':')
    ? root.qualifiedName.slice(0, root.qualifiedName.indexOf(':') + 1)
    : '';

  // Number formats: the first child of the style sheet.
  const formatId = (code: string): number => {
    const formats = tags(xml, 'numFmt');
    const found = Number(
      formats.find((f) => f.attributes.get('formatCode') === code)?.attributes.get('numFmtId') ?? -1,
    );
    if (found >= 0) return found;
    const id =
      Math.max(FIRST_CUSTOM_FORMAT - 1, ...formats.map((f) => Number(f.attributes.get('numFmtId') ?? 0))) + 1;
    xml = appendTo(
      xml,
      'numFmts',
      p,
      [`<${p}numFmt numFmtId="${id}" formatCode="${escapeXmlAttribute(code)}"/>`],
      root.end,
    );
    return id;
  };
  const percentId = formatId(percentFormat);
  const otherIds = otherFormats.map(formatId);

  // A bold font: the default font (the first) with <b/>.
  const fonts = block(xml, 'fonts');
  const fontsContent = fonts ? xml.slice(fonts.open.end, fonts.contentEnd) : '';
  const defaultFont =
    /<([\w.-]+:)?font(?:\s[^>]*)?(?:\/>|>[\s\S]*?<\/\1?font>)/.exec(fontsContent)?.[0] ??
    `<${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font>`;
  const boldFont = /<([\w.-]+:)?b\s*\/>/.test(defaultFont)
    ? defaultFont
    : defaultFont.endsWith('/>')
      ? defaultFont.replace(/\s*\/>$/, `><${p}b/></${p}font>`)
      : defaultFont.replace(/^(<[^>]*>)/, `$1<${p}b/>`);
  const boldFonts = reuseOrAppend(xml, 'fonts', 'font', p, [boldFont], root.end);
  xml = boldFonts.xml;
  const [boldFontId] = boldFonts.ids;

  // Two cell styles: percent and bold, on the default font, fill, border and cell style.
  const hasStyleXfs = firstTag(xml, 'cellStyleXfs') !== null;
  const xfId = hasStyleXfs ? ' xfId="0"' : '';
  const xfs = reuseOrAppend(
    xml,
    'cellXfs',
    'xf',
    p,
    [
      `<${p}xf numFmtId="${percentId}" fontId="0" fillId="0" borderId="0"${xfId} applyNumberFormat="1"/>`,
      `<${p}xf numFmtId="0" fontId="${boldFontId}" fillId="0" borderId="0"${xfId} applyFont="1"/>`,
      ...otherIds.map(
        (id) => `<${p}xf numFmtId="${id}" fontId="0" fillId="0" borderId="0"${xfId} applyNumberFormat="1"/>`,
      ),
    ],
    block(xml, 'cellStyleXfs')?.end ?? block(xml, 'borders')?.end ?? root.end,
  );
  xml = xfs.xml;

  // Status colours for the conditional formatting.
  const statuses = Object.keys(report.statusColors) as ColoredStatus[];
  const dxfXml = statuses.map((name) => {
    const { background, font } = report.statusColors[name];
    return (
      `<${p}dxf><${p}font><${p}color rgb="${argb(font)}"/></${p}font>` +
      `<${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${argb(background)}"/></${p}patternFill></${p}fill></${p}dxf>`
    );
  });
  const afterCellXfs = block(xml, 'cellStyles')?.end ?? block(xml, 'cellXfs')?.end ?? root.end;
  const dxfs = reuseOrAppend(xml, 'dxfs', 'dxf', p, dxfXml, afterCellXfs);
  xml = dxfs.xml;
  const status = Object.fromEntries(statuses.map((name, i) => [name, dxfs.ids[i]])) as Record<
    ColoredStatus,
    number
  >;
  const [percent, bold, ...others] = xfs.ids;
  const formats = Object.fromEntries(otherFormats.map((code, k) => [code, others[k]]));
  return { xml, styles: { percent, bold, status, formats } };
}

/** The list's direct children named `child`, each as written (its whole element). */
function childElements(xml: string, list: string, child: string): string[] {
  const found = block(xml, list);
  if (!found || found.open.selfClosing) return [];
  const content = xml.slice(found.open.end, found.contentEnd);
  const elements: string[] = [];
  let from = 0;
  for (const tag of tags(content, child)) {
    if (tag.start < from) continue; // inside the previous child
    const close = tag.selfClosing ? null : closingTag(content, tag);
    const end = close ? close.end : tag.end;
    elements.push(content.slice(tag.start, end));
    from = end;
  }
  return elements;
}

/**
 * The index of each item in the list: an element written exactly so already there (what an earlier
 * Roll-up added, kept by a rollup that replaces it) is reused, the others are appended. So rolling
 * up a rolled-up workbook again leaves its styles part as it was.
 */
function reuseOrAppend(
  xml: string,
  list: string,
  child: string,
  p: string,
  items: string[],
  insertAt: number,
): { xml: string; ids: number[] } {
  const existing = childElements(xml, list, child);
  const missing: string[] = [];
  const ids = items.map((item) => {
    const at = existing.indexOf(item);
    if (at >= 0) return at;
    const added = missing.indexOf(item);
    if (added >= 0) return existing.length + added;
    missing.push(item);
    return existing.length + missing.length - 1;
  });
  return { xml: missing.length > 0 ? appendTo(xml, list, p, missing, insertAt) : xml, ids };
}

/**
 * Appends items at the end of the list element `name` and updates its count; a missing list is
 * created at `insertAt` (the place the schema's order gives it).
 */
function appendTo(xml: string, name: string, p: string, items: string[], insertAt: number): string {
  const list = block(xml, name);
  if (!list) {
    const created = `<${p}${name} count="${items.length}">${items.join('')}</${p}${name}>`;
    return xml.slice(0, insertAt) + created + xml.slice(insertAt);
  }
  const content = list.open.selfClosing ? '' : xml.slice(list.open.end, list.contentEnd);
  const count = countChildren(content, name) + items.length;
  const openTag = list.open.selfClosing
    ? xml.slice(list.open.start, list.open.end).replace(/\s*\/>$/, '>')
    : xml.slice(list.open.start, list.open.end);
  const withCount = /\scount\s*=\s*["'][^"']*["']/.test(openTag)
    ? openTag.replace(/(\scount\s*=\s*)["'][^"']*["']/, `$1"${count}"`)
    : openTag.replace(/>$/, ` count="${count}">`);
  return `${xml.slice(0, list.open.start)}${withCount}${content}${items.join('')}</${list.open.qualifiedName}>${xml.slice(list.end)}`;
}

/** The number of direct children of a list (fonts -> font, cellXfs -> xf, ...). */
function countChildren(content: string, listName: string): number {
  const child: Record<string, string> = { numFmts: 'numFmt', fonts: 'font', cellXfs: 'xf', dxfs: 'dxf' };
  return tags(content, child[listName] ?? listName).length;
}
