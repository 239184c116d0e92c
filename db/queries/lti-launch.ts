import 'server-only';
// What an LTI launch reads and writes: its single-use login state and tickets, the link from an
// LMS identity to an account, and the cohort an LMS course maps to.
import { randomBytes } from 'node:crypto';
import { and, asc, eq, gt, inArray, lt } from 'drizzle-orm';
import { joinCodeFromBytes } from '@/lib/domain/cohorts';
import type { Db } from '../client';
import { type LtiPlatform, cohortStaff, cohorts, institutionStaff, ltiContexts, ltiLinks, ltiLoginStates, ltiTickets, users } from '../schema';
import { recordAudit } from './audit';

/** Stores a login's state (by its hash) and nonce until `expiresAt`; expired ones are swept here. */
export async function saveLoginState(db: Db, row: { stateHash: string; platformId: string; nonce: string; expiresAt: Date }, now: Date) {
  await db.delete(ltiLoginStates).where(lt(ltiLoginStates.expiresAt, now));
  await db.insert(ltiLoginStates).values(row);
}

/** Takes a login state once: the row is deleted as it is read, so a replayed launch finds nothing. */
export async function takeLoginState(db: Db, stateHash: string, now: Date) {
  const [row] = await db
    .delete(ltiLoginStates)
    .where(and(eq(ltiLoginStates.stateHash, stateHash), gt(ltiLoginStates.expiresAt, now)))
    .returning({ platformId: ltiLoginStates.platformId, nonce: ltiLoginStates.nonce });
  return row ?? null;
}

export type TicketRow = typeof ltiTickets.$inferInsert;

/** Leaves a ticket for the next step of a launch (the caller hashed its token). */
export async function saveTicket(db: Db, row: TicketRow, now: Date) {
  await db.delete(ltiTickets).where(lt(ltiTickets.expiresAt, now));
  await db.insert(ltiTickets).values(row);
}

/** Takes a ticket of this purpose once (deleted as it is read); null when unknown, used or expired. */
export async function takeTicket(db: Db, tokenHash: string, purpose: 'sign-in' | 'link', now: Date) {
  const [row] = await db
    .delete(ltiTickets)
    .where(and(eq(ltiTickets.tokenHash, tokenHash), eq(ltiTickets.purpose, purpose), gt(ltiTickets.expiresAt, now)))
    .returning();
  return row ?? null;
}

/** Reads a pending link ticket without using it (the link page shows whose LMS identity it is). */
export async function peekLinkTicket(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ issuer: ltiTickets.issuer, name: ltiTickets.name, email: ltiTickets.email, contextTitle: ltiTickets.contextTitle, lmsRole: ltiTickets.lmsRole })
    .from(ltiTickets)
    .where(and(eq(ltiTickets.tokenHash, tokenHash), eq(ltiTickets.purpose, 'link'), gt(ltiTickets.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

/** The account an LMS identity is linked to, with its platform role. */
export async function linkedUser(db: Db, issuer: string, sub: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(ltiLinks)
    .innerJoin(users, eq(users.id, ltiLinks.userId))
    .where(and(eq(ltiLinks.issuer, issuer), eq(ltiLinks.sub, sub)))
    .limit(1);
  return row ?? null;
}

/** Links an LMS identity to an account (audited). False when it is already linked to another account. */
export async function linkIdentity(db: Db, link: { issuer: string; sub: string; userId: string; platformId: string }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [added] = await tx.insert(ltiLinks).values(link).onConflictDoNothing().returning({ userId: ltiLinks.userId });
    if (added) await recordAudit(tx, { actorId: link.userId, action: 'lti.linked', subjectType: 'user', subjectId: link.userId, detail: { issuer: link.issuer, platformId: link.platformId } });
    if (added) return true;
    const [existing] = await tx.select({ userId: ltiLinks.userId }).from(ltiLinks).where(and(eq(ltiLinks.issuer, link.issuer), eq(ltiLinks.sub, link.sub)));
    return existing?.userId === link.userId;
  });
}

/**
 * Creates a learner account for a first launch, linked to the LMS identity, in one transaction.
 * No password (they come in through the LMS, or set one by a reset); the address is not marked
 * verified. Null when the address is taken (the caller offers linking instead).
 */
export async function createLinkedLearner(db: Db, input: { name: string; email: string; issuer: string; sub: string; platformId: string }) {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ name: input.name, email: input.email.toLowerCase(), role: 'learner', profession: 'student' })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, name: users.name, email: users.email, role: users.role });
    if (!user) return null;
    await tx.insert(ltiLinks).values({ issuer: input.issuer, sub: input.sub, userId: user.id, platformId: input.platformId });
    await recordAudit(tx, { actorId: user.id, action: 'user.created', subjectType: 'user', subjectId: user.id, detail: { role: 'learner', via: 'lti', issuer: input.issuer } });
    return user;
  });
}

