'use client';
import { useEffect, useState } from 'react';
import { SAVED_CACHE } from './sw-client';

type SavedPage = { href: string; title: string };
type SavedModule = SavedPage & { lessons: SavedPage[] };

const suffix = ' · TeleHealth Ready';

/** A saved document's title, without the site's suffix (decoded by the browser's own parser). */
function titleOf(html: string): string | null {
  const raw = html.match(/<title>([^<]*)<\/title>/)?.[1];
  if (raw === undefined) return null;
  const title = new DOMParser().parseFromString(`<title>${raw}</title>`, 'text/html').title;
  return title.endsWith(suffix) ? title.slice(0, -suffix.length) : title;
}

/** The modules and lessons kept in this browser by "Save for offline", in the order they were saved. */
async function savedModules(): Promise<SavedModule[]> {
  if (!('caches' in window)) return [];
  const cache = await caches.open(SAVED_CACHE);
  const modules = new Map<string, SavedModule>();
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    const match = path.match(/^\/modules\/([a-z0-9-]+)(?:\/([a-z0-9-]+))?$/);
    if (!match) continue;
    const title = titleOf((await (await cache.match(request))?.text()) ?? '') ?? path;
    const slug = match[1]!;
    const entry = modules.get(slug) ?? { href: `/modules/${slug}`, title: slug, lessons: [] };
    if (match[2]) entry.lessons.push({ href: path, title });
    else entry.title = title;
    modules.set(slug, entry);
  }
  // A lesson's title names its module too ("Lesson · Module"): under its module, the lesson alone.
  for (const m of modules.values()) for (const l of m.lessons) if (l.title.endsWith(` · ${m.title}`)) l.title = l.title.slice(0, -` · ${m.title}`.length);
  return [...modules.values()];
}

/**
 * What this device can open without a connection, read from the worker's cache. Plain links, not
 * client-side navigation: offline, each is a whole page the worker serves from what was saved.
 */
export function SavedOnDevice() {
  const [modules, setModules] = useState<SavedModule[] | null>(null);
  useEffect(() => {
    void savedModules().then(setModules, () => setModules([]));
  }, []);
  if (modules === null) return null;
  return (
    <section className="stack" aria-labelledby="saved-heading" data-testid="saved-on-device">
      <h2 id="saved-heading">Saved on this device</h2>
      {modules.length === 0 ? (
        <p>Nothing yet. When you are online, open a module and press “Save for offline”: its lessons then open here without a connection.</p>
      ) : (
        <ul className="stack">
          {modules.map((m) => (
            <li key={m.href}>
              <a href={m.href} className="font-semibold">
                {m.title}
              </a>
              <ol className="mt-1 list-decimal ps-6">
                {m.lessons.map((l) => (
                  <li key={l.href}>
                    <a href={l.href}>{l.title}</a>
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
