import { getDb } from '@/db/client';
import { getCatalog, getModule } from '@/lib/content';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/respond';
import { learnerLineText, translationLineText } from '@/lib/format/review';
import { learnerLines } from '@/lib/services/sign-off';

// Read at request time (lesson pages are static); the same for everyone, so any cache may keep it a minute.
export const dynamic = 'force-dynamic';
const shared = { 'cache-control': 'public, max-age=60, stale-while-revalidate=600' };

type Params = { params: Promise<{ module: string }> };

/**
 * Each lesson of a module with its clinical review line (who signed off the current version and
 * when, or "Awaiting clinical review"), and each of its Urdu phrase panels with its translation review line.
 */
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
  // The "say it in Urdu" panels its lessons place: whether a native speaker has reviewed each.
  const panels = [...new Set(mod.lessons.flatMap((l) => [...l.body.matchAll(/<SayItInUrdu\s+id="([a-z0-9-]+)"/g)].map((m) => m[1]!)))];
  const phraseLines = await learnerLines(getDb(), await getCatalog(), 'urdu-phrases', panels);
  const phrases = Object.fromEntries(
    panels.map((id) => {
      const line = phraseLines.get(id) ?? null;
      return [id, { reviewed: line !== null, text: translationLineText(line) }];
    }),
  );
  return Response.json({ lessons, phrases }, { headers: shared });
});
