import 'server-only';
// Co-teachers: colleagues who run a cohort with its owner. Whoever runs a cohort may add or remove
// them; a co-teacher must be an instructor (or admin) of the cohort's institution.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../client';
import { cohortStaff, institutionStaff, users } from '../schema';
import { recordAudit } from './audit';
import { getCohortForStaff } from './cohorts';
import type { Actor } from './users';

/** The owner and co-teachers of a cohort the acting person runs. */
export async function cohortTeachers(db: Db, actor: Actor, cohortId: string) {
  const cohort = await getCohortForStaff(db, actor, cohortId);
  const [owner] = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, cohort.ownerId));
  const coTeachers = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(cohortStaff)
    .innerJoin(users, eq(users.id, cohortStaff.userId))
    .where(eq(cohortStaff.cohortId, cohort.id))
    .orderBy(asc(users.name));
  return { owner: owner ?? null, coTeachers };
}

export type AddCoTeacher = 'added' | 'already' | 'no-account' | 'not-staff';

/** Adds a colleague who teaches at the cohort's institution (audited). */
export async function addCoTeacher(db: Db, actor: Actor, cohortId: string, email: string): Promise<AddCoTeacher> {
  const cohort = await getCohortForStaff(db, actor, cohortId);
  return db.transaction(async (tx) => {
    const [person] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase())).limit(1);
    if (!person) return 'no-account';
    const [staff] = await tx
      .select({ role: institutionStaff.role })
      .from(institutionStaff)
      .where(and(eq(institutionStaff.institutionId, cohort.institutionId), eq(institutionStaff.userId, person.id), inArray(institutionStaff.role, ['admin', 'instructor'])));
    if (!staff) return 'not-staff';
    if (person.id === cohort.ownerId) return 'already';
    const [row] = await tx.insert(cohortStaff).values({ cohortId: cohort.id, userId: person.id, addedBy: actor.id }).onConflictDoNothing().returning({ userId: cohortStaff.userId });
    if (!row) return 'already';
    await recordAudit(tx, { actorId: actor.id, action: 'cohort.co_teacher.added', subjectType: 'cohort', subjectId: cohort.id, detail: { userId: person.id } });
    return 'added';
  });
}

/** Removes a co-teacher (audited); false when they were not one. */
export async function removeCoTeacher(db: Db, actor: Actor, cohortId: string, userId: string): Promise<boolean> {
  const cohort = await getCohortForStaff(db, actor, cohortId);
  if (!z.uuid().safeParse(userId).success) return false;
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(cohortStaff)
      .where(and(eq(cohortStaff.cohortId, cohort.id), eq(cohortStaff.userId, userId)))
      .returning({ userId: cohortStaff.userId });
    if (removed.length === 0) return false;
    await recordAudit(tx, { actorId: actor.id, action: 'cohort.co_teacher.removed', subjectType: 'cohort', subjectId: cohort.id, detail: { userId } });
    return true;
  });
}
