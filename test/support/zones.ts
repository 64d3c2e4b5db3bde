// Time zones for date tests: instants of a spreadsheet's local midnight, and running code with the process in another zone.

/**
 * Spreadsheet zones the tests read dates in, with instants (UTC) of their local midnight on 2026-03-01 and of
 * 23:30 local time on 2026-03-31 (after the switch to daylight time in Berlin and Los Angeles).
 */
export const SPREADSHEET_ZONES: readonly { zone: string; marchFirst: Date; lateOnMarch31: Date }[] = [
  // CET, UTC+1: midnight is 23:00 UTC the day before; CEST from 29 March, UTC+2.
  {
    zone: 'Europe/Berlin',
    marchFirst: new Date('2026-02-28T23:00:00Z'),
    lateOnMarch31: new Date('2026-03-31T21:30:00Z'),
  },
  // JST, UTC+9: midnight is 15:00 UTC the day before.
  {
    zone: 'Asia/Tokyo',
    marchFirst: new Date('2026-02-28T15:00:00Z'),
    lateOnMarch31: new Date('2026-03-31T14:30:00Z'),
  },
  // PST, UTC-8: midnight is 08:00 UTC the same day; PDT from 8 March, UTC-7.
  {
    zone: 'America/Los_Angeles',
    marchFirst: new Date('2026-03-01T08:00:00Z'),
    lateOnMarch31: new Date('2026-04-01T06:30:00Z'),
  },
];

/**
 * Zones for the test process itself: each puts one of the instants above on another calendar day than the
 * spreadsheet's (UTC and Kiritimati, UTC+14, for Berlin and Tokyo; Honolulu, UTC-10, for Los Angeles).
 */
export const PROCESS_ZONES: readonly string[] = [
  'UTC',
  'Pacific/Honolulu',
  'Pacific/Kiritimati',
  'America/New_York',
];

/** Runs `work` with the process's local time zone set to `zone` (Node applies a new TZ at once), then restores it. */
export function inProcessZone<T>(zone: string, work: () => T): T {
  const saved = process.env.TZ;
  process.env.TZ = zone;
  try {
    return work();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

/** Every spreadsheet zone with every process zone, for it.each. */
export const ZONE_PAIRS = SPREADSHEET_ZONES.flatMap((spreadsheet) =>
  PROCESS_ZONES.map((processZone) => ({ ...spreadsheet, processZone })),
);
