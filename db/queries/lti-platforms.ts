import 'server-only';
// LMS platforms an institution registered (LTI 1.3, manual registration). Its admins (or a
// platform admin) list, add and remove them; anyone else gets not_found, as for the institution.
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import type { PlatformInput } from '@/lib/validation/lti';
import type { Db } from '../client';
import { ltiPlatforms } from '../schema';
import { recordAudit } from './audit';
import { institutionFor } from './institutions';
import type { Actor } from './users';

/** The platforms registered for an institution, by name (its admins only). */
export async function listPlatforms(db: Db, actor: Actor, institutionId: string) {
  await institutionFor(db, actor, institutionId, 'edit-settings');
  return db.select().from(ltiPlatforms).where(eq(ltiPlatforms.institutionId, institutionId)).orderBy(asc(ltiPlatforms.name));
}

/** Registers a platform for the institution (audited); one registration per issuer and client id. */
export async function registerPlatform(db: Db, actor: Actor, institutionId: string, input: PlatformInput) {
  await institutionFor(db, actor, institutionId, 'edit-settings');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(ltiPlatforms)
      .values({ ...input, institutionId, createdBy: actor.id })
      .onConflictDoNothing({ target: [ltiPlatforms.issuer, ltiPlatforms.clientId] })
      .returning({ id: ltiPlatforms.id });
    if (!row) throw new AppError('conflict', 'lti platform issuer+client', 'A platform with this issuer and client id is already registered.');
    await recordAudit(tx, { actorId: actor.id, action: 'lti.platform.registered', subjectType: 'institution', subjectId: institutionId, detail: { platformId: row.id, issuer: input.issuer, clientId: input.clientId } });
    return row;
  });
}

/** Removes a platform (audited): its launches stop at once; linked accounts and cohorts stay. */
export async function removePlatform(db: Db, actor: Actor, institutionId: string, platformId: string): Promise<boolean> {
  await institutionFor(db, actor, institutionId, 'edit-settings');
  if (!z.uuid().safeParse(platformId).success) return false;
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(ltiPlatforms)
      .where(and(eq(ltiPlatforms.id, platformId), eq(ltiPlatforms.institutionId, institutionId)))
      .returning({ issuer: ltiPlatforms.issuer });
    if (gone.length === 0) return false;
    await recordAudit(tx, { actorId: actor.id, action: 'lti.platform.removed', subjectType: 'institution', subjectId: institutionId, detail: { platformId, issuer: gone[0]!.issuer } });
    return true;
  });
}

/** A launch from a platform that registered itself but is not approved yet. */
export const pendingPlatform = new AppError('forbidden', 'lti login: platform pending approval', 'This LMS registered itself here, but an administrator of your institution has not approved it yet, so nobody can sign in from it. Ask them to approve it under Institution → LMS platforms.');

/**
 * The platform a login initiation names: by issuer, and client id when the LMS sends one. An
 * issuer shared by several registrations (Canvas cloud) must come with its client id.
 */
export async function platformForLogin(db: Db, issuer: string, clientId: string | undefined) {
  const rows = await db
    .select()
    .from(ltiPlatforms)
    .where(and(eq(ltiPlatforms.issuer, issuer), clientId ? eq(ltiPlatforms.clientId, clientId) : undefined))
    .limit(2);
  if (rows.length === 1 && rows[0]!.status === 'pending') throw pendingPlatform;
  if (rows.length === 1) return rows[0]!;
  if (rows.length > 1) throw new AppError('bad_request', 'login without client_id for a shared issuer', 'Your LMS did not say which registration it launches from (client_id). Ask your LMS administrator to check the tool’s settings.');
  throw new AppError('not_found', 'lti login: unknown platform', 'This LMS is not registered here. Ask your institution’s administrator to register it under Institution → LMS platforms.');
}

/** A platform by id (a launch's state names it). */
export async function platformById(db: Db, id: string) {
  const [row] = await db.select().from(ltiPlatforms).where(eq(ltiPlatforms.id, id)).limit(1);
  return row ?? null;
}

/** Sets the origins allowed to frame the platform's launches (embedded mode; none: a new window). Audited. */
export async function setPlatformFraming(db: Db, actor: Actor, institutionId: string, platformId: string, frameOrigins: string[]): Promise<boolean> {
  await institutionFor(db, actor, institutionId, 'edit-settings');
  if (!z.uuid().safeParse(platformId).success) return false;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(ltiPlatforms)
      .set({ frameOrigins })
      .where(and(eq(ltiPlatforms.id, platformId), eq(ltiPlatforms.institutionId, institutionId)))
      .returning({ id: ltiPlatforms.id });
    if (!row) return false;
    await recordAudit(tx, { actorId: actor.id, action: 'lti.platform.framing', subjectType: 'institution', subjectId: institutionId, detail: { platformId, frameOrigins } });
    return true;
  });
}
