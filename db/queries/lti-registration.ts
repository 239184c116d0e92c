import 'server-only';
// LTI Dynamic Registration: the single-use links an institution's admin makes, the pending
// platform a registration through one leaves, and the admin's approval or rejection of it.
import { and, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import type { Db } from '../client';
import { type DeclaredPlatform, institutions, ltiPlatforms, ltiRegistrationLinks } from '../schema';
import { recordAudit } from './audit';
import { institutionFor } from './institutions';
import type { Actor } from './users';

/** Stores a registration link (its token hashed by the caller) for the institution's LMS (its admins only; audited). */
export async function createRegistrationLink(db: Db, actor: Actor, input: { institutionId: string; programmeId: string; tokenHash: string; expiresAt: Date }) {
  await institutionFor(db, actor, input.institutionId, 'edit-settings');
  await db.transaction(async (tx) => {
    await tx.insert(ltiRegistrationLinks).values({ ...input, createdBy: actor.id });
    await recordAudit(tx, { actorId: actor.id, action: 'lti.registration_link.created', subjectType: 'institution', subjectId: input.institutionId, detail: { programmeId: input.programmeId, expiresAt: input.expiresAt.toISOString() } });
  });
}

/** A registration link that can still be used, with its institution's name; null when unknown, used or expired. */
export async function peekRegistrationLink(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ institutionId: ltiRegistrationLinks.institutionId, institutionName: institutions.name, programmeId: ltiRegistrationLinks.programmeId, createdBy: ltiRegistrationLinks.createdBy })
    .from(ltiRegistrationLinks)
    .innerJoin(institutions, eq(institutions.id, ltiRegistrationLinks.institutionId))
    .where(and(eq(ltiRegistrationLinks.tokenHash, tokenHash), isNull(ltiRegistrationLinks.usedAt), gt(ltiRegistrationLinks.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

export type PendingPlatform = { name: string; issuer: string; clientId: string; deploymentIds: string[]; authLoginUrl: string; tokenUrl: string; jwksUrl: string; declared: DeclaredPlatform };

/**
 * Uses the link (once) and stores the platform that registered through it as pending, in one
 * transaction (audited). Null when the link was used or expired meanwhile: nothing is stored.
 */
export async function savePendingPlatform(db: Db, tokenHash: string, platform: PendingPlatform, now: Date) {
  return db.transaction(async (tx) => {
    const [link] = await tx
      .update(ltiRegistrationLinks)
      .set({ usedAt: now })
      .where(and(eq(ltiRegistrationLinks.tokenHash, tokenHash), isNull(ltiRegistrationLinks.usedAt), gt(ltiRegistrationLinks.expiresAt, now)))
      .returning();
    if (!link) return null;
    const [row] = await tx
      .insert(ltiPlatforms)
      .values({ ...platform, institutionId: link.institutionId, programmeId: link.programmeId, status: 'pending', createdBy: link.createdBy })
      .onConflictDoNothing({ target: [ltiPlatforms.issuer, ltiPlatforms.clientId] })
      .returning({ id: ltiPlatforms.id });
    if (!row) throw new AppError('conflict', 'lti dynamic registration: issuer+client taken', 'This LMS registration (issuer and client id) is already registered here.');
    await tx.update(ltiRegistrationLinks).set({ platformId: row.id }).where(eq(ltiRegistrationLinks.tokenHash, tokenHash));
    await recordAudit(tx, { actorId: null, action: 'lti.platform.registered', subjectType: 'institution', subjectId: link.institutionId, detail: { platformId: row.id, issuer: platform.issuer, clientId: platform.clientId, via: 'dynamic registration', product: platform.declared.productFamilyCode } });
    return { id: row.id, institutionId: link.institutionId };
  });
}

/** Approves a pending platform with these deployment ids (an admin of its institution; audited): its launches are accepted from now on. */
export async function approvePlatform(db: Db, actor: Actor, institutionId: string, platformId: string, deploymentIds: string[]): Promise<boolean> {
  await institutionFor(db, actor, institutionId, 'edit-settings');
  if (!z.uuid().safeParse(platformId).success) return false;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(ltiPlatforms)
      .set({ status: 'active', deploymentIds })
      .where(and(eq(ltiPlatforms.id, platformId), eq(ltiPlatforms.institutionId, institutionId), eq(ltiPlatforms.status, 'pending')))
      .returning({ issuer: ltiPlatforms.issuer });
    if (!row) return false;
    await recordAudit(tx, { actorId: actor.id, action: 'lti.platform.approved', subjectType: 'institution', subjectId: institutionId, detail: { platformId, issuer: row.issuer, deploymentIds } });
    return true;
  });
}

/** Rejects (deletes) a pending platform (an admin of its institution; audited). */
export async function rejectPlatform(db: Db, actor: Actor, institutionId: string, platformId: string): Promise<boolean> {
  await institutionFor(db, actor, institutionId, 'edit-settings');
  if (!z.uuid().safeParse(platformId).success) return false;
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(ltiPlatforms)
      .where(and(eq(ltiPlatforms.id, platformId), eq(ltiPlatforms.institutionId, institutionId), eq(ltiPlatforms.status, 'pending')))
      .returning({ issuer: ltiPlatforms.issuer });
    if (gone.length === 0) return false;
    await recordAudit(tx, { actorId: actor.id, action: 'lti.platform.rejected', subjectType: 'institution', subjectId: institutionId, detail: { platformId, issuer: gone[0]!.issuer } });
    return true;
  });
}
