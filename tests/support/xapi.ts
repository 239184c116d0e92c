// An institution with a cohort, a learner in it and an LRS, for the xAPI tests.
import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/client';
import { appendEvent } from '@/db/queries/events';
import { createUser } from '@/db/queries/users';
import { cohortMemberships, cohorts } from '@/db/schema';
import { saveLrs } from '@/lib/services/xapi/settings';
import { staffAt } from './institutions';

export const lrsKey = 'lrs-key';
export const lrsSecret = 'lrs-secret-not-logged';

export async function person(db: Db, label: string, role: 'learner' | 'instructor' = 'learner') {
  const created = await createUser(db, { name: label, email: `${label}.${randomUUID().slice(0, 8)}@college.example`, passwordHash: 'x', profession: 'doctor', role });
  return { id: created!.id, email: created!.email, role };
}

/** An institution whose admin configured an LRS at `endpoint`, with a cohort; returns its admin and a cohort id. */
export async function institutionWithLrs(db: Db, name: string, endpoint: string, sendEmail = false) {
  const admin = await person(db, `${name}-admin`, 'instructor');
  const institutionId = await staffAt(db, name, admin.id, 'admin');
  await saveLrs(db, admin, institutionId, { endpoint, authKey: lrsKey, secret: lrsSecret, sendEmail, enabled: true });
  const [cohort] = await db
    .insert(cohorts)
    .values({ name: `${name} cohort`, institutionId, programmeId: 'practice-doctors', dueDate: new Date('2027-01-01'), ownerId: admin.id, joinCode: randomUUID().slice(0, 10) })
    .returning({ id: cohorts.id });
  return { admin, institutionId, cohortId: cohort!.id };
}

export async function join(db: Db, cohortId: string, userId: string) {
  await db.insert(cohortMemberships).values({ cohortId, userId });
}

/** A graded quiz event for the learner, written as the quiz query writes it (in a transaction). */
export function quizGraded(db: Db, userId: string, n: number, at: Date) {
  return db.transaction((tx) =>
    appendEvent(tx, { kind: 'quiz.graded', sourceId: `${userId}-${n}`, userId, payload: { quizId: 'triage', attemptId: `${n}`, score: 50 + n, passed: n % 2 === 0, closedBy: 'learner' }, occurredAt: at }),
  );
}
