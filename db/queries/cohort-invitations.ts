import 'server-only';
// Cohort invitations: created for a roster or a single address, answered only by the account the
// address belongs to (verified), resent, revoked, and listed with their state for staff.
import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { hashToken, looksLikeToken, newToken } from '@/lib/auth/tokens';
import { INVITATION_DAYS, type AnswerRefusal, invitationState, mayAnswer } from '@/lib/domain/cohorts';
import { AppError } from '@/lib/errors';
import type { Db } from '../client';
import { cohortInvitations, cohortMemberships, cohorts, institutions, mailMessages, users } from '../schema';
import { recordAudit } from './audit';
import { addMembers } from './cohort-members';
import { getCohortForStaff } from './cohorts';
import type { Actor } from './users';

const open = and(isNull(cohortInvitations.acceptedAt), isNull(cohortInvitations.declinedAt), isNull(cohortInvitations.revokedAt));
const expiry = (now: Date) => new Date(now.getTime() + INVITATION_DAYS * 86_400_000);

/** What an invitation e-mail and page say about the cohort: its name, institution and who runs it. */
export async function cohortHeading(db: Db, cohortId: string) {
  const [row] = await db
    .select({ id: cohorts.id, name: cohorts.name, institution: institutions.name, instructor: users.name, closedAt: cohorts.closedAt, dueDate: cohorts.dueDate })
    .from(cohorts)
    .innerJoin(institutions, eq(institutions.id, cohorts.institutionId))
    .innerJoin(users, eq(users.id, cohorts.ownerId))
    .where(eq(cohorts.id, cohortId))
    .limit(1);
  if (!row) throw new AppError('not_found', `cohort ${cohortId}`);
  return row;
}

/** For a set of addresses: the account using each (if any), whether it is already an active member, and any open invitation. */
export async function invitationTargets(tx: Db, cohortId: string, emails: readonly string[]) {
  if (emails.length === 0) return new Map<string, { userId: string | null; member: boolean; invitationId: string | null }>();
  const [accounts, invitations] = await Promise.all([
    tx
      .select({ id: users.id, email: users.email, member: cohortMemberships.id })
      .from(users)
      .leftJoin(cohortMemberships, and(eq(cohortMemberships.userId, users.id), eq(cohortMemberships.cohortId, cohortId), isNull(cohortMemberships.leftAt)))
      .where(inArray(users.email, [...emails])),
    tx
      .select({ id: cohortInvitations.id, email: cohortInvitations.email })
      .from(cohortInvitations)
      .where(and(eq(cohortInvitations.cohortId, cohortId), inArray(cohortInvitations.email, [...emails]), open)),
  ]);
  return new Map(
    emails.map((email) => {
      const account = accounts.find((a) => a.email === email);
      return [email, { userId: account?.id ?? null, member: Boolean(account?.member), invitationId: invitations.find((i) => i.email === email)?.id ?? null }];
    }),
  );
}

/** A new invitation (or, for an address with an open one, a fresh token and expiry on it). Returns its id and the raw token for the link. */
export async function putInvitation(
  tx: Db,
  inv: { cohortId: string; email: string; userId: string | null; studentId: string | null; invitedBy: string; existingId: string | null },
  now: Date,
) {
  const { raw, hash } = newToken();
  const expiresAt = expiry(now);
  if (inv.existingId) {
    await tx
      .update(cohortInvitations)
      .set({ tokenHash: hash, expiresAt, userId: inv.userId, studentId: inv.studentId ?? undefined })
      .where(eq(cohortInvitations.id, inv.existingId));
    return { id: inv.existingId, raw, expiresAt };
  }
  const [row] = await tx
    .insert(cohortInvitations)
    .values({ cohortId: inv.cohortId, email: inv.email, tokenHash: hash, userId: inv.userId, invitedBy: inv.invitedBy, studentId: inv.studentId, createdAt: now, expiresAt })
    .returning({ id: cohortInvitations.id });
  if (!row) throw new AppError('conflict', `invitation for ${inv.email}`);
  return { id: row.id, raw, expiresAt };
}

/** Records which e-mail carried the invitation. */
export async function setInvitationMail(tx: Db, invitationId: string, mailId: string): Promise<void> {
  await tx.update(cohortInvitations).set({ mailId }).where(eq(cohortInvitations.id, invitationId));
}

/** An invitation of a cohort the acting staff member may see (not found otherwise). */
export async function getStaffInvitation(db: Db, actor: Actor, invitationId: string) {
  const [row] = await db.select().from(cohortInvitations).where(eq(cohortInvitations.id, invitationId)).limit(1);
  if (!row) throw new AppError('not_found', `invitation ${invitationId}`);
  await getCohortForStaff(db, actor, row.cohortId);
  return row;
}

/** Withdraws an open invitation (staff, audited); its link stops working. Returns whether it was open. */
export async function revokeInvitation(db: Db, actor: Actor, invitationId: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const inv = await getStaffInvitation(tx, actor, invitationId);
    const [revoked] = await tx.update(cohortInvitations).set({ revokedAt: now }).where(and(eq(cohortInvitations.id, inv.id), open)).returning({ id: cohortInvitations.id });
    if (revoked) await recordAudit(tx, { actorId: actor.id, action: 'cohort.invitation_revoked', subjectType: 'cohort', subjectId: inv.cohortId, detail: { email: inv.email } });
    return Boolean(revoked);
  });
}

