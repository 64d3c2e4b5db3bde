// Serves the built sidebar on 127.0.0.1 with a google.script.run shim whose calls run server functions in this process.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import {
  parseRpcCall,
  type RpcCall,
  type RpcReply,
  runScriptFunction,
  type ServerFunction,
  withScriptRunShim,
} from '../../tools/script-run-bridge';

export const CHROMIUM = '/usr/bin/chromium';

export type { RpcCall, ServerFunction } from '../../tools/script-run-bridge';
export { illegalValuePath } from '../../tools/script-run-bridge';

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
  const page = () => withScriptRunShim(typeof html === 'function' ? html() : html);
  const calls: RpcCall[] = [];
  let gate: Promise<void> = Promise.resolve();

  async function rpc(request: IncomingMessage): Promise<RpcReply> {
    const call = parseRpcCall(await readBody(request));
    calls.push(call);
    await gate;
    return runScriptFunction(functions, call);
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
