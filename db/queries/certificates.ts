import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { AppError } from '@/lib/errors';
import { accountDeletedReason } from '@/lib/privacy/registry';
import { isCertificateCode } from '@/lib/validation/certificate';
import type { Db } from '../client';
import { certificateStatusChanges, certificates, institutions, users } from '../schema';
import { recordAudit } from './audit';
import { appendEvent } from './events';
import type { Actor } from './users';

const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** An unguessable public code: 16 characters from a 31-letter alphabet (about 79 bits). */
export function newCertificateCode(): string {
  const bytes = randomBytes(16);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** The holder's name, profession and registration as the certificate will state them. */
export async function getHolder(db: Db, userId: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name, profession: users.profession, registrationNumber: users.registrationNumber, emailVerified: users.emailVerified })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}

export type NewCertificate = Omit<typeof certificates.$inferInsert, 'revokedAt' | 'revokedBy' | 'revokedReason'> & { id: string; issuedAt: Date };

/**
 * Writes a certificate unless that learner, programme and cycle already has one, with its audit
 * entry and its `certificate.issued` event; returns it only when new.
 */
export async function insertCertificate(db: Db, cert: NewCertificate) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(certificates).values(cert).onConflictDoNothing().returning();
    if (!row) return null;
    await recordAudit(tx, {
      actorId: cert.userId,
      action: 'certificate.issued',
      subjectType: 'certificate',
      subjectId: row.id,
      detail: { programme: cert.programmeId, cycle: cert.cycle, code: cert.code },
    });
    await appendEvent(tx, {
      kind: 'certificate.issued',
      sourceId: row.id,
      userId: row.userId,
      payload: { certificateId: row.id, programmeId: row.programmeId, cycle: row.cycle, code: row.code },
      occurredAt: row.issuedAt,
    });
    return row;
  });
}

/** The latest certificate of a learner for a programme (any status). */
export async function latestCertificate(db: Db, userId: string, programmeId: string) {
  const [row] = await db
    .select()
    .from(certificates)
    .where(and(eq(certificates.userId, userId), eq(certificates.programmeId, programmeId)))
    .orderBy(desc(certificates.cycle))
    .limit(1);
  return row ?? null;
}

/** The acting learner's own certificates, newest first. */
export function listOwnCertificates(db: Db, actor: Actor) {
  return db.select().from(certificates).where(eq(certificates.userId, actor.id)).orderBy(desc(certificates.issuedAt));
}

/** One of the acting learner's certificates by code (admins may open any). */
export async function getOwnCertificate(db: Db, actor: Actor, code: string) {
  // A malformed code (a NUL, stray bytes) names no certificate: the database is not asked.
  if (!isCertificateCode(code)) throw new AppError('not_found', 'malformed certificate code');
  const [row] = await db.select().from(certificates).where(eq(certificates.code, code)).limit(1);
  if (!row || (row.userId !== actor.id && actor.role !== 'admin')) throw new AppError('not_found', `certificate ${code}`);
  return row;
}

/**
 * What anyone with the code may see: holder's name and registration, programme, what it states,
 * dates, status. Nothing else about the holder. With it, the current logo version of the
 * institution the certificate names (by the id it was issued with, so a merge does not change
 * it), to show the logo only while it is still the one issued with.
 */
export async function getPublicCertificate(db: Db, code: string) {
  if (!isCertificateCode(code)) return null;
  const [row] = await db
    .select({
      code: certificates.code,
      holderName: certificates.holderName,
      holderRegistration: certificates.holderRegistration,
      programmeId: certificates.programmeId,
      programmeTitle: certificates.programmeTitle,
      cpdHours: certificates.cpdHours,
      details: certificates.details,
      issuedAt: certificates.issuedAt,
      expiresAt: certificates.expiresAt,
      revokedAt: certificates.revokedAt,
      credential: certificates.credential,
      institutionLogoVersion: institutions.logoVersion,
    })
    .from(certificates)
    .leftJoin(institutions, eq(institutions.id, sql`(${certificates.details} -> 'institution' ->> 'id')::uuid`))
    .where(eq(certificates.code, code))
    .limit(1);
  return row ?? null;
}

