// A few lines of DOM building for the player: no framework, so the package stays small.

export type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined>;

/** An element with attributes (false and undefined left out, true as an empty attribute) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** A heading the player moves the focus to when a screen or a step changes. */
export function focusTarget<K extends 'h1' | 'h2'>(tag: K, id: string, text: string): HTMLElementTagNameMap[K] {
  return h(tag, { id, tabindex: -1 }, text);
}

/** Puts the focus on an element and brings it into view (a phone shows little of the page at once). */
export function moveFocus(el: HTMLElement | null): void {
  if (!el) return;
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: 'start' });
}

/** A collapsed section, as the site's debrief shows its details. */
export function collapsible(id: string, title: string, testId: string, ...children: (Child | Child[])[]): HTMLDetailsElement {
  return h('details', { class: 'card', 'data-testid': testId }, h('summary', {}, h('h2', { id, class: 'inline' }, title)), h('div', { class: 'stack' }, ...children));
}
