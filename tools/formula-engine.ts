// Runs our custom functions inside HyperFormula (dev only): Sheets-shaped arguments, errors with our messages, spills sized before evaluation.

import type {
  ConfigParams,
  CellValue as EngineValue,
  FunctionArgument,
  FunctionPluginDefinition,
  ImplementedFunctions,
  RawCellContent,
  SimpleCellAddress,
} from 'hyperformula';
import {
  ArraySize,
  CellError,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from 'hyperformula';
import type { CellValue } from '../src/core/model';
import { CASCADE_HEADER } from '../src/functions/cascade';
import type { Param } from '../src/functions/spec';

// HyperFormula does not export its AST and interpreter types; they are reachable through the plugin constructor.
type Interpreter = ConstructorParameters<FunctionPluginDefinition>[0];
type Ast = Parameters<Interpreter['evaluateAst']>[0];
type InterpreterState = Parameters<Interpreter['evaluateAst']>[1];
type CallAst = Extract<Ast, { procedureName: string }>;
type EngineScalar = ReturnType<Interpreter['evaluateAst']>;

/** Custom functions by name: the sources' `customFunctions`, or the top-level functions of the loaded bundle. */
export type Implementation = Record<string, (...args: unknown[]) => unknown>;

/** What the adapter needs from the catalogue: names and how many arguments each function takes. */
export interface CatalogEntry {
  name: string;
  params: readonly Pick<Param, 'name' | 'optional' | 'repeat'>[];
}

/** A sheet's cells: values as getValues() gives them ('' = empty) or formulas as text starting with '='. */
export type SheetContent = RawCellContent[][];

/** The size HyperFormula predicts for one argument before anything is evaluated. */
export interface ArgumentShape {
  rows: number;
  cols: number;
  /** Not written at all, or written as an empty argument (`f(a,,c)`). */
  omitted: boolean;
  /** A cell or range reference, whose value may be anything (even blank) later; else a literal or a computation. */
  reference: boolean;
}

export interface ResultSize {
  rows: number;
  cols: number;
}

/**
 * How many cells a function's result needs, from its arguments' shapes; 'probe' calls the function on the
 * arguments' values instead, for results whose size depends on the data and has no bound.
 */
export type SizeRule = (args: readonly ArgumentShape[]) => ResultSize | 'probe';

export interface EngineOptions {
  /**
   * How error cells in arguments reach the functions. 'as-text' (default) passes the error's text, '#N/A',
   * '#DIV/0!', ..., as Sheets passes error cells to Apps Script; 'propagate' returns the first error found
   * without calling the function, as native functions such as SUM do.
   */
  inputErrors?: 'as-text' | 'propagate';
  /** Makes the Date a date cell arrives as, in the realm the functions run in (the bundle's vm has its own Date). */
  createDate?: (epochMs: number) => Date;
  /** Size rules by function name, over MBO_RESULT_SIZES; functions with no rule are probed. */
  resultSizes?: Record<string, SizeRule>;
  /** Rewrite inline arrays {…} as VSTACK/HSTACK so they recompute (see stackInlineArrays); default true. */
  stackInlineArrays?: boolean;
  /** More HyperFormula configuration; defaults: licence key 'gpl-v3', smartRounding off. */
  config?: Partial<ConfigParams>;
}

const SCALAR: ResultSize = { rows: 1, cols: 1 };

/** Reads an argument as a column, as toColumn does: a row of n cells becomes n rows. */
const lengthAsColumn = (a: ArgumentShape | undefined): number =>
  !a || a.omitted ? 1 : a.cols === 1 ? a.rows : a.rows === 1 ? a.cols : 1;
const sameShape = (a: ArgumentShape | undefined): ResultSize =>
  !a || a.omitted ? SCALAR : { rows: a.rows, cols: a.cols };

/**
 * Result sizes of our functions. HyperFormula sizes a spill from the formula's syntax while it builds the
 * dependency graph, before any cell has a value, and does not size it again when inputs change: so sizes come
 * from argument shapes. Where the size depends on the data, the rule gives the bound that shapes allow and
 * the unused cells stay empty; MBO_VALIDATE has no such bound and is probed.
 */
export const MBO_RESULT_SIZES: Record<string, SizeRule> = {
  MBO_ATTAINMENT: (args) => sameShape(args[0]),
  MBO_PAYOUT: (args) => sameShape(args[0]),
  MBO_STATUS: (args) => sameShape(args[0]),
  MBO_PATH: (args) => sameShape(args[0]),
  MBO_NPS: () => SCALAR,
  MBO_ROLLUP: (args) => ({ rows: lengthAsColumn(args[0]), cols: 1 }),
  // One row per owner at most; one score for an owner written in the formula (a cell may turn blank: list them all).
  MBO_SCORE: (args) =>
    args[3] && !args[3].omitted && !args[3].reference ? SCALAR : { rows: lengthAsColumn(args[0]), cols: 2 },
  // A header, then at most one row per row of each table under its header.
  MBO_CASCADE: (args) => ({
    rows: 1 + args.filter((a) => !a.omitted).reduce((sum, a) => sum + Math.max(0, a.rows - 1), 0),
    cols: CASCADE_HEADER.length,
  }),
  MBO_VALIDATE: () => 'probe',
};

/** Part of the message of a result that outgrew the cells reserved for it; refreshArraySizes looks for it. */
export const OUTGROWN = 'cells were reserved when the formula was entered';

/** Error texts as Sheets shows them, for 'as-text' arguments. */
const ERROR_TEXT: Record<string, string> = {
  DIV_BY_ZERO: '#DIV/0!',
  NA: '#N/A',
  NAME: '#NAME?',
  NUM: '#NUM!',
  REF: '#REF!',
  VALUE: '#VALUE!',
  ERROR: '#ERROR!',
  SPILL: '#REF!',
  CYCLE: '#REF!',
  LIC: '#ERROR!',
};

const DATE_TYPES = new Set(['NUMBER_DATE', 'NUMBER_DATETIME', 'NUMBER_TIME']);
const MS_PER_DAY = 86_400_000;

interface Settings {
  functions: Implementation;
  catalog: readonly CatalogEntry[];
  inputErrors: 'as-text' | 'propagate';
  createDate: (epochMs: number) => Date;
  resultSizes: Record<string, SizeRule>;
}

/** While createEngine builds an engine, probed formulas are noted here (by cell) and sized once every value exists. */
let deferredProbes: Map<string, SimpleCellAddress> | null = null;

const cellKey = (at: SimpleCellAddress): string => `${at.sheet}:${at.row}:${at.col}`;

/** A rich number (date, percent, currency) as HyperFormula keeps it; not exported, so recognised by shape. */
function richNumberType(v: unknown): string | null {
  if (typeof v !== 'object' || v === null || !('val' in v)) return null;
  const typed = v as { getDetailedType?: () => string };
  return typeof typed.getDetailedType === 'function' ? typed.getDetailedType() : null;
}

/** Works for errors from another realm (the bundle's vm), where instanceof Error fails. */
function messageOf(e: unknown): string {
  if (typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string') {
    return (e as { message: string }).message;
  }
  return String(e);
}

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

function unwrapParentheses(ast: unknown): unknown {
  let node = ast as { type?: string; expression?: unknown };
  while (node && node.type === 'PARENTHESES') node = node.expression as typeof node;
  return node;
}

/** Thrown inside argument conversion to stop at the first error cell in 'propagate' mode. */
class InputError {
  constructor(readonly error: CellError) {}
}

function definePlugin(settings: Settings): FunctionPluginDefinition {
  const specs = new Map(settings.catalog.map((spec) => [spec.name, spec]));

  class CustomFunctionsPlugin extends FunctionPlugin {
    /** Evaluates one call: arguments shaped as Sheets passes them, the function run, its result fitted to its cells. */
    evaluateCall(name: string, ast: CallAst, state: InterpreterState): EngineScalar {
      // While createEngine builds, a probed formula is not sized yet: it is evaluated once entered again.
      if (deferredProbes?.has(cellKey(state.formulaAddress))) return EmptyValue;
      const outcome = this.run(name, ast, state);
      if (outcome instanceof CellError) return outcome;
      return this.fit(name, outcome.result, ast, state);
    }

    /** Predicts the cells a call spills into, before evaluation: by rule from argument shapes, else by probing. */
    sizeOfCall(name: string, ast: CallAst, state: InterpreterState): ArraySize {
      // Arguments are sized in array mode, as they are evaluated (enableArrayArithmeticForArguments).
      const arrayState = { ...state, arraysFlag: true } as InterpreterState;
      const shapes = ast.args.map((arg): ArgumentShape => {
        if ((arg.type as string) === 'EMPTY') return { rows: 1, cols: 1, omitted: true, reference: false };
        const size = this.arraySizeForAst(arg, arrayState);
        return { rows: size.height, cols: size.width, omitted: false, reference: size.isRef };
      });
      const rule = settings.resultSizes[name];
      const size = rule ? rule(shapes) : 'probe';
      if (size !== 'probe') return toArraySize(size);
      if (deferredProbes) {
        deferredProbes.set(cellKey(state.formulaAddress), state.formulaAddress);
        return ArraySize.scalar();
      }
      try {
        const outcome = this.run(name, ast, arrayState);
        return outcome instanceof CellError ? ArraySize.scalar() : toArraySize(dimensionsOf(outcome.result));
      } catch {
        // A referenced formula cell has no value yet (e.g. inside a batch): one cell for now; an outgrown result
        // says so, and refreshArraySizes sizes it again.
        return ArraySize.scalar();
      }
    }

    private run(name: string, ast: CallAst, state: InterpreterState): { result: unknown } | CellError {
      const spec = specs.get(name)!;
      const repeats = spec.params.at(-1)?.repeat === true;
      if (!repeats && ast.args.length > spec.params.length) {
        // Sheets would ignore extra arguments; a preview that flags them catches typos earlier.
        const most = `${spec.params.length} argument${spec.params.length === 1 ? '' : 's'}`;
        return new CellError(ErrorType.NA, `${name}: takes at most ${most}, not ${ast.args.length}.`);
      }
      const args: unknown[] = [];
      try {
        for (const arg of ast.args) {
          // An empty argument (f(a,,c)) is omitted, as if not written; an empty cell is ''.
          args.push(
            (arg.type as string) === 'EMPTY' ? undefined : this.toSheets(this.evaluateAst(arg, state)),
          );
        }
      } catch (e) {
        if (e instanceof InputError) return e.error;
        throw e;
      }
      try {
        return { result: settings.functions[name](...args) };
      } catch (e) {
        return new CellError(ErrorType.ERROR, messageOf(e));
      }
    }

    /** A value as Apps Script passes it: a range as rows of cells, '' for empty, fractions for percents, Dates. */
    private toSheets(value: EngineScalar): unknown {
      if (value instanceof SimpleRangeValue)
        return value.data.map((row) => row.map((cell) => this.cellToSheets(cell)));
      return this.cellToSheets(value);
    }

    private cellToSheets(value: unknown): CellValue {
      if (value === EmptyValue || value === null || value === undefined) return '';
      if (value instanceof CellError) {
        if (settings.inputErrors === 'propagate') throw new InputError(value);
        return ERROR_TEXT[value.type] ?? `#${value.type}!`;
      }
      const type = richNumberType(value);
      if (type !== null) {
        const serial = (value as { val: number }).val;
        return DATE_TYPES.has(type) ? settings.createDate(this.serialToEpochMs(serial)) : serial;
      }
      return value as CellValue;
    }

    /** A serial day number as the local time Sheets would hand over in the script's time zone. */
    private serialToEpochMs(serial: number): number {
      const t = this.dateTimeHelper.numberToSimpleDateTime(serial);
      const whole = Math.floor(t.seconds);
      return new Date(
        t.year,
        t.month - 1,
        t.day,
        t.hours,
        t.minutes,
        whole,
        Math.round((t.seconds - whole) * 1000),
      ).getTime();
    }

    /** The function's result as cell values; a spill that outgrew its reserved cells becomes an error that says so. */
    private fit(name: string, result: unknown, ast: CallAst, state: InterpreterState): EngineScalar {
      if (!Array.isArray(result)) return this.cellToEngine(name, result);
      const grid = toGrid(result);
      if (grid.length === 0) return EmptyValue;
      const rows = grid.length;
      const cols = Math.max(...grid.map((row) => row.length));
      const cells = grid.map((row) =>
        Array.from({ length: cols }, (_, c) =>
          c < row.length ? this.cellToEngine(name, row[c]) : EmptyValue,
        ),
      );
      if (rows === 1 && cols === 1) return cells[0][0];
      // Only the call that is the whole formula spills; a nested call hands its full array to the outer one.
      const vertex = state.formulaVertex;
      const formula = vertex
        ? unwrapParentheses((vertex as unknown as { formula: unknown }).formula)
        : undefined;
      if (vertex && formula === ast && (rows > vertex.height || cols > vertex.width)) {
        return new CellError(
          ErrorType.ERROR,
          `${name}: the result needs ${rows}×${cols} cells but ${vertex.height}×${vertex.width} ${OUTGROWN}; ` +
            'run refreshArraySizes(engine) or enter the formula again.',
        );
      }
      return SimpleRangeValue.onlyValues(cells);
    }

    private cellToEngine(name: string, v: unknown): Exclude<EngineScalar, SimpleRangeValue> {
      if (v === null || v === undefined) return EmptyValue;
      if (typeof v === 'number')
        return Number.isFinite(v) ? v : new CellError(ErrorType.NUM, `${name} returned ${v}.`);
      if (typeof v === 'string' || typeof v === 'boolean') return v;
      if (isDate(v)) {
        const day = this.dateTimeHelper.dateToNumber({
          year: v.getFullYear(),
          month: v.getMonth() + 1,
          day: v.getDate(),
        });
        const midnight = new Date(v.getFullYear(), v.getMonth(), v.getDate()).getTime();
        return day + (v.getTime() - midnight) / MS_PER_DAY;
      }
      return new CellError(
        ErrorType.VALUE,
        `${name} returned ${Array.isArray(v) ? 'a nested array' : `a ${typeof v}`}, which no cell can hold.`,
      );
    }
  }

  const implemented: ImplementedFunctions = {};
  for (const spec of settings.catalog) {
    if (typeof settings.functions[spec.name] !== 'function') {
      throw new Error(`${spec.name} is in the catalogue but not among the functions given.`);
    }
    const method = `evaluate_${spec.name}`;
    const sizeMethod = `size_${spec.name}`;
    // HyperFormula finds methods by name on the prototype (own properties only), one per function.
    Object.defineProperty(CustomFunctionsPlugin.prototype, method, {
      value(this: CustomFunctionsPlugin, ast: CallAst, state: InterpreterState) {
        return this.evaluateCall(spec.name, ast, state);
      },
    });
    Object.defineProperty(CustomFunctionsPlugin.prototype, sizeMethod, {
      value(this: CustomFunctionsPlugin, ast: CallAst, state: InterpreterState) {
        return this.sizeOfCall(spec.name, ast, state);
      },
    });
    const repeats = spec.params.at(-1)?.repeat === true;
    implemented[spec.name.toUpperCase()] = {
      method,
      sizeOfResultArrayMethod: sizeMethod,
      parameters: spec.params.map(
        (p): FunctionArgument => ({
          argumentType: FunctionArgumentType.ANY,
          optionalArg: p.optional === true || p.repeat === true,
        }),
      ),
      ...(repeats ? { repeatLastArgs: 1 } : {}),
      vectorizationForbidden: true,
      enableArrayArithmeticForArguments: true,
    };
  }
  CustomFunctionsPlugin.implementedFunctions = implemented;

  // Formulas find functions through each language's names; ours read the same in every language.
  const names = Object.fromEntries(Object.keys(implemented).map((id) => [id, id]));
  for (const code of HyperFormula.getRegisteredLanguagesCodes())
    HyperFormula.getLanguage(code).extendFunctions(names);
  return CustomFunctionsPlugin;
}

function toArraySize(size: ResultSize): ArraySize {
  return size.rows === 1 && size.cols === 1
    ? ArraySize.scalar()
    : new ArraySize(Math.max(1, size.cols), Math.max(1, size.rows));
}

/** A returned array as rows: a flat array is taken as one row. */
function toGrid(result: unknown[]): unknown[][] {
  if (result.length === 0) return [];
  return result.every((row) => Array.isArray(row)) ? (result as unknown[][]) : [result];
}

function dimensionsOf(result: unknown): ResultSize {
  if (!Array.isArray(result)) return SCALAR;
  const grid = toGrid(result);
  return { rows: Math.max(1, grid.length), cols: Math.max(1, ...grid.map((row) => row.length)) };
}

/** Plugins already made, by implementation table, with what else they were made from. */
const plugins = new WeakMap<
  Implementation,
  { catalog: readonly CatalogEntry[]; options: EngineOptions; plugin: FunctionPluginDefinition }[]
>();

/**
 * The HyperFormula plugin for one implementation table, made once and reused by every engine that asks with
 * the same table, catalogue and options (a plugin holds no per-engine state).
 */
export function customFunctionsPlugin(
  functions: Implementation,
  catalog: readonly CatalogEntry[],
  options: EngineOptions = {},
): FunctionPluginDefinition {
  const known = plugins.get(functions) ?? [];
  const same = known.find(
    (k) =>
      k.catalog === catalog &&
      (k.options.inputErrors ?? 'as-text') === (options.inputErrors ?? 'as-text') &&
      k.options.createDate === options.createDate &&
      k.options.resultSizes === options.resultSizes,
  );
  if (same) return same.plugin;
  const plugin = definePlugin({
    functions,
    catalog,
    inputErrors: options.inputErrors ?? 'as-text',
    createDate: options.createDate ?? ((ms) => new Date(ms)),
    resultSizes: { ...MBO_RESULT_SIZES, ...options.resultSizes },
  });
  known.push({ catalog, options: { ...options }, plugin });
  plugins.set(functions, known);
  return plugin;
}

/**
 * An engine over named sheets whose formulas may call the given custom functions. '' cells are empty, as
 * getValues reports blanks; text that starts with '=' is a formula (see fromValues for literal text).
 */
export function createEngine(
  sheets: Record<string, SheetContent>,
  functions: Implementation,
  catalog: readonly CatalogEntry[],
  options: EngineOptions = {},
): HyperFormula {
  const plugin = customFunctionsPlugin(functions, catalog, options);
  // Built-in plugins plus ours, for this engine only: two implementations of the same names can coexist.
  const functionPlugins = [...HyperFormula.getAllFunctionPlugins().filter((p) => p !== plugin), plugin];
  const restack = options.stackInlineArrays !== false;
  const content = Object.fromEntries(
    Object.entries(sheets).map(([name, grid]) => [
      name,
      grid.map((row) =>
        row.map((cell) => {
          if (cell === '') return null;
          return restack && typeof cell === 'string' && cell.startsWith('=') ? stackInlineArrays(cell) : cell;
        }),
      ),
    ]),
  );
  const probes = new Map<string, SimpleCellAddress>();
  deferredProbes = probes;
  let engine: HyperFormula;
  try {
    // smartRounding off: cells hold the doubles the functions return, as Sheets stores them.
    engine = HyperFormula.buildFromSheets(content, {
      licenseKey: 'gpl-v3',
      smartRounding: false,
      ...options.config,
      functionPlugins,
    });
  } finally {
    deferredProbes = null;
  }
  // During the build, cells are added one by one and none has a value: probed results are sized now, in the
  // order their formulas appear, by entering each formula again.
  for (const at of probes.values()) {
    const formula = engine.getCellFormula(at);
    if (formula !== undefined) engine.setCellContents(at, [[formula]]);
  }
  return engine;
}

/**
 * Sizes again every spill whose result outgrew its cells after an edit (only probed functions can), by
 * entering its formula again; returns how many were resized.
 */
export function refreshArraySizes(engine: HyperFormula): number {
  let resized = 0;
  for (const name of engine.getSheetNames()) {
    const sheet = engine.getSheetId(name)!;
    const values = engine.getSheetValues(sheet);
    for (let row = 0; row < values.length; row++) {
      for (let col = 0; col < values[row].length; col++) {
        const value = values[row][col];
        if (!(value instanceof DetailedCellError) || !value.message.includes(OUTGROWN)) continue;
        const at = { sheet, row, col };
        const formula = engine.getCellFormula(at);
        if (formula === undefined) continue;
        engine.setCellContents(at, [[formula]]);
        resized++;
      }
    }
  }
  return resized;
}

/**
 * Rewrites each inline array of a formula as VSTACK of its rows and HSTACK of each row's items:
 * `{CMO!A2:A5; 'Demand Gen'!A2:A11}` becomes `VSTACK(CMO!A2:A5, 'Demand Gen'!A2:A11)`. HyperFormula records no
 * dependency on the cells inside an inline array and never recomputes one (its docs say so; issues
 * handsontable/hyperformula#894 and #979), while Sheets does; VSTACK and HSTACK are tracked. Text in "…" and
 * sheet names in '…' are left alone; a formula that cannot be read is returned unchanged.
 */
export function stackInlineArrays(formula: string): string {
  if (!formula.startsWith('=') || !formula.includes('{')) return formula;
  let at = 0;
  const quoted = (): string => {
    const quote = formula[at];
    let text = formula[at++];
    while (at < formula.length) {
      const ch = formula[at++];
      text += ch;
      if (ch !== quote) continue;
      if (formula[at] !== quote) return text;
      text += formula[at++]; // a doubled quote stands for one
    }
    throw new SyntaxError('unterminated quote');
  };
  // Reads one array after its '{': items split at top-level ',' (columns) and ';' (rows).
  const array = (): string => {
    const rows: string[][] = [[]];
    let item = '';
    let depth = 0;
    while (at < formula.length) {
      const ch = formula[at];
      if (ch === '"' || ch === "'") {
        item += quoted();
        continue;
      }
      at++;
      if (ch === '{') {
        item += array();
        continue;
      }
      // Commas inside a function call's parentheses separate its arguments, not array items.
      if (ch === '(') depth++;
      if (ch === ')') depth--;
      if (depth === 0 && (ch === ',' || ch === ';' || ch === '}')) {
        rows[rows.length - 1].push(item.trim());
        item = '';
        if (ch === ';') rows.push([]);
        if (ch === '}') {
          const lines = rows.map((row) => (row.length === 1 ? row[0] : `HSTACK(${row.join(', ')})`));
          return `VSTACK(${lines.join(', ')})`;
        }
      } else item += ch;
    }
    throw new SyntaxError('unterminated array');
  };
  try {
    let out = '';
    while (at < formula.length) {
      const ch = formula[at];
      if (ch === '"' || ch === "'") out += quoted();
      else if (ch === '{') {
        at++;
        out += array();
      } else {
        out += ch;
        at++;
      }
    }
    return out;
  } catch {
    return formula;
  }
}

/** Literal values for a sheet: text that would read as a formula is marked as text, as Sheets' leading apostrophe does. */
export function fromValues(grid: readonly (readonly CellValue[])[]): SheetContent {
  return grid.map((row) =>
    row.map((cell) => (typeof cell === 'string' && cell.startsWith('=') ? `'${cell}` : cell)),
  );
}

/** A cell from A1 notation with the sheet, e.g. `'Demand Gen'!K3`. */
export function cellAt(engine: HyperFormula, ref: string): SimpleCellAddress {
  const address = engine.simpleCellAddressFromString(ref, 0);
  if (!address) throw new Error(`Not a cell reference: ${ref}`);
  return address;
}

export function readCell(engine: HyperFormula, ref: string): EngineValue {
  return engine.getCellValue(cellAt(engine, ref));
}

/** Every value of a sheet, rows of columns; empty cells are null, errors DetailedCellError (type, message). */
export function sheetValues(engine: HyperFormula, sheetName: string): EngineValue[][] {
  const sheet = engine.getSheetId(sheetName);
  if (sheet === undefined) throw new Error(`No sheet named ${sheetName}`);
  return engine.getSheetValues(sheet);
}

/**
 * What a formula shows: its spilled block without the unused cells reserved after it (trailing rows and
 * columns that are all empty), or its one value.
 */
export function readSpill(engine: HyperFormula, ref: string): EngineValue[][] {
  const at = cellAt(engine, ref);
  // The spill's extent is not in the public API; the dependency graph's array vertex knows it.
  const vertex = engine.dependencyGraph.getCell(at) as unknown as
    | { getRange?: () => { start: SimpleCellAddress; end: SimpleCellAddress } }
    | undefined;
  if (!vertex?.getRange) return [[engine.getCellValue(at)]];
  const { start, end } = vertex.getRange();
  const values = engine.getRangeValues({ start, end });
  let rows = values.length;
  while (rows > 1 && values[rows - 1].every((v) => v === null)) rows--;
  let cols = values[0]?.length ?? 0;
  while (cols > 1 && values.slice(0, rows).every((row) => row[cols - 1] === null)) cols--;
  return values.slice(0, rows).map((row) => row.slice(0, cols));
}
