// The command line's freeze writes the rows the add-on's Freeze period writes for the same workbook (the built bundle over the fake spreadsheet), all but the time and the user.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FROZEN_LOG_NAME } from '../../src/core/freeze';
import type { CellValue } from '../../src/core/model';
import { dumpValues, type FakeTabs } from '../../tools/gas-fake';
import { marketingWorkbook } from '../../tools/samples/marketing';
import { type BundleSession, startBundleSession } from '../support/bundle-session';
import { openBook, runMain } from './run-main';
import { useTempDir } from './temp-dir';

/**
 * The marketing sample with a Roster, so payouts have amounts and currencies: one owner in euros, one left off the
 * Roster (no amount), one whose target bonus is blank (no amount, a currency).
 */
function tabs(): { name: string; grid: CellValue[][] }[] {
  const owners = [
    ...new Set(marketingWorkbook().flatMap((tab) => tab.grid.slice(1).map((r) => String(r[2])))),
  ];
  const roster: CellValue[][] = [['Owner', 'Manager', 'Start', 'End', 'Target bonus', 'Currency']];
  owners.forEach((owner, k) => {
    if (k === 1) return;
    roster.push([
      owner,
      k === 0 ? '' : owners[0],
      '',
      '',
      k === 2 ? '' : 10_000 + 1_000 * k,
      k === 3 ? 'EUR' : 'USD',
    ]);
  });
  return [...marketingWorkbook(), { name: 'Roster', grid: roster }];
}

/** The log's rows without Frozen at and Frozen by, which say when and who. */
const withoutTimeAndUser = (rows: readonly (readonly unknown[])[]): unknown[][] =>
  rows.map((r) => [...r.slice(0, 7), ...r.slice(9)]);

describe('freeze: the command line and the add-on write the same rows', () => {
  const dir = useTempDir();
  let session: BundleSession;
  beforeAll(async () => {
    const fake: FakeTabs = Object.fromEntries(tabs().map((tab) => [tab.name, tab.grid]));
    session = await startBundleSession(fake);
  });

  it.each(['FY2026', '2026'])('freezing %s', async (period) => {
    session.fake.ui.promptAnswers.push(period);
    session.api.menuFreezePeriod();
    const addOn = dumpValues(session.fake.spreadsheet)[FROZEN_LOG_NAME];

    const input = dir.path('goals.xlsx');
    const book = new ExcelJS.Workbook();
    for (const tab of tabs()) {
      const sheet = book.addWorksheet(tab.name);
      for (const row of tab.grid) sheet.addRow(row.map((v) => (v === '' ? null : v)));
    }
    await book.xlsx.writeFile(input);
    const out = dir.path('frozen.xlsx');
    expect((await runMain(['freeze', input, '--period', period, '-o', out])).code).toBe(0);
    const sheet = (await openBook(out)).getWorksheet(FROZEN_LOG_NAME)!;
    const cli: unknown[][] = [];
    sheet.eachRow((row) => {
      cli.push(Array.from({ length: 9 }, (_, c) => row.getCell(c + 1).value ?? ''));
    });

    // The add-on's log holds every freeze so far in this session: its last batch is this one.
    const batch = addOn.slice(-(cli.length - 1));
    expect(cli[0]).toEqual(addOn[0]);
    expect(withoutTimeAndUser(cli.slice(1))).toEqual(withoutTimeAndUser(batch));
    // Frozen at is ISO text (UTC) in both, never a date a spreadsheet could show another way.
    for (const r of [...cli.slice(1), ...batch])
      expect(r[7]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // Not vacuous: every card of the period, with amounts and currencies where the Roster gives them.
    expect(cli.length - 1).toBe(10);
    expect(cli.slice(1).some((r) => typeof r[4] === 'number' && r[4] > 0)).toBe(true);
    expect(new Set(cli.slice(1).map((r) => r[5]))).toEqual(new Set(['USD', 'EUR', '']));
  });
});
