// Just enough XML for an .xlsx package's small parts (workbook, relationships, content types, styles): tags, attributes, escapes.

export interface Tag {
  /** The local name, without a namespace prefix. */
  name: string;
  /** The qualified name as written (`x:sheet`). */
  qualifiedName: string;
  attributes: Map<string, string>;
  /** Where the tag starts and ends in the text (end is one past its `>`). */
  start: number;
  end: number;
  selfClosing: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text or an attribute value as written in XML, entities and character references resolved. */
export function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref] ?? whole;
    const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Text made safe for element content. */
export function escapeXmlText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Text made safe inside a double-quoted attribute. */
export function escapeXmlAttribute(text: string): string {
  return text.replace(/[&<>"\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Comments and processing instructions blanked to spaces, so positions in the text stay where they were. */
function withoutComments(xml: string): string {
  return xml.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g, (m) => ' '.repeat(m.length));
}

const TAG = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Every start (or empty-element) tag, in order; `names` keeps only those local names. */
export function tags(xml: string, ...names: string[]): Tag[] {
  const text = withoutComments(xml);
  const wanted = names.length ? new Set(names) : null;
  const found: Tag[] = [];
  for (const m of text.matchAll(TAG)) {
    const name = m[2];
    if (wanted && !wanted.has(name)) continue;
    const attributes = new Map<string, string>();
    for (const a of m[3].matchAll(ATTRIBUTE)) attributes.set(a[1], unescapeXml(a[2] ?? a[3] ?? ''));
    found.push({
      name,
      qualifiedName: (m[1] ?? '') + name,
      attributes,
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
      selfClosing: m[4] === '/',
    });
  }
  return found;
}

/** The first tag of that local name, or null. */
export function firstTag(xml: string, name: string): Tag | null {
  return tags(xml, name)[0] ?? null;
}

/** Where the element opened by `open` closes: the index of its end tag and one past it. */
export function closingTag(xml: string, open: Tag): { start: number; end: number } | null {
  if (open.selfClosing) return null;
  const close = `</${open.qualifiedName}`;
  const start = xml.indexOf(close, open.end);
  if (start < 0) return null;
  const end = xml.indexOf('>', start);
  return end < 0 ? null : { start, end: end + 1 };
}

/** The prefix (with its colon, or '') a namespace URI is bound to on the root element, or null. */
export function prefixOf(xml: string, namespace: string): string | null {
  const root = tags(xml).find(() => true);
  if (!root) return null;
  for (const [name, value] of root.attributes) {
    if (value !== namespace) continue;
    if (name === 'xmlns') return '';
    if (name.startsWith('xmlns:')) return `${name.slice(6)}:`;
  }
  return null;
}
