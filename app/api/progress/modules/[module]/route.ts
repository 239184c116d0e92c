import { z } from 'zod';
import { getDb } from '@/db/client';
import { listOwnCompletions } from '@/db/queries/progress';
import { getCurrentUser } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/respond';
import { getModule } from '@/lib/content';
import { completeLesson } from '@/lib/services/learning';

export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'private, no-store' };
const bodySchema = z.object({ lesson: z.string().min(1).max(100) });

type Params = { params: Promise<{ module: string }> };

/** The signed-in learner's completed lessons in this module (empty when signed out). */
export const GET = route('json', async (_request: Request, { params }: Params) => {
  const { module: slug } = await params;
  if (!(await getModule(slug))) throw new AppError('not_found', `module ${slug}`, 'Unknown module.');
  const user = await getCurrentUser();
  const completed = user ? (await listOwnCompletions(getDb(), user, slug)).map((c) => c.lessonSlug) : [];
  // `account` lets a device's offline queue remember whose completions it holds (phones are shared).
  return Response.json({ signedIn: Boolean(user), account: user?.id ?? null, completed }, { headers: noStore });
});

function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  return !origin || origin === new URL(request.url).origin || origin === `${request.headers.get('x-forwarded-proto') ?? 'http'}://${request.headers.get('host')}`;
}

/** Marks a lesson complete for the signed-in learner; idempotent. Accepts JSON or a plain form post. */
export const POST = route('json', async (request: Request, { params }: Params) => {
  const { module: slug } = await params;
  const isForm = (request.headers.get('content-type') ?? '').includes('application/x-www-form-urlencoded');
  if (!sameOrigin(request)) throw new AppError('forbidden', 'cross-site progress post', 'Cross-site request refused.');
  const raw = isForm ? Object.fromEntries(await request.formData()) : await request.json().catch(() => null);
  const parsed = bodySchema.safeParse(raw);
  const mod = await getModule(slug);
  const lesson = parsed.success ? mod?.lessons.find((l) => l.slug === parsed.data.lesson) : undefined;
  if (!mod || !lesson) throw new AppError('bad_request', `progress ${slug}`, 'Unknown module or lesson.');
  const lessonPath = `/modules/${mod.slug}/${lesson.slug}`;
  const user = await getCurrentUser();
  if (!user) {
    if (isForm) return seeOther(`/sign-in?next=${encodeURIComponent(lessonPath)}`);
    throw new AppError('unauthorized', 'progress post', 'Sign in to keep your progress.');
  }
  // Queued offline by another account on a shared phone: not this learner's to claim. The device keeps it for its owner.
  const queuedFor = request.headers.get('x-queued-for');
  if (queuedFor && queuedFor !== user.id) {
    throw new AppError('forbidden', 'offline completion of another account', 'This completion was saved offline by another account.', 'other-account');
  }
  const now = new Date();
  const at = completedAt(request.headers.get('x-queued-at'), now);
  // A request from a device's offline queue carries an idempotency key: a retried sync replays the first answer and adds nothing.
  const key = request.headers.get('idempotency-key');
  const { created, replayed, issued } = await completeLesson(getDb(), user, { moduleSlug: mod.slug, lessonSlug: lesson.slug, contentHash: lesson.hash }, at, key, now);
  if (isForm) return seeOther(issued.length > 0 ? '/certificates' : `/modules/${mod.slug}`);
  return Response.json(
    { completed: true, created, certificates: issued.map((c) => ({ code: c.code, programme: c.programmeTitle })) },
    { headers: { ...noStore, ...(replayed ? { 'idempotent-replayed': 'true' } : {}) } },
  );
});

/**
 * A 303 to a path on this site. The Location stays relative: behind a proxy the server may not know
 * the public host, and a redirect to another host would break the post (and CSP's form-action).
 */
function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location, ...noStore } });
}

/** When a queued completion happened on the device (sent as X-Queued-At, ms), kept within the last 30 days and never in the future. */
function completedAt(header: string | null, now: Date): Date {
  const ms = Number(header);
  if (header === null || !Number.isFinite(ms)) return now;
  return new Date(Math.min(now.getTime(), Math.max(now.getTime() - 30 * 86_400_000, ms)));
}
