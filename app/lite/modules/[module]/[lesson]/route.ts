import { getCatalog, getLesson, getLessonCode } from '@/lib/content';
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
export async function GET(_request: Request, { params }: Params) {
  const { module: m, lesson: l } = await params;
  const found = await getLesson(m, l);
  if (!found) return new Response('Not found', { status: 404 });
  const [{ references }, code] = await Promise.all([getCatalog(), getLessonCode(found.lesson)]);
  const html = liteLessonHtml({ ...found, code, references });
  return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
}
