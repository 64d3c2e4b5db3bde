// The preview page: an HTML shell, its script (client/*.ts bundled by esbuild when the server starts) and its stylesheet.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { projectRoot } from './paths';

export interface PageAssets {
  html: string;
  script: string;
  css: string;
}

/** Static markup only: everything from the workbook is added by the script, as text. */
const HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>MBO Cascade — local preview</title>
<link rel="stylesheet" href="/preview.css">
<script src="/preview.js" defer></script>
</head>
<body>
<header class="topbar">
  <span class="brand">MBO Cascade <span class="brand-note">local preview</span></span>
  <span id="book-label" class="book-label"></span>
  <nav class="menubar">
    <button id="menu-button" class="menu-button" type="button" aria-haspopup="menu" aria-expanded="false">Extensions ▸ MBO Cascade</button>
    <div id="menu" class="menu" role="menu" hidden></div>
  </nav>
  <form id="save-form" class="save-form">
    <input id="save-path" name="path" type="text" placeholder="copy.xlsx" aria-label="Save a copy as (a new .xlsx path)" spellcheck="false">
    <button id="save-button" type="submit">Save as…</button>
  </form>
</header>
<div class="formula-bar">
  <span id="cell-name" class="cell-name" aria-label="Selected cell"></span>
  <input id="formula-input" class="formula-input" type="text" aria-label="Cell contents" spellcheck="false" autocomplete="off">
</div>
<div class="workspace">
  <section class="sheet-area">
    <div id="grid-scroll" class="grid-scroll"><table id="grid" class="grid" aria-label="Sheet"></table></div>
    <div id="truncated" class="truncated" hidden>Only the first rows and columns of this tab are shown.</div>
    <div id="tab-strip" class="tab-strip" role="tablist" aria-label="Tabs"></div>
  </section>
  <aside class="sidebar-frame">
    <div class="sidebar-title">MBO Cascade</div>
    <iframe id="sidebar" title="MBO Cascade sidebar" src="/sidebar"></iframe>
  </aside>
</div>
<div id="notices" class="notices" aria-live="polite"></div>
</body>
</html>
`;

export async function buildPageAssets(): Promise<PageAssets> {
  const client = join(projectRoot(), 'tools/preview/client');
  const [bundle, css] = await Promise.all([
    esbuild.build({
      entryPoints: [join(client, 'main.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      charset: 'utf8',
      legalComments: 'none',
      logLevel: 'silent',
    }),
    readFile(join(client, 'preview.css'), 'utf8'),
  ]);
  return { html: HTML, script: bundle.outputFiles[0].text, css };
}
