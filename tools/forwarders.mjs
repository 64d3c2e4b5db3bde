// Generates the top-level functions Apps Script sees: one forwarder per custom function (with JSDoc) and per global.

/** Letters, digits and underscores; a trailing underscore would make the function private to Apps Script. */
const IDENTIFIER = /^[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?$/;

function jsdocText(text) {
  return String(text).replace(/\*\//g, '* /').replace(/\s+/g, ' ').trim();
}

function checkName(name) {
  if (!IDENTIFIER.test(name))
    throw new Error(`forwarders: "${name}" is not a plain identifier Apps Script can call`);
}

/** JSDoc Sheets reads for autocomplete: summary, one @param per argument (optional ones in brackets), @return, @customfunction. */
export function customFunctionSource(globalName, spec) {
  checkName(spec.name);
  const lines = ['/**', ` * ${jsdocText(spec.summary)}`, ' *'];
  const names = [];
  for (const p of spec.params) {
    checkName(p.name);
    // A repeating parameter is optional too.
    const optional = p.optional || p.repeat;
    const type = p.repeat ? `...${p.type}` : p.type;
    const name = optional ? `[${p.name}]` : p.name;
    lines.push(` * @param {${type}} ${name} ${jsdocText(p.help)}${optional ? ' Optional.' : ''}`);
    names.push(p.repeat ? `...${p.name}` : p.name);
  }
  lines.push(` * @return ${jsdocText(spec.returns)}`, ` * @customfunction`, ' */');
  const call = spec.params.map((p) => (p.repeat ? `...${p.name}` : p.name)).join(', ');
  lines.push(
    `function ${spec.name}(${names.join(', ')}) {`,
    `  return ${globalName}.customFunctions.${spec.name}(${call});`,
    '}',
  );
  return lines.join('\n');
}

/** Triggers, menu handlers and sidebar endpoints: plain forwarders (no @customfunction, so they stay out of autocomplete). */
export function globalFunctionSource(globalName, fn) {
  checkName(fn.name);
  fn.params.forEach(checkName);
  const params = fn.params.join(', ');
  return [
    '/**',
    ` * ${jsdocText(fn.summary)}`,
    ' */',
    `function ${fn.name}(${params}) {`,
    `  return ${globalName}.globals.${fn.name}(${params});`,
    '}',
  ].join('\n');
}

export function forwarders(globalName, catalog, globals) {
  const seen = new Set();
  for (const name of [...catalog.map((c) => c.name), ...globals.map((g) => g.name)]) {
    if (seen.has(name)) throw new Error(`forwarders: "${name}" is declared twice`);
    seen.add(name);
  }
  return `${[...catalog.map((c) => customFunctionSource(globalName, c)), ...globals.map((g) => globalFunctionSource(globalName, g))].join('\n\n')}\n`;
}
