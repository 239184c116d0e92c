import { getDb } from '@/db/client';
import { getCatalog, getModule } from '@/lib/content';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/respond';
import { learnerLineText } from '@/lib/format/review';
import { learnerLines } from '@/lib/services/sign-off';

// Read at request time (lesson pages are static); the same for everyone, so any cache may keep it a minute.
export const dynamic = 'force-dynamic';
const shared = { 'cache-control': 'public, max-age=60, stale-while-revalidate=600' };

type Params = { params: Promise<{ module: string }> };

/** Each lesson of a module with its clinical review line: who signed off the current version and when, or "Awaiting clinical review". */
export const GET = route('json', async (_request: Request, { params }: Params) => {
  const { module: slug } = await params;
  const mod = await getModule(slug);
  if (!mod) throw new AppError('not_found', `module ${slug}`, 'Unknown module.');
  const ids = mod.lessons.map((l) => `${slug}/${l.slug}`);
  const lines = await learnerLines(getDb(), await getCatalog(), 'lesson', ids);
  const lessons = Object.fromEntries(
    mod.lessons.map((l) => {
      const line = lines.get(`${slug}/${l.slug}`) ?? null;
      return [l.slug, { reviewed: line !== null, text: learnerLineText(line) }];
    }),
  );
  return Response.json({ lessons }, { headers: shared });
});
