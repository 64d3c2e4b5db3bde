// The Cascade view's and the Roll-up's run-rate forecast, and What would it take (getRequired) over the fake.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/model';
import { MBO_FORECAST } from '../../src/functions/history';
import { fixedLocale } from '../../src/functions/locale';
import { bindServerApi } from '../../src/server/bind';
import { HISTORY_TAB, ROLLUP_TAB } from '../../src/sheets/owned';
import { createFakeGas, dumpValues, type FakeTabs, fakeServerContext } from '../../tools/gas-fake';

const APR_15 = new Date('2026-04-15T12:00:00.000Z');
const JUL_1 = new Date('2026-07-01T12:00:00.000Z');

const TABS: FakeTabs = {
  Goals: [
    ['ID', 'Goal', 'Owner', 'Parent', 'Period', 'Unit', 'Target', 'Actual', 'Q1 actual', 'Q2 actual'],
    ['P', 'Grow', 'Ana', '', 'FY2026', '', '', '', '', ''],
    ['A', 'Revenue', 'Ben', 'P', 'FY2026', '$', 100, 25, '', ''],
    ['B', 'Sign-ups', 'Cy', 'P', 'FY2026', 'count', 100, 100, '', ''],
    ['Q', 'Phased', 'Di', '', 'FY2026', '$', 100, '', 20, 25],
    ['N', 'No period', 'Ed', '', '', '$', 100, 50, '', ''],
  ],
};

function api(tabs: FakeTabs = TABS) {
  const gas = createFakeGas({ tabs });
  return { gas, api: bindServerApi(fakeServerContext(gas, { now: JUL_1 })) };
}

/** July 1 is day 182 of 2026: a reading then has seen 182 of the year's 365 days. */
const pace = (actual: number): number => Math.round(((actual * 365) / 182 / 100) * 1000) / 1000;

describe('the forecast', () => {
  it('each goal with a period and figures gets its run-rate forecast in the Cascade view', () => {
    const view = api().api.getCascade();
    const forecast = Object.fromEntries(view.goals.map((g) => [g.id, g.forecast]));
    expect(forecast.A).toBe(pace(25));
    // Capped at 150% (the default cap), like attainment.
    expect(forecast.B).toBe(1.5);
    // Q1 and Q2 actuals: 20 by March 31 (day 90 of the year), 45 by June 30 (day 181): the line through them.
    expect(forecast.Q).toBeCloseTo((20 + ((45 - 20) / (181 - 90)) * (365 - 90)) / 100, 3);
    // The parent rolls up from its children's final attainment now.
    expect(forecast.P).toBeGreaterThan(0);
    expect(forecast.N).toBeUndefined();
  });

  it('the Roll-up has a Forecast column beside the 30-day change, as a percentage', () => {
    const { gas, api: server } = api();
    server.rollUp();
    const rows = dumpValues(gas.spreadsheet)[ROLLUP_TAB];
    const header = rows[2];
    const col = header.indexOf('Forecast');
    expect(header[col - 1]).toBe('30-day change');
    const a = rows.find((r) => r[0] === 'A')!;
    expect(a[col]).toBeCloseTo(pace(25), 3);
    expect(rows.find((r) => r[0] === 'N')![col]).toBe('');
    expect(gas.spreadsheet.sheet(ROLLUP_TAB).peekCell(rows.indexOf(a) + 1, col + 1).numberFormat).toBe(
      '0.0%',
    );
  });
});

describe('MBO_FORECAST over the goal tab agrees with the Cascade view and the Roll-up', () => {
  // A check-in recorded on April 15, then the forecast on July 1: each goal's check-in, phase actuals and figures now.
  function recorded() {
    const gas = createFakeGas({ tabs: TABS });
    bindServerApi(fakeServerContext(gas, { now: APR_15 })).recordCheckIn();
    return { gas, api: bindServerApi(fakeServerContext(gas, { now: JUL_1 })) };
  }
  const ids = TABS.Goals.slice(1).map((row) => [row[0]]);
  const curve = DEFAULT_SETTINGS.payoutCurve.map((p) => [p.attainment, p.payout]);

  it.each([
    ['with a check-in before', recorded],
    ['with no check-in', api],
  ])('%s', (_, make) => {
    const { gas, api: server } = make();
    const view = server.getCascade();
    server.rollUp();
    const tabs = dumpValues(gas.spreadsheet);
    const history = tabs[HISTORY_TAB] ?? '';
    const formula = MBO_FORECAST.runWith(
      fixedLocale('UTC', '.'),
      history,
      ids,
      '',
      curve,
      '2026-07-01',
      TABS.Goals,
    ) as (number | string)[][];
    const report = tabs[ROLLUP_TAB];
    const col = report[2].indexOf('Forecast');
    const goals = view.goals.filter((g) => g.forecast !== undefined);
    // Every goal but the one without a period has a forecast; Q (phase actuals only) among them.
    expect(goals.map((g) => g.id).sort()).toEqual(['A', 'B', 'P', 'Q']);
    for (const g of goals) {
      const [attainment, payout] = formula[ids.findIndex(([id]) => id === g.id)];
      expect(attainment, g.id).toBeCloseTo(g.forecast!, 3);
      expect(payout, g.id).toBeCloseTo(g.forecastPayout!, 3);
      expect(report.find((r) => r[0] === g.id)![col], g.id).toBe(attainment);
    }
    expect(formula[ids.findIndex(([id]) => id === 'N')][0]).toMatch(/^⚠ MBO_FORECAST: "N" has no Period/);
    if (make === recorded) expect(history.length).toBeGreaterThan(1);
  });
});

describe('getRequired: what would it take', () => {
  it('lists the Actual each contributing goal needs, on its own, for the goal to reach a level', () => {
    const view = api().api.getRequired('p', 1);
    expect(view).toMatchObject({ id: 'P', title: 'Grow', level: 1, final: 0.625 });
    // P averages A (25%) and B (100%): for 100%, A alone would need 100%; B alone 175%, past its 150% cap.
    expect(
      view.requirements.map((r) => [r.id, r.verdict, r.actual, r.actualNeeded, r.attainmentNeeded]),
    ).toEqual([
      ['A', 'needs', 25, 100, 1],
      ['B', 'unreachable', 100, null, 1.75],
    ]);
    expect(view.requirements[0]).toMatchObject({ tab: 'Goals', row: 3, unit: '$', via: ['P'] });
  });

  it('says why a level is out of reach', () => {
    const view = api().api.getRequired('P', 1.4);
    // A would need 180% (2 x 1.4 - 1), past its 150% cap.
    expect(view.requirements[0]).toMatchObject({ id: 'A', verdict: 'unreachable' });
    expect(view.requirements[0].message).toMatch(/out of reach: it would need 180%.*150% \(its cap\)/);
  });

  it('refuses an ID no goal has, and a level that is not an attainment', () => {
    expect(() => api().api.getRequired('GONE', 1)).toThrow(/No goal has the ID "GONE"/);
    expect(() => api().api.getRequired('P', Number.NaN)).toThrow(/level must be an attainment/);
    expect(() => api().api.getRequired('P', '1' as never)).toThrow(/level must be an attainment/);
  });
});
