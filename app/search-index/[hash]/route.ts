// This build's search index, prerendered at build time under its hash (the search page names it).
// Any other hash is not found: a page from an older build reloads to get the current one.
import { searchIndex } from '@/lib/search/build';

export const dynamicParams = false;

export async function generateStaticParams() {
  return [{ hash: (await searchIndex()).hash }];
}

export async function GET() {
  const { json } = await searchIndex();
  return new Response(json, {
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable' },
  });
}
