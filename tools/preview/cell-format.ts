// How the preview grid writes a cell's value: a light take on Sheets' formats (General, 0.0%, #,##0.00, dates).
import { enterValue } from '../gas-fake';
import type { CellKind } from './protocol';

/** A value the grid shows: what the fake stores or what the engine computed (errors as code + message). */
export type ShownValue = string | number | boolean | Date | { error: string; message: string };

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

const pad = (n: number): string => String(n).padStart(2, '0');

export function formatDate(date: Date): string {
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const seconds = date.getHours() * 3600 + date.getMinutes() * 60 + date.getSeconds();
  return seconds === 0 ? day : `${day} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Decimal places a format asks for after its point: `0.0%` -> 1, `#,##0` -> 0. */
function decimalsOf(format: string): number {
  return /\.(0+)/.exec(format)?.[1].length ?? 0;
}

function formatNumber(n: number, format: string): string {
  if (format.includes('%')) return `${(n * 100).toFixed(decimalsOf(format))}%`;
  if (/[0#]/.test(format)) {
    const places = decimalsOf(format);
    return n.toLocaleString('en-US', {
      minimumFractionDigits: places,
      maximumFractionDigits: places,
      useGrouping: format.includes(','),
    });
  }
  // General: whole numbers grouped, fractions to 4 places; a spreadsheet cell is narrow.
  return n.toLocaleString('en-US', { maximumFractionDigits: Number.isInteger(n) ? 0 : 4 });
}

export function formatValue(
  value: ShownValue,
  numberFormat: string,
): { text: string; kind: CellKind; note?: string } {
  if (typeof value === 'number') return { text: formatNumber(value, numberFormat), kind: 'number' };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', kind: 'bool' };
  if (isDate(value)) return { text: formatDate(value), kind: 'date' };
  if (typeof value === 'object') return { text: value.error, kind: 'error', note: value.message };
  return { text: value, kind: 'text' };
}

/** A stored value as a user would type it to get it back (text that would read as something else gets a leading '). */
export function typedInput(value: string | number | boolean | Date): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) return formatDate(value);
  const entered = enterValue(value);
  return entered.formula === '' && entered.value === value ? value : `'${value}`;
}
