// What other tools (benchmarks, scripts) call: read a workbook, analyse it, write its Roll-up, without the command line.
export {
  analyzeTabs,
  type CheckResult,
  checkFiles,
  type RollupResult,
  type RunOptions,
  rollupFiles,
  writeRollup,
} from './commands';
export { readCsvTabs } from './csv-tabs';
export { type Input, readInput, workbookOf } from './input';
export { checkJsonText, checkText } from './issue-report';
export { createProgress, type Progress, SILENT_PROGRESS } from './progress';
export { putRollupSheet } from './rollup-sheet';
export { saveWorkbook } from './save';
export { type LoadedWorkbook, loadWorkbook, readWorkbook, tabsOfBook } from './xlsx-read';
