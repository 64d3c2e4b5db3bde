// Pins the fake's Sheets semantics that the adapter tests rely on: values, formulas, apostrophes, bounds, counts, faults.
import { describe, expect, it } from 'vitest';
import {
  createFakeGas,
  dumpFormulas,
  dumpValues,
  enterValue,
  InjectedFault,
  snapshotSpreadsheet,
} from '../../tools/gas-fake';

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('enterValue: what Sheets stores for a written value', () => {
  it.each([
    ['=SUM(1,2)', '', '=SUM(1,2)'],
    ["'=SUM(1,2)", '=SUM(1,2)', ''],
    ["'plain", 'plain', ''],
    ["''quoted", "'quoted", ''],
    ['-A1', '', '=-A1'],
    ['+A1', '', '=+A1'],
    ['-12.5', -12.5, ''],
    ['42', 42, ''],
    ['TRUE', true, ''],
    ['@handle', '@handle', ''],
    ['Grow pipeline', 'Grow pipeline', ''],
    [null, '', ''],
    [7, 7, ''],
    // Text Sheets reads as numbers, percentages, money, booleans and dates when typed (en_US).
    ['1.10', 1.1, ''],
    ['007', 7, ''],
    ['1e3', 1000, ''],
    ['1,200', 1200, ''],
    ['1,234,567.5', 1234567.5, ''],
    ['12%', 0.12, ''],
    ['-5%', -0.05, ''],
    ['$1,200.50', 1200.5, ''],
    ['-$5', -5, ''],
    ['false', false, ''],
    ['TrUe', true, ''],
    ['1/2', day(2026, 1, 2), ''],
    ['12/31/25', day(2025, 12, 31), ''],
    ['2026-03-01', day(2026, 3, 1), ''],
    ['2026/3/1', day(2026, 3, 1), ''],
    ['Mar 2026', day(2026, 3, 1), ''],
    ['March 1, 2026', day(2026, 3, 1), ''],
    ['1 Mar 2026', day(2026, 3, 1), ''],
    // ... and text it keeps.
    ['1,20', '1,20', ''],
    ['2/30', '2/30', ''],
    ['13/1', '13/1', ''],
    ['FY2026', 'FY2026', ''],
    ['Q3 2026', 'Q3 2026', ''],
    ['M-1', 'M-1', ''],
    ['40-60', '40-60', ''],
    ['-', '-', ''],
    ['$', '$', ''],
    ["'007", '007', ''],
  ])('%j -> value %j, formula %j', (input, value, formula) => {
    expect(enterValue(input)).toEqual({ value, formula });
  });

  it.each(['1.10', '007', '12%', '1/2', '1e3', 'TRUE', '=SUM(1,2)', '-A1', "'kept"])(
    'a plain-text cell (@) keeps %j exactly as written',
    (text) => {
      expect(enterValue(text, '@')).toEqual({ value: text, formula: '' });
    },
  );

  it("setValue and setValues convert by each cell's format; getValues returns what was stored", () => {
    const gas = createFakeGas({ tabs: { A: [] } });
    const sheet = gas.spreadsheet.sheet('A');
    sheet.getRange(1, 2, 2, 1).setNumberFormat('@');
    sheet.getRange(1, 1, 2, 2).setValues([
      ['1.10', '1.10'],
      ["'007", '007'],
    ]);
    sheet.getRange(3, 1).setValue('12%');
    expect(sheet.getRange(1, 1, 3, 2).getValues()).toEqual([
      [1.1, '1.10'],
      ['007', '007'],
      [0.12, ''],
    ]);
    expect(sheet.getRange(1, 2).getNumberFormat()).toBe('@');
    expect(sheet.getRange(1, 1).getNumberFormat()).toBe('General');
  });
});

describe('developer metadata', () => {
  it('sits on a sheet, is found by key across the spreadsheet, follows renames and goes with the sheet', () => {
    const gas = createFakeGas({ tabs: { A: [], B: [], C: [] } });
    const [a, b, c] = gas.spreadsheet.sheets;
    a.addDeveloperMetadata('mine', 'report');
    b.addDeveloperMetadata('other', 'x');
    c.addDeveloperMetadata('mine', 'ids');
    b.setName('Renamed');
    const found = gas.spreadsheet.createDeveloperMetadataFinder().withKey('mine').find();
    expect(found.map((m) => [m.getLocation().getSheet().getName(), m.getKey(), m.getValue()])).toEqual([
      ['A', 'mine', 'report'],
      ['C', 'mine', 'ids'],
    ]);
    expect(
      b
        .createDeveloperMetadataFinder()
        .find()
        .map((m) => m.getValue()),
    ).toEqual(['x']);
    gas.spreadsheet.deleteSheet(c);
    expect(gas.spreadsheet.createDeveloperMetadataFinder().withKey('mine').find()).toHaveLength(1);
    expect(snapshotSpreadsheet(gas.spreadsheet).map((s) => s.metadata)).toEqual([
      ['mine=report'],
      ['other=x'],
    ]);
  });

  it('counts adding metadata as a write, so faults can hit it', () => {
    const gas = createFakeGas({ tabs: { A: [] } });
    gas.log.failAfter(0);
    expect(() => gas.spreadsheet.sheet('A').addDeveloperMetadata('k', 'v')).toThrow(InjectedFault);
    expect(gas.spreadsheet.sheet('A').metadata).toEqual([]);
  });
});

