// The calendar day an instant falls on in a named time zone: how a spreadsheet shows a Date cell, whatever the runtime's own zone.

/** The zone dates are read in when none is given: the one every runtime agrees on. */
export const UTC = 'UTC';

/** A day on the calendar: month 1-12, day 1-31. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const MINUTE_MS = 60_000;

type DayReader = (time: number) => CalendarDay;

/** Readers by zone name: a spreadsheet has one zone, so this holds one or two entries. */
const readers = new Map<string, DayReader>();

/**
 * The calendar day of `time` (milliseconds since 1970, UTC) in `timeZone`: an IANA name such as
 * `Europe/Berlin` (read with Intl.DateTimeFormat), or a fixed offset as Sheets writes zones it does not
 * name (`GMT-07:00`, `UTC+5:30`, `+09:00`). A zone the runtime does not know is read as UTC, so the
 * answer never depends on where the code runs. Null for an invalid time.
 */
export function calendarDay(time: number, timeZone: string): CalendarDay | null {
  if (!Number.isFinite(time) || Math.abs(time) > 8.64e15) return null;
  let read = readers.get(timeZone);
  if (read === undefined) {
    read = dayReader(timeZone);
    readers.set(timeZone, read);
  }
  return read(time);
}

/** The UTC day number (days since 1970-01-01) of the calendar day `time` falls on in `timeZone`; null when invalid. */
export function dayNumber(time: number, timeZone: string): number | null {
  const d = calendarDay(time, timeZone);
  return d === null ? null : daysFromCivil(d.year, d.month, d.day);
}

/** `YYYY-MM-DD` of the calendar day `time` falls on in `timeZone`; '' when invalid. */
export function isoDay(time: number, timeZone: string): string {
  const d = calendarDay(time, timeZone);
  if (d === null) return '';
  return `${String(d.year).padStart(4, '0')}-${d.month < 10 ? '0' : ''}${d.month}-${d.day < 10 ? '0' : ''}${d.day}`;
}

/** Days since 1970-01-01 of a proleptic Gregorian date, without Date (so years 0-99 are themselves). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** A fixed offset: `GMT-07:00`, `UTC+5:30`, `GMT+7`, `+09:00`, `-0330`; `GMT` and `UTC` alone are offset 0. */
const FIXED_OFFSET = /^(?:GMT|UTC|Z)?(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i;

function dayReader(timeZone: string): DayReader {
  const zone = timeZone.trim();
  const fixed = FIXED_OFFSET.exec(zone);
  if (fixed !== null && zone !== '') {
    const minutes = fixed[1] === undefined ? 0 : Number(fixed[2]) * 60 + Number(fixed[3] ?? 0);
    if (minutes <= 18 * 60) return offsetReader((fixed[1] === '-' ? -minutes : minutes) * MINUTE_MS);
  }
  return intlReader(zone) ?? offsetReader(0);
}

/** The day in a zone a constant offset (in milliseconds) east of UTC. */
function offsetReader(offset: number): DayReader {
  return (time) => {
    const local = new Date(time + offset);
    return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
  };
}

/** The day in an IANA zone through Intl, Gregorian calendar and Latin digits; null when Intl does not know the zone. */
function intlReader(timeZone: string): DayReader | null {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
  } catch {
    return null;
  }
  return (time) => {
    let year = 0;
    let month = 0;
    let day = 0;
    let before = false;
    for (const part of format.formatToParts(time)) {
      if (part.type === 'year') year = Number(part.value);
      else if (part.type === 'month') month = Number(part.value);
      else if (part.type === 'day') day = Number(part.value);
      else if (part.type === 'era') before = part.value.startsWith('B');
    }
    // Eras count 1 BC as year 0 of the proleptic calendar, as Date does.
    return { year: before ? 1 - year : year, month, day };
  };
}
