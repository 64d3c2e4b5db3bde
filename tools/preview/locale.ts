// The spreadsheet locale the preview opens a workbook in (`--locale de-DE`): its Sheets name, decimal mark and numeric date order.
import { localeDecimalSeparator } from '../../src/cli/command-line';

export interface PreviewLocale {
  /** As Sheets names it, what getSpreadsheetLocale() answers: `de_DE`. */
  sheets: string;
  /** The decimal mark its numbers are typed with, as the command line's --locale reads it. */
  decimalSeparator: '.' | ',';
  /** Its short numeric date, `31.12.2026` -> day first, `.`; `12/31/2026` -> month first, `/`. */
  dateOrder: 'dmy' | 'mdy' | 'ymd';
  dateSeparator: string;
}

/**
 * The locale `code` names, as `de-DE` or as Sheets writes it, `de_DE`. Throws, with a message for the
 * user, when it is no language tag or one this Node does not know (the command line's own check).
 */
export function previewLocale(code: string): PreviewLocale {
  const tag = code.trim().replace(/_/g, '-');
  let decimalSeparator: '.' | ',';
  try {
    decimalSeparator = localeDecimalSeparator(tag);
  } catch (error) {
    // The command line's message ends by pointing at its own --help.
    throw new Error(((error as Error).message.split('\n')[0] ?? '').replace(`"${tag}"`, `"${code}"`));
  }
  const canonical = Intl.getCanonicalLocales(tag)[0] ?? tag;
  return { sheets: canonical.replace(/-/g, '_'), decimalSeparator, ...numericDate(canonical) };
}

/** The order and separator of the locale's numeric dates, read from how Intl writes the last day of 2026. */
function numericDate(tag: string): Pick<PreviewLocale, 'dateOrder' | 'dateSeparator'> {
  const parts = new Intl.DateTimeFormat(tag, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(new Date(Date.UTC(2026, 11, 31, 12)));
  const order = parts
    .filter((part) => part.type === 'day' || part.type === 'month' || part.type === 'year')
    .map((part) => part.type[0])
    .join('');
  const separator = parts.find((part) => part.type === 'literal')?.value.trim() ?? '/';
  const dateOrder = order === 'dmy' || order === 'ymd' ? order : 'mdy';
  return { dateOrder, dateSeparator: separator === '' ? '/' : separator };
}