describe('fake spreadsheet', () => {
  const tabs = {
    A: [
      ['x', '', 3],
      ['', { formula: '=1+1', value: 2 }, ''],
    ],
    B: [],
  };

  it('round-trips a fixture: blanks are empty strings, formulas show their value', () => {
    const gas = createFakeGas({ tabs });
    expect(dumpValues(gas.spreadsheet)).toEqual({
      A: [
        ['x', '', 3],
        ['', 2, ''],
      ],
      B: [],
    });
    expect(dumpFormulas(gas.spreadsheet).A).toEqual([
      ['', '', ''],
      ['', '=1+1', ''],
    ]);
    const values = gas.spreadsheet.sheet('A').getDataRange().getValues();
    expect(values).toEqual([
      ['x', '', 3],
      ['', 2, ''],
    ]);
    expect(gas.spreadsheet.sheet('B').getDataRange().getValues()).toEqual([['']]);
  });

  it('new sheets are 1000 x 26 and refuse ranges outside the grid', () => {
    const gas = createFakeGas({ tabs });
    const sheet = gas.spreadsheet.insertSheet('New', 0);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    expect(() => sheet.getRange(1000, 27)).toThrow(/outside the dimensions/);
    sheet.insertRowsAfter(1000, 5);
    expect(() => sheet.getRange(1005, 1)).not.toThrow();
    expect(gas.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['New', 'A', 'B']);
  });

  it('setValues checks the shape and writes formulas and apostrophe text like Sheets', () => {
    const gas = createFakeGas({ tabs });
    const range = gas.spreadsheet.sheet('B').getRange(1, 1, 1, 2);
    expect(() => range.setValues([['only one']])).toThrow(/columns/);
    range.setValues([["'=1+1", '=1+1']]);
    expect(range.getValues()).toEqual([['=1+1', '']]);
    expect(range.getFormulas()).toEqual([['', '=1+1']]);
  });

  it('refuses a second tab whose name differs only in case', () => {
    const gas = createFakeGas({ tabs });
    expect(() => gas.spreadsheet.insertSheet('a', 0)).toThrow(/already exists/);
  });

  it('counts calls per method and resets', () => {
    const gas = createFakeGas({ tabs });
    gas.spreadsheet.getSheets();
    gas.spreadsheet.sheet('A').getDataRange().getValues();
    expect(gas.log.snapshot()).toEqual({
      'Range.getValues': 1,
      'Sheet.getDataRange': 1,
      'Spreadsheet.getSheets': 1,
    });
    expect(gas.log.count()).toBe(3);
    gas.log.reset();
    expect(gas.log.count()).toBe(0);
  });

  it('failAfter(n) lets n writes through, fails the next one without effect, then heals', () => {
    const gas = createFakeGas({ tabs });
    const cell = gas.spreadsheet.sheet('B').getRange(1, 1);
    gas.log.failAfter(1);
    cell.setValue('first');
    expect(() => cell.setValue('second')).toThrow(InjectedFault);
    expect(cell.getValues()).toEqual([['first']]);
    cell.setValue('third');
    expect(cell.getValues()).toEqual([['third']]);
  });

  it('failAfter(n, {always}) keeps failing', () => {
    const gas = createFakeGas({ tabs });
    const cell = gas.spreadsheet.sheet('B').getRange(1, 1);
    gas.log.failAfter(0, { always: true });
    expect(() => cell.setValue(1)).toThrow(InjectedFault);
    expect(() => cell.setValue(2)).toThrow(InjectedFault);
  });

  it('the document lock is shared between executions', () => {
    const gas = createFakeGas({ tabs });
    const mine = gas.LockService.getDocumentLock();
    const theirs = gas.otherExecution().getDocumentLock();
    mine.waitLock(1000);
    expect(theirs.tryLock(1000)).toBe(false);
    expect(() => theirs.waitLock(1000)).toThrow(/Lock timeout/);
    mine.releaseLock();
    expect(theirs.tryLock(1000)).toBe(true);
  });
});
