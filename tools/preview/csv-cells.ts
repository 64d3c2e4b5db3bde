// CSV cells as Sheets imports them into a spreadsheet of a given locale: en_US rules by default, decimal commas and day-first dates for `--locale de-DE`.
import { enterValue, type FakeCellInput, valueInput } from '../gas-fake';
import type { PreviewLocale } from './locale';

/** `2.500.000`, `62,5`, `-1 234,5` (space or no-break space groups), `8.000` = eight thousand: one kind of group mark per number. */
const COMMA_NUMBER = /^(-?)(\d{1,3}(?:([. \u00a0\u202f])\d{3})(?:\3\d{3})*|\d+)(?:,(\d+))?$/;

/**
 * What a CSV field becomes once Sheets imports it, in a spreadsheet of `locale` (null: en_US).
 * Text a spreadsheet would run as a formula (`=…`, `+…`, `-…`) stays text: a CSV is data, and a file's
 * `=HYPERLINK(…)` or `=IMPORTXML(…)` must not become a live formula, here or in a Save as.
 *
 * With a decimal-comma locale, `,` is the decimal mark and `.`, spaces or no-break spaces group thousands;
 * `62,5 %` is a share; `31.12.2026`, and `31/12/2026` where the locale writes dates so, are dates (at
 * midnight UTC, as the fake stores typed dates); anything else stays text. Not modelled there: currencies,
 * times, two-digit years, and the locale's words for TRUE/FALSE (`true` stays text). A decimal-point
 * locale types as en_US does, month-first dates included.
 */
export function typedCsvCell(text: string, locale: PreviewLocale | null = null): FakeCellInput {
  if (locale === null || locale.decimalSeparator === '.') {
    const entered = enterValue(text);
    return valueInput(entered.formula ? text : entered.value);
  }
  const trimmed = text.trim();
  const number = commaNumber(trimmed);
  if (number !== null) return number;
  const share = /^(.*?)\s?%$/.exec(trimmed);
  const shareNumber = share ? commaNumber(share[1]) : null;
  if (shareNumber !== null) return shareNumber / 100;
  const date = dayFirstDate(trimmed, locale);
  if (date) return date;
  // As Sheets imports it: a leading apostrophe marks text and is dropped.
  return valueInput(trimmed.startsWith("'") ? text.trimStart().slice(1) : text);
}

/** A CSV's grid as Sheets imports it in `locale` (null: en_US); cells that are not text are kept. */
export function typedCsvGrid(
  grid: readonly (readonly unknown[])[],
  locale: PreviewLocale | null = null,
): FakeCellInput[][] {
  return grid.map((line) =>
    line.map((cell) => (typeof cell === 'string' ? typedCsvCell(cell, locale) : (cell as FakeCellInput))),
  );
}

function commaNumber(text: string): number | null {
  const m = COMMA_NUMBER.exec(text);
  if (!m) return null;
  const whole = m[2].replace(/[. \u00a0\u202f]/g, '');
  return Number(`${m[1]}${whole}${m[4] === undefined ? '' : `.${m[4]}`}`);
}

/** `dd.mm.yyyy` in any decimal-comma locale; the locale's own day-first form (`dd/mm/yyyy`, `dd-mm-yyyy`) too. */
function dayFirstDate(text: string, locale: PreviewLocale): Date | null {
  const separators = new Set(['.']);
  if (locale.dateOrder === 'dmy') separators.add(locale.dateSeparator);
  const m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/.exec(text);
  if (!m || !separators.has(m[2])) return null;
  const [day, month, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}
