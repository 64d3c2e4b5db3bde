// The sidebar's payloads and the Roll-up tab stay linear on a 10,000-goal loop and a 10,000-deep chain.
import { describe, expect, it } from 'vitest';
import { checkJsonText, checkText } from '../../src/cli/issue-report';
import { analyzeWorkbook } from '../../src/core/workbook';
import { bindServerApi } from '../../src/server/bind';
import { ROLLUP_TAB } from '../../src/sheets/owned';
import { createFakeGas, dumpValues, fakeServerContext } from '../../tools/gas-fake';
import { longest, longTree } from '../support/long-trees';

const N = 10_000;

describe.each(['loop', 'chain'] as const)('a 10,000-goal %s', (shape) => {
  const table = longTree(shape, N);
  const api = () => bindServerApi(fakeServerContext(createFakeGas({ tabs: { Goals: table } })));

  it('checkWorkbook: a few hundred bytes per goal, no message over a few hundred characters', () => {
    const report = api().checkWorkbook();
    expect(JSON.stringify(report).length).toBeLessThan(N * 600);
    expect(longest(report.issues.map((i) => i.message))).toBeLessThan(300);
  });

  it('getCascade: a few hundred bytes per goal', () => {
    expect(JSON.stringify(api().getCascade()).length).toBeLessThan(N * 400);
  });

  it('rollUp: every cell of the Roll-up tab short, the depth of a deep goal shown without spelling it out in spaces', () => {
    const gas = createFakeGas({ tabs: { Goals: table } });
    bindServerApi(fakeServerContext(gas)).rollUp();
    const values = dumpValues(gas.spreadsheet)[ROLLUP_TAB];
    expect(longest(values)).toBeLessThan(300);
  });

  it('the command line’s check output: a line per issue, each short', () => {
    const analysis = analyzeWorkbook([{ name: 'Goals', grid: table }], { today: null });
    const text = checkText(['goals.xlsx'], analysis);
    expect(longest(text.split('\n'))).toBeLessThan(400);
    expect(checkJsonText(['goals.xlsx'], analysis).length).toBeLessThan(N * 700);
  });
});
