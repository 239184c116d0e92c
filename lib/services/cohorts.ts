import 'server-only';
// Who is in a cohort, and how they come to be: joining by code, invitations that arrive by e-mail
// and are accepted or declined by the person invited, leaving and removal. Each writes its records
// and events (and e-mails) together, then finishes what follows.
import type { Db } from '@/db/client';
import { joinCohortByCode, leaveCohort, removeMember } from '@/db/queries/cohort-members';
import { answerInvitation, cohortHeading, getStaffInvitation, invitationTargets, putInvitation, revokeInvitation, setInvitationMail } from '@/db/queries/cohort-invitations';
import { getCohortForStaff } from '@/db/queries/cohorts';
import { queueMail } from '@/db/queries/mail';
import type { Actor } from '@/db/queries/users';
import { recordAudit } from '@/db/queries/audit';
import { type RosterError, parseRoster } from '@/lib/domain/cohorts';
import { absoluteUrl } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { cohortInvitationMail } from '@/lib/mail/templates';
import { followUp } from './events/dispatch';

/** A learner joins with a code. */
export async function joinByCode(db: Db, actor: Actor, code: string, now = new Date()) {
  const result = await joinCohortByCode(db, actor, code, now);
  await followUp(db, actor.id, now);
  return result;
}

/** A learner leaves a cohort. */
export async function leave(db: Db, actor: Actor, cohortId: string, now = new Date()) {
  const left = await leaveCohort(db, actor, cohortId, now);
  await followUp(db, actor.id, now);
  return left;
}

/** Staff remove a member. */
export async function remove(db: Db, actor: Actor, cohortId: string, userId: string, now = new Date()) {
  const removed = await removeMember(db, actor, cohortId, userId, now);
  if (removed) await followUp(db, userId, now);
  return removed;
}

export type InviteOutcome = { invited: string[]; alreadyMembers: string[]; alreadyInvited: string[] };

/**
 * Invites addresses to a cohort the acting staff member runs: each gets an invitation and its
 * e-mail, in one transaction; nobody is added without accepting. An address already a member is
 * skipped; one with an open invitation keeps it (resend it to send again).
 */
export async function inviteLearners(db: Db, actor: Actor, cohortId: string, rows: readonly { email: string; studentId: string | null }[], now = new Date()): Promise<InviteOutcome> {
  const outcome: InviteOutcome = { invited: [], alreadyMembers: [], alreadyInvited: [] };
  await db.transaction(async (tx) => {
    const cohort = await getCohortForStaff(tx, actor, cohortId);
    if (cohort.closedAt !== null) throw new AppError('conflict', `cohort ${cohortId} is closed`);
    const heading = await cohortHeading(tx, cohortId);
    const targets = await invitationTargets(tx, cohortId, rows.map((r) => r.email));
    for (const row of rows) {
      const target = targets.get(row.email);
      if (target?.member) outcome.alreadyMembers.push(row.email);
      else if (target?.invitationId) outcome.alreadyInvited.push(row.email);
      else {
        await sendInvitation(tx, actor, heading, { ...row, userId: target?.userId ?? null, existingId: null }, now);
        outcome.invited.push(row.email);
      }
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'cohort.invitations_sent',
      subjectType: 'cohort',
      subjectId: cohortId,
      detail: { invited: outcome.invited.length, alreadyMembers: outcome.alreadyMembers.length, alreadyInvited: outcome.alreadyInvited.length },
    });
  });
  await followUp(db, actor.id, now);
  return outcome;
}

type Heading = Awaited<ReturnType<typeof cohortHeading>>;

async function sendInvitation(tx: Db, actor: Actor, heading: Heading, inv: { email: string; studentId: string | null; userId: string | null; existingId: string | null }, now: Date) {
  const { id, raw, expiresAt } = await putInvitation(tx, { ...inv, cohortId: heading.id, invitedBy: actor.id }, now);
  const mail = cohortInvitationMail({ site: 'TeleHealth Ready', cohort: heading.name, institution: heading.institution, instructor: heading.instructor, link: absoluteUrl(`/cohorts/invitations/${raw}`), expiresAt });
  await setInvitationMail(tx, id, await queueMail(tx, { userId: inv.userId, to: inv.email, kind: 'cohort-invitation', mail }, now));
}

export type RosterImport = { ok: false; errors: RosterError[] } | ({ ok: true } & InviteOutcome);

/** A roster CSV: every row checked first (nothing is sent if any is wrong), then each address invited. */
export async function importRoster(db: Db, actor: Actor, cohortId: string, csvText: string, now = new Date()): Promise<RosterImport> {
  const parsed = parseRoster(csvText);
  if (!parsed.ok) {
    await getCohortForStaff(db, actor, cohortId);
    return parsed;
  }
  return { ok: true, ...(await inviteLearners(db, actor, cohortId, parsed.rows, now)) };
}

/** Sends an open (or expired) invitation again, with a new link and a new expiry; the old link stops working. */
export async function resendInvitation(db: Db, actor: Actor, invitationId: string, now = new Date()): Promise<'sent' | 'answered'> {
  const result = await db.transaction(async (tx): Promise<'sent' | 'answered'> => {
    const inv = await getStaffInvitation(tx, actor, invitationId);
    if (inv.acceptedAt || inv.declinedAt || inv.revokedAt) return 'answered';
    await sendInvitation(tx, actor, await cohortHeading(tx, inv.cohortId), { email: inv.email, studentId: inv.studentId, userId: inv.userId, existingId: inv.id }, now);
    return 'sent';
  });
  await followUp(db, actor.id, now);
  return result;
}

/** Withdraws an invitation. */
export function withdrawInvitation(db: Db, actor: Actor, invitationId: string, now = new Date()) {
  return revokeInvitation(db, actor, invitationId, now);
}

/** The invited person accepts or declines (from the e-mail's link, or from the notice on their pages). */
export async function answer(db: Db, actor: Actor & { email: string; emailVerified: Date | null }, ref: { token: string } | { id: string }, response: 'accept' | 'decline', now = new Date()) {
  const result = await answerInvitation(db, actor, ref, response, now);
  await followUp(db, actor.id, now);
  return result;
}
