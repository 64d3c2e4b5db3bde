// Pins the fake's Sheets semantics that the adapter tests rely on: values, formulas, apostrophes, bounds, counts, faults.
import { describe, expect, it } from 'vitest';
import { createFakeGas, dumpFormulas, dumpValues, enterValue, InjectedFault } from '../../tools/gas-fake';

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
  ])('%j -> value %j, formula %j', (input, value, formula) => {
    expect(enterValue(input)).toEqual({ value, formula });
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
