// The translations a native speaker of Urdu signs off, each with the hash of exactly what a sign-off
// approves: a case's Urdu lines (with the English each translates), a phrase panel, and each
// namespace of the Urdu interface strings.
import path from 'node:path';
import { hasUrduLines, urduTranslation } from '@/lib/domain/consult/urdu';
import { itemKey } from '@/lib/domain/review';
import type { Catalog } from './catalog';
import { contentHash } from './files';
import type { ContentItem } from './review-items';
import { canonicalJson } from './canonical-json';

/** A namespace's id in addresses and the record: `notFound` → `not-found`. */
export const namespaceId = (namespace: string) =>
  namespace
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

/** Every translation item of this build: case lines, phrase panels, interface namespaces. */
export function translationItems(catalog: Catalog, rel: (file: string) => string): ContentItem[] {
  const cases = catalog.cases
    .filter(({ def }) => hasUrduLines(def))
    .map(({ def, file }): ContentItem => ({
      kind: 'urdu-case',
      id: def.id,
      hash: contentHash(canonicalJson(urduTranslation(def))),
      title: `${def.title}: the patient's words in Urdu`,
      group: def.id,
      cites: [],
      file: rel(file),
      href: `/consults/${def.id}`,
      note: { key: itemKey({ kind: 'urdu-case', id: def.id }), tokens: [] },
    }));
  const panels = catalog.phrases.map(({ def, file }): ContentItem => ({
    kind: 'urdu-phrases',
    id: def.id,
    hash: contentHash(canonicalJson(def)),
    title: `Say it in Urdu: ${def.title}`,
    group: def.id,
    cites: [],
    file: rel(file),
    href: null,
    note: { key: itemKey({ kind: 'urdu-phrases', id: def.id }), tokens: [] },
  }));
  const ui = catalog.interfaceUr;
  const namespaces = ui
    ? Object.entries(ui.namespaces).map(([name, strings]): ContentItem => {
        const id = namespaceId(name);
        return {
          kind: 'urdu-interface',
          id,
          hash: contentHash(canonicalJson(strings)),
          title: `Interface strings in Urdu: ${name}`,
          group: path.basename(ui.file),
          cites: [],
          file: rel(ui.file),
          href: null,
          note: { key: itemKey({ kind: 'urdu-interface', id }), tokens: [] },
        };
      })
    : [];
  return [...cases, ...panels, ...namespaces];
}
