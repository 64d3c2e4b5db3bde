// Serves the built sidebar on 127.0.0.1 with a google.script.run shim whose calls run server functions in this process.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  parseRpcCall,
  type RpcCall,
  type RpcReply,
  runScriptFunction,
  type ServerFunction,
  withScriptRunShim,
} from '../../tools/script-run-bridge';
import { type ObservedPage, openObservedPage } from '../support/chromium';

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

export type SidebarBrowser = ObservedPage;

/** Opens the sidebar in headless Chromium at Sheets' sidebar width. */
export function openSidebar(url: string): Promise<SidebarBrowser> {
  return openObservedPage(url, { viewport: { width: 300, height: 760 }, deviceScaleFactor: 2 });
}
