import 'server-only';
// Who is in a cohort: joining, leaving, removal and roster additions, each with its learning event.
import { and, count, eq, gt, inArray, sql } from 'drizzle-orm';
import { normalizeJoinCode } from '@/lib/domain/cohorts';
import { AppError } from '@/lib/errors';
import { isStaff } from '@/lib/domain/roles';
import type { Db } from '../client';
import { auditLog, cohortMemberships, cohorts } from '../schema';
import { recordAudit } from './audit';
import { activeMember, cohortIdSchema, getCohortForStaff } from './cohorts';
import { appendEvent } from './events';
import type { Actor } from './users';

/** Writes the event of each membership that began or ended (in the caller's transaction). */
async function membershipEvents(tx: Db, kind: 'cohort.joined' | 'cohort.left', cohortId: string, rows: readonly { id: number; userId: string }[], now: Date, by: 'learner' | 'staff' = 'learner') {
  for (const row of rows) {
    if (kind === 'cohort.joined') await appendEvent(tx, { kind, sourceId: row.id, userId: row.userId, payload: { cohortId }, occurredAt: now });
    else await appendEvent(tx, { kind, sourceId: row.id, userId: row.userId, payload: { cohortId, by }, occurredAt: now });
  }
}

/**
 * Makes these learners (with their registrar's IDs, if any) active members (those already in it stay as they are), each with its
 * `cohort.joined` event, in one transaction. Returns the memberships that began.
 */
export async function addMembers(db: Db, cohortId: string, members: readonly { userId: string; studentId?: string | null }[], now: Date) {
  if (members.length === 0) return [];
  return db.transaction(async (tx) => {
    const added = await tx
      .insert(cohortMemberships)
      .values(members.map((m) => ({ cohortId, userId: m.userId, studentId: m.studentId ?? null, joinedAt: now })))
      .onConflictDoNothing()
      .returning({ id: cohortMemberships.id, userId: cohortMemberships.userId });
    await membershipEvents(tx, 'cohort.joined', cohortId, added, now);
    return added;
  });
}

/**
 * Ends these learners' active memberships (their records stay; the cohort stops seeing what
 * follows), each with its `cohort.left` event by staff, in one transaction. Returns how many ended.
 */
export async function endMemberships(db: Db, cohortId: string, userIds: readonly string[], now: Date): Promise<number> {
  if (userIds.length === 0) return 0;
  return db.transaction(async (tx) => {
    const left = await tx
      .update(cohortMemberships)
      .set({ leftAt: now })
      .where(and(activeMember(cohortId), inArray(cohortMemberships.userId, [...userIds])))
      .returning({ id: cohortMemberships.id, userId: cohortMemberships.userId });
    await membershipEvents(tx, 'cohort.left', cohortId, left, now, 'staff');
    return left.length;
  });
}

/** Marks a cohort's membership as changed, so every server instance drops the readiness summary it kept (the event path calls it). */
export async function markMembershipChanged(db: Db, cohortId: string): Promise<void> {
  await db
    .update(cohorts)
    .set({ membershipVersion: sql`${cohorts.membershipVersion} + 1` })
    .where(eq(cohorts.id, cohortId));
}

/** Wrong join codes a learner may type in the window before joining is refused for a while. */
export const joinCodeLimits = { windowMinutes: 60, failures: 10 } as const;

export type JoinResult =
  | { status: 'joined' | 'already-member'; cohortId: string; name: string }
  | { status: 'unknown-code' | 'closed' | 'throttled' };

/** Whether this learner has typed too many wrong codes lately (kept in the audit log, by learner). */
async function joinThrottled(db: Db, actor: Actor, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - joinCodeLimits.windowMinutes * 60_000);
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'cohort_join'), eq(auditLog.subjectId, actor.id), eq(auditLog.action, 'cohort.join_failed'), gt(auditLog.at, since)));
  return (row?.n ?? 0) >= joinCodeLimits.failures;
}

/**
 * Adds the acting learner to the cohort with this code. Joining twice changes nothing; a closed
 * cohort refuses. Codes are short enough to type, so wrong guesses are counted and, past
 * `joinCodeLimits`, refused for the rest of the window whatever the code.
 */
export async function joinCohortByCode(db: Db, actor: Actor, code: string, now: Date = new Date()): Promise<JoinResult> {
  if (isStaff(actor.role)) throw new AppError('forbidden', 'only learners join cohorts');
  if (await joinThrottled(db, actor, now)) return { status: 'throttled' };
  const [cohort] = await db
    .select({ id: cohorts.id, name: cohorts.name, closedAt: cohorts.closedAt })
    .from(cohorts)
    .where(eq(cohorts.joinCode, normalizeJoinCode(code)))
    .limit(1);
  if (!cohort) {
    await db.insert(auditLog).values({ at: now, actorId: actor.id, action: 'cohort.join_failed', subjectType: 'cohort_join', subjectId: actor.id });
    return { status: 'unknown-code' };
  }
  if (cohort.closedAt !== null) return { status: 'closed' };
  const joined = await addMembers(db, cohort.id, [{ userId: actor.id }], now);
  return { status: joined.length > 0 ? 'joined' : 'already-member', cohortId: cohort.id, name: cohort.name };
}

/** Takes the acting learner out of a cohort (their past data stays theirs; the cohort stops seeing it). Returns whether they were in it. */
export async function leaveCohort(db: Db, actor: Actor, cohortId: string, now: Date = new Date()): Promise<boolean> {
  if (!cohortIdSchema.safeParse(cohortId).success) return false;
  return db.transaction(async (tx) => {
    const left = await tx
      .update(cohortMemberships)
      .set({ leftAt: now })
      .where(and(activeMember(cohortId), eq(cohortMemberships.userId, actor.id)))
      .returning({ id: cohortMemberships.id, userId: cohortMemberships.userId });
    await membershipEvents(tx, 'cohort.left', cohortId, left, now, 'learner');
    return left.length > 0;
  });
}

/** Removes a member (owner or admin, audited). Returns whether they were a member. */
export async function removeMember(db: Db, actor: Actor, cohortId: string, userId: string, now: Date = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    await getCohortForStaff(tx, actor, cohortId);
    if (!cohortIdSchema.safeParse(userId).success) return false;
    const removed = await tx
      .update(cohortMemberships)
      .set({ leftAt: now })
      .where(and(activeMember(cohortId), eq(cohortMemberships.userId, userId)))
      .returning({ id: cohortMemberships.id, userId: cohortMemberships.userId });
    if (removed.length === 0) return false;
    await membershipEvents(tx, 'cohort.left', cohortId, removed, now, 'staff');
    await recordAudit(tx, { actorId: actor.id, action: 'cohort.member_removed', subjectType: 'cohort', subjectId: cohortId, detail: { userId } });
    return true;
  });
}

