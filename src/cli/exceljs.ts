// exceljs, loaded on first use: `mbo-cascade --help` and usage errors start without parsing its 20,000 lines.
import type ExcelJSModule from 'exceljs';
import { CliError } from './errors';

export type ExcelJS = typeof ExcelJSModule;

let loading: Promise<ExcelJS> | null = null;

/** The exceljs module, imported once, when a command first reads or writes a workbook. */
export function loadExcelJs(): Promise<ExcelJS> {
  loading ??= import('exceljs').then(
    (module) => module.default,
    (error: NodeJS.ErrnoException) => {
      loading = null;
      if (error.code !== 'ERR_MODULE_NOT_FOUND') throw error;
      throw new CliError(
        'exceljs, which reads and writes .xlsx files, is not installed: run npm ci --omit=dev.',
      );
    },
  );
  return loading;
}
