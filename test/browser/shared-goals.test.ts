// The Cascade panel in headless Chromium on a goal shared by two parents (CMO-1 60%; CMO-2 40%): shown under each, with its share there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteTitle, skipBrowserTests } from '../support/chromium';
import { eventually, expandAll, text } from './page-helpers';
import { type SidebarSession, startSidebarSession } from './session';

const TABS = {
  Goals: [
    ['ID', 'Goal', 'Owner', 'Parent', 'Target', 'Actual'],
    ['CMO-1', 'Pipeline', 'Ann', '', 100, ''],
    ['CMO-2', 'Brand', 'Bo', '', 100, ''],
    ['DG-1', 'Webinars', 'Cy', 'CMO-1 60%; CMO-2 40%', 100, 50],
    ['DG-2', 'Invites', 'Cy', 'DG-1', 100, 50],
  ],
};

describe.skipIf(skipBrowserTests)(browserSuiteTitle('the sidebar on a shared goal'), () => {
  let session: SidebarSession;
  const cascade = () => session.page.locator('#panel-cascade');

  beforeAll(async () => {
    session = await startSidebarSession(TABS);
    session.api.showSidebar();
    await session.page.goto(session.server.url);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('Cascade: the shared goal under each parent with its share; its own goals under the first', async () => {
    await session.page.getByRole('tab', { name: 'Cascade' }).click();
    await eventually(() => cascade().locator('.node[data-id="CMO-2"]').count()).toBe(1);
    await expandAll(session.page);
    const rows = await cascade()
      .locator('.node')
      .evaluateAll((nodes) =>
        nodes.map((node) => [
          (node as HTMLElement).dataset.id,
          node.getAttribute('aria-level'),
          node.querySelector('.shared-note')?.textContent ?? '',
        ]),
      );
    expect(rows).toEqual([
      ['CMO-1', '1', ''],
      ['DG-1', '2', 'shared: 60% here'],
      ['DG-2', '3', ''],
      ['CMO-2', '1', ''],
      ['DG-1', '2', 'shared: 40% here; its goals are under CMO-1'],
    ]);
    expect(await text(cascade().locator('.node[data-id="CMO-2"] .goal-percent'))).toBe('50%');
  });

  it('Cascade search: a match below a shared goal keeps it under each of its parents', async () => {
    await cascade().getByRole('searchbox').fill('Invites');
    await eventually(() =>
      cascade()
        .locator('.node')
        .evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.id)),
    ).toEqual(['CMO-1', 'DG-1', 'DG-2', 'CMO-2', 'DG-1']);
    await cascade().getByRole('searchbox').fill('');
  });
});