/** Every invitation of a cohort the acting staff member may see, newest first, with its state and its e-mail's. */
export async function listCohortInvitations(db: Db, actor: Actor, cohortId: string, now: Date) {
  await getCohortForStaff(db, actor, cohortId);
  const rows = await db
    .select({ invitation: cohortInvitations, mailSentAt: mailMessages.sentAt, mailAttempts: mailMessages.attempts, mailError: mailMessages.lastError })
    .from(cohortInvitations)
    .leftJoin(mailMessages, eq(mailMessages.id, cohortInvitations.mailId))
    .where(eq(cohortInvitations.cohortId, cohortId))
    .orderBy(asc(cohortInvitations.email));
  return rows.map(({ invitation: i, mailSentAt, mailAttempts, mailError }) => {
    const mail = mailAttempts === null ? null : { sentAt: mailSentAt, attempts: mailAttempts };
    return {
      id: i.id,
      email: i.email,
      studentId: i.studentId,
      createdAt: i.createdAt,
      expiresAt: i.expiresAt,
      answeredAt: i.acceptedAt ?? i.declinedAt ?? i.revokedAt,
      sentAt: mailSentAt,
      mailError: mailSentAt ? null : mailError,
      state: invitationState(i, mail, now),
    };
  });
}

/** An invitation by the token in its link, with its cohort's heading (for the page the link opens). */
export async function invitationByToken(db: Db, raw: string) {
  if (!looksLikeToken(raw)) return null;
  const [row] = await db.select().from(cohortInvitations).where(eq(cohortInvitations.tokenHash, hashToken(raw))).limit(1);
  return row ?? null;
}

/** The open invitations addressed to the acting learner's address (a notice on their pages; answered by id). */
export async function pendingInvitationsFor(db: Db, account: { email: string }, now: Date) {
  return db
    .select({ id: cohortInvitations.id, cohortId: cohortInvitations.cohortId, expiresAt: cohortInvitations.expiresAt, name: cohorts.name, institution: institutions.name, instructor: users.name })
    .from(cohortInvitations)
    .innerJoin(cohorts, eq(cohorts.id, cohortInvitations.cohortId))
    .innerJoin(institutions, eq(institutions.id, cohorts.institutionId))
    .innerJoin(users, eq(users.id, cohorts.ownerId))
    .where(and(eq(cohortInvitations.email, account.email.toLowerCase()), open, gt(cohortInvitations.expiresAt, now)))
    .orderBy(asc(cohortInvitations.createdAt));
}

export type AnswerResult = { status: 'joined' | 'declined'; cohortId: string } | { status: 'invalid' | 'closed' } | { status: 'refused'; reason: AnswerRefusal };

/**
 * The acting account answers an invitation, found by its link's token or (from a notice) by id.
 * Only the verified owner of the invited address may (by id, anyone else's answer is "invalid", as
 * for an id that does not exist); accepting adds the membership (with the
 * roster's student ID) and its event in the same transaction.
 */
export async function answerInvitation(
  db: Db,
  actor: Actor & { email: string; emailVerified: Date | null },
  ref: { token: string } | { id: string },
  answer: 'accept' | 'decline',
  now: Date,
): Promise<AnswerResult> {
  if ('token' in ref && !looksLikeToken(ref.token)) return { status: 'invalid' };
  return db.transaction(async (tx) => {
    const where = 'token' in ref ? eq(cohortInvitations.tokenHash, hashToken(ref.token)) : eq(cohortInvitations.id, ref.id);
    const [inv] = await tx
      .select({ invitation: cohortInvitations, closedAt: cohorts.closedAt })
      .from(cohortInvitations)
      .innerJoin(cohorts, eq(cohorts.id, cohortInvitations.cohortId))
      .where(where)
      .for('update', { of: cohortInvitations });
    if (!inv) return { status: 'invalid' };
    // An id is only ever shown to the invited address (pendingInvitationsFor): someone else's id reads
    // as unknown, so an answer never says that it exists, or whether it was answered or withdrawn.
    // A token is different: whoever holds the link already sees whom it was sent to.
    if ('id' in ref && inv.invitation.email.toLowerCase() !== actor.email.toLowerCase()) return { status: 'invalid' };
    const check = mayAnswer(inv.invitation, actor, now);
    if (!check.ok) return { status: 'refused', reason: check.reason };
    const { id, cohortId, studentId } = inv.invitation;
    if (answer === 'decline') {
      await tx.update(cohortInvitations).set({ declinedAt: now, userId: actor.id }).where(eq(cohortInvitations.id, id));
      return { status: 'declined', cohortId };
    }
    if (inv.closedAt !== null) return { status: 'closed' };
    await tx.update(cohortInvitations).set({ acceptedAt: now, userId: actor.id }).where(eq(cohortInvitations.id, id));
    await addMembers(tx, cohortId, [{ userId: actor.id, studentId }], now);
    return { status: 'joined', cohortId };
  });
}
