// Date cells read in the spreadsheet's time zone, whatever the zone of the process running the core.
import { describe, expect, it } from 'vitest';
import { cellText } from '../../src/core/cells';
import type { CellValue } from '../../src/core/model';
import { dayOfDate, parsePeriod } from '../../src/core/period';
import { readSettings } from '../../src/core/settings';
import { analyzeWorkbook } from '../../src/core/workbook';
import { inProcessZone, ZONE_PAIRS } from '../support/zones';

const MARCH_FIRST_DAY = Date.UTC(2026, 2, 1) / 86_400_000;

describe.each(ZONE_PAIRS)(
  'a spreadsheet in $zone, the process in $processZone',
  ({ zone, processZone, marchFirst }) => {
    const run = <T>(work: () => T): T => inProcessZone(processZone, work);

    it('reads a Date cell as the calendar day the spreadsheet shows', () => {
      expect(run(() => cellText(marchFirst, zone))).toBe('2026-03-01');
      expect(run(() => dayOfDate(marchFirst, zone))).toBe(MARCH_FIRST_DAY);
    });

    it('reads a Date Period cell as its month', () => {
      expect(run(() => parsePeriod(marchFirst, zone)?.label)).toBe('Mar 2026');
    });

    it('reads a Date as the Default period of the Settings tab', () => {
      const read = run(() => readSettings([['Default period', marchFirst]], 'Settings', '.', zone));
      expect(read.settings.defaultPeriod).toBe('Mar 2026');
      expect(read.settings.timeZone).toBe(zone);
    });

    it('reads Date cells of goal tabs (Period, ID, Parent) in the zone the analysis is given', () => {
      const grid: CellValue[][] = [
        ['ID', 'Goal', 'Parent', 'Owner', 'Period', 'Weight'],
        [marchFirst, 'Dated ID', '', 'Ava', marchFirst, 0.5],
        ['C-1', 'Child', marchFirst, 'Ava', marchFirst, 0.2],
      ];
      const analysis = run(() => analyzeWorkbook([{ name: 'Goals', grid }], { timeZone: zone }));
      expect(analysis.goals.map((g) => [g.id, g.parent, g.period])).toEqual([
        ['2026-03-01', '', 'Mar 2026'],
        ['C-1', '2026-03-01', 'Mar 2026'],
      ]);
      expect(analysis.links.parentOf[1]).toBe(0);
      expect(analysis.cards.map((c) => c.period)).toEqual(['Mar 2026']);
    });
  },
);
