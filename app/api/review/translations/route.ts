import { getDb } from '@/db/client';
import { getCatalog } from '@/lib/content';
import { contentItems } from '@/lib/content/review-items';
import { route } from '@/lib/http/respond';
import { learnerLines } from '@/lib/services/sign-off';

// Read at request time (pages are static); the same for everyone, so any cache may keep it a minute.
export const dynamic = 'force-dynamic';
const shared = { 'cache-control': 'public, max-age=60, stale-while-revalidate=600' };

/**
 * Whether a native speaker has signed off the current version of every namespace of the Urdu
 * interface (messages/ur.json), and which are still awaiting review. The Urdu footer follows it.
 */
export const GET = route('json', async () => {
  const catalog = await getCatalog();
  const ids = contentItems(catalog)
    .filter((i) => i.kind === 'urdu-interface')
    .map((i) => i.id);
  const lines = await learnerLines(getDb(), catalog, 'urdu-interface', ids);
  const awaiting = ids.filter((id) => !lines.get(id));
  return Response.json({ interface: { reviewed: ids.length > 0 && awaiting.length === 0, awaiting } }, { headers: shared });
});
