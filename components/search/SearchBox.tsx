'use client';
// Site search in the browser: MiniSearch and this build's index load on first use (a focus or a
// query in the address), never with the page. Offline, results say which pages are saved here.
import type MiniSearch from 'minisearch';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type SearchDocument, type SearchKind, type SearchResultFields, indexOptions, searchOptions } from '@/lib/search/options';
import { SAVED_CACHE } from '@/components/offline/sw-client';

const kindLabels: Record<SearchKind, string> = { lesson: 'Lesson', module: 'Module', quiz: 'Quiz', case: 'Case' };
const MAX_RESULTS = 30;

type Status = 'idle' | 'loading' | 'ready' | 'error';
type Result = SearchResultFields & { saved: boolean };

async function loadIndex(url: string): Promise<MiniSearch<SearchDocument>> {
  const [{ default: MiniSearchClass }, response] = await Promise.all([import('minisearch'), fetch(url)]);
  if (!response.ok) throw new Error(String(response.status));
  return MiniSearchClass.loadJSON<SearchDocument>(await response.text(), indexOptions);
}

async function savedUrls(urls: string[]): Promise<Set<string>> {
  if (!('caches' in window)) return new Set();
  const cache = await caches.open(SAVED_CACHE);
  const hits = await Promise.all(urls.map(async (u) => ((await cache.match(u)) ? u : null)));
  return new Set(hits.filter((u): u is string => u !== null));
}

export function SearchBox({ indexUrl }: { indexUrl: string }) {
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<SearchKind | 'all'>('all');
  const [status, setStatus] = useState<Status>('idle');
  const [results, setResults] = useState<Result[]>([]);
  const [online, setOnline] = useState(true);
  const index = useRef<MiniSearch<SearchDocument> | null>(null);

  const ensureIndex = useCallback(() => {
    if (index.current || status === 'loading') return;
    setStatus('loading');
    loadIndex(indexUrl)
      .then((loaded) => {
        index.current = loaded;
        setStatus('ready');
      })
      .catch(() => setStatus('error'));
  }, [indexUrl, status]);

  useEffect(() => {
    const q = new URLSearchParams(window.location.search).get('q') ?? '';
    const k = new URLSearchParams(window.location.search).get('kind');
    if (k && k in kindLabels) setKind(k as SearchKind);
    if (q) {
      setQuery(q);
      ensureIndex();
    }
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
    // Once, on arrival: later changes come from the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const params = new URLSearchParams();
    if (query) params.set('q', query);
    if (kind !== 'all') params.set('kind', kind);
    const search = params.toString();
    window.history.replaceState(null, '', search ? `?${search}` : window.location.pathname);
    if (status !== 'ready' || !index.current || query.trim() === '') {
      setResults([]);
      return;
    }
    const found = index.current
      .search(query, { ...searchOptions, filter: kind === 'all' ? undefined : (r) => r.kind === kind })
      .slice(0, MAX_RESULTS) as unknown as (SearchResultFields & { id: string })[];
    let current = true;
    void savedUrls(found.map((r) => r.id)).then((saved) => {
      if (current) setResults(found.map((r) => ({ id: r.id, kind: r.kind, title: r.title, context: r.context, excerpt: r.excerpt, minutes: r.minutes, saved: saved.has(r.id) })));
    });
    return () => {
      current = false;
    };
  }, [query, kind, status]);

  return (
    <div className="stack">
      <form role="search" className="flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()} action="/search" method="get">
        <label className="flex min-w-48 flex-1 flex-col gap-1">
          <span>Search for</span>
          <input
            type="search"
            name="q"
           
            value={query}
            onFocus={ensureIndex}
            onChange={(e) => {
              setQuery(e.target.value);
              ensureIndex();
            }}
            placeholder="consent, audio-only, red flags…"
            autoComplete="off"
          />
        </label>
        <label className="flex flex-col gap-1">
          <span>Show</span>
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as SearchKind | 'all')}>
            <option value="all">Everything</option>
            {(Object.keys(kindLabels) as SearchKind[]).map((k) => (
              <option key={k} value={k}>
                {kindLabels[k]}s
              </option>
            ))}
          </select>
        </label>
      </form>
      <p className="m-0 small muted" role="status" data-testid="search-status">
        {status === 'loading'
          ? 'Loading the search index…'
          : status === 'error'
            ? online
              ? 'The search index could not be loaded. Try again in a moment.'
              : 'You are offline and search has not been saved on this device: save a module for offline and search comes with it.'
            : status === 'ready' && query.trim() !== ''
              ? `${results.length === MAX_RESULTS ? `The first ${MAX_RESULTS}` : results.length} result${results.length === 1 ? '' : 's'}${online ? '' : ' (offline: only pages saved on this device open)'}`
              : ''}
      </p>
      <ol className="stack list-none p-0" data-testid="search-results">
        {results.map((r) => (
          <li key={r.id} className="card flex flex-col gap-1">
            <p className="m-0 text-sm text-muted">
              {kindLabels[r.kind]}
              {r.context ? ` · ${r.context}` : ''}
              {r.minutes > 0 ? ` · ${r.minutes} min` : ''}
              {r.saved ? ' · ✓ saved on this device' : online ? '' : ' · needs a connection'}
            </p>
            <a href={r.id} className="text-lg font-semibold">
              {r.title}
            </a>
            <p className="m-0">{r.excerpt}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
