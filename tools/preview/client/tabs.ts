// The tab strip under the grid, as in Sheets: one button per visible tab.
import { byId, element } from './dom';

export function showTabs(tabs: readonly string[], current: string, choose: (tab: string) => void): void {
  byId('tab-strip').replaceChildren(
    ...tabs.map((tab) => {
      const selected = tab === current;
      const button = element('button', {
        className: selected ? 'tab selected' : 'tab',
        text: tab,
        attributes: { role: 'tab', type: 'button', 'aria-selected': String(selected), 'data-tab': tab },
      });
      button.addEventListener('click', () => choose(tab));
      return button;
    }),
  );
}
