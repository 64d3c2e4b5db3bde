// How a custom function is declared: one object saying everything about it (name, summary, parameters, example), one call behind one wrapper.
//
// The declaration is what the argument checks, the forwarders' JSDoc (Sheets' autocomplete, by tools/build.mjs) and
// the README's reference (npm run docs) all read: a function is described in one place.
import { describeIssue, type IssueDetail, issueAt, NOWHERE } from '../core/issues';
import { CELL_LIMIT, fitCell } from '../core/quote';
import { ArgumentError } from './args';
import { activeSpreadsheetLocale, type SheetLocale } from './locale';

export interface Param {
  name: string;
  /** JSDoc type shown by Sheets' autocomplete, e.g. `number|Range`. */
  type: string;
  /** What to pass: autocomplete's help for the argument and the README's table. */
  help: string;
  /** May be left out; every parameter after an optional one is optional too. */
  optional?: boolean;
  /** The last parameter may repeat (table2, table3, ...); a repeating parameter is optional. */
  repeat?: boolean;
  /**
   * May be left empty between others (`=F(A1, , B1)`): an empty argument reads as "" (Sheets may pass undefined or
   * null for it), and the function says what a blank means for it.
   */
  blank?: boolean;
}

export interface FunctionSpec {
  name: string;
  /** One line: what the function gives. */
  summary: string;
  params: readonly Param[];
  /** What it returns, in one line. */
  returns: string;
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
 * unexpected failures into readable errors. `exampleArgs` are the arguments of the example formula, which
 * define() writes as `=NAME(exampleArgs)`. `impl` gets the call's SheetLocale first, then the arguments.
 */
export function define(
  declaration: Omit<FunctionSpec, 'example'> & { exampleArgs: string },
  impl: (locale: SheetLocale, ...args: unknown[]) => unknown,
): CustomFunction {
  const { exampleArgs, ...spec } = declaration;
  const { name, params } = spec;
  const example = `=${name}(${exampleArgs})`;
  const required = params.filter((p) => !p.optional && !p.repeat).length;
  const runWith = (locale: SheetLocale, ...args: unknown[]): unknown => {
    try {
      for (let i = 0; i < required; i++) {
        if (params[i].blank) {
          if (args[i] === undefined || args[i] === null) args[i] = '';
          continue;
        }
        // Sheets' autocomplete shows each argument's help as the formula is typed; the error says where it goes.
        if (args[i] === undefined)
          throw new ArgumentError(params[i].name, `is missing (argument ${i + 1}). Example: ${example}`);
      }
      return fitCells(impl(locale, ...args));
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
  const run = (...args: unknown[]): unknown => runWith(activeSpreadsheetLocale(), ...args);
  return { ...spec, example, run, runWith };
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
