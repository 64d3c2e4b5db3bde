// Builds the sidebar: bundles src/ui/sidebar.ts and inlines it and the CSS into one HTML page for HtmlService.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const uiDir = resolve(root, 'src/ui');
const CSS_MARKER = '/* @inline sidebar.css */';
const JS_MARKER = '/* @inline sidebar.js */';

/**
 * A <script> element ends at the first `</script`, whatever the case: break every one up.
 * `<\/` reads as `</` inside JS strings, regexes and templates, where such text can only be.
 * `<!--` followed by `<script` would put the HTML parser in an escaped state; no escape is right in
 * every JS context, so refuse it rather than emit a page that breaks.
 */
export function escapeInlineScript(js) {
  if (js.includes('<!--')) throw new Error('The sidebar bundle contains "<!--": write it as "<" + "!--"');
  return js.replace(/<\/(script)/gi, '<\\/$1');
}

/** In CSS, `\/` is an escaped `/`, so `<\/style` is the same text and does not end the <style>. */
export function escapeInlineStyle(css) {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}

/** Replaces the one occurrence of `marker`; a function replacement, because bundled code holds `$&` and `$'`. */
function inline(html, marker, content) {
  const first = html.indexOf(marker);
  if (first === -1 || html.indexOf(marker, first + 1) !== -1) {
    throw new Error(`src/ui/sidebar.html must contain ${marker} exactly once`);
  }
  return html.replace(marker, () => content);
}

/** Returns the complete sidebar page, CSS and JS inlined. */
export async function buildSidebar() {
  const [template, css, bundle] = await Promise.all([
    readFile(resolve(uiDir, 'sidebar.html'), 'utf8'),
    readFile(resolve(uiDir, 'sidebar.css'), 'utf8'),
    esbuild.build({
      entryPoints: [resolve(uiDir, 'sidebar.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2019',
      platform: 'browser',
      minify: true,
      charset: 'utf8',
      legalComments: 'none',
      logLevel: 'silent',
    }),
  ]);
  const minifiedCss = await esbuild.transform(css, { loader: 'css', minify: true, target: 'chrome80' });
  const js = bundle.outputFiles[0].text.trimEnd();
  const withCss = inline(template, CSS_MARKER, escapeInlineStyle(minifiedCss.code.trimEnd()));
  return inline(withCss, JS_MARKER, escapeInlineScript(js));
}

// Run alone: `node tools/build-sidebar.mjs out.html` writes the page (to stdout without a path).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const html = await buildSidebar();
  const out = process.argv[2];
  if (out) {
    await writeFile(out, html);
    console.log(`wrote ${out} (${html.length} characters)`);
  } else {
    process.stdout.write(html);
  }
}
