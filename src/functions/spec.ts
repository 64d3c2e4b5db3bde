// How a custom function is declared: what the runtime needs (names, example) plus one pure call, behind one wrapper.
//
// Summaries, return values and each parameter's type and help live in ./docs.ts, which the runtime never imports:
// only the build (JSDoc for Sheets' autocomplete) and the README need them, and this bundle loads on every call.
import { describeIssue, type IssueDetail, issueAt, NOWHERE } from '../core/issues';
import { CELL_LIMIT, fitCell } from '../core/quote';
import { ArgumentError } from './args';
import { activeSpreadsheetLocale, type SheetLocale } from './locale';

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

export type CustomFunction = FunctionSpec & {
  /** The call Sheets makes: the spreadsheet's zone and locale are read from SpreadsheetApp when needed. */
  run: (...args: unknown[]) => unknown;
  /** The same call with a zone and locale given (tests, tools). */
  runWith: (locale: SheetLocale, ...args: unknown[]) => unknown;
};

/**
 * Declares a custom function: checks required arguments, names the function in argument errors, and turns
 * unexpected failures into readable errors. `params` lists the parameter names in order, separated by spaces:
 * `cap?` is optional, `table2...` optional and repeating (table2, table3, ...). `exampleArgs` are the arguments
 * of the example formula. `impl` gets the call's SheetLocale first, then the arguments.
 */
export function define(
  name: string,
  params: string,
  exampleArgs: string,
  impl: (locale: SheetLocale, ...args: unknown[]) => unknown,
): CustomFunction {
  const example = `=${name}(${exampleArgs})`;
  const specs = params.split(' ').map((p): ParamSpec => {
    const param = p.replace(/\W/g, '');
    if (param === p) return { name: param };
    return p.endsWith('?') ? { name: param, optional: true } : { name: param, optional: true, repeats: true };
  });
  const required = specs.filter((p) => !p.optional).length;
  const runWith = (locale: SheetLocale, ...args: unknown[]): unknown => {
    try {
      for (let i = 0; i < required; i++) {
        // Sheets' autocomplete shows each argument's help as the formula is typed; the error says where it goes.
        if (args[i] === undefined)
          throw new ArgumentError(specs[i].name, `is missing (argument ${i + 1}). Example: ${example}`);
      }
      return fitCells(impl(locale, ...args));
    } catch (e) {
      if (e instanceof ArgumentError) {
        e.message = `${name}: ${e.message}`;
        throw e;
      }
      const why = e instanceof Error ? e.message : String(e);
      throw new Error(`${name} failed (${why}): check the arguments against ${example}`);
    }
  };
  const run = (...args: unknown[]): unknown => runWith(activeSpreadsheetLocale(), ...args);
  return { name, params: specs, example, run, runWith };
}

/**
 * Every text cell of a result within the characters a Sheets cell holds: a longer one (only an input cell longer
 * than a cell, echoed back, can be) is cut with a note. Results are the function's own new arrays.
 */
function fitCells(result: unknown): unknown {
  if (typeof result === 'string') return fitCell(result);
  if (!Array.isArray(result)) return result;
  for (const row of result) {
    if (!Array.isArray(row)) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === 'string' && v.length > CELL_LIMIT) row[c] = fitCell(v);
    }
  }
  return result;
}

/** What a cell shows when its row has bad data: the catalogue's wording, marked so it reads as a problem. */
export function problemText(detail: IssueDetail): string {
  return `⚠ ${describeIssue(issueAt(NOWHERE, detail))}`;
}

/** What a cell shows when a value that should be a number is not one; `text` is the value as the sheet shows it. */
export function notANumberText(text: string): string {
  return problemText({ code: 'not-a-number', text });
}
