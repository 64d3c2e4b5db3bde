// Which tab is the check-in log: marked, ours by header under our name, the old History, or a new Check-ins; never a user's tab.
import { describe, expect, it } from 'vitest';
import {
  CHECK_INS_TAB,
  chooseCheckInTab,
  hasCheckInHeader,
  type LogCandidate,
  mayBeCheckInTab,
} from '../../src/core/check-in-tab';
import { HISTORY_HEADERS } from '../../src/core/history';
import type { Grid } from '../../src/core/model';

const OURS: Grid = [HISTORY_HEADERS.slice(), ['2026-03-31', 'G-1', 5, 0.5, 0.5, 'on track', '', '']];
const LEDGER: Grid = [
  ['Date', 'ID', 'Amount'],
  ['2026-03-31', 'INV-1', 500],
];
const tab = (name: string, top: Grid, marked = false): LogCandidate => ({ name, top, marked });

describe('hasCheckInHeader', () => {
  it.each([
    ['our header', OURS, true],
    [
      'our header in another case, with a column after it',
      [HISTORY_HEADERS.map((h) => h.toUpperCase()).concat('Mine')],
      true,
    ],
    ['our header under a blank row', [[], ['', ''], ...OURS], true],
    ['a ledger with Date and ID only', LEDGER, false],
    ['our columns in another order', [HISTORY_HEADERS.slice().reverse()], false],
    ['an empty tab', [], false],
  ] as [string, Grid, boolean][])('%s -> %s', (_, grid, expected) => {
    expect(hasCheckInHeader(grid)).toBe(expected);
  });
});

describe('chooseCheckInTab', () => {
  it.each([
    [
      'no log: a new Check-ins tab, marked',
      [tab('Goals', [])],
      { read: null, write: 'Check-ins', create: true, mark: true, renameTo: null },
    ],
    [
      'a user tab named History (a ledger) is never the log',
      [tab('History', LEDGER)],
      { read: null, write: 'Check-ins', create: true, mark: true, renameTo: null },
    ],
    [
      'a user tab named Check-ins: the log goes to Check-ins (2)',
      [tab('Check-ins', LEDGER)],
      { read: null, write: 'Check-ins (2)', create: true, mark: true, renameTo: null },
    ],
    [
      'the marked tab wins, whatever its name',
      [tab('Check-ins', OURS), tab('Our log', [], true)],
      { read: 'Our log', write: 'Our log', create: false, mark: false, renameTo: null },
    ],
    [
      'of several marked tabs, the one named Check-ins',
      [tab('Copy of log', [], true), tab('check-ins', [], true)],
      { read: 'check-ins', write: 'check-ins', create: false, mark: false, renameTo: null },
    ],
    [
      'an unmarked Check-ins in our format (a download dropped the mark): read, written, marked',
      [tab('Check-ins', OURS)],
      { read: 'Check-ins', write: 'Check-ins', create: false, mark: true, renameTo: null },
    ],
    [
      'the lowest-numbered log in our format',
      [tab('Check-ins (3)', OURS), tab('Check-ins', LEDGER), tab('Check-ins (2)', OURS)],
      { read: 'Check-ins (2)', write: 'Check-ins (2)', create: false, mark: true, renameTo: null },
    ],
    [
      'an old History log: read, and renamed to Check-ins when written',
      [tab('History', OURS)],
      { read: 'History', write: 'History', create: false, mark: true, renameTo: 'Check-ins' },
    ],
    [
      'an old History log beside a user tab named Check-ins: renamed to Check-ins (2)',
      [tab('History', OURS), tab('Check-ins', LEDGER)],
      { read: 'History', write: 'History', create: false, mark: true, renameTo: 'Check-ins (2)' },
    ],
  ] as [string, LogCandidate[], object][])('%s', (_, tabs, expected) => {
    expect(chooseCheckInTab(tabs)).toMatchObject(expected);
  });

  it('says why a tab of the user’s is left alone, and that an old History log will be renamed', () => {
    expect(chooseCheckInTab([tab('Check-ins', LEDGER)]).note).toMatch(
      /"Check-ins" is not a check-in log.*"Check-ins \(2\)"/,
    );
    expect(chooseCheckInTab([tab('History', OURS)]).note).toMatch(
      /"History", a name Excel refuses.*"Check-ins"/,
    );
    expect(chooseCheckInTab([tab('History', LEDGER)]).note).toBe('');
  });

  it('names the log may go by', () => {
    expect(['Check-ins', 'check-ins (2)', 'History', ' history '].map(mayBeCheckInTab)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['Checkins', 'Check-ins 2', 'Histories', CHECK_INS_TAB + 'x'].map(mayBeCheckInTab)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
