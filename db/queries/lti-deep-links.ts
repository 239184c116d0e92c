import 'server-only';
// Deep Linking requests waiting for an instructor's pick: saved at the launch under a hashed
// single-use token, readable and taken only by the account linked to the LMS identity that asked.
import { and, eq, gt, lt } from 'drizzle-orm';
import { AppError } from '@/lib/errors';
import type { Db } from '../client';
import { ltiDeepLinks, ltiLinks, ltiPlatforms } from '../schema';
import type { Actor } from './users';

export type NewDeepLink = typeof ltiDeepLinks.$inferInsert;

/** Saves a request (expired ones are swept here). */
export async function saveDeepLink(db: Db, row: NewDeepLink, now: Date): Promise<void> {
  await db.delete(ltiDeepLinks).where(lt(ltiDeepLinks.expiresAt, now));
  await db.insert(ltiDeepLinks).values(row);
}

const mine = (actor: Actor, tokenHash: string, now: Date) =>
  and(
    eq(ltiDeepLinks.tokenHash, tokenHash),
    gt(ltiDeepLinks.expiresAt, now),
    // Only the account linked to the LMS identity that asked.
    eq(ltiLinks.userId, actor.id),
  );

/** A pending request of the acting person, for the picker page; not_found for anyone else, or once used or expired. */
export async function deepLinkFor(db: Db, actor: Actor, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ contextTitle: ltiDeepLinks.contextTitle, platform: ltiPlatforms.name, expiresAt: ltiDeepLinks.expiresAt })
    .from(ltiDeepLinks)
    .innerJoin(ltiLinks, and(eq(ltiLinks.issuer, ltiDeepLinks.issuer), eq(ltiLinks.sub, ltiDeepLinks.sub)))
    .innerJoin(ltiPlatforms, eq(ltiPlatforms.id, ltiDeepLinks.platformId))
    .where(mine(actor, tokenHash, now))
    .limit(1);
  if (!row) throw new AppError('not_found', 'lti deep link request', 'This request to add an activity has expired or was already answered. Start again from your course.');
  return row;
}

/** Takes the acting person's request once (deleted as it is read), with what the response needs. */
export async function takeDeepLink(db: Db, actor: Actor, tokenHash: string, now: Date) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ tokenHash: ltiDeepLinks.tokenHash, returnUrl: ltiDeepLinks.returnUrl, data: ltiDeepLinks.data, deploymentId: ltiDeepLinks.deploymentId, issuer: ltiPlatforms.issuer, clientId: ltiPlatforms.clientId })
      .from(ltiDeepLinks)
      .innerJoin(ltiLinks, and(eq(ltiLinks.issuer, ltiDeepLinks.issuer), eq(ltiLinks.sub, ltiDeepLinks.sub)))
      .innerJoin(ltiPlatforms, eq(ltiPlatforms.id, ltiDeepLinks.platformId))
      .where(mine(actor, tokenHash, now))
      .limit(1);
    if (!row) throw new AppError('not_found', 'lti deep link request', 'This request to add an activity has expired or was already answered. Start again from your course.');
    const gone = await tx.delete(ltiDeepLinks).where(eq(ltiDeepLinks.tokenHash, row.tokenHash)).returning({ tokenHash: ltiDeepLinks.tokenHash });
    // Another request took it between the read and the delete.
    if (gone.length === 0) throw new AppError('not_found', 'lti deep link request taken', 'This request to add an activity was already answered.');
    return row;
  });
}
