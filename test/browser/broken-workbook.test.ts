// The sidebar in headless Chromium on the broken workbook: loops of parents across tabs, a duplicate ID, junk numbers and formula-looking titles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CascadeView } from '../../src/server/api';
import { ROLLUP_TAB } from '../../src/sheets/owned';
import { percent } from '../../src/ui/format';
import { createFakeGas, dumpFormulas, dumpValues } from '../../tools/gas-fake';
import { loadBundle } from '../../tools/load-bundle';
import { browserSuiteTitle, skipBrowserTests } from '../support/chromium';
import { cellValue, columnOf, disabled, eventually, rowOf, text } from './page-helpers';
import { type SidebarSession, startSidebarSession } from './session';
import {
  BELOW_TWO_CYCLE,
  brokenWorkbook,
  DUPLICATE_ID,
  FORMULA_LOOKING_TITLES,
  sampleWorkbook,
  THREE_CYCLE,
  TWO_CYCLE,
  WORKBOOKS,
} from './workbooks';

const CYCLE_FLAG = 'On a cycle of Parent links: no roll-up';
const ERROR_COUNT = WORKBOOKS.find((workbook) => workbook.name === 'broken')!.errors.length;

describe.skipIf(skipBrowserTests)(browserSuiteTitle('the sidebar on the broken workbook'), () => {
  let session: SidebarSession;
  const page = () => session.page;
  const fake = () => session.fake;
  const cascade = () => page().locator('#panel-cascade');
  const node = (id: string) => cascade().locator(`.node[data-id="${id}"]`);
  const link = () => page().locator('#panel-link');
  const candidate = (id: string) => link().locator(`button.candidate[data-id="${id}"]`);

  beforeAll(async () => {
    session = await startSidebarSession(brokenWorkbook());
    session.api.showSidebar();
    await page().goto(session.server.url);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('Cascade: every goal on a loop is shown at the top, flagged, with no roll-up', async () => {
    await eventually(() => text(page().getByTestId('count-error').locator('.count-number'))).toBe(
      String(ERROR_COUNT),
    );
    await page().getByRole('tab', { name: 'Cascade' }).click();
    await eventually(() => text(cascade().locator('p.gray.small').first())).toMatch('5 on a cycle');
    for (const id of [...TWO_CYCLE, ...THREE_CYCLE]) {
      await eventually(() => node(id).isVisible(), id).toBe(true);
      expect(await node(id).getAttribute('aria-level'), id).toBe('1');
      expect(await text(node(id).locator('.cycle-flag')), id).toBe(CYCLE_FLAG);
      const figures = await text(node(id).locator('.goal-meta'));
      expect(figures, id).toMatch(/measured \d+%/);
      expect(figures, id).not.toMatch(/rolled up \d/);
    }
    const view = session.api.getCascade() as CascadeView;
    const onCycle = view.goals.filter((goal) => goal.onCycle);
    expect(onCycle.map((goal) => goal.id).sort()).toEqual([...TWO_CYCLE, ...THREE_CYCLE].sort());
    expect(onCycle.map((goal) => goal.rolledUp)).toEqual(onCycle.map(() => null));
  });

  it('Cascade: a goal below a loop hangs under its parent and keeps its own attainment', async () => {
    await eventually(() => node(BELOW_TWO_CYCLE).getAttribute('aria-level')).toBe('2');
    expect(await node(BELOW_TWO_CYCLE).locator('.cycle-flag').count()).toBe(0);
    expect(await text(node(BELOW_TWO_CYCLE).locator('.goal-meta'))).toMatch('measured 83%');
  });

  it('Cascade: goals away from the loops still roll up, to what they roll up to on the sample', async () => {
    const sample = createFakeGas({ tabs: sampleWorkbook() });
    const sampleBundle = loadBundle({
      SpreadsheetApp: sample.SpreadsheetApp,
      LockService: sample.LockService,
    });
    const sampleView = sampleBundle.functions.getCascade() as CascadeView;
    const brokenView = session.api.getCascade() as CascadeView;
    const rolledUpOf = (view: CascadeView, id: string) => view.goals.find((goal) => goal.id === id)!.rolledUp;
    // Nothing added to the sample sits under these but goals with actuals of their own or none readable.
    for (const id of ['CMO-1', 'CMO-2', 'DG-1', 'FM-1', 'PM-1']) {
      const rolledUp = rolledUpOf(brokenView, id);
      expect(rolledUp, id).not.toBeNull();
      expect(rolledUp!, id).toBeCloseTo(rolledUpOf(sampleView, id)!, 9);
      expect(await text(node(id).locator('.goal-meta')), id).toContain(`rolled up ${percent(rolledUp)}`);
    }
  });

  it('Cascade: formula-looking titles show as the text they are', async () => {
    for (const [id, title] of Object.entries(FORMULA_LOOKING_TITLES)) {
      await cascade().getByRole('searchbox').fill(id);
      await eventually(() => text(node(id).locator('.goal-title')), id).toBe(title);
    }
    await cascade().getByRole('searchbox').fill(DUPLICATE_ID);
    // The duplicate is listed too: once as the CMO goal, once on its own.
    await eventually(() => node(DUPLICATE_ID).count()).toBe(2);
    await cascade().getByRole('searchbox').fill('');
  });

  it('Link: from a goal on the loop of two, the other member and the goal below it are refused', async () => {
    fake().spreadsheet.selectCell('Content', rowOf(fake(), 'Content', 'CT-7'), 2);
    await page().getByRole('tab', { name: 'Link' }).click();
    await eventually(() => text(link().locator('.goal-card'))).toMatch('aligns to FM-4');
    for (const below of ['FM-4', BELOW_TWO_CYCLE]) {
      await eventually(() => disabled(candidate(below)), below).toBe(true);
      expect(await text(candidate(below))).toContain(`Would make a cycle: ${below} sits under CT-7.`);
    }
    expect(await disabled(candidate('CMO-1'))).toBe(false);
    // The server refuses too, whatever the page does.
    expect(() =>
      session.api.linkToParent('Content', rowOf(fake(), 'Content', 'CT-7'), BELOW_TWO_CYCLE, 'CT-7'),
    ).toThrow(
      `${BELOW_TWO_CYCLE} is below CT-7 in the cascade, so making it CT-7's parent would close a loop: pick a goal that is not below it.`,
    );
  });

  it('Link: from a goal on the loop of three, both other members are refused', async () => {
    fake().spreadsheet.selectCell('Demand Gen', rowOf(fake(), 'Demand Gen', 'DG-8'), 2);
    await link().getByTestId('use-selection').click();
    await eventually(() => text(link().locator('.goal-card'))).toMatch('aligns to PM-5');
    for (const member of ['PM-5', 'CT-8']) {
      await eventually(() => disabled(candidate(member)), member).toBe(true);
      expect(await text(candidate(member))).toContain(`Would make a cycle: ${member} sits under DG-8.`);
    }
  });

  it('Link: a parent that breaks the loop of three is written', async () => {
    await candidate('CMO-1').click();
    await eventually(() => text(link().locator('.notice.success'))).toMatch(
      'DG-8 now aligns to CMO-1 (was PM-5).',
    );
    const row = rowOf(fake(), 'Demand Gen', 'DG-8');
    expect(cellValue(fake(), 'Demand Gen', row, columnOf(fake(), 'Demand Gen', 'Parent'))).toBe('CMO-1');
    // CT-8 and PM-5 still hang below DG-8: as its parent either would close a loop again.
    await eventually(() => text(link().locator('.goal-card'))).toMatch('aligns to CMO-1');
    expect(await disabled(candidate('CT-8'))).toBe(true);
  });

  it("Re-check: the loop of three's errors are gone, the loop of two's remain", async () => {
    await page().getByRole('tab', { name: 'Check' }).click();
    await page().getByRole('button', { name: 'Re-check' }).click();
    await eventually(() => text(page().getByTestId('count-error').locator('.count-number'))).toBe(
      String(ERROR_COUNT - THREE_CYCLE.length),
    );
    const loops = page().locator('#panel-check .issue[data-code="cycle"]');
    expect(await loops.count()).toBe(TWO_CYCLE.length);
    for (const message of await loops.locator('.issue-message').allInnerTexts()) {
      expect(message).toContain(`(${TWO_CYCLE.join(' › ')})`);
    }
  });

  it('Cascade after the link: the former loop hangs under CMO-1 and rolls up', async () => {
    await page().getByRole('tab', { name: 'Cascade' }).click();
    await cascade().getByRole('searchbox').fill('');
    await eventually(() => node('DG-8').getAttribute('aria-level')).toBe('2');
    for (const id of THREE_CYCLE) expect(await node(id).locator('.cycle-flag').count(), id).toBe(0);
    expect(await text(node('DG-8').locator('.goal-meta'))).toMatch(/rolled up \d+%/);
    for (const id of TWO_CYCLE) expect(await text(node(id).locator('.cycle-flag')), id).toBe(CYCLE_FLAG);
  });

  it('Roll up: the Roll-up tab holds the formula-looking titles as text, and no formula at all', async () => {
    await cascade().getByRole('button', { name: 'Roll up' }).click();
    await eventually(() => text(cascade().locator('.notice.success'))).toMatch(/^Wrote \d+ goals/);
    expect(dumpFormulas(fake().spreadsheet)[ROLLUP_TAB].flat().join('')).toBe('');
    const report = dumpValues(fake().spreadsheet)[ROLLUP_TAB];
    for (const [id, title] of Object.entries(FORMULA_LOOKING_TITLES)) {
      const shown = report.find((cells) => cells[0] === id)?.[1];
      expect(String(shown).replace(/^\u00a0+/, ''), id).toBe(title);
    }
  });

  it('raised no page errors', () => {
    expect(session.browser.errors).toEqual([]);
    expect(session.browser.dialogs).toEqual([]);
  });
});
