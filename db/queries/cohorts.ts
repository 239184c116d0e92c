import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, asc, count, desc, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { joinCodeFromBytes, normalizeJoinCode } from '@/lib/domain/cohorts';
import { AppError } from '@/lib/errors';
import type { Db } from '../client';
import { type Cohort, auditLog, cohortMemberships, cohorts, institutions, users } from '../schema';
import { recordAudit } from './audit';
import type { Actor } from './users';

const cohortIdSchema = z.uuid();

const isStaff = (actor: Actor) => actor.role === 'instructor' || actor.role === 'admin';

/** An active membership: the only kind that lets a learner's data show in a cohort. */
export const activeMember = (cohortId: string) => and(eq(cohortMemberships.cohortId, cohortId), isNull(cohortMemberships.leftAt));

/** The user ids of a cohort's active members, as a subquery (the caller has checked access). */
export const activeMemberIds = (db: Db, cohortId: string) => db.select({ id: cohortMemberships.userId }).from(cohortMemberships).where(activeMember(cohortId));

/** Wrong join codes a learner may type in the window before joining is refused for a while. */
export const joinCodeLimits = { windowMinutes: 60, failures: 10 } as const;

function newJoinCode(): string {
  for (;;) {
    const code = joinCodeFromBytes(randomBytes(32));
    if (code !== null) return code;
  }
}

async function institutionId(db: Db, name: string): Promise<string> {
  await db.insert(institutions).values({ name }).onConflictDoNothing({ target: institutions.name });
  const [row] = await db.select({ id: institutions.id }).from(institutions).where(eq(institutions.name, name));
  if (!row) throw new AppError('conflict', `institution ${name} vanished`);
  return row.id;
}

export type NewCohort = { name: string; institution: string; programmeId: string; dueDate: Date };

/**
 * Creates a cohort owned by the acting instructor (or admin), audited. The caller checks that the
 * programme exists in the content. A join code that happens to be taken is drawn again.
 */
export async function createCohort(db: Db, actor: Actor, input: NewCohort, now: Date = new Date()): Promise<Cohort> {
  if (!isStaff(actor)) throw new AppError('forbidden', 'createCohort');
  return db.transaction(async (tx) => {
    const instId = await institutionId(tx, input.institution.trim());
    for (let tries = 0; tries < 5; tries++) {
      const [row] = await tx
        .insert(cohorts)
        .values({ name: input.name.trim(), institutionId: instId, programmeId: input.programmeId, dueDate: input.dueDate, ownerId: actor.id, joinCode: newJoinCode(), createdAt: now })
        .onConflictDoNothing({ target: cohorts.joinCode })
        .returning();
      if (!row) continue;
      await recordAudit(tx, { actorId: actor.id, action: 'cohort.created', subjectType: 'cohort', subjectId: row.id, detail: { name: row.name, programme: row.programmeId } });
      return row;
    }
    throw new AppError('conflict', 'no free join code after 5 draws');
  });
}

/**
 * A cohort for the acting instructor who owns it, or any admin. Anyone else, including another
 * instructor and a malformed id, gets not_found: they cannot even learn that it exists.
 */
export async function getCohortForStaff(db: Db, actor: Actor, cohortId: string): Promise<Cohort> {
  if (isStaff(actor) && cohortIdSchema.safeParse(cohortId).success) {
    const visible = actor.role === 'admin' ? eq(cohorts.id, cohortId) : and(eq(cohorts.id, cohortId), eq(cohorts.ownerId, actor.id));
    const [row] = await db.select().from(cohorts).where(visible).limit(1);
    if (row) return row;
  }
  throw new AppError('not_found', `cohort ${cohortId} for ${actor.id}`);
}

/** The cohorts the acting instructor owns (every cohort for an admin), newest first, with active member counts. */
export function listStaffCohorts(db: Db, actor: Actor) {
  if (!isStaff(actor)) throw new AppError('forbidden', 'listStaffCohorts');
  return db
    .select({
      id: cohorts.id,
      name: cohorts.name,
      institution: institutions.name,
      programmeId: cohorts.programmeId,
      dueDate: cohorts.dueDate,
      joinCode: cohorts.joinCode,
      createdAt: cohorts.createdAt,
      closedAt: cohorts.closedAt,
      members: count(cohortMemberships.id),
    })
    .from(cohorts)
    .innerJoin(institutions, eq(institutions.id, cohorts.institutionId))
    .leftJoin(cohortMemberships, and(eq(cohortMemberships.cohortId, cohorts.id), isNull(cohortMemberships.leftAt)))
    .where(actor.role === 'admin' ? undefined : eq(cohorts.ownerId, actor.id))
    .groupBy(cohorts.id, institutions.name)
    .orderBy(desc(cohorts.createdAt));
}

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

