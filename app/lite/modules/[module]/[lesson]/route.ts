import { getCatalog, getLesson, getLessonCode } from '@/lib/content';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/respond';
import { liteLessonHtml } from '@/lib/lite/lesson-html';

// Built once per lesson at build time, like the full lesson pages.
export const dynamic = 'force-static';
export const dynamicParams = false;

export async function generateStaticParams() {
  const { modules } = await getCatalog();
  return modules.flatMap((m) => m.lessons.map((l) => ({ module: m.slug, lesson: l.slug })));
}

type Params = { params: Promise<{ module: string; lesson: string }> };

/** A lesson's low-data page: HTML with inlined CSS and no script (served at /modules/… in low-data mode). */
export const GET = route('text', async (_request: Request, { params }: Params) => {
  const { module: m, lesson: l } = await params;
  const found = await getLesson(m, l);
  if (!found) throw new AppError('not_found', `lite lesson ${m}/${l}`, 'No such lesson.');
  const [{ references, phrases }, code] = await Promise.all([getCatalog(), getLessonCode(found.lesson)]);
  const html = liteLessonHtml({ ...found, code, references, phrases: new Map(phrases.map((p) => [p.def.id, p.def])) });
  // Served at the lesson's own URL when the low-data cookie is set: never shared with a reader without it.
  return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8', vary: 'Cookie' } });
});
