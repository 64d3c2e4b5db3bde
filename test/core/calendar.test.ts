// Pins calendarDay: the day an instant falls on in a named zone or a fixed offset, whatever the process's own zone.
import { describe, expect, it } from 'vitest';
import { type CalendarDay, calendarDay, dayNumber, isoDay } from '../../src/core/calendar';
import { inProcessZone, PROCESS_ZONES } from '../support/zones';

const at = (iso: string): number => new Date(iso).getTime();
const day = (year: number, month: number, d: number): CalendarDay => ({ year, month, day: d });

describe.each(PROCESS_ZONES)('calendarDay, the process in %s', (processZone) => {
  it.each<[string, number, string, CalendarDay | null]>([
    ['Berlin midnight, winter (UTC+1)', at('2026-02-28T23:00:00Z'), 'Europe/Berlin', day(2026, 3, 1)],
    ['Berlin, a minute before midnight', at('2026-02-28T22:59:00Z'), 'Europe/Berlin', day(2026, 2, 28)],
    ['Berlin midnight, summer (UTC+2)', at('2026-06-30T22:00:00Z'), 'Europe/Berlin', day(2026, 7, 1)],
    ['Berlin, the day clocks go forward', at('2026-03-28T23:00:00Z'), 'Europe/Berlin', day(2026, 3, 29)],
    ['Tokyo midnight (UTC+9)', at('2026-02-28T15:00:00Z'), 'Asia/Tokyo', day(2026, 3, 1)],
    ['Tokyo, new year', at('2025-12-31T15:00:00Z'), 'Asia/Tokyo', day(2026, 1, 1)],
    [
      'Los Angeles midnight, winter (UTC-8)',
      at('2026-03-01T08:00:00Z'),
      'America/Los_Angeles',
      day(2026, 3, 1),
    ],
    [
      'Los Angeles midnight, summer (UTC-7)',
      at('2026-07-01T07:00:00Z'),
      'America/Los_Angeles',
      day(2026, 7, 1),
    ],
    [
      'Los Angeles, a minute before midnight',
      at('2026-03-01T07:59:00Z'),
      'America/Los_Angeles',
      day(2026, 2, 28),
    ],
    ['UTC', at('2026-03-01T00:00:00Z'), 'UTC', day(2026, 3, 1)],
    ['Etc/GMT+7 (IANA: seven hours west)', at('2026-03-01T07:00:00Z'), 'Etc/GMT+7', day(2026, 3, 1)],
    ['a fixed offset as Sheets writes it', at('2026-03-01T07:00:00Z'), 'GMT-07:00', day(2026, 3, 1)],
    ['the same offset, an hour earlier', at('2026-03-01T06:59:00Z'), 'GMT-07:00', day(2026, 2, 28)],
    ['a half-hour offset', at('2026-02-28T18:30:00Z'), 'UTC+5:30', day(2026, 3, 1)],
    ['an offset alone', at('2026-02-28T15:00:00Z'), '+09:00', day(2026, 3, 1)],
    ['GMT alone', at('2026-03-01T00:00:00Z'), 'GMT', day(2026, 3, 1)],
    ['a zone nobody knows is read as UTC', at('2026-02-28T23:00:00Z'), 'Mars/Olympus_Mons', day(2026, 2, 28)],
    ['a blank zone is read as UTC', at('2026-02-28T23:00:00Z'), '', day(2026, 2, 28)],
    ['an offset beyond 18 hours is no offset: UTC', at('2026-02-28T23:00:00Z'), '+19:00', day(2026, 2, 28)],
    ['the time-only cell of Sheets (1899-12-30)', at('1899-12-30T00:00:00Z'), 'UTC', day(1899, 12, 30)],
    ['an invalid time', Number.NaN, 'Europe/Berlin', null],
    ['beyond the range of Date', 8.64e15 + 1, 'UTC', null],
  ])('%s', (_name, time, zone, expected) => {
    expect(inProcessZone(processZone, () => calendarDay(time, zone))).toEqual(expected);
  });

  it('reads years below 100 and before the common era as themselves', () => {
    const year45 = new Date(0);
    year45.setUTCFullYear(45, 5, 1);
    const bc = new Date(0);
    bc.setUTCFullYear(-1, 0, 1); // 2 BC, year -1 in Date's count
    expect(inProcessZone(processZone, () => calendarDay(year45.getTime(), 'Europe/Berlin'))).toEqual(
      day(45, 6, 1),
    );
    expect(inProcessZone(processZone, () => calendarDay(bc.getTime(), 'Asia/Tokyo'))).toEqual(day(-1, 1, 1));
  });
});

describe('dayNumber and isoDay', () => {
  it.each<[number, string, number | null, string]>([
    [at('2026-02-28T23:00:00Z'), 'Europe/Berlin', Date.UTC(2026, 2, 1) / 86_400_000, '2026-03-01'],
    [at('2026-02-28T23:00:00Z'), 'UTC', Date.UTC(2026, 1, 28) / 86_400_000, '2026-02-28'],
    [at('1970-01-01T00:00:00Z'), 'UTC', 0, '1970-01-01'],
    [at('1969-12-31T23:00:00Z'), 'UTC', -1, '1969-12-31'],
    [at('2000-02-29T12:00:00Z'), 'UTC', Date.UTC(2000, 1, 29) / 86_400_000, '2000-02-29'],
    [Number.NaN, 'UTC', null, ''],
  ])('%s in %s', (time, zone, number, iso) => {
    expect(dayNumber(time, zone)).toBe(number);
    expect(isoDay(time, zone)).toBe(iso);
  });

  it('agrees with Date.UTC on every day of four centuries', () => {
    for (let d = Date.UTC(1900, 0, 1) / 86_400_000; d < Date.UTC(2300, 0, 1) / 86_400_000; d += 1) {
      if (dayNumber(d * 86_400_000 + 43_200_000, 'UTC') !== d) throw new Error(`day ${d}`);
    }
  });
});
