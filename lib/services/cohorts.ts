import 'server-only';
// Changes of cohort membership: each writes the membership and its event, then finishes what follows
// (every server instance then drops the cohort's kept readiness summary).
import type { Db } from '@/db/client';
import { joinCohortByCode, leaveCohort, removeMember } from '@/db/queries/cohort-members';
import { acceptInvitation, importRoster } from '@/db/queries/cohort-roster';
import type { Actor } from '@/db/queries/users';
import { followUp } from './events/dispatch';

/** A learner joins with a code. */
export async function joinByCode(db: Db, actor: Actor, code: string, now = new Date()) {
  const result = await joinCohortByCode(db, actor, code, now);
  await followUp(db, actor.id, now);
  return result;
}

/** A learner accepts an invitation. */
export async function joinByInvitation(db: Db, actor: Actor, token: string, now = new Date()) {
  const result = await acceptInvitation(db, actor, token, now);
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

/** Staff import a roster. */
export async function importCohortRoster(db: Db, actor: Actor, cohortId: string, csvText: string, now = new Date()) {
  const result = await importRoster(db, actor, cohortId, csvText, now);
  if (result.ok) for (const userId of result.addedLearners) await followUp(db, userId, now);
  return result;
}
