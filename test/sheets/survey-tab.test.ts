// The Survey tab template: answers 0-10 by respondent group, MBO_NPS by group beside them, a free name, nothing half-built.
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core/workbook';
import { customFunctions } from '../../src/main';
import { insertSurveyTab } from '../../src/server/setup';
import { SURVEY_GROUPS, SURVEY_HEADERS } from '../../src/sheets/survey';
import {
  createFakeGas,
  dumpValues,
  type FakeDataValidation,
  fakeServerContext,
  InjectedFault,
} from '../../tools/gas-fake';

describe('insertSurveyTab', () => {
  it('adds a Survey tab: headers, a group dropdown, a 0-10 dropdown, and NPS by group in G1', () => {
    const gas = createFakeGas({ tabs: { Sheet1: [] } });
    expect(insertSurveyTab(fakeServerContext(gas))).toEqual({ tab: 'Survey' });
    const sheet = gas.spreadsheet.sheet('Survey');
    expect(dumpValues(gas.spreadsheet).Survey[0].slice(0, SURVEY_HEADERS.length)).toEqual([
      ...SURVEY_HEADERS,
    ]);
    const rule = (col: number, row = 2) =>
      (sheet.peekCell(row, col).validation as FakeDataValidation | null)?.describe() ?? null;
    expect(SURVEY_GROUPS).toEqual(['own team', 'other team', 'Sales']);
    expect(rule(2)).toBe('VALUE_IN_LIST(own team|other team|Sales) dropdown warn');
    expect(rule(2, sheet.maxRows)).toBe('VALUE_IN_LIST(own team|other team|Sales) dropdown warn');
    expect(rule(4)).toBe('VALUE_IN_LIST(0|1|2|3|4|5|6|7|8|9|10) dropdown warn');
    expect(rule(2, 1)).toBeNull();
    expect(sheet.peekCell(1, 7).formula).toBe('=MBO_NPS(D2:D, B2:B)');
    expect(sheet.frozenRows).toBe(1);
  });

  it('the formula it writes reads the template as laid out', () => {
    // What Sheets passes for D2:D and B2:B once answers are typed in: blank rows below.
    const answers = [[10], [9], [2], [''], ['']];
    const groups = [['Sales'], ['own team'], ['Sales'], [''], ['']];
    expect(customFunctions.MBO_NPS(answers, groups)).toEqual([
      ['Group', 'NPS', 'Answers used', 'Refused'],
      ['Sales', 0, 2, 0],
      ['own team', 100, 1, 0],
      ['All', ((2 - 1) / 3) * 100, 3, 0],
    ]);
  });

  it('is never read as a goal tab, nor warned about', () => {
    const grid = [
      [...SURVEY_HEADERS, '', 'Group', 'NPS', 'Answers used', 'Refused'],
      ['Ann', 'Sales', 'Demand Gen', 9, 'Great'],
    ];
    const analysis = analyzeWorkbook([
      {
        name: 'Goals',
        grid: [
          ['ID', 'Goal', 'Owner'],
          ['G-1', 'A goal', 'Ann'],
        ],
      },
      { name: 'Survey 2', grid },
    ]);
    expect(analysis.goalTabs).toEqual(['Goals']);
    expect(analysis.issues.filter((i) => i.tab === 'Survey 2')).toEqual([]);
  });

  it('picks a free name', () => {
    const gas = createFakeGas({ tabs: { survey: [] } });
    expect(insertSurveyTab(fakeServerContext(gas)).tab).toBe('Survey 2');
  });

  it('a fault at any write leaves no half-built tab behind', () => {
    const complete = createFakeGas({ tabs: { Sheet1: [['mine']] } });
    insertSurveyTab(fakeServerContext(complete));
    for (let n = 0; n < complete.log.writes; n++) {
      const gas = createFakeGas({ tabs: { Sheet1: [['mine']] } });
      gas.log.failAfter(n);
      expect(() => insertSurveyTab(fakeServerContext(gas))).toThrow(InjectedFault);
      expect(
        gas.spreadsheet.sheets.map((s) => s.name),
        `fault at write ${n + 1}`,
      ).toEqual(['Sheet1']);
    }
  });
});
