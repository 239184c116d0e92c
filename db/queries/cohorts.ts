import 'server-only';
import { randomBytes } from 'node:crypto';
import { type SQL, and, asc, count, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { joinCodeFromBytes, normalizeJoinCode } from '@/lib/domain/cohorts';
import { AppError } from '@/lib/errors';
import { isStaff as staffRole } from '@/lib/domain/roles';
import type { Db } from '../client';
import { type Cohort, cohortMemberships, cohortStaff, cohorts, institutionStaff, institutions, users } from '../schema';
import { institutionFor } from './institutions';
import { recordAudit } from './audit';
import type { Actor } from './users';

export const cohortIdSchema = z.uuid();

const isStaff = (actor: Actor) => staffRole(actor.role);

/** An active membership: the only kind that lets a learner's data show in a cohort. */
export const activeMember = (cohortId: string) => and(eq(cohortMemberships.cohortId, cohortId), isNull(cohortMemberships.leftAt));

/** The user ids of a cohort's active members, as a subquery (the caller has checked access). */
export const activeMemberIds = (db: Db, cohortId: string) => db.select({ id: cohortMemberships.userId }).from(cohortMemberships).where(activeMember(cohortId));

function newJoinCode(): string {
  for (;;) {
    const code = joinCodeFromBytes(randomBytes(32));
    if (code !== null) return code;
  }
}

export type NewCohort = { name: string; institutionId: string; programmeId: string; dueDate: Date };

/**
 * Creates a cohort owned by the acting person in an institution where they may (its instructors
 * and admins, or a platform admin), audited. The caller checks that the programme exists in the
 * content. A join code that happens to be taken is drawn again.
 */
export async function createCohort(db: Db, actor: Actor, input: NewCohort, now: Date = new Date()): Promise<Cohort> {
  const institution = await institutionFor(db, actor, input.institutionId, 'create-cohort');
  return db.transaction(async (tx) => {
    const instId = institution.id;
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
 * The cohorts the acting person runs, as a condition (lib/domain/institutions runsCohort): every
 * cohort for a platform admin; for anyone else, the cohorts of institutions where they are admin,
 * and those they own or co-teach where they are still an instructor.
 */
export function runByActor(actor: Actor): SQL | undefined {
  if (actor.role === 'admin') return undefined;
  return sql`exists (select 1 from ${institutionStaff} s where s.institution_id = ${cohorts.institutionId} and s.user_id = ${actor.id}
    and (s.role = 'admin' or (s.role = 'instructor' and (${cohorts.ownerId} = ${actor.id}
      or exists (select 1 from ${cohortStaff} cs where cs.cohort_id = ${cohorts.id} and cs.user_id = ${actor.id})))))`;
}

/**
 * A cohort the acting person runs (see runByActor). Anyone else, including an instructor of
 * another institution and a malformed id, gets not_found: they cannot even learn that it exists.
 */
export async function getCohortForStaff(db: Db, actor: Actor, cohortId: string): Promise<Cohort> {
  if (isStaff(actor) && cohortIdSchema.safeParse(cohortId).success) {
    const [row] = await db
      .select()
      .from(cohorts)
      .where(and(eq(cohorts.id, cohortId), runByActor(actor)))
      .limit(1);
    if (row) return row;
  }
  throw new AppError('not_found', `cohort ${cohortId} for ${actor.id}`);
}

/** The cohorts the acting person runs (every cohort for a platform admin), newest first, with active member counts. */
export function listStaffCohorts(db: Db, actor: Actor) {
  if (!isStaff(actor)) throw new AppError('forbidden', 'listStaffCohorts');
  return db
    .select({
      id: cohorts.id,
      name: cohorts.name,
      institution: institutions.name,
      institutionId: cohorts.institutionId,
      programmeId: cohorts.programmeId,
      dueDate: cohorts.dueDate,
      joinCode: cohorts.joinCode,
      createdAt: cohorts.createdAt,
      closedAt: cohorts.closedAt,
      membershipVersion: cohorts.membershipVersion,
      members: count(cohortMemberships.id),
    })
    .from(cohorts)
    .innerJoin(institutions, eq(institutions.id, cohorts.institutionId))
    .leftJoin(cohortMemberships, and(eq(cohortMemberships.cohortId, cohorts.id), isNull(cohortMemberships.leftAt)))
    .where(runByActor(actor))
    .groupBy(cohorts.id, institutions.name)
    .orderBy(desc(cohorts.createdAt));
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
    .select({ id: users.id, name: users.name, email: users.email, studentId: cohortMemberships.studentId, joinedAt: cohortMemberships.joinedAt })
    .from(cohortMemberships)
    .innerJoin(users, eq(users.id, cohortMemberships.userId))
    .where(activeMember(cohortId))
    .orderBy(asc(users.name), asc(users.email));
}

/** Those who left the cohort (or were removed) and are not back in it: who, and when. Nothing of their work. */
export async function formerMembers(db: Db, actor: Actor, cohortId: string) {
  await getCohortForStaff(db, actor, cohortId);
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, leftAt: cohortMemberships.leftAt })
    .from(cohortMemberships)
    .innerJoin(users, eq(users.id, cohortMemberships.userId))
    .where(and(eq(cohortMemberships.cohortId, cohortId), isNotNull(cohortMemberships.leftAt)))
    .orderBy(desc(cohortMemberships.leftAt));
  const active = new Set((await db.select({ id: cohortMemberships.userId }).from(cohortMemberships).where(activeMember(cohortId))).map((r) => r.id));
  // The latest leaving of each former member (rows come newest first).
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!active.has(r.id) && !latest.has(r.id)) latest.set(r.id, r);
  return [...latest.values()];
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
