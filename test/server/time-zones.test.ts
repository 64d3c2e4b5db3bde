// The sidebar reads Date cells, and judges "today", on the spreadsheet's calendar, not the script's or the process's.
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/model';
import { bindServerApi } from '../../src/server/bind';
import { createFakeGas, fakeServerContext } from '../../tools/gas-fake';
import { inProcessZone, ZONE_PAIRS } from '../support/zones';

/** One owner with two goals in the period of a Period cell, weights adding up to 70%: a warning that names the period. */
function tabs(period: CellValue, actual = 50): Record<string, CellValue[][]> {
  return {
    Goals: [
      ['ID', 'Goal', 'Owner', 'Type', 'Target', 'Actual', 'Weight', 'Period'],
      ['G-1', 'Pipeline', 'Ava', 'Outcome', 100, actual, 0.5, period],
      ['G-2', 'Peer NPS', 'Ava', 'Collaboration', 50, actual, 0.2, period],
    ],
  };
}

describe.each(ZONE_PAIRS)(
  'a spreadsheet in $zone, the server in $processZone',
  ({ zone, processZone, marchFirst, lateOnMarch31 }) => {
    it('reads a Date Period cell as the month the spreadsheet shows', () => {
      const gas = createFakeGas({ tabs: tabs(marchFirst), timeZone: zone });
      const report = inProcessZone(processZone, () => bindServerApi(fakeServerContext(gas)).checkWorkbook());
      const weights = report.issues.find((i) => i.code === 'weights-not-100');
      expect(weights?.message).toMatch(/weights for Mar 2026 add up to 70%/);
    });

    it('judges status on the day it is in the spreadsheet, not in UTC or the process', () => {
      // 23:30 on 31 March in the spreadsheet's zone: April has not started there, so nothing is expected yet and
      // goals at 0% are on track; on 1 April (as UTC or the process may see it) they would be off track.
      const gas = createFakeGas({ tabs: tabs('Apr 2026', 0), timeZone: zone });
      const view = inProcessZone(processZone, () =>
        bindServerApi(fakeServerContext(gas, { now: lateOnMarch31 })).getCascade(),
      );
      expect(view.goals.map((g) => g.status)).toEqual(['on track', 'on track']);
    });
  },
);

describe('the fake spreadsheet zone', () => {
  it('is its own, separate from the process zone', () => {
    const gas = createFakeGas({ timeZone: 'Asia/Tokyo' });
    expect(inProcessZone('America/New_York', () => gas.spreadsheet.getSpreadsheetTimeZone())).toBe(
      'Asia/Tokyo',
    );
  });

  it('defaults to the zone of the process, like a spreadsheet whose zone is the script’s', () => {
    expect(inProcessZone('Asia/Tokyo', () => createFakeGas().spreadsheet.getSpreadsheetTimeZone())).toBe(
      'Asia/Tokyo',
    );
  });
});
