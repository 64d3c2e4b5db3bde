// Pins the Settings tab: each key, its accepted values, bad values as issues, and the round trip through settingsRows.
import { describe, expect, it } from 'vitest';
import { type CellValue, DEFAULT_SETTINGS, type Grid, type Settings } from '../../src/core/model';
import { readSettings, settingsRows } from '../../src/core/settings';

const HEADER = ['Setting', 'Value', 'Payout'];

/** Settings read from a tab of a header and these rows, and its issues. */
function read(...rows: CellValue[][]) {
  return readSettings([HEADER, ...rows]);
}

describe('readSettings', () => {
  it('gives the defaults, as a copy, when there is no Settings tab', () => {
    const { settings, issues } = readSettings(null);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(issues).toEqual([]);
    settings.vanityWords.push('changed');
    settings.payoutCurve[0].payout = 9;
    expect(DEFAULT_SETTINGS.vanityWords).not.toContain('changed');
    expect(DEFAULT_SETTINGS.payoutCurve[0].payout).toBe(0.5);
  });

  it('gives the defaults for an empty tab or one with only unknown keys', () => {
    expect(readSettings([])).toEqual({ settings: DEFAULT_SETTINGS, issues: [] });
    expect(read(['Colour', 'blue'], ['', 'orphan value'], ['Notes'])).toEqual({
      settings: DEFAULT_SETTINGS,
      issues: [],
    });
  });

  it.each<[string, CellValue[], Partial<Settings>]>([
    ['cap as a fraction', ['Cap', 1.2], { cap: 1.2 }],
    ['cap as text', ['Cap', '120%'], { cap: 1.2 }],
    ['cap with any case and punctuation in the key', ['CAP (%)', '200%'], { cap: 2 }],
    ['floor', ['Floor', 0.1], { floor: 0.1 }],
    ['a negative floor', ['Floor', '-50%'], { floor: -0.5 }],
    ['gap threshold', ['Gap threshold', 0.3], { gap: 0.3 }],
    ['gap threshold as text', ['Gap threshold (%)', '25%'], { gap: 0.25 }],
    ['alignment gap', ['Alignment gap', '10%'], { gap: 0.1 }],
    ['a zero gap', ['Gap threshold', 0], { gap: 0 }],
    ['count unmeasured: yes', ['Count unmeasured as zero', 'yes'], { countUnmeasuredAsZero: true }],
    ['count unmeasured: TRUE', ['Count unmeasured as zero', 'TRUE'], { countUnmeasuredAsZero: true }],
    ['count unmeasured: a checkbox', ['Count unmeasured as zero', true], { countUnmeasuredAsZero: true }],
    ['count unmeasured: no', ['Count unmeasured as zero', 'No'], { countUnmeasuredAsZero: false }],
    ['count unmeasured: false', ['Count unmeasured as zero', false], { countUnmeasuredAsZero: false }],
    ['activity share', ['Activity share', '40%'], { activityShare: 0.4 }],
    [
      'vanity words, comma-separated',
      ['Vanity words', 'Clicks, likes ,  shares'],
      { vanityWords: ['clicks', 'likes', 'shares'] },
    ],
    [
      'vanity words, one per line',
      ['Vanity words', 'clicks\nopen rate\n\nMQL'],
      { vanityWords: ['clicks', 'open rate', 'mql'] },
    ],
    ['no vanity words', ['Vanity words', 'None'], { vanityWords: [] }],
    [
      'goal tabs',
      ['Goal tabs', 'Sales, Marketing , Ops Team'],
      { goalTabs: ['Sales', 'Marketing', 'Ops Team'] },
    ],
    ['one goal tab', ['Goal tabs', 'Goals'], { goalTabs: ['Goals'] }],
    ['default period', ['Default period', 'fy26'], { defaultPeriod: 'FY2026' }],
    ['default period as a quarter', ['Default period', '2026-Q3'], { defaultPeriod: 'Q3 2026' }],
    ['default period as a year number', ['Default period', 2026], { defaultPeriod: 'FY2026' }],
    [
      'default period as a date',
      ['Default period', new Date(Date.UTC(2026, 2, 1))],
      { defaultPeriod: 'Mar 2026' },
    ],
    ['decimal separator ,', ['Decimal separator', ','], { decimalSeparator: ',' }],
    ['decimal separator .', ['Decimal separator', '.'], { decimalSeparator: '.' }],
    ['decimal separator by name', ['Decimal separator', 'Comma'], { decimalSeparator: ',' }],
    ['target path', ['Target path', 'Back-loaded'], { targetPath: 'back-loaded' }],
    ['target path, any spelling', ['Target path', 'backloaded'], { targetPath: 'back-loaded' }],
    ['stepped target path', ['Target path', 'Stepped'], { targetPath: 'stepped' }],
  ])('reads %s', (_, cells, changed) => {
    const { settings, issues } = read(cells);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, ...changed });
    expect(issues).toEqual([]);
  });

  it.each<[CellValue[]]>([
    [['Cap', '']],
    [['Cap', '   ']],
    [['Vanity words', '']],
    [['Goal tabs', '']],
    [['Default period', '']],
    [['Decimal separator', '']],
    [['Count unmeasured as zero', '']],
    [['Payout point', '', '']],
  ])('keeps the default for a blank value: %j', (cells) => {
    expect(read(cells)).toEqual({ settings: DEFAULT_SETTINGS, issues: [] });
  });

  it.each<[CellValue[], number, string]>([
    [['Cap', 'lots'], 2, 'lots'],
    [['Cap', 0], 2, '0'],
    [['Cap', '-10%'], 2, '-10%'],
    [['Floor', 'none'], 2, 'none'],
    [['Gap threshold', 20], 2, '20'],
    [['Gap threshold', '-5%'], 2, '-5%'],
    [['Activity share', '150%'], 2, '150%'],
    [['Activity share', 'half'], 2, 'half'],
    [['Count unmeasured as zero', 'maybe'], 2, 'maybe'],
    [['Count unmeasured as zero', 2], 2, '2'],
    [['Default period', 'next year'], 2, 'next year'],
    [['Decimal separator', ';'], 2, ';'],
    [['Target path', 'curvy'], 2, 'curvy'],
    [['Payout point', 'lots', 0.5], 2, 'lots'],
    [['Payout point', 0.8, ''], 3, ''],
    [['Payout point', '', 0.5], 2, ''],
    [['Payout point', 0.8, '-5%'], 3, '-5%'],
  ])('keeps the default and warns about %j', (cells, col, text) => {
    const { settings, issues } = read(cells);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(issues).toEqual([
      {
        tab: 'Settings',
        row: 2,
        col,
        column: col === 3 ? 'Payout' : 'Value',
        goalId: '',
        severity: 'warning',
        code: 'bad-setting',
        key: cells[0],
        text,
      },
    ]);
  });

  it('names the tab it read in its issues', () => {
    expect(readSettings([['Cap', 'lots']], 'Config').issues[0]).toMatchObject({ tab: 'Config', row: 1 });
  });

  it('refuses a floor at or above the cap, keeping the default floor', () => {
    const { settings, issues } = read(['Cap', 1.2], ['Floor', 1.2]);
    expect([settings.cap, settings.floor]).toEqual([1.2, 0]);
    expect(issues.map((i) => [i.code, i.row, 'key' in i ? i.key : ''])).toEqual([
      ['bad-setting', 3, 'Floor'],
    ]);
    expect(read(['Floor', '90%'], ['Cap', '80%']).settings).toMatchObject({ cap: 0.8, floor: 0 });
  });

  it('lets the last readable value of a repeated key win', () => {
    expect(read(['Cap', 1.2], ['Cap', 1.3]).settings.cap).toBe(1.3);
    expect(read(['Cap', 1.2], ['Cap', 'x']).settings.cap).toBe(1.2);
  });

  it('replaces the payout curve with the payout points, sorted by attainment', () => {
    const { settings, issues } = read(
      ['Payout point', '100%', '100%'],
      ['Cap', 2],
      ['Payout point', 0.5, 0],
      ['Payout point', '150%', '200%'],
    );
    expect(settings.payoutCurve).toEqual([
      { attainment: 0.5, payout: 0 },
      { attainment: 1, payout: 1 },
      { attainment: 1.5, payout: 2 },
    ]);
    expect(issues).toEqual([]);
  });

  it('keeps the readable payout points when some are bad', () => {
    const { settings, issues } = read(['Payout point', 1, 1], ['Payout point', 'x', 1]);
    expect(settings.payoutCurve).toEqual([{ attainment: 1, payout: 1 }]);
    expect(issues.map((i) => i.code)).toEqual(['bad-setting']);
  });

  it('reads numbers with the decimal separator set anywhere in the tab', () => {
    const { settings, issues } = read(
      ['Cap', '125,5%'],
      ['Payout point', '0,8', '0,5'],
      ['Decimal separator', ','],
    );
    expect(settings.cap).toBe(1.255);
    expect(settings.payoutCurve).toEqual([{ attainment: 0.8, payout: 0.5 }]);
    expect(issues).toEqual([]);
  });

  it.each<[string, (string | number)[], Settings['columns'], string[]]>([
    [
      'a field by its label',
      ['Column', 'Objective Name', 'Objective'],
      [{ header: 'Objective Name', field: 'objective' }],
      [],
    ],
    ['a field by its key', ['Column', 'KR text', 'goal'], [{ header: 'KR text', field: 'goal' }], []],
    [
      'a field by a two-word label',
      ['Column', 'Obj #', 'Objective ID'],
      [{ header: 'Obj #', field: 'objectiveId' }],
      [],
    ],
    ['ignore', ['Column', 'Email', 'ignore'], [{ header: 'Email', field: null }], []],
    ['an unknown field', ['Column', 'Email', 'Mailbox'], [], ['bad-setting']],
    ['a blank header', ['Column', '', 'Goal'], [], ['bad-setting']],
    ['a blank row', ['Column', '', ''], [], []],
  ])('reads a Column row naming %s', (_, cells, columns, codes) => {
    const { settings, issues } = readSettings([cells]);
    expect(settings.columns).toEqual(columns);
    expect(issues.map((i) => i.code)).toEqual(codes);
  });

  it('finds keys anywhere in the tab, with or without a header row', () => {
    expect(readSettings([['Cap', 2]]).settings.cap).toBe(2);
    expect(readSettings([[], ['Some title'], ['cap:', 2]]).settings.cap).toBe(2);
  });
});