/** All certificates, newest first, for admins. */
export async function listAllCertificates(db: Db, actor: Actor, limit = 200) {
  if (actor.role !== 'admin') throw new AppError('forbidden', 'listAllCertificates');
  return db.select().from(certificates).orderBy(desc(certificates.issuedAt)).limit(limit);
}

/** Every revocation and reinstatement of the given certificates, oldest first, with who did it (admins). */
export function certificateHistory(db: Db, actor: Actor, certificateIds: readonly string[]) {
  if (actor.role !== 'admin') throw new AppError('forbidden', 'certificateHistory');
  return db
    .select({
      certificateId: certificateStatusChanges.certificateId,
      action: certificateStatusChanges.action,
      reason: certificateStatusChanges.reason,
      at: certificateStatusChanges.at,
      actorName: users.name,
    })
    .from(certificateStatusChanges)
    .leftJoin(users, eq(users.id, certificateStatusChanges.actorId))
    .where(inArray(certificateStatusChanges.certificateId, [...certificateIds]))
    .orderBy(asc(certificateStatusChanges.id));
}

export type StatusChange =
  | { status: 'changed'; certificateId: string; userId: string }
  | { status: 'unchanged'; since: Date | null; reason: string | null };

/**
 * Revokes (`revoked`) or reinstates (`reinstated`) a certificate, admins only, with a reason, an
 * audit entry, a history row and an event, in one transaction. Asking for the state it is already
 * in changes nothing and says since when: the first revocation's reason, date and actor stay.
 */
export async function changeCertificateStatus(db: Db, actor: Actor, code: string, action: 'revoked' | 'reinstated', reason: string, now: Date): Promise<StatusChange> {
  if (actor.role !== 'admin') throw new AppError('forbidden', `certificate ${action}`);
  return db.transaction(async (tx) => {
    const [cert] = await tx.select().from(certificates).where(eq(certificates.code, code)).for('update');
    if (!cert) throw new AppError('not_found', `certificate ${code}`);
    if ((cert.revokedAt !== null) === (action === 'revoked')) return { status: 'unchanged', since: cert.revokedAt, reason: cert.revokedReason };
    if (cert.revokedReason === accountDeletedReason) throw new AppError('conflict', `certificate ${code}: holder erased`, 'The holder of this certificate deleted their account: it stays revoked.');
    const revoking = action === 'revoked';
    await tx
      .update(certificates)
      .set(revoking ? { revokedAt: now, revokedBy: actor.id, revokedReason: reason } : { revokedAt: null, revokedBy: null, revokedReason: null })
      .where(eq(certificates.id, cert.id));
    const [change] = await tx
      .insert(certificateStatusChanges)
      .values({ certificateId: cert.id, action, reason, actorId: actor.id, at: now })
      .returning({ id: certificateStatusChanges.id });
    if (!change) throw new AppError('conflict', `certificate ${code}: history row not written`);
    await recordAudit(tx, { actorId: actor.id, action: `certificate.${action}`, subjectType: 'certificate', subjectId: cert.id, detail: { code, reason } });
    const payload = { certificateId: cert.id, programmeId: cert.programmeId, code, reason };
    await appendEvent(tx, { kind: revoking ? 'certificate.revoked' : 'certificate.reinstated', sourceId: change.id, userId: cert.userId, payload, occurredAt: now });
    return { status: 'changed', certificateId: cert.id, userId: cert.userId };
  });
}

/** The learner's certificates issued at or after `since` (what a request just earned them). */
export function certificatesIssuedSince(db: Db, userId: string, since: Date) {
  return db
    .select({ code: certificates.code, programmeTitle: certificates.programmeTitle })
    .from(certificates)
    .where(and(eq(certificates.userId, userId), gte(certificates.issuedAt, since)));
}
