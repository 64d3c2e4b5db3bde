// Builds dist/: what `clasp push` uploads (the bundle, top-level forwarders with JSDoc, the sidebar HTML, the manifest) and the command line.

import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import { forwarders } from './forwarders.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
export const GLOBAL_NAME = 'MBO';

/**
 * Bundles src/main.ts into one plain script, `var MBO = (() => { ... })();`, with no import, export or Node API.
 *
 * Not minified. Apps Script's stack traces name each frame's function and line (ScriptStackTraceElement:
 * {function, lineNumber}): with identifiers kept and one statement per line, a trace from a user's Sheet names the
 * source function and a line that reads like the source in the Apps Script editor. Minifying whitespace alone would
 * put the whole bundle on line 1; minifying identifiers would name every frame `a`, `b`, `c`. What this costs is
 * load time, which `npm run bench` measures against its budget (all uploaded files evaluated in a fresh context).
 */
export async function bundle() {
  const result = await esbuild.build({
    entryPoints: [join(root, 'src/main.ts')],
    bundle: true,
    // ESM output, wrapped below: esbuild's own IIFE would hand the exports over through CommonJS interop helpers
    // (a module object with a getter per export); the wrapper returns them as a plain object.
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    minify: false,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  return wrapModule(result.outputFiles[0].text);
}

/**
 * Turns esbuild's ESM output, which ends in one `export { local as name, ... };`, into a strict IIFE that
 * returns those names: `var MBO = (() => { "use strict"; ...; return { name: local, ... }; })();`. The directive
 * sits inside the function: Apps Script loads every pushed file into one global scope, and strict mode is
 * ours to choose for our own code only.
 */
function wrapModule(code) {
  const exports = /export\s*\{([^}]*)\};?\s*$/.exec(code);
  if (!exports || /^\s*(import|export)\b/m.test(code.slice(0, exports.index))) {
    throw new Error('bundle: the ESM output should end in its only export clause');
  }
  const members = exports[1]
    .split(',')
    .map((item) => item.trim().split(/\s+as\s+/))
    .filter(([local]) => local !== '')
    .map(([local, name = local]) => `  ${name}: ${local},`);
  const body = code.slice(0, exports.index).trimEnd();
  return `var ${GLOBAL_NAME} = (() => {\n"use strict";\n${body}\nreturn {\n${members.join('\n')}\n};\n})();\n`;
}

/** Reads what the bundle exposes (custom functions' declarations; globals' names), by running it the way Apps Script does: one plain global scope. */
function readMetadata(code) {
  const context = vm.createContext({});
  vm.runInContext(code, context, { filename: 'mbo.js' });
  const mbo = context[GLOBAL_NAME];
  return { catalog: mbo.catalog, globals: mbo.globalFunctions.map(({ name }) => ({ name })) };
}

/**
 * src/server/docs.ts, bundled apart from the runtime (which never imports it) and evaluated the same way: the
 * summaries and parameter names of the server globals' forwarders. Custom functions carry their own docs.
 */
async function loadDocs() {
  const result = await esbuild.build({
    stdin: {
      contents: "export { documentGlobals } from './src/server/docs';",
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'docs-entry.ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'DOCS',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  const context = vm.createContext({});
  vm.runInContext(result.outputFiles[0].text, context, { filename: 'docs.js' });
  return context.DOCS;
}

/** The command line, for Node: one ESM file, not uploaded (.claspignore lists what is). */
export const CLI_FILE = join(dist, 'cli/mbo-cascade.mjs');

/**
 * Bundles src/cli/bin.ts into dist/cli/mbo-cascade.mjs, the file package.json's `bin` names. Packages would stay
 * imports; the command line uses none (it reads and writes .xlsx packages itself), so the file runs after
 * `npm ci --omit=dev` and needs neither esbuild nor a writable node_modules. Not minified: an unexpected error's stack names real functions.
 */
export async function buildCli() {
  await esbuild.build({
    entryPoints: [join(root, 'src/cli/bin.ts')],
    outfile: CLI_FILE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    banner: {
      js: '#!/usr/bin/env node\n// mbo-cascade command line: built by tools/build.mjs from src/cli — do not edit.',
    },
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
  });
  await chmod(CLI_FILE, 0o755);
}

export async function build() {
  const started = performance.now();
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  const code = await bundle();
  const banner = '// mbo-cascade: built by tools/build.mjs from src/ — do not edit.\n';
  await writeFile(join(dist, 'mbo.js'), banner + code);
  const meta = readMetadata(code);
  const docs = await loadDocs();
  const forwarded = forwarders(GLOBAL_NAME, meta.catalog, docs.documentGlobals(meta.globals));
  await writeFile(join(dist, 'globals.js'), banner + forwarded);
  await copyFile(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
  const sidebarBuilder = join(root, 'tools/build-sidebar.mjs');
  if (existsSync(sidebarBuilder)) {
    const { buildSidebar } = await import(sidebarBuilder);
    await writeFile(join(dist, 'Sidebar.html'), await buildSidebar());
  }
  await buildCli();
  return {
    ms: performance.now() - started,
    bytes: Buffer.byteLength(code),
    functions: meta.catalog.length,
    globals: meta.globals.length,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await build();
  const files = (await readFile(join(root, '.clasp.json'), 'utf8')) && 'dist/';
  console.log(
    `built ${files}: ${r.functions} custom functions, ${r.globals} other globals, bundle ${(r.bytes / 1024).toFixed(1)} KB, ${r.ms.toFixed(0)} ms`,
  );
}
