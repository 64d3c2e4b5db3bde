// Serves the built sidebar on 127.0.0.1 with a google.script.run shim whose calls run server functions in this process.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export type ServerFunction = (...args: unknown[]) => unknown;

export interface RpcCall {
  name: string;
  args: unknown[];
}

/**
 * Runs in the page before the sidebar's own script. Like Apps Script's runner: each with...Handler
 * returns a new runner, any other property is a server function, only plain JSON data may be passed
 * (a Date argument fails at once), and results come back asynchronously.
 */
const SHIM = `<script>
(function () {
  function illegal(value, path) {
    if (value === null || value === undefined) return null;
    var type = typeof value;
    if (type === 'string' || type === 'boolean' || (type === 'number' && isFinite(value))) return null;
    if (Array.isArray(value)) {
      for (var i = 0; i < value.length; i++) { var bad = illegal(value[i], path + '[' + i + ']'); if (bad) return bad; }
      return null;
    }
    if (type === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      for (var key in value) { var inner = illegal(value[key], path + '.' + key); if (inner) return inner; }
      return null;
    }
    return path;
  }
  function runner(success, failure) {
    var base = {
      withSuccessHandler: function (handler) { return runner(handler, failure); },
      withFailureHandler: function (handler) { return runner(success, handler); }
    };
    return new Proxy(base, {
      get: function (target, name) {
        if (name in target || typeof name !== 'string') return target[name];
        return function () {
          var args = Array.prototype.slice.call(arguments);
          var bad = illegal(args, 'arguments');
          if (bad) throw new Error('Failed due to illegal value in property: ' + bad);
          fetch('/rpc', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: name, args: args }) })
            .then(function (response) { return response.json(); })
            .then(function (reply) {
              if (reply.ok) { if (success) success(reply.value); }
              else if (failure) failure(new Error(reply.message));
            }, function (error) { if (failure) failure(error); });
        };
      }
    });
  }
  window.google = { script: { run: runner(null, null), host: { close: function () {} } } };
})();
</script>`;

/** Where a value stops being what google.script.run can carry (primitives, arrays, plain objects); null if it can. */
export function illegalValuePath(value: unknown, path = 'result'): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const bad = illegalValuePath(item, `${path}[${index}]`);
      if (bad) return bad;
    }
    return null;
  }
  // Objects made in another realm (the bundle's vm) have another Object.prototype: compare by shape.
  if (typeof value === 'object' && Object.prototype.toString.call(value) === '[object Object]') {
    const proto = Object.getPrototypeOf(value);
    if (proto === null || Object.getPrototypeOf(proto) === null) {
      for (const [key, item] of Object.entries(value)) {
        const bad = illegalValuePath(item, `${path}.${key}`);
        if (bad) return bad;
      }
      return null;
    }
  }
  return path;
}

export interface SidebarServer {
  url: string;
  /** Every call the sidebar made, in order. */
  calls: RpcCall[];
  /** Holds replies until the returned function is called, so a test can look at the busy state. */
  hold(): () => void;
  close(): Promise<void>;
}

/**
 * Serves the page at `/` (the shim injected first thing in <head>) and runs POST /rpc {name, args}
 * against `functions`. `html` may be a function, asked on every load: what the server last showed.
 */
export async function serveSidebar(
  html: string | (() => string),
  functions: Record<string, ServerFunction>,
): Promise<SidebarServer> {
  const page = () =>
    (typeof html === 'function' ? html() : html).replace(/<head[^>]*>/i, (head) => `${head}\n${SHIM}`);
  const calls: RpcCall[] = [];
  let gate: Promise<void> = Promise.resolve();

  async function rpc(
    request: IncomingMessage,
  ): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
    const { name, args } = JSON.parse(await readBody(request)) as RpcCall;
    calls.push({ name, args });
    await gate;
    const fn = Object.keys(functions).includes(name) ? functions[name] : undefined;
    // Apps Script refuses private (trailing _) and unknown functions.
    if (typeof fn !== 'function' || name.endsWith('_'))
      return { ok: false, message: `Script function not found: ${name}` };
    try {
      const value = await fn(...args);
      const bad = illegalValuePath(value);
      if (bad)
        return { ok: false, message: `${name} returned a value google.script.run cannot carry, at ${bad}` };
      return { ok: true, value: value ?? null };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (request.method === 'GET' && request.url === '/') {
      let body: string;
      try {
        body = page();
      } catch (error) {
        response.writeHead(500).end(String(error));
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    } else if (request.method === 'POST' && request.url === '/rpc') {
      rpc(request).then(
        (reply) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply)),
        (error: unknown) => response.writeHead(500).end(String(error)),
      );
    } else if (request.url === '/favicon.ico') {
      response.writeHead(204).end(); // Chromium asks for one; a 404 would show up as a console error.
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    hold() {
      let release!: () => void;
      gate = new Promise<void>((resolve) => (release = resolve));
      return release;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export interface SidebarBrowser {
  context: BrowserContext;
  page: Page;
  /** Messages of alert/confirm/prompt dialogs: a sign that sheet text ran as script. */
  dialogs: string[];
  /** Uncaught page errors and console errors. */
  errors: string[];
  /** Requests to anywhere but the test server: the sidebar must load nothing remote. */
  blocked: string[];
  close(): Promise<void>;
}

/** Opens the sidebar in headless Chromium at Sheets' sidebar width. */
export async function openSidebar(url: string): Promise<SidebarBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'mbo-sidebar-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 300, height: 760 },
    deviceScaleFactor: 2,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const dialogs: string[] = [];
  const errors: string[] = [];
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    if (route.request().url().startsWith(url)) return route.continue();
    blocked.push(route.request().url());
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return {
    context,
    page,
    dialogs,
    errors,
    blocked,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
