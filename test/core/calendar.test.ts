// Pins calendarDay and localTime: the day and wall-clock time an instant falls on in a named zone or a fixed offset, whatever the process's own zone.
import { describe, expect, it } from 'vitest';
import {
  type CalendarDay,
  calendarDay,
  dayNumber,
  isoDay,
  localTime,
  localTimeText,
  readableTime,
  zoneName,
} from '../../src/core/calendar';
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

describe.each(PROCESS_ZONES)('localTime and localTimeText, the process in %s', (processZone) => {
  it.each<[string, number, string, string, string]>([
    [
      'Berlin in winter (UTC+1)',
      at('2026-03-01T14:05:59Z'),
      'Europe/Berlin',
      '2026-03-01 15:05',
      'Europe/Berlin',
    ],
    [
      'Berlin in summer (UTC+2)',
      at('2026-07-01T12:00:00Z'),
      'Europe/Berlin',
      '2026-07-01 14:00',
      'Europe/Berlin',
    ],
    [
      'Berlin, a minute before clocks go forward',
      at('2026-03-29T00:59:00Z'),
      'Europe/Berlin',
      '2026-03-29 01:59',
      'Europe/Berlin',
    ],
    [
      'Berlin, the minute clocks go forward',
      at('2026-03-29T01:00:00Z'),
      'Europe/Berlin',
      '2026-03-29 03:00',
      'Europe/Berlin',
    ],
    [
      'Berlin, midnight is 00, not 24',
      at('2026-02-28T23:00:00Z'),
      'Europe/Berlin',
      '2026-03-01 00:00',
      'Europe/Berlin',
    ],
    [
      'Los Angeles in winter (UTC-8)',
      at('2026-03-01T14:05:00Z'),
      'America/Los_Angeles',
      '2026-03-01 06:05',
      'America/Los_Angeles',
    ],
    [
      'Los Angeles in summer (UTC-7)',
      at('2026-07-01T12:00:00Z'),
      'America/Los_Angeles',
      '2026-07-01 05:00',
      'America/Los_Angeles',
    ],
    [
      'Los Angeles, the day before in UTC terms',
      at('2026-03-01T05:30:00Z'),
      'America/Los_Angeles',
      '2026-02-28 21:30',
      'America/Los_Angeles',
    ],
    [
      'Los Angeles, clocks go back: the first 01:30',
      at('2026-11-01T08:30:00Z'),
      'America/Los_Angeles',
      '2026-11-01 01:30',
      'America/Los_Angeles',
    ],
    [
      'Los Angeles, clocks go back: the second 01:30',
      at('2026-11-01T09:30:00Z'),
      'America/Los_Angeles',
      '2026-11-01 01:30',
      'America/Los_Angeles',
    ],
    [
      'Tokyo (UTC+9), the next day',
      at('2026-03-01T20:00:00Z'),
      'Asia/Tokyo',
      '2026-03-02 05:00',
      'Asia/Tokyo',
    ],
    [
      'Kolkata, a half-hour zone',
      at('2026-03-01T14:05:00Z'),
      'Asia/Kolkata',
      '2026-03-01 19:35',
      'Asia/Kolkata',
    ],
    ['UTC', at('2026-03-01T14:05:00Z'), 'UTC', '2026-03-01 14:05', 'UTC'],
    [
      'a fixed offset as Sheets writes it',
      at('2026-03-01T14:05:00Z'),
      'GMT-07:00',
      '2026-03-01 07:05',
      'GMT-07:00',
    ],
    ['a half-hour offset', at('2026-03-01T14:05:00Z'), 'UTC+5:30', '2026-03-01 19:35', 'UTC+5:30'],
    [
      'an offset alone, into the next day',
      at('2026-03-01T20:00:00Z'),
      '+09:00',
      '2026-03-02 05:00',
      '+09:00',
    ],
    [
      'a zone name with spaces around it',
      at('2026-03-01T14:05:00Z'),
      ' Europe/Berlin ',
      '2026-03-01 15:05',
      'Europe/Berlin',
    ],
    [
      'a zone nobody knows is read as UTC',
      at('2026-03-01T14:05:00Z'),
      'Mars/Olympus_Mons',
      '2026-03-01 14:05',
      'UTC',
    ],
    ['a blank zone is read as UTC', at('2026-03-01T14:05:00Z'), '', '2026-03-01 14:05', 'UTC'],
    [
      'an offset beyond 18 hours is read as UTC',
      at('2026-03-01T14:05:00Z'),
      '+19:00',
      '2026-03-01 14:05',
      'UTC',
    ],
    ['an invalid time', Number.NaN, 'Europe/Berlin', '', 'Europe/Berlin'],
  ])('%s', (_name, time, zone, text, name) => {
    expect(inProcessZone(processZone, () => localTimeText(time, zone))).toBe(text);
    expect(zoneName(zone)).toBe(name);
  });

  it('gives the day calendarDay gives, with the hour and minute', () => {
    const time = at('2026-03-31T21:30:00Z');
    expect(inProcessZone(processZone, () => localTime(time, 'Europe/Berlin'))).toEqual({
      ...day(2026, 3, 31),
      hour: 23,
      minute: 30,
    });
    for (let t = at('2026-03-28T00:00:00Z'); t < at('2026-04-01T00:00:00Z'); t += 15 * 60_000) {
      for (const zone of ['Europe/Berlin', 'America/Los_Angeles', 'GMT-07:00']) {
        const { hour: _h, minute: _m, ...dayOf } = localTime(t, zone)!;
        if (JSON.stringify(dayOf) !== JSON.stringify(calendarDay(t, zone)))
          throw new Error(`${zone} at ${t}`);
      }
    }
  });
});

describe('readableTime: a stored ISO time as the spreadsheet shows it', () => {
  it.each([
    [
      'a UTC time in a named zone',
      '2026-03-01T14:05:09.000Z',
      'Europe/Berlin',
      '2026-03-01 15:05 (Europe/Berlin)',
    ],
    [
      'the day after, further east',
      '2026-12-31T17:00:00.000Z',
      'Pacific/Kiritimati',
      '2027-01-01 07:00 (Pacific/Kiritimati)',
    ],
    ['an offset written in the text', '2026-03-01T14:05+01:00', 'UTC', '2026-03-01 13:05 (UTC)'],
    [
      'a zone nobody knows reads as UTC, and says so',
      '2026-03-01T14:05:09Z',
      'Mars/Olympus_Mons',
      '2026-03-01 14:05 (UTC)',
    ],
    ['text that is not a time stays as it is', 'year end', 'Europe/Berlin', 'year end'],
    ['a bare year is not taken for a time', '2026', 'Europe/Berlin', '2026'],
    [
      'a time without its offset is not guessed at',
      '2026-03-01T14:05:09',
      'Europe/Berlin',
      '2026-03-01T14:05:09',
    ],
  ])('%s', (_name, iso, zone, text) => {
    expect(readableTime(iso, zone)).toBe(text);
  });
});
