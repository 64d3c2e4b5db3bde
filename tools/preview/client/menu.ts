// The add-on menu as onOpen built it (Extensions → MBO Cascade): each item runs its handler in the bundle.
import type { MenuEntry } from '../protocol';
import { byId, element } from './dom';

export function setUpMenu(run: (functionName: string) => void): (entries: readonly MenuEntry[]) => void {
  const button = byId<HTMLButtonElement>('menu-button');
  const menu = byId('menu');
  const open = (show: boolean) => {
    menu.hidden = !show;
    button.setAttribute('aria-expanded', String(show));
  };
  button.addEventListener('click', () => open(menu.hidden !== false));
  document.addEventListener('click', (event) => {
    if (!menu.hidden && !menu.contains(event.target as Node) && event.target !== button) open(false);
  });
  return (entries) => {
    menu.replaceChildren(
      ...entries.map((entry) => {
        if ('separator' in entry)
          return element('div', { className: 'menu-separator', attributes: { role: 'separator' } });
        const item = element('button', {
          className: 'menu-item',
          text: entry.caption,
          attributes: { role: 'menuitem', type: 'button' },
        });
        item.addEventListener('click', () => {
          open(false);
          run(entry.functionName);
        });
        return item;
      }),
    );
  };
}
