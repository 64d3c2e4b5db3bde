// The calendar day (and wall-clock time) an instant falls on in a named time zone: how a spreadsheet shows a Date cell, whatever the runtime's own zone.

/** The zone dates are read in when none is given: the one every runtime agrees on. */
export const UTC = 'UTC';

/** A day on the calendar: month 1-12, day 1-31. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** A moment's wall-clock time in a zone: its calendar day, hour 0-23 and minute 0-59. */
export interface LocalTime extends CalendarDay {
  hour: number;
  minute: number;
}

/** How one zone is read: by Intl for a named zone, else by a fixed offset (0 for a zone nobody knows). */
interface Zone {
  /** The zone as it is read: its name or offset as given, or UTC when it is not known. */
  name: string;
  /** Milliseconds east of UTC, for a fixed offset and unknown zones; null for a zone read by Intl. */
  offset: number | null;
  day: Intl.DateTimeFormat | null;
  /** Made on first use: only the report's note asks for the time of day. */
  time: Intl.DateTimeFormat | null;
}

/** Zones by name as given: a spreadsheet has one zone, so this holds one or two entries. */
const zones = new Map<string, Zone>();

const zoneOf = (timeZone: string): Zone => {
  let zone = zones.get(timeZone);
  if (zone === undefined) zones.set(timeZone, (zone = readZone(timeZone.trim())));
  return zone;
};

/** Also false for NaN. */
const validTime = (time: number): boolean => Math.abs(time) <= 8.64e15;

/**
 * The calendar day of `time` (milliseconds since 1970, UTC) in `timeZone`: an IANA name such as
 * `Europe/Berlin` (read with Intl.DateTimeFormat), or a fixed offset as Sheets writes zones it does not
 * name (`GMT-07:00`, `UTC+5:30`, `+09:00`). A zone the runtime does not know is read as UTC, so the
 * answer never depends on where the code runs. Null for an invalid time.
 */
export function calendarDay(time: number, timeZone: string): CalendarDay | null {
  if (!validTime(time)) return null;
  const zone = zoneOf(timeZone);
  const { year, month, day } = zone.day === null ? shifted(time, zone.offset ?? 0) : partsOf(zone.day, time);
  return { year, month, day };
}

/** The wall-clock time of `time` in `timeZone`, read as calendarDay reads the day; null for an invalid time. */
export function localTime(time: number, timeZone: string): LocalTime | null {
  if (!validTime(time)) return null;
  const zone = zoneOf(timeZone);
  if (zone.offset !== null) return shifted(time, zone.offset);
  zone.time ??= intlFormat(zone.name, true);
  return partsOf(zone.time, time);
}

/** The name `timeZone` is read under: itself (trimmed) when it is a zone or an offset, `UTC` when it is neither. */
export function zoneName(timeZone: string): string {
  return zoneOf(timeZone).name;
}

/** `2026-03-01 15:05`: the wall-clock time of `time` in `timeZone`, to the minute; '' for an invalid time. */
export function localTimeText(time: number, timeZone: string): string {
  const t = localTime(time, timeZone);
  return t === null ? '' : `${isoOf(t)} ${two(t.hour)}:${two(t.minute)}`;
}

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)$/;

/**
 * `2026-03-01T14:05:09.000Z` -> `2026-03-01 15:05 (Europe/Berlin)`: a stored time as the spreadsheet's users read it, in
 * its zone (a zone nobody knows reads as UTC, and says so). Text that is not a time comes back as it is.
 */
export function readableTime(iso: string, timeZone: string): string {
  // Only an ISO time with its offset: Date.parse would also take `2026` or `March 3`, times nobody wrote.
  const local = ISO_TIME.test(iso) ? localTimeText(Date.parse(iso), timeZone) : '';
  return local === '' ? iso : `${local} (${zoneName(timeZone)})`;
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
  return d === null ? '' : isoOf(d);
}

const two = (n: number): string => (n < 10 ? '0' : '') + n;
const isoOf = (d: CalendarDay): string => `${String(d.year).padStart(4, '0')}-${two(d.month)}-${two(d.day)}`;

/** A fixed offset: `GMT-07:00`, `UTC+5:30`, `GMT+7`, `+09:00`, `-0330`; `GMT`, `UTC` and `Z` alone are offset 0. */
const FIXED_OFFSET = /^(?:GMT|UTC|Z)?(?:([+-])(\d\d?)(?::?(\d\d))?)?$/i;

function readZone(zone: string): Zone {
  const fixed = zone === '' ? null : FIXED_OFFSET.exec(zone);
  if (fixed !== null) {
    const minutes = fixed[1] ? Number(fixed[2]) * 60 + Number(fixed[3] ?? 0) : 0;
    // Beyond 18 hours is no zone: read as UTC.
    if (minutes > 1080) return { name: UTC, offset: 0, day: null, time: null };
    const offset = (fixed[1] === '-' ? -minutes : minutes) * 60_000;
    return { name: zone, offset, day: null, time: null };
  }
  try {
    return { name: zone, offset: null, day: intlFormat(zone, false), time: null };
  } catch {
    // A zone Intl does not know (or a blank one): UTC.
    return { name: UTC, offset: 0, day: null, time: null };
  }
}

function intlFormat(zone: string, withTime: boolean): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    calendar: 'gregory',
    numberingSystem: 'latn',
    era: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    ...(withTime ? { hour: 'numeric', minute: 'numeric', hourCycle: 'h23' } : {}),
  });
}

function partsOf(format: Intl.DateTimeFormat, time: number): LocalTime {
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(time)) parts[part.type] = part.value;
  // Eras count 1 BC as year 0 of the proleptic calendar, as Date does.
  const year = Number(parts.year);
  return {
    year: parts.era[0] === 'B' ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    // Some engines write midnight as 24 even in the h23 cycle.
    hour: Number(parts.hour ?? 0) % 24,
    minute: Number(parts.minute ?? 0),
  };
}

function shifted(time: number, offset: number): LocalTime {
  const local = new Date(time + offset);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}
