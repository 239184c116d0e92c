// The search index's shape, shared by the build (which indexes) and the browser (which loads the
// index and queries it): MiniSearch needs the same fields and term processing on both sides.
import type { Options, SearchOptions } from 'minisearch';

export type SearchKind = 'lesson' | 'module' | 'quiz' | 'case';

/** One searchable page. `text` is indexed, never stored: results show `excerpt`. */
export type SearchDocument = {
  id: string;
  kind: SearchKind;
  title: string;
  /** The module a lesson or quiz belongs to; a case's setting. */
  context: string;
  headings: string;
  text: string;
  excerpt: string;
  minutes: number;
};

export type SearchResultFields = Pick<SearchDocument, 'id' | 'kind' | 'title' | 'context' | 'excerpt' | 'minutes'>;

/** Words too common in this curriculum to tell pages apart; dropping them keeps the index small. */
const stopWords = new Set(
  'a an and are as at be but by can do does for from had has have he her his how if in into is it its may more must no not of on or our she so than that the their them then there these they this those to was we were what when where which who will with you your'.split(' '),
);

/** Lower case, without accents; stop words and single letters dropped (digits kept: "2G", "3G"). */
export function processTerm(term: string): string | null {
  const t = term.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  if (t.length < 2 && !/\d/.test(t)) return null;
  return stopWords.has(t) ? null : t;
}

export const indexOptions: Options<SearchDocument> = {
  fields: ['title', 'headings', 'text', 'context'],
  storeFields: ['kind', 'title', 'context', 'excerpt', 'minutes'],
  processTerm,
};

/** Titles and headings weigh more than body text; prefixes and small typos still match ("consen", "referal"). */
export const searchOptions: SearchOptions = {
  boost: { title: 4, headings: 2, context: 1.5 },
  prefix: true,
  fuzzy: (term) => (term.length > 4 ? 0.2 : false),
  combineWith: 'AND',
};
