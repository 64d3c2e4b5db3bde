// The sidebar page as tools/build-sidebar.mjs makes it: one self-contained HTML file that HtmlService can serve.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSidebar, escapeInlineScript, escapeInlineStyle } from '../../tools/build-sidebar.mjs';

const uiDir = join(import.meta.dirname, '../../src/ui');

describe('escapeInlineScript', () => {
  it.each([
    ['a closing tag in a string', 'x="</script>"', 'x="<\\/script>"'],
    ['any case', "x='</SCRIPT >'", "x='<\\/SCRIPT >'"],
    ['a regex', 'r=/<\\/script/', 'r=/<\\/script/'],
    ['nothing to do', 'a<b', 'a<b'],
  ])('%s', (_name, js, escaped) => {
    expect(escapeInlineScript(js)).toBe(escaped);
  });

  it('keeps what a string means', () => {
    const source = 'globalThis.out = "</script><b>";';
    const scope: { out?: string } = {};
    new Function('globalThis', escapeInlineScript(source))(scope);
    expect(scope.out).toBe('</script><b>');
  });

  it('refuses "<!--", which no escape makes safe everywhere', () => {
    expect(() => escapeInlineScript('x="<!--"')).toThrow('<!--');
  });
});

describe('escapeInlineStyle', () => {
  it('breaks up </style', () => {
    expect(escapeInlineStyle('a::after{content:"</style>"}')).toBe('a::after{content:"<\\/style>"}');
  });
});

describe('buildSidebar', () => {
  let html: string;
  beforeAll(async () => {
    html = await buildSidebar();
  });

  it('inlines the CSS and the JS: no marker left, nothing loaded from elsewhere', () => {
    expect(html).not.toContain('@inline');
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html.match(/<\/style/gi)).toHaveLength(1);
    expect(html).not.toMatch(/<script[^>]+src=|<link\b|@import/);
    expect(html).toContain('#1967d2');
  });

  it('holds one classic script that parses (no module syntax)', () => {
    const js = html.slice(html.indexOf('<script>') + '<script>'.length, html.lastIndexOf('</script>'));
    expect(() => new Function(js)).not.toThrow();
  });
});

describe('the sidebar sources', () => {
  it('never import the core, and from the server only the contract (api.ts)', () => {
    for (const file of readdirSync(uiDir).filter((name) => name.endsWith('.ts'))) {
      const sources = readFileSync(join(uiDir, file), 'utf8').match(/from '[^']+'/g) ?? [];
      for (const source of sources) {
        expect(source, file).not.toMatch(/core/);
        if (source.includes('..')) expect(source, file).toBe("from '../server/api'");
      }
    }
  });
});
