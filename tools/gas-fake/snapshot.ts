// A deep, call-free picture of a fake spreadsheet, for "nothing changed" assertions.
import type { FakeDataValidation } from './builders';
import type { StoredValue } from './cells';
import type { FakeSpreadsheet } from './spreadsheet';

export interface SheetSnapshot {
  name: string;
  hidden: boolean;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  /** Non-blank cells by A1-style key `R3C2`: value, formula, format, bold, validation. */
  cells: Record<string, string>;
  conditionalRules: string[];
  charts: string[];
  columnWidths: Record<number, number>;
  /** Developer metadata on the sheet, as `key=value`. */
  metadata: string[];
}

const show = (v: StoredValue): string => (v instanceof Date ? `Date(${v.toISOString()})` : JSON.stringify(v));

export function snapshotSpreadsheet(spreadsheet: FakeSpreadsheet): SheetSnapshot[] {
  return spreadsheet.sheets.map((sheet) => {
    const cells: Record<string, string> = {};
    sheet.data.forEach((line, r) => {
      line?.forEach((cell, c) => {
        if (!cell) return;
        const parts = [show(cell.value)];
        if (cell.formula) parts.push(`formula ${cell.formula}`);
        if (cell.numberFormat) parts.push(`format ${cell.numberFormat}`);
        if (cell.bold) parts.push('bold');
        if (cell.validation) parts.push(`validation ${(cell.validation as FakeDataValidation).describe()}`);
        if (parts.length > 1 || cell.value !== '') cells[`R${r + 1}C${c + 1}`] = parts.join(' | ');
      });
    });
    return {
      name: sheet.name,
      hidden: sheet.hidden,
      maxRows: sheet.maxRows,
      maxColumns: sheet.maxColumns,
      frozenRows: sheet.frozenRows,
      cells,
      conditionalRules: sheet.conditionalRules.map((r) => r.describe()),
      charts: sheet.charts.map((c) => c.describe()),
      columnWidths: Object.fromEntries(sheet.columnWidths),
      metadata: sheet.metadata.map((m) => m.describe()),
    };
  });
}