describe('settingsRows', () => {
  const custom: Settings = {
    cap: 2,
    floor: -0.25,
    gap: 0.15,
    countUnmeasuredAsZero: true,
    payoutCurve: [
      { attainment: 0.5, payout: 0 },
      { attainment: 0.9, payout: 0.75 },
      { attainment: 1, payout: 1 },
      { attainment: 1.3, payout: 2 },
    ],
    activityShare: 0.35,
    vanityWords: ['clicks', 'open rate', 'ad-hoc request'],
    goalTabs: ['Sales', 'Marketing Team'],
    defaultPeriod: 'H2 2026',
    decimalSeparator: ',',
    columns: [
      { header: 'Objective Name', field: 'objective' },
      { header: 'Owner email', field: null },
      { header: 'Value now', field: 'actual' },
    ],
    // Not a row of the tab: the spreadsheet's own zone, which readSettings is given.
    timeZone: 'UTC',
    targetPath: 'stepped',
  };

  it.each<[string, Settings]>([
    ['the defaults', DEFAULT_SETTINGS],
    ['customised settings', custom],
    ['no vanity words and no default period', { ...custom, vanityWords: [], defaultPeriod: '' }],
    ['a single payout point', { ...custom, payoutCurve: [{ attainment: 1, payout: 1 }] }],
  ])('round-trips %s through readSettings', (_, settings) => {
    expect(readSettings(settingsRows(settings))).toEqual({ settings, issues: [] });
  });

  it('writes a header, one row per key with a description, and one row per payout point', () => {
    const rows = settingsRows(DEFAULT_SETTINGS);
    expect(rows[0].slice(0, 3)).toEqual(['Setting', 'Value', 'Payout']);
    expect(rows.map((r) => r[0])).toEqual([
      'Setting',
      'Cap',
      'Floor',
      'Gap threshold',
      'Count unmeasured as zero',
      'Activity share',
      'Vanity words',
      'Goal tabs',
      'Default period',
      'Decimal separator',
      'Target path',
      'Payout point',
      'Payout point',
      'Payout point',
    ]);
    for (const r of rows) expect(r).toHaveLength(4);
    for (const r of rows.slice(1)) expect(String(r[3]).length).toBeGreaterThan(10);
    expect(rows.slice(-3).map((r) => r.slice(1, 3))).toEqual([
      [0.8, 0.5],
      [1, 1],
      [1.2, 1.5],
    ]);
  });

  it('is what a Sheets tab would hand back', () => {
    const grid: Grid = settingsRows(custom);
    expect(readSettings(grid, 'Settings').settings).toEqual(custom);
  });
});
