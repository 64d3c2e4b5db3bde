// The preview's HTTP server, on 127.0.0.1 only: the page, the real sidebar with its google.script.run bridge, the workbook API, change events.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseRpcCall, type RpcCall, withScriptRunShim } from '../script-run-bridge';
import type { PageAssets } from './page';
import type { CellAddress, EditRequest, MenuRequest, SaveRequest } from './protocol';
import { PreviewError, type PreviewSession } from './session';

export interface PreviewServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;

const PAGE_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-src 'self'; " +
  "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/** The sidebar inlines its script and style, as HtmlService requires; it may call back to this server only. */
const SIDEBAR_POLICY =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; " +
  "img-src data:; font-src data:; form-action 'none'; frame-ancestors 'self'";

type Json = Record<string, unknown>;

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Json = {},
): void {
  response.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  response.end(body);
}

const sendJson = (response: ServerResponse, status: number, body: unknown): void =>
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(body));

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new PreviewError('The request is too large.'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

async function readJson<T>(request: IncomingMessage): Promise<T> {
  try {
    return JSON.parse(await readBody(request)) as T;
  } catch (error) {
    if (error instanceof PreviewError) throw error;
    throw new PreviewError('The request body is not JSON.');
  }
}

export async function startPreviewServer(
  session: PreviewSession,
  assets: PageAssets,
  port = 0,
): Promise<PreviewServer> {
  let origins: string[] = [];

  /**
   * Another site open in the same browser may send requests here. A Host other than ours means DNS
   * rebinding; a write must come from our own page: its Origin, and a JSON body, which a cross-site
   * form cannot send without a preflight this server never grants.
   */
  function allowed(request: IncomingMessage): boolean {
    if (!origins.includes(`http://${request.headers.host}`)) return false;
    if (request.method !== 'POST') return true;
    const origin = request.headers.origin;
    const json = (request.headers['content-type'] ?? '').startsWith('application/json');
    return json && (origin === undefined || origins.includes(origin));
  }

  function events(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    response.write(`retry: 1000\ndata: ${session.version}\n\n`);
    const stop = session.onChange((version) => response.write(`data: ${version}\n\n`));
    request.on('close', stop);
  }

  async function get(
    path: string,
    url: URL,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    if (path === '/') return send(response, 200, 'text/html; charset=utf-8', assets.html, pageHeaders());
    if (path === '/preview.js') return send(response, 200, 'text/javascript; charset=utf-8', assets.script);
    if (path === '/preview.css') return send(response, 200, 'text/css; charset=utf-8', assets.css);
    if (path === '/sidebar') {
      const html = withScriptRunShim(session.sidebarHtml());
      return send(response, 200, 'text/html; charset=utf-8', html, {
        'content-security-policy': SIDEBAR_POLICY,
        'x-frame-options': 'SAMEORIGIN',
      });
    }
    if (path === '/api/workbook') return sendJson(response, 200, session.state());
    if (path === '/api/sheet')
      return sendJson(response, 200, session.view(url.searchParams.get('tab') ?? ''));
    if (path === '/api/events') return events(request, response);
    if (path === '/favicon.ico') return void response.writeHead(204).end();
    send(response, 404, 'text/plain; charset=utf-8', 'Not found');
  }

  async function post(path: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (path === '/rpc')
      return sendJson(response, 200, await session.rpc(rpcCallOf(await readBody(request))));
    if (path === '/api/edit') {
      session.edit(await readJson<EditRequest>(request));
      return sendJson(response, 200, { version: session.version });
    }
    if (path === '/api/select') {
      session.select(await readJson<CellAddress>(request));
      return sendJson(response, 200, { version: session.version });
    }
    if (path === '/api/menu') {
      await session.runMenu((await readJson<MenuRequest>(request)).functionName);
      return sendJson(response, 200, { version: session.version });
    }
    if (path === '/api/save') {
      const saved = await session.saveAs((await readJson<SaveRequest>(request)).path);
      return sendJson(response, 200, { path: saved, version: session.version });
    }
    send(response, 404, 'text/plain; charset=utf-8', 'Not found');
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!allowed(request)) return send(response, 403, 'text/plain; charset=utf-8', 'Forbidden');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'GET') return get(url.pathname, url, request, response);
    if (request.method === 'POST') return post(url.pathname, request, response);
    send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed');
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const known = error instanceof PreviewError || error instanceof SyntaxError;
      const message = error instanceof Error ? error.message : String(error);
      if (!response.headersSent) sendJson(response, known ? 400 : 500, { error: message });
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  origins = [`http://127.0.0.1:${bound}`, `http://localhost:${bound}`];
  return {
    url: `http://127.0.0.1:${bound}/`,
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // the page's event stream never ends by itself
      }),
  };
}

function rpcCallOf(body: string): RpcCall {
  try {
    return parseRpcCall(body);
  } catch (error) {
    throw new PreviewError(`Not a google.script.run call: ${(error as Error).message}`);
  }
}

function pageHeaders(): Json {
  return { 'content-security-policy': PAGE_POLICY, 'x-frame-options': 'DENY' };
}
