// What other tools (benchmarks, the preview, scripts) call: read a workbook, analyse it, write its Roll-up, without the command line.
export {
  analyzeTabs,
  type CheckResult,
  checkFiles,
  type RollupResult,
  type RunOptions,
  rollupFiles,
  writeRollup,
} from './commands';
export { readCsvInput, readCsvTabs } from './csv-tabs';
export { type Input, readInput } from './input';
export { checkJsonText, checkText } from './issue-report';
export { createProgress, type Progress, SILENT_PROGRESS } from './progress';
export { sheetNameProblem, writeCsvWithRollup, writeXlsxWithRollup } from './rollup-package';
export { writeAtomically } from './save';
export { type LoadedWorkbook, loadWorkbook, readWorkbook } from './xlsx-read';
