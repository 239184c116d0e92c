import Link from 'next/link';
import type { Catalog } from '@/lib/content/catalog';
import type { ContentItem } from '@/lib/content/review-items';
import { namespaceId } from '@/lib/content/translation-items';
import { urduTranslation } from '@/lib/domain/consult/urdu';
import { UrduText } from '@/components/language/UrduText';

type Row = { key: string; where: string; en: string; script: string; roman: string | null };

/** Each string of a namespace, flattened to dotted keys: `nav.modules`. */
function flatten(value: unknown, prefix: string): { key: string; text: string }[] {
  if (typeof value === 'string') return [{ key: prefix, text: value }];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
  return [];
}

function rowsOf(item: ContentItem, catalog: Catalog): Row[] {
  switch (item.kind) {
    case 'urdu-case': {
      const def = catalog.cases.find((c) => c.def.id === item.id)?.def;
      return def ? urduTranslation(def).map((l) => ({ key: l.where, where: `${l.where} · ${l.who}`, en: l.en, script: l.script, roman: l.roman })) : [];
    }
    case 'urdu-phrases': {
      const def = catalog.phrases.find((p) => p.def.id === item.id)?.def;
      return def ? def.phrases.map((p, i) => ({ key: String(i), where: `phrase ${i + 1}`, en: p.en, script: p.ur.script, roman: p.ur.roman })) : [];
    }
    case 'urdu-interface': {
      const entry = Object.entries(catalog.interfaceUr?.namespaces ?? {}).find(([name]) => namespaceId(name) === item.id);
      return entry ? flatten(entry[1], entry[0]).map((s) => ({ key: s.key, where: s.key, en: '', script: s.text, roman: null })) : [];
    }
    default:
      return [];
  }
}

/** What a translation sign-off approves, line by line: the English, the Urdu script and the Roman Urdu. */
export function TranslationContent({ item, catalog }: { item: ContentItem; catalog: Catalog }) {
  const rows = rowsOf(item, catalog);
  return (
    <div className="stack" data-testid="item-content">
      <p className="m-0">
        Read each line as a native speaker would hear it: is it what the English says, in words a patient in Pakistan uses, with the clinical meaning
        exact? Names of drugs and places may stay in English.
        {item.href ? (
          <>
            {' '}
            <Link href={item.href}>Open the case brief</Link> (play it with Urdu lines to hear them in place).
          </>
        ) : null}
      </p>
      <div className="table-wrap">
        <table data-testid="translation-lines">
          <thead>
            <tr>
              <th scope="col">Where</th>
              {item.kind === 'urdu-interface' ? null : <th scope="col">English</th>}
              <th scope="col">Urdu</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td className="small font-mono">{r.where}</td>
                {item.kind === 'urdu-interface' ? null : <td lang="en">{r.en}</td>}
                <td>
                  <UrduText text={r.script} />
                  {r.roman ? (
                    <p lang="ur-Latn" className="m-0 small muted">
                      {r.roman}
                    </p>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
