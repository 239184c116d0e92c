import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { type RosterError, parseRoster } from '@/lib/domain/cohorts';
import { AppError } from '@/lib/errors';
import type { Db } from '../client';
import { cohortInvitations, cohorts, users } from '../schema';
import { recordAudit } from './audit';
import { addMembers } from './cohort-members';
import { getCohortForStaff } from './cohorts';
import type { Actor } from './users';

/** An unguessable invitation token for a link: 24 random bytes, base64url. */
function newInvitationToken(): string {
  return randomBytes(24).toString('base64url');
}

export type RosterImport =
  | { ok: false; errors: RosterError[] }
  | { ok: true; added: number; addedLearners: string[]; alreadyMembers: number; invitations: { email: string; token: string }[] };

/**
 * Imports a roster CSV into a cohort the acting instructor may see. Nothing is written unless every
 * row is valid (the errors come back with line numbers). Otherwise, in one transaction, existing
 * accounts become members and every other email gets an invitation whose token the instructor
 * sends as a link; importing the same file again adds nobody twice and returns the same tokens.
 */
export async function importRoster(db: Db, actor: Actor, cohortId: string, csvText: string, now: Date = new Date()): Promise<RosterImport> {
  const parsed = parseRoster(csvText);
  if (!parsed.ok) {
    await getCohortForStaff(db, actor, cohortId);
    return parsed;
  }
  const emails = parsed.rows.map((r) => r.email);
  return db.transaction(async (tx) => {
    const cohort = await getCohortForStaff(tx, actor, cohortId);
    if (cohort.closedAt !== null) throw new AppError('conflict', `cohort ${cohortId} is closed`);
    const accounts = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
    const added = await addMembers(tx, cohortId, accounts.map((a) => a.id), now);
    const known = new Set(accounts.map((a) => a.email));
    const invitees = emails.filter((e) => !known.has(e));
    let invitations: { email: string; token: string }[] = [];
    if (invitees.length > 0) {
      await tx
        .insert(cohortInvitations)
        .values(invitees.map((email) => ({ cohortId, email, token: newInvitationToken(), createdAt: now })))
        .onConflictDoNothing();
      invitations = await tx
        .select({ email: cohortInvitations.email, token: cohortInvitations.token })
        .from(cohortInvitations)
        .where(and(eq(cohortInvitations.cohortId, cohortId), isNull(cohortInvitations.acceptedAt), inArray(cohortInvitations.email, invitees)))
        .orderBy(asc(cohortInvitations.email));
    }
    const result = { ok: true as const, added: added.length, addedLearners: added.map((a) => a.userId), alreadyMembers: accounts.length - added.length, invitations };
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'cohort.roster_imported',
      subjectType: 'cohort',
      subjectId: cohortId,
      detail: { rows: emails.length, added: result.added, alreadyMembers: result.alreadyMembers, invited: invitations.length },
    });
    return result;
  });
}

export type AcceptResult = { status: 'joined' | 'already-member'; cohortId: string } | { status: 'invalid' | 'closed' };

/**
 * Accepts an invitation for the acting learner: the token is the proof, so it works from whichever
 * address they signed up with. An accepted token cannot be used again.
 */
export async function acceptInvitation(db: Db, actor: Actor, token: string, now: Date = new Date()): Promise<AcceptResult> {
  if (actor.role !== 'learner') throw new AppError('forbidden', 'only learners join cohorts');
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .select({ id: cohortInvitations.id, cohortId: cohortInvitations.cohortId, closedAt: cohorts.closedAt })
      .from(cohortInvitations)
      .innerJoin(cohorts, eq(cohorts.id, cohortInvitations.cohortId))
      .where(and(eq(cohortInvitations.token, token), isNull(cohortInvitations.acceptedAt)))
      .for('update', { of: cohortInvitations });
    if (!invitation) return { status: 'invalid' };
    if (invitation.closedAt !== null) return { status: 'closed' };
    await tx.update(cohortInvitations).set({ acceptedAt: now }).where(eq(cohortInvitations.id, invitation.id));
    const joined = await addMembers(tx, invitation.cohortId, [actor.id], now);
    return { status: joined.length > 0 ? 'joined' : 'already-member', cohortId: invitation.cohortId };
  });
}
