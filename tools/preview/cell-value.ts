// An exceljs cell value as the core reads cells: the value a spreadsheet shows, never the formula behind it.
import type { CellValue as ExcelValue } from 'exceljs';
import type { CellValue } from '../../src/core/model';

/**
 * What getValues() would hand over for this cell: a formula's cached result (blank when the file
 * holds none), rich text and hyperlinks as their plain text, an error as its text (`#N/A`), a date
 * as a Date on the same calendar day.
 */
export function plainCellValue(value: ExcelValue): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return localCalendarDate(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return plainCellValue(value.result ?? null);
  if ('hyperlink' in value) return plainCellValue(value.text as ExcelValue);
  return '';
}

/**
 * exceljs turns a date serial, which has no time zone, into that wall-clock time in UTC. The core
 * reads a Date's local calendar (Sheets hands dates over at local midnight), so the same wall-clock
 * time is rebuilt in local time; setFullYear keeps years below 100 as they are.
 */
export function localCalendarDate(utc: Date): Date {
  if (Number.isNaN(utc.getTime())) return utc;
  const local = new Date(0);
  local.setFullYear(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
  local.setHours(utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds(), utc.getUTCMilliseconds());
  return local;
}
