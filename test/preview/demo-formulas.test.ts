// The preview's Formulas tab and the Roll-up tab agree: MBO_SCORE there scores final attainment, as a scorecard does.
import { describe, expect, it } from 'vitest';
import { catalog, customFunctions } from '../../src/main';
import { bindServerApi } from '../../src/server/bind';
import { ROLLUP_TAB } from '../../src/sheets/owned';
import { readSpill } from '../../tools/formula-engine';
import { dumpValues, fakeServerContext } from '../../tools/gas-fake';
import { FORMULAS_TAB } from '../../tools/preview/demo-formulas';
import { EngineSync } from '../../tools/preview/engine-sync';
import { fakeOfBook } from '../../tools/preview/fake-workbook';
import { sampleBook } from '../../tools/preview/sample';

/** Owner -> score from the Roll-up tab's scorecards (every sample goal is in one period). */
function rollupScores(values: unknown[][]): Map<string, number> {
  const header = values.findIndex((row) => row[0] === 'Owner' && row[1] === 'Period' && row[2] === 'Score');
  expect(header).toBeGreaterThan(0);
  const scores = new Map<string, number>();
  for (const row of values.slice(header + 1)) {
    if (row[0] === '') break;
    scores.set(String(row[0]), Number(row[2]));
  }
  return scores;
}

describe('the Formulas tab of the sample', () => {
  it("MBO_SCORE gives each owner the Roll-up tab's score", () => {
    const gas = fakeOfBook(sampleBook(), '');
    const sync = new EngineSync(gas.spreadsheet, { functions: customFunctions, catalog, options: {} });
    const formulasHeader = dumpValues(gas.spreadsheet)[FORMULAS_TAB][5];
    const scoreColumn = formulasHeader.findIndex((cell) => String(cell).startsWith('MBO_SCORE'));
    const at = `${String.fromCharCode(65 + scoreColumn)}7`;
    const formulaScores = new Map(
      readSpill(sync.engine, `${FORMULAS_TAB}!${at}`).map(([owner, score]) => [String(owner), Number(score)]),
    );

    bindServerApi(fakeServerContext(gas)).rollUp();
    const expected = rollupScores(dumpValues(gas.spreadsheet)[ROLLUP_TAB]);
    expect([...formulaScores.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [owner, score] of expected) expect(formulaScores.get(owner), owner).toBeCloseTo(score, 9);
  });
});
