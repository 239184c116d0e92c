import 'server-only';
// The site's search index, built once per build from the content: a MiniSearch index serialised
// to JSON, named by a hash of its bytes so browsers and the service worker may keep it for good.
import MiniSearch from 'minisearch';
import { getCatalog } from '@/lib/content';
import { contentHash } from '@/lib/content/files';
import { searchDocuments } from './documents';
import { indexOptions } from './options';

export type BuiltIndex = { json: string; hash: string; documents: number };

let built: Promise<BuiltIndex> | undefined;

export function searchIndex(): Promise<BuiltIndex> {
  built ??= getCatalog().then((catalog) => {
    const docs = searchDocuments(catalog);
    const index = new MiniSearch(indexOptions);
    index.addAll(docs);
    const json = JSON.stringify(index);
    return { json, hash: contentHash(json), documents: docs.length };
  });
  return built;
}

/** Where this build's index is served: immutable, so a new build has a new address. */
export const searchIndexPath = (hash: string) => `/search-index/${hash}`;
