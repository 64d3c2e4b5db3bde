// The page's calls to the preview server: JSON in and out, failures as Errors carrying the server's message.
import type { ErrorReply } from '../protocol';

async function reply<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({ error: `HTTP ${response.status}` }))) as T | ErrorReply;
  if (!response.ok) throw new Error((body as ErrorReply).error ?? `HTTP ${response.status}`);
  return body as T;
}

export async function getJson<T>(path: string): Promise<T> {
  return reply<T>(await fetch(path, { cache: 'no-store' }));
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  return reply<T>(
    await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
}
