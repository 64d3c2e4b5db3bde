// Finds the syntax Apps Script's V8 runtime refuses in an uploaded script (class fields, static blocks, private names), with a real parser.
//
// Google's answer to partner issue 194120497 (quoted in google/clasp#935): the runtime supports the
// class syntax of ES2015, and static class properties fail to load. Private names (`#x`) fail the
// same way. Instance fields came with static ones (ES2022) and are refused here too: nothing says
// Apps Script takes them, and the build's es2020 target rewrites every class field anyway, so the
// bundle never holds one unless that target changes. The parser is oxc, through rolldown's parseAst
// (rolldown comes with vitest's vite): it parses all of ES2024, so the check sees these nodes
// instead of guessing from the text.
import { parseAst } from 'rolldown/parseAst';

export interface SyntaxProblem {
  /** What the construct is, in words. */
  what: string;
  line: number;
  column: number;
}

interface Node {
  type: string;
  start: number;
  static?: boolean;
  [key: string]: unknown;
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

const privateName = (node: unknown): string | null =>
  isNode(node) && node.type === 'PrivateIdentifier' ? `#${String(node.name)}` : null;

/** What Apps Script refuses about this node, or null. A private key is named with its field or method, not again on its own. */
function refusal(node: Node, parent: Node | null): string | null {
  const key = privateName(node.key);
  switch (node.type) {
    case 'PrivateIdentifier':
      return parent?.key === node ? null : `the private name #${String(node.name)}`;
    case 'StaticBlock':
      return 'a static initialization block (static { ... })';
    case 'PropertyDefinition':
    case 'AccessorProperty':
      if (node.static) return key ? `the static private field ${key}` : 'a static class field';
      return key ? `the private field ${key}` : 'a class field';
    case 'MethodDefinition':
      return key ? `the private method ${key}` : null;
    default:
      return null;
  }
}

/** Line and column (both 1-based) of an offset. */
function position(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * Every construct in `source` (a plain script, as Apps Script loads each file) that Apps Script's
 * V8 runtime refuses, in source order. Throws the parser's error when `source` is not JavaScript.
 */
export function appsScriptSyntaxProblems(source: string, filename = 'script.js'): SyntaxProblem[] {
  const program = parseAst(source, { sourceType: 'script', lang: 'js' }, filename);
  const problems: (SyntaxProblem & { at: number })[] = [];
  const stack: [unknown, Node | null][] = [[program, null]];
  while (stack.length > 0) {
    const [value, parent] = stack.pop()!;
    if (Array.isArray(value)) {
      for (const item of value) stack.push([item, parent]);
      continue;
    }
    if (!isNode(value)) continue;
    const what = refusal(value, parent);
    if (what) problems.push({ what, at: value.start, ...position(source, value.start) });
    for (const child of Object.values(value))
      if (typeof child === 'object' && child !== null) stack.push([child, value]);
  }
  return problems.sort((a, b) => a.at - b.at).map(({ at: _, ...problem }) => problem);
}
