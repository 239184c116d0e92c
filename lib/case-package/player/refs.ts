// Source numbers for the debrief: numbered in the order the page cites them, listed once at the end
// (as the site's debrief does, components/consult/RefLinks.tsx).
import type { Reference } from '@/lib/content/schemas/reference';
import { type Child, h } from './dom';

export type RefIndex = { number: Map<string, number>; byId: Map<string, Reference> };

export function indexRefs(cited: Iterable<string>, references: readonly Reference[]): RefIndex {
  const byId = new Map(references.map((r) => [r.id, r]));
  const number = new Map<string, number>();
  for (const id of cited) if (!number.has(id) && byId.has(id)) number.set(id, number.size + 1);
  return { number, byId };
}

/** " [1, 4]": each number links to its source in the list. */
export function refLinks(ids: readonly string[], refs: RefIndex): Child {
  const cited = [...new Set(ids)].filter((id) => refs.number.has(id)).sort((a, b) => (refs.number.get(a) ?? 0) - (refs.number.get(b) ?? 0));
  if (cited.length === 0) return null;
  const links = cited.flatMap((id, i) => [i > 0 ? ', ' : '', h('a', { href: `#ref-${id}`, 'aria-label': `Source ${refs.number.get(id)}` }, String(refs.number.get(id)))]);
  return h('span', { class: 'small muted' }, ' [', ...links, ']');
}

/** The numbered sources. A link is shown as its address: the package itself never loads anything. */
export function sourceList(refs: RefIndex): HTMLElement {
  return h(
    'ol',
    { class: 'sources' },
    [...refs.number.keys()].map((id) => {
      const ref = refs.byId.get(id);
      return h('li', { id: `ref-${id}` }, ref?.citation ?? id, ref?.url ? [' ', h('a', { href: ref.url, rel: 'noreferrer' }, ref.url)] : null);
    }),
  );
}
