// The spreadsheet's time zone and decimal separator as custom functions see them: read from the active spreadsheet at most once per call, and only when a cell needs them.
import { cellText, isDate, parseNumber } from '../core/cells';
import { decimalSeparatorOf } from '../core/locale';
import type { CellValue } from '../core/model';

/** What a call reads Date cells and numbers typed as text with. */
export interface SheetLocale {
  /** The spreadsheet's time zone: a Date cell is the instant of midnight there. */
  timeZone(): string;
  /** The decimal separator of the spreadsheet's locale. */
  decimalSeparator(): '.' | ',';
}

/** A locale that is given, not read: for tests and tools. */
export function fixedLocale(timeZone: string, decimalSeparator: '.' | ','): SheetLocale {
  return { timeZone: () => timeZone, decimalSeparator: () => decimalSeparator };
}

/** The runtime's own zone (in Apps Script, the script's): what dates are read in when there is no spreadsheet to ask. */
const runtimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The slice of SpreadsheetApp read here: read-only getters, allowed in custom functions. */
interface ActiveSpreadsheet {
  getSpreadsheetTimeZone(): string;
  getSpreadsheetLocale(): string;
}

/**
 * The active spreadsheet's zone and locale, each asked for when first needed and then kept for the call: a
 * call whose cells hold no Date and no text number makes no service call at all. Without SpreadsheetApp (a
 * test, a formula engine) or when it fails, dates are read in the runtime's zone and numbers with a point.
 */
export function activeSpreadsheetLocale(): SheetLocale {
  let spreadsheet: ActiveSpreadsheet | null | undefined;
  let zone: string | undefined;
  let separator: '.' | ',' | undefined;
  const active = (): ActiveSpreadsheet | null => {
    if (spreadsheet === undefined) {
      try {
        spreadsheet = typeof SpreadsheetApp === 'undefined' ? null : SpreadsheetApp.getActiveSpreadsheet();
      } catch {
        spreadsheet = null;
      }
    }
    return spreadsheet;
  };
  const read = <T>(get: (s: ActiveSpreadsheet) => T, fallback: () => T): T => {
    const s = active();
    try {
      return s === null ? fallback() : get(s);
    } catch {
      return fallback();
    }
  };
  return {
    timeZone: () => (zone ??= read((s) => s.getSpreadsheetTimeZone() || runtimeZone(), runtimeZone)),
    decimalSeparator: () =>
      (separator ??= read(
        (s) => decimalSeparatorOf(s.getSpreadsheetLocale()),
        () => '.',
      )),
  };
}

/** A cell as a number (see parseNumber): text with the spreadsheet's separator, which is read only for text. */
export function numberReader(locale: SheetLocale): (v: unknown) => number | null {
  return (v) => parseNumber(v as CellValue, typeof v === 'string' ? locale.decimalSeparator() : '.');
}

/** A cell's text as an ID or a name: trimmed; a Date as its day in the spreadsheet's zone (as goal tabs read it). */
export function textReader(locale: SheetLocale): (v: unknown) => string {
  return (v) => {
    if (v === undefined || v === null) return '';
    return isDate(v) ? cellText(v, locale.timeZone()) : String(v).trim();
  };
}
