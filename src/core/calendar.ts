// The calendar day an instant falls on in a named time zone: how a spreadsheet shows a Date cell, whatever the runtime's own zone.

/** The zone dates are read in when none is given: the one every runtime agrees on. */
export const UTC = 'UTC';

/** A day on the calendar: month 1-12, day 1-31. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

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
  // Also false for NaN.
  if (!(Math.abs(time) <= 8.64e15)) return null;
  let read = readers.get(timeZone);
  if (read === undefined) readers.set(timeZone, (read = dayReader(timeZone.trim())));
  return read(time);
}

/** The UTC day number (days since 1970-01-01) of the calendar day `time` falls on in `timeZone`; null when invalid. */
export function dayNumber(time: number, timeZone: string): number | null {
  const d = calendarDay(time, timeZone);
  // setUTCFullYear, unlike Date.UTC, keeps years 0-99 as they are.
  return d === null ? null : new Date(0).setUTCFullYear(d.year, d.month - 1, d.day) / 86_400_000;
}

/** `YYYY-MM-DD` of the calendar day `time` falls on in `timeZone`; '' when invalid. */
export function isoDay(time: number, timeZone: string): string {
  const d = calendarDay(time, timeZone);
  if (d === null) return '';
  const two = (n: number) => (n < 10 ? '0' : '') + n;
  return `${String(d.year).padStart(4, '0')}-${two(d.month)}-${two(d.day)}`;
}

/** A fixed offset: `GMT-07:00`, `UTC+5:30`, `GMT+7`, `+09:00`, `-0330`; `GMT`, `UTC` and `Z` alone are offset 0. */
const FIXED_OFFSET = /^(?:GMT|UTC|Z)?(?:([+-])(\d\d?)(?::?(\d\d))?)?$/i;

function dayReader(zone: string): DayReader {
  const fixed = zone === '' ? null : FIXED_OFFSET.exec(zone);
  let offset = 0;
  if (fixed !== null) {
    const minutes = fixed[1] ? Number(fixed[2]) * 60 + Number(fixed[3] ?? 0) : 0;
    // Beyond 18 hours is no zone: read as UTC.
    if (minutes <= 1080) offset = (fixed[1] === '-' ? -minutes : minutes) * 60_000;
  } else {
    try {
      const format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        calendar: 'gregory',
        numberingSystem: 'latn',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
      });
      return (time) => {
        const parts: Record<string, string> = {};
        for (const part of format.formatToParts(time)) parts[part.type] = part.value;
        // Eras count 1 BC as year 0 of the proleptic calendar, as Date does.
        const year = Number(parts.year);
        return {
          year: parts.era[0] === 'B' ? 1 - year : year,
          month: Number(parts.month),
          day: Number(parts.day),
        };
      };
    } catch {
      // A zone Intl does not know: UTC.
    }
  }
  return (time) => {
    const local = new Date(time + offset);
    return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
  };
}