/** Whether the person is on the staff of the institution (any role). */
export async function isStaffAt(db: Db, userId: string, institutionId: string): Promise<boolean> {
  const [row] = await db.select({ r: institutionStaff.role }).from(institutionStaff).where(and(eq(institutionStaff.userId, userId), eq(institutionStaff.institutionId, institutionId))).limit(1);
  return Boolean(row);
}

const yearMs = 365 * 86_400_000;

/**
 * The cohort an LMS course maps to, created on first use: in the platform's institution, following
 * the platform's programme, due a year later, owned by the institution's longest-serving admin
 * (or, with none, whoever registered the platform). Null when nobody can own it.
 */
export async function cohortForContext(db: Db, platform: LtiPlatform, context: { id: string; title: string }, now: Date): Promise<{ id: string; closedAt: Date | null } | null> {
  const find = async (tx: Db) => {
    const [row] = await tx
      .select({ id: cohorts.id, closedAt: cohorts.closedAt })
      .from(ltiContexts)
      .innerJoin(cohorts, eq(cohorts.id, ltiContexts.cohortId))
      .where(and(eq(ltiContexts.platformId, platform.id), eq(ltiContexts.contextId, context.id)));
    return row ?? null;
  };
  const found = await find(db);
  if (found) return found;
  const [admin] = await db
    .select({ id: institutionStaff.userId })
    .from(institutionStaff)
    .where(and(eq(institutionStaff.institutionId, platform.institutionId), eq(institutionStaff.role, 'admin')))
    .orderBy(asc(institutionStaff.appointedAt))
    .limit(1);
  const ownerId = admin?.id ?? platform.createdBy;
  if (!ownerId) return null;
  return db.transaction(async (tx) => {
    let joinCode: string | null = null;
    while (joinCode === null) joinCode = joinCodeFromBytes(randomBytes(32));
    const [cohort] = await tx
      .insert(cohorts)
      .values({ name: context.title, institutionId: platform.institutionId, programmeId: platform.programmeId, dueDate: new Date(now.getTime() + yearMs), ownerId, joinCode, createdAt: now })
      .returning({ id: cohorts.id, closedAt: cohorts.closedAt });
    const [mapped] = await tx.insert(ltiContexts).values({ platformId: platform.id, contextId: context.id, cohortId: cohort!.id }).onConflictDoNothing().returning();
    // Another launch of the same course created it first: use theirs (this transaction's cohort is rolled back).
    if (!mapped) tx.rollback();
    await recordAudit(tx, { actorId: null, action: 'cohort.created', subjectType: 'cohort', subjectId: cohort!.id, detail: { name: context.title, programme: platform.programmeId, via: 'lti', platformId: platform.id } });
    return cohort!;
  }).catch(async (error: unknown) => {
    const again = await find(db);
    if (again) return again;
    throw error;
  });
}

/**
 * Makes a teacher of the LMS course a co-teacher of its cohort (audited), when they teach at the
 * cohort's institution (admin or instructor there) and do not own it already. Returns whether they were added.
 */
export async function attachCourseTeacher(db: Db, cohortId: string, userId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [cohort] = await tx.select({ ownerId: cohorts.ownerId, institutionId: cohorts.institutionId }).from(cohorts).where(eq(cohorts.id, cohortId));
    if (!cohort || cohort.ownerId === userId) return false;
    const [staff] = await tx
      .select({ role: institutionStaff.role })
      .from(institutionStaff)
      .where(and(eq(institutionStaff.institutionId, cohort.institutionId), eq(institutionStaff.userId, userId), inArray(institutionStaff.role, ['admin', 'instructor'])));
    if (!staff) return false;
    const [row] = await tx.insert(cohortStaff).values({ cohortId, userId, addedBy: null }).onConflictDoNothing().returning({ userId: cohortStaff.userId });
    if (row) await recordAudit(tx, { actorId: userId, action: 'cohort.co_teacher.added', subjectType: 'cohort', subjectId: cohortId, detail: { userId, via: 'lti' } });
    return Boolean(row);
  });
}