/** What a join code opens, for the join page: name, institution, who runs it and whether it is closed. No member data. */
export async function cohortByCode(db: Db, code: string) {
  const [row] = await db
    .select({ id: cohorts.id, name: cohorts.name, institution: institutions.name, programmeId: cohorts.programmeId, dueDate: cohorts.dueDate, closedAt: cohorts.closedAt, instructorName: users.name })
    .from(cohorts)
    .innerJoin(institutions, eq(institutions.id, cohorts.institutionId))
    .innerJoin(users, eq(users.id, cohorts.ownerId))
    .where(eq(cohorts.joinCode, normalizeJoinCode(code)))
    .limit(1);
  return row ?? null;
}

/**
 * Adds the acting learner to the cohort with this code. Joining twice changes nothing; a closed
 * cohort refuses. Codes are short enough to type, so wrong guesses are counted and, past
 * `joinCodeLimits`, refused for the rest of the window whatever the code.
 */
export async function joinCohortByCode(db: Db, actor: Actor, code: string, now: Date = new Date()): Promise<JoinResult> {
  if (actor.role !== 'learner') throw new AppError('forbidden', 'only learners join cohorts');
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
  const inserted = await db
    .insert(cohortMemberships)
    .values({ cohortId: cohort.id, userId: actor.id, joinedAt: now })
    .onConflictDoNothing()
    .returning({ id: cohortMemberships.id });
  return { status: inserted.length > 0 ? 'joined' : 'already-member', cohortId: cohort.id, name: cohort.name };
}

/** Takes the acting learner out of a cohort (their past data stays theirs; the cohort stops seeing it). Returns whether they were in it. */
export async function leaveCohort(db: Db, actor: Actor, cohortId: string, now: Date = new Date()): Promise<boolean> {
  if (!cohortIdSchema.safeParse(cohortId).success) return false;
  const left = await db
    .update(cohortMemberships)
    .set({ leftAt: now })
    .where(and(activeMember(cohortId), eq(cohortMemberships.userId, actor.id)))
    .returning({ id: cohortMemberships.id });
  return left.length > 0;
}

/** The cohorts the acting learner belongs to now, with who runs each (so they know who sees their progress). */
export function listOwnCohorts(db: Db, actor: Actor) {
  return db
    .select({
      id: cohorts.id,
      name: cohorts.name,
      institution: institutions.name,
      programmeId: cohorts.programmeId,
      dueDate: cohorts.dueDate,
      closedAt: cohorts.closedAt,
      instructorName: users.name,
      joinedAt: cohortMemberships.joinedAt,
    })
    .from(cohortMemberships)
    .innerJoin(cohorts, eq(cohorts.id, cohortMemberships.cohortId))
    .innerJoin(institutions, eq(institutions.id, cohorts.institutionId))
    .innerJoin(users, eq(users.id, cohorts.ownerId))
    .where(and(eq(cohortMemberships.userId, actor.id), isNull(cohortMemberships.leftAt)))
    .orderBy(asc(cohorts.dueDate));
}

/** The active members of a cohort the acting instructor may see, by name. */
export async function cohortMembers(db: Db, actor: Actor, cohortId: string) {
  await getCohortForStaff(db, actor, cohortId);
  return db
    .select({ id: users.id, name: users.name, email: users.email, joinedAt: cohortMemberships.joinedAt })
    .from(cohortMemberships)
    .innerJoin(users, eq(users.id, cohortMemberships.userId))
    .where(activeMember(cohortId))
    .orderBy(asc(users.name), asc(users.email));
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
      .returning({ id: cohortMemberships.id });
    if (removed.length === 0) return false;
    await recordAudit(tx, { actorId: actor.id, action: 'cohort.member_removed', subjectType: 'cohort', subjectId: cohortId, detail: { userId } });
    return true;
  });
}

/** Closes a cohort to new members (owner or admin, audited); closing twice keeps the first date. */
export async function closeCohort(db: Db, actor: Actor, cohortId: string, now: Date = new Date()): Promise<Cohort> {
  return db.transaction(async (tx) => {
    const cohort = await getCohortForStaff(tx, actor, cohortId);
    if (cohort.closedAt !== null) return cohort;
    const [closed] = await tx.update(cohorts).set({ closedAt: now }).where(and(eq(cohorts.id, cohortId), isNull(cohorts.closedAt))).returning();
    if (!closed) return getCohortForStaff(tx, actor, cohortId);
    await recordAudit(tx, { actorId: actor.id, action: 'cohort.closed', subjectType: 'cohort', subjectId: cohortId });
    return closed;
  });
}
