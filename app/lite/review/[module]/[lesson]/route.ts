import { getDb } from '@/db/client';
import { getCatalog, getLesson } from '@/lib/content';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/respond';
import { learnerLineText } from '@/lib/format/review';
import { escapeHtml } from '@/lib/lite/html';
import { liteCss } from '@/lib/lite/styles';
import { learnerLines } from '@/lib/services/sign-off';

// The lesson pages (full and low-data) are static: this small script-free page gives their review line.
export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ module: string; lesson: string }> };

/** A lesson's clinical review line as a script-free page, for low-data mode and browsers without JavaScript. */
export const GET = route('text', async (_request: Request, { params }: Params) => {
  const { module: m, lesson: l } = await params;
  const found = await getLesson(m, l);
  if (!found) throw new AppError('not_found', `lesson ${m}/${l}`, 'Unknown lesson.');
  const id = `${m}/${l}`;
  const line = (await learnerLines(getDb(), await getCatalog(), 'lesson', [id])).get(id) ?? null;
  const back = `/modules/${m}/${l}`;
  const title = escapeHtml(found.lesson.meta.title);
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Clinical review · ${title}</title><style>${liteCss}</style></head><body><main><h1>${title}</h1><p data-testid="clinical-review">${escapeHtml(learnerLineText(line))}</p><p class="muted">A clinician signs off each version of a lesson; an edit waits for a new sign-off.</p><p><a href="${back}">Back to the lesson</a></p></main></body></html>`;
  return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=60, stale-while-revalidate=600' } });
});
