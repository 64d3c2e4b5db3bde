// Formulas in an .xlsx that Google Sheets exported: custom functions come wrapped so Excel shows their last values.

/**
 * Sheets exports a formula Excel does not know as `IFERROR(__xludf.DUMMYFUNCTION("<formula>"),<last value>)`,
 * and each cell a spilled result filled as `IFERROR(__xludf.DUMMYFUNCTION("""COMPUTED_VALUE"""),<value>)`.
 */
const WRAPPED = /^IFERROR\(__xludf\.DUMMYFUNCTION\("((?:[^"]|"")*)"\),/i;

export type ExportedFormula = { formula: string } | 'spilled';

/**
 * The formula as it was written in Sheets (without its '='), 'spilled' for a cell that only showed part
 * of another formula's result, or the formula unchanged when it was not wrapped.
 */
export function unwrapSheetsExport(formula: string): ExportedFormula {
  const wrapped = WRAPPED.exec(formula);
  if (!wrapped) return { formula };
  const inner = wrapped[1].replace(/""/g, '"');
  return inner === '"COMPUTED_VALUE"' ? 'spilled' : { formula: inner };
}
