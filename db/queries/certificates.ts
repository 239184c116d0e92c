import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNotNull, max } from 'drizzle-orm';
import { AppError } from '@/lib/errors';
import type { Db } from '../client';
import { certificates, consultAttempts, lessonCompletions, quizAttempts } from '../schema';
import { recordAudit } from './audit';
import type { Actor } from './users';

const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** An unguessable public code: 16 characters from a 31-letter alphabet (about 79 bits). */
export function newCertificateCode(): string {
  const bytes = randomBytes(16);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** Everything a learner has done that programmes count, read in three indexed queries. */
export async function loadEvidenceRows(db: Db, userId: string) {
  const [completions, quizBest, consults] = await Promise.all([
    db
      .select({ moduleSlug: lessonCompletions.moduleSlug, lessonSlug: lessonCompletions.lessonSlug, contentHash: lessonCompletions.contentHash })
      .from(lessonCompletions)
      .where(eq(lessonCompletions.userId, userId)),
    db
      .select({ quizId: quizAttempts.quizId, best: max(quizAttempts.score) })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.userId, userId), isNotNull(quizAttempts.submittedAt)))
      .groupBy(quizAttempts.quizId),
    db
      .select({ caseId: consultAttempts.caseId, passed: consultAttempts.passed, criticalErrors: consultAttempts.criticalErrors, contentHash: consultAttempts.contentHash })
      .from(consultAttempts)
      .where(and(eq(consultAttempts.userId, userId), isNotNull(consultAttempts.finishedAt))),
  ]);
  return { completions, quizBest, consults };
}

export type NewCertificate = Omit<typeof certificates.$inferInsert, 'revokedAt' | 'revokedBy' | 'revokedReason'>;

/** Writes a certificate unless that learner, programme and cycle already has one; returns it only when new. */
export async function insertCertificate(db: Db, cert: NewCertificate) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(certificates).values(cert).onConflictDoNothing().returning();
    if (row) {
      await recordAudit(tx, {
        actorId: cert.userId,
        action: 'certificate.issued',
        subjectType: 'certificate',
        subjectId: row.id,
        detail: { programme: cert.programmeId, cycle: cert.cycle, code: cert.code },
      });
    }
    return row ?? null;
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
  const [row] = await db.select().from(certificates).where(eq(certificates.code, code)).limit(1);
  if (!row || (row.userId !== actor.id && actor.role !== 'admin')) throw new AppError('not_found', `certificate ${code}`);
  return row;
}

/** What anyone with the code may see: holder's name, programme, dates, status. Nothing else about the holder. */
export async function getPublicCertificate(db: Db, code: string) {
  const [row] = await db
    .select({
      code: certificates.code,
      holderName: certificates.holderName,
      programmeId: certificates.programmeId,
      programmeTitle: certificates.programmeTitle,
      cpdHours: certificates.cpdHours,
      issuedAt: certificates.issuedAt,
      expiresAt: certificates.expiresAt,
      revokedAt: certificates.revokedAt,
      credential: certificates.credential,
    })
    .from(certificates)
    .where(eq(certificates.code, code))
    .limit(1);
  return row ?? null;
}

/** All certificates, newest first, for admins. */
export async function listAllCertificates(db: Db, actor: Actor, limit = 200) {
  if (actor.role !== 'admin') throw new AppError('forbidden', 'listAllCertificates');
  return db.select().from(certificates).orderBy(desc(certificates.issuedAt)).limit(limit);
}

/** Revokes a certificate with a reason (admins only, audited); revoking twice changes nothing. */
export async function revokeCertificate(db: Db, actor: Actor, code: string, reason: string, now: Date) {
  if (actor.role !== 'admin') throw new AppError('forbidden', 'revokeCertificate');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(certificates)
      .set({ revokedAt: now, revokedBy: actor.id, revokedReason: reason })
      .where(and(eq(certificates.code, code)))
      .returning({ id: certificates.id, revokedAt: certificates.revokedAt });
    if (!row) throw new AppError('not_found', `certificate ${code}`);
    await recordAudit(tx, { actorId: actor.id, action: 'certificate.revoked', subjectType: 'certificate', subjectId: row.id, detail: { code, reason } });
    return row;
  });
}
