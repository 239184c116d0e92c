import { z } from 'zod';
import { getDb } from '@/db/client';
import { listOwnCompletions, recordLessonCompletion } from '@/db/queries/progress';
import { getCurrentUser } from '@/lib/auth/session';
import { getModule } from '@/lib/content';
import { awardEarnedCertificates } from '@/lib/certification/award';

export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'private, no-store' };
const bodySchema = z.object({ lesson: z.string().min(1).max(100) });

type Params = { params: Promise<{ module: string }> };

/** The signed-in learner's completed lessons in this module (empty when signed out). */
export async function GET(_request: Request, { params }: Params) {
  const { module: slug } = await params;
  if (!(await getModule(slug))) return Response.json({ error: 'Unknown module.' }, { status: 404, headers: noStore });
  const user = await getCurrentUser();
  const completed = user ? (await listOwnCompletions(getDb(), user, slug)).map((c) => c.lessonSlug) : [];
  return Response.json({ signedIn: Boolean(user), completed }, { headers: noStore });
}

function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  return !origin || origin === new URL(request.url).origin || origin === `${request.headers.get('x-forwarded-proto') ?? 'http'}://${request.headers.get('host')}`;
}

/** Marks a lesson complete for the signed-in learner; idempotent. Accepts JSON or a plain form post. */
export async function POST(request: Request, { params }: Params) {
  const { module: slug } = await params;
  const isForm = (request.headers.get('content-type') ?? '').includes('application/x-www-form-urlencoded');
  if (!sameOrigin(request)) return Response.json({ error: 'Cross-site request refused.' }, { status: 403, headers: noStore });
  const raw = isForm ? Object.fromEntries(await request.formData()) : await request.json().catch(() => null);
  const parsed = bodySchema.safeParse(raw);
  const mod = await getModule(slug);
  const lesson = parsed.success ? mod?.lessons.find((l) => l.slug === parsed.data.lesson) : undefined;
  if (!mod || !lesson) return Response.json({ error: 'Unknown module or lesson.' }, { status: 400, headers: noStore });
  const lessonPath = `/modules/${mod.slug}/${lesson.slug}`;
  const user = await getCurrentUser();
  if (!user) {
    if (isForm) return Response.redirect(new URL(`/sign-in?next=${encodeURIComponent(lessonPath)}`, request.url), 303);
    return Response.json({ error: 'Sign in to keep your progress.' }, { status: 401, headers: noStore });
  }
  const now = new Date();
  const created = await recordLessonCompletion(getDb(), user, { moduleSlug: mod.slug, lessonSlug: lesson.slug, contentHash: lesson.hash, at: now });
  // The last requirement of a programme may have just been met: issue at once.
  const issued = created ? await awardEarnedCertificates(getDb(), user, now) : [];
  if (isForm) return Response.redirect(new URL(issued.length > 0 ? '/certificates' : `/modules/${mod.slug}`, request.url), 303);
  return Response.json({ completed: true, created, certificates: issued.map((c) => ({ code: c.code, programme: c.programmeTitle })) }, { headers: noStore });
}
