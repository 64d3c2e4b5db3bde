// How a custom function is declared: what the runtime needs (names, example) plus one pure call, behind one wrapper.
//
// Summaries, return values and each parameter's type and help live in ./docs.ts, which the runtime never imports:
// only the build (JSDoc for Sheets' autocomplete) and the README need them, and this bundle loads on every call.
import { describeIssue, type IssueDetail, issueAt, NOWHERE } from '../core/issues';
import { ArgumentError } from './args';

export interface ParamSpec {
  name: string;
  optional?: boolean;
  /** The last parameter may repeat (table2, table3, ...). */
  repeats?: boolean;
}

export interface FunctionSpec {
  name: string;
  params: ParamSpec[];
  /** A formula a user can paste: shown in argument errors and in the README. */
  example: string;
}

export type CustomFunction = FunctionSpec & { run: (...args: unknown[]) => unknown };

/**
 * Declares a custom function: checks required arguments, names the function in argument errors, and turns
 * unexpected failures into readable errors. `params` lists the parameter names in order, separated by spaces:
 * `cap?` is optional, `table2...` optional and repeating (table2, table3, ...). `exampleArgs` are the arguments
 * of the example formula.
 */
export function define(
  name: string,
  params: string,
  exampleArgs: string,
  impl: (...args: unknown[]) => unknown,
): CustomFunction {
  const example = `=${name}(${exampleArgs})`;
  const specs = params.split(' ').map((p): ParamSpec => {
    const param = p.replace(/\W/g, '');
    if (param === p) return { name: param };
    return p.endsWith('?') ? { name: param, optional: true } : { name: param, optional: true, repeats: true };
  });
  const required = specs.filter((p) => !p.optional).length;
  const run = (...args: unknown[]): unknown => {
    try {
      for (let i = 0; i < required; i++) {
        // Sheets' autocomplete shows each argument's help as the formula is typed; the error says where it goes.
        if (args[i] === undefined)
          throw new ArgumentError(specs[i].name, `is missing (argument ${i + 1}). Example: ${example}`);
      }
      return impl(...args);
    } catch (e) {
      if (e instanceof ArgumentError) {
        e.message = `${name}: ${e.message}`;
        throw e;
      }
      const why = e instanceof Error ? e.message : String(e);
      throw new Error(
        `${name} could not compute (${why}): check the arguments against the example ${example}`,
      );
    }
  };
  return { name, params: specs, example, run };
}

/** What a cell shows when its row has bad data: the catalogue's wording, marked so it reads as a problem. */
export function problemText(detail: IssueDetail): string {
  return `⚠ ${describeIssue(issueAt(NOWHERE, detail))}`;
}

/** What a cell shows when a value that should be a number is not one. */
export function notANumberText(v: unknown): string {
  return problemText({ code: 'not-a-number', text: String(v) });
}
