import 'server-only';
// Learners a programme that issues only signed-off content is keeping waiting (see certificate_holds).
import { and, count, eq } from 'drizzle-orm';
import { canReview } from '@/lib/domain/roles';
import { AppError } from '@/lib/errors';
import type { Db } from '../client';
import { certificateHolds } from '../schema';
import type { Actor } from './users';

/** Notes that the learner has earned the programme but waits for sign-off (kept from the first time). */
export async function holdCertificate(db: Db, userId: string, programmeId: string, since: Date): Promise<void> {
  await db.insert(certificateHolds).values({ userId, programmeId, since }).onConflictDoNothing();
}

/** Forgets the wait once the certificate is issued. */
export async function releaseHold(db: Db, userId: string, programmeId: string): Promise<void> {
  await db.delete(certificateHolds).where(and(eq(certificateHolds.userId, userId), eq(certificateHolds.programmeId, programmeId)));
}

/** The learners waiting for a programme's sign-off (what the sign-off that completes it releases). */
export async function heldLearners(db: Db, programmeId: string): Promise<string[]> {
  const rows = await db.select({ userId: certificateHolds.userId }).from(certificateHolds).where(eq(certificateHolds.programmeId, programmeId));
  return rows.map((r) => r.userId);
}

/** How many learners each programme keeps waiting, for reviewers and admins (what to review first). */
export async function holdCounts(db: Db, actor: Actor): Promise<Map<string, number>> {
  if (!canReview(actor.role)) throw new AppError('forbidden', 'holdCounts');
  const rows = await db.select({ programmeId: certificateHolds.programmeId, n: count() }).from(certificateHolds).groupBy(certificateHolds.programmeId);
  return new Map(rows.map((r) => [r.programmeId, r.n]));
}
