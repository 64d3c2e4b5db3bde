// Reading the Roster tab: people, their managers, employment dates, target bonus and currency; bad rows as issues.
import { describe, expect, it } from 'vitest';
import type { CellValue, Grid } from '../../src/core/model';
import { parseDay } from '../../src/core/period';
import { readRoster } from '../../src/core/roster';

const HEADER = ['Owner', 'Manager', 'Start', 'End', 'Target bonus', 'Currency'];
const read = (...rows: CellValue[][]) => readRoster('Roster', [HEADER, ...rows]);
const day = (iso: string) => parseDay(iso)!;

describe('readRoster', () => {
  it('reads each person: dates from Date cells or ISO text, money typed as text, currency in capitals', () => {
    const { roster, issues } = read(
      ['Ann Lee', 'Zoe', new Date(2025, 0, 6), '', 20000, 'usd'],
      ['Bob', 'Ann Lee', '2026-07-01', '2026-12-31', '$12,000', 'USD'],
      ['', '', '', '', '', ''],
    );
    expect(issues).toEqual([]);
    expect(roster?.entries).toEqual([
      {
        owner: 'Ann Lee',
        manager: 'Zoe',
        start: day('2025-01-06'),
        end: null,
        targetBonus: 20000,
        currency: 'USD',
        row: 2,
        blocked: false,
      },
      {
        owner: 'Bob',
        manager: 'Ann Lee',
        start: day('2026-07-01'),
        end: day('2026-12-31'),
        targetBonus: 12000,
        currency: 'USD',
        row: 3,
        blocked: false,
      },
    ]);
    expect(roster?.entry(' ann lee ')?.owner).toBe('Ann Lee');
    expect(roster?.entry('Nobody')).toBeNull();
  });

  it('finds its header below a title, under other names', () => {
    const grid: Grid = [
      ['Bonus plan 2026'],
      [],
      ['Employee', 'Reports to', 'Start date', 'End date', 'Bonus target', 'Ccy'],
      ['Ann', '', '', '', 1000, 'EUR'],
    ];
    const { roster } = readRoster('Roster', grid);
    expect(roster?.entries.map((e) => [e.owner, e.targetBonus, e.currency, e.row])).toEqual([
      ['Ann', 1000, 'EUR', 4],
    ]);
  });

  it.each<[string, CellValue[], { code: string; column: string; row: number }[], boolean]>([
    [
      'an unreadable date',
      ['Ann', '', 'soon', '', 1000, 'USD'],
      [{ code: 'bad-date', column: 'Start', row: 2 }],
      true,
    ],
    [
      'an end before the start',
      ['Ann', '', '2026-05-01', '2026-04-30', 1000, 'USD'],
      [{ code: 'bad-date', column: 'End', row: 2 }],
      true,
    ],
    [
      'an unreadable target bonus',
      ['Ann', '', '', '', 'lots', 'USD'],
      [{ code: 'not-a-number', column: 'Target bonus', row: 2 }],
      true,
    ],
    [
      'a bonus without a currency',
      ['Ann', '', '', '', 1000, ''],
      [{ code: 'missing-currency', column: 'Currency', row: 2 }],
      false,
    ],
  ])('%s is an issue on its cell', (_name, row, expected, blocked) => {
    const { roster, issues } = read(row);
    expect(issues.map((i) => ({ code: i.code, column: i.column, row: i.row }))).toEqual(expected);
    // An unreadable number is an error wherever it is; the rest are warnings.
    expect(
      issues.every(
        (i) => i.tab === 'Roster' && i.severity === (i.code === 'not-a-number' ? 'error' : 'warning'),
      ),
    ).toBe(true);
    expect(roster?.entries[0].blocked).toBe(blocked);
  });

  it('a person listed twice: the first row counts, the second is a warning', () => {
    const { roster, issues } = read(['Ann', '', '', '', 1000, 'USD'], ['ann', '', '', '', 2000, 'USD']);
    expect(roster?.entry('Ann')?.targetBonus).toBe(1000);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'roster-duplicate', row: 3, person: 'ann', otherRow: 2 }),
    ]);
  });

  it('a tab without an Owner column says so', () => {
    const { roster, issues } = readRoster('Roster', [
      ['Who', 'Bonus'],
      ['Ann', 1],
    ]);
    expect(roster).toBeNull();
    expect(issues).toEqual([expect.objectContaining({ code: 'roster-no-owner', tab: 'Roster', row: 0 })]);
  });
});
