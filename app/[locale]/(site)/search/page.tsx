import type { Metadata } from 'next';
import Link from 'next/link';
import { SearchBox } from '@/components/search/SearchBox';
import { searchIndex, searchIndexPath } from '@/lib/search/build';

export const metadata: Metadata = {
  title: 'Search',
  description: 'Search every lesson, module, quiz topic and virtual-consult brief.',
};

// Static: the page and the index are built once; the search runs in the browser, so it also works
// offline for saved modules (the service worker keeps this page and the index with them).
export default async function SearchPage() {
  const { hash, documents } = await searchIndex();
  return (
    <div className="stack-lg">
      <header>
        <h1>Search</h1>
        <p className="muted max-w-2xl">
          Lessons (titles, headings and text), modules, quiz topics and case briefs: {documents} pages. The index (about 65 kB) loads when you start to
          search; <Link href="/modules">browse the modules</Link> or <Link href="/consults">the cases</Link> to filter by topic.
        </p>
      </header>
      <SearchBox indexUrl={searchIndexPath(hash)} />
      <noscript>
        <p className="notice">Search runs in your browser and needs JavaScript. Browse the modules and cases instead; both lists can be filtered without it.</p>
      </noscript>
    </div>
  );
}
