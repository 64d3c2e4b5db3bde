// Where the report goes: its usual name, our earlier report's, or the next free numbered name, never a tab we did not make.
import { describe, expect, it } from 'vitest';
import { chooseTab, looksLikeReport, numberedName } from '../../src/report/report-tab';
import { GOAL_HEADERS } from '../../src/report/rollup-table';

const mine = (name: string) => ({ name, ours: false });
const ours = (name: string) => ({ name, ours: true });
const NOTE = (name: string) => `Your tab "Roll-up" is left alone: the report is in "${name}".`;

describe('chooseTab', () => {
  it.each([
    ['no tabs', [], { name: 'Roll-up', replacesOurs: false, note: '' }],
    ['only goal tabs', [mine('CMO'), mine('Team')], { name: 'Roll-up', replacesOurs: false, note: '' }],
    ['our report', [mine('CMO'), ours('Roll-up')], { name: 'Roll-up', replacesOurs: true, note: '' }],
    ['our report, other case', [ours('ROLL-UP')], { name: 'ROLL-UP', replacesOurs: true, note: '' }],
    [
      'a tab of the user named Roll-up',
      [mine('Roll-up')],
      { name: 'Roll-up (2)', replacesOurs: false, note: NOTE('Roll-up (2)') },
    ],
    [
      '... in any case',
      [mine('roll-up')],
      { name: 'Roll-up (2)', replacesOurs: false, note: NOTE('Roll-up (2)') },
    ],
    [
      'their Roll-up and Roll-up (2)',
      [mine('Roll-up'), mine('Roll-up (2)')],
      { name: 'Roll-up (3)', replacesOurs: false, note: NOTE('Roll-up (3)') },
    ],
    [
      'their Roll-up and our Roll-up (2) from last time',
      [mine('Roll-up'), ours('Roll-up (2)')],
      { name: 'Roll-up (2)', replacesOurs: true, note: NOTE('Roll-up (2)') },
    ],
    [
      'our report stays where it went, even when Roll-up is free again',
      [mine('Team'), ours('Roll-up (2)')],
      { name: 'Roll-up (2)', replacesOurs: true, note: '' },
    ],
    [
      'two reports of ours: the lowest number',
      [ours('Roll-up (3)'), ours('Roll-up (2)')],
      { name: 'Roll-up (2)', replacesOurs: true, note: '' },
    ],
    [
      'a numbered report of ours is found even when a lower name is free',
      [mine('A'), mine('B'), ours('Roll-up (3)')],
      { name: 'Roll-up (3)', replacesOurs: true, note: '' },
    ],
    [
      'our report renamed by the user is left alone',
      [ours('Q3 snapshot')],
      { name: 'Roll-up', replacesOurs: false, note: '' },
    ],
    [
      'not a numbered name',
      [mine('Roll-up'), ours('Roll-up (02)')],
      { name: 'Roll-up (2)', replacesOurs: false, note: NOTE('Roll-up (2)') },
    ],
  ])('%s', (_label, tabs, expected) => {
    expect(chooseTab(tabs)).toEqual(expected);
  });

  it('never picks a tab of the user, however many there are', () => {
    const theirs = Array.from({ length: 50 }, (_, i) => mine(numberedName('Roll-up', i + 1)));
    const choice = chooseTab(theirs);
    expect(choice).toEqual({ name: 'Roll-up (51)', replacesOurs: false, note: NOTE('Roll-up (51)') });
  });

  it('works for any base name', () => {
    expect(chooseTab([mine('_mbo_ids')], '_mbo_ids').name).toBe('_mbo_ids (2)');
  });
});

describe('looksLikeReport', () => {
  // The report's own goal headers (any change to them must keep its report recognised).
  const headers = [...GOAL_HEADERS];
  it.each([
    [
      'a report, the time in the spreadsheet’s zone',
      [['Computed by MBO Cascade on 2026-01-01 11:00 (Europe/Berlin) from CMO: …'], [], headers],
      true,
    ],
    [
      'a report written when the note gave UTC',
      [['Computed by MBO Cascade on 2026-01-01 10:00 UTC from CMO: …'], [], headers],
      true,
    ],
    [
      'goals',
      [
        ['ID', 'Goal'],
        ['M-1', 'Grow'],
      ],
      false,
    ],
    ['the note without the headers', [['Computed by MBO Cascade on x'], [], ['ID', 'Goal']], false],
    ['the headers without the note', [['Notes'], [], headers], false],
    ['empty', [], false],
  ])('%s -> %s', (_label, grid, expected) => {
    expect(looksLikeReport(grid as unknown[][])).toBe(expected);
  });
});
