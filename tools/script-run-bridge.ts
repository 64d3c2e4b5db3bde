// Bridges a sidebar page's google.script.run to server functions in this process: a page shim that POSTs to /rpc, and the call runner.

export type ServerFunction = (...args: unknown[]) => unknown;

export interface RpcCall {
  name: string;
  args: unknown[];
}

export type RpcReply = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Runs in the page before the sidebar's own script. Like Apps Script's runner: each with...Handler
 * returns a new runner, any other property is a server function, only plain JSON data may be passed
 * (a Date argument fails at once), and results come back asynchronously.
 */
export const SCRIPT_RUN_SHIM = `<script>
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

/** The page with the shim as the first thing in its <head>, so it runs before any of the page's scripts. */
export function withScriptRunShim(html: string): string {
  return html.replace(/<head[^>]*>/i, (head) => `${head}\n${SCRIPT_RUN_SHIM}`);
}

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

/** Reads a POST /rpc body; anything but {name: string, args: array} is refused like an unknown function. */
export function parseRpcCall(body: string): RpcCall {
  const call = JSON.parse(body) as Partial<RpcCall>;
  if (typeof call?.name !== 'string' || !Array.isArray(call.args))
    throw new Error('A call needs a name and args.');
  return { name: call.name, args: call.args };
}

/** Runs one call as Apps Script would: unknown and private (trailing _) functions refused, results checked for transport. */
export async function runScriptFunction(
  functions: Record<string, ServerFunction>,
  call: RpcCall,
): Promise<RpcReply> {
  const { name, args } = call;
  const fn = Object.keys(functions).includes(name) ? functions[name] : undefined;
  if (typeof fn !== 'function' || name.endsWith('_'))
    return { ok: false, message: `Script function not found: ${name}` };
  try {
    const value = await fn(...args);
    const bad = illegalValuePath(value);
    if (bad)
      return { ok: false, message: `${name} returned a value google.script.run cannot carry, at ${bad}` };
    return { ok: true, value: value ?? null };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}

/** Works for errors thrown in the bundle's vm, where instanceof Error fails. */
function messageOf(error: unknown): string {
  if (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string'
  ) {
    return (error as { message: string }).message;
  }
  return String(error);
}
