// A JSX runtime that renders straight to an HTML string: compiled MDX runs through it to make the
// low-data pages (React's own string renderer may not be imported into the app's server layer).

/** Markup already escaped: what every element and component returns. */
export class Html {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export type Child = Html | string | number | boolean | null | undefined | readonly Child[];
type Props = Record<string, unknown> & { children?: Child };
type Component = (props: Props) => Child;

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const attributeNames: Record<string, string> = { className: 'class', htmlFor: 'for' };

/** Escapes text for an element's content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Renders children: strings escaped, markup kept, empty values dropped. */
export function renderChildren(children: Child): string {
  if (children === null || children === undefined || typeof children === 'boolean') return '';
  if (children instanceof Html) return children.html;
  if (Array.isArray(children)) return children.map(renderChildren).join('');
  return escapeHtml(String(children));
}

function attributes(props: Props): string {
  let out = '';
  for (const [key, value] of Object.entries(props)) {
    if (key === 'children' || key === 'key' || value === false || value === null || value === undefined || typeof value === 'function') continue;
    if (!/^[a-zA-Z][a-zA-Z0-9-]*$/.test(key)) continue;
    const name = attributeNames[key] ?? key;
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  return out;
}

export const Fragment = Symbol.for('lite.fragment');

/** The runtime's element factory (jsx and jsxs are the same here). */
export function jsx(type: string | Component | typeof Fragment, props: Props): Html {
  if (type === Fragment) return new Html(renderChildren(props.children));
  if (typeof type === 'function') return new Html(renderChildren(type(props)));
  const open = `<${type}${attributes(props)}>`;
  return new Html(voidElements.has(type) ? open : `${open}${renderChildren(props.children)}</${type}>`);
}

/** A shorthand for writing elements by hand: h('p', { className: 'x' }, 'text', child). */
export function h(type: string | Component, props: Props | null, ...children: Child[]): Html {
  return jsx(type, { ...(props ?? {}), children });
}

/** What MDX's compiled code expects as `_jsx_runtime`. */
export const htmlRuntime = { Fragment, jsx, jsxs: jsx, jsxDEV: jsx };
