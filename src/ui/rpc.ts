// The sidebar's only door to the server: a typed promise wrapper over google.script.run.
import type { ServerApi } from '../server/api';

/** The part of Apps Script's client-side runner we use; each with...Handler returns a new runner. */
interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
}

/** Declared here rather than taken from @types/google-apps-script, which describes the server side. */
interface ClientGoogle {
  script: { run: ScriptRunner };
}

function clientGoogle(): ClientGoogle | undefined {
  return (globalThis as { google?: ClientGoogle }).google;
}

/** The failure handler gets an Error from Apps Script, but be lenient about what actually arrives. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
}

/** Calls a server function; resolves with its JSON result, rejects with an Error carrying its message. */
export function call<K extends keyof ServerApi>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    const google = clientGoogle();
    if (!google?.script?.run) {
      reject(new Error('google.script.run is not available: open this sidebar from the add-on menu.'));
      return;
    }
    // A fresh runner per call, so handlers of concurrent calls never overwrite each other.
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerApi[K]>))
      .withFailureHandler((error) => reject(new Error(errorMessage(error))));
    const endpoint = (runner as unknown as Record<string, ((...a: unknown[]) => void) | undefined>)[name];
    if (typeof endpoint !== 'function') {
      reject(new Error(`The server has no function named ${name}.`));
      return;
    }
    endpoint.apply(runner, args);
  });
}
