// Tiny element helpers: every string becomes a text node, so sheet data can never become markup.

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  className?: string;
  title?: string;
  type?: string;
  disabled?: boolean;
  /** data-* attributes, for tests and CSS hooks. */
  data?: Record<string, string>;
  /** ARIA and other plain attributes (never event handlers: use `on`). */
  attrs?: Record<string, string>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

/** Creates an element; strings and numbers among the children are added as text, never parsed as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  if (props.title) element.title = props.title;
  if (props.type) element.setAttribute('type', props.type);
  if (props.disabled) element.setAttribute('disabled', '');
  for (const [key, value] of Object.entries(props.data ?? {})) element.dataset[key] = value;
  for (const [key, value] of Object.entries(props.attrs ?? {})) element.setAttribute(key, value);
  for (const [type, listener] of Object.entries(props.on ?? {})) {
    element.addEventListener(type, listener as EventListener);
  }
  append(element, ...children);
  return element;
}

/** Appends children; text goes in through createTextNode. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

/** A button (Google's plain add-on button unless `className` says `action` or `create`). */
export function button(label: Child | Child[], onClick: () => void, props: Props = {}): HTMLButtonElement {
  const children = Array.isArray(label) ? label : [label];
  return el('button', { type: 'button', ...props, on: { click: onClick, ...props.on } }, ...children);
}
