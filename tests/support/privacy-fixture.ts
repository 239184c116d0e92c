// A learner with something in every table that can hold their data, for the export and erasure tests.
import type { Db } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
import { insertCertificate, newCertificateCode } from '@/db/queries/certificates';
import { appendEvent } from '@/db/queries/events';
import { queueMail } from '@/db/queries/mail';
import { createSession } from '@/db/queries/sessions';
import { recordSignInAttempt } from '@/db/queries/sign-in-attempts';
import { accountTokens, cohortInvitations, cohortMemberships, cohorts, consultAttempts, lessonCompletions, quizAttempts, syncReceipts } from '@/db/schema';
import { registerAccount } from '@/lib/services/accounts';

export type Person = { id: string; role: 'learner'; name: string; email: string; oldEmail: string; password: string; certificateCode: string };

/** Registers a learner and writes rows naming them (by id, address and name) across the schema. */
export async function seedPerson(db: Db, tag: string, cohortId: string, now: Date): Promise<Person> {
  const name = `Amina "${tag}" <Qureshi>`;
  const email = `amina.${tag}@example.org`;
  const oldEmail = `old.${tag}@example.org`;
  const password = 'correct horse battery staple';
  const user = (await registerAccount(db, { name, email, password, profession: 'doctor', registrationNumber: `PMDC-${tag}`, institution: `Clinic of ${name}` }, false, now))!;
  const id = user.id;
  await recordAudit(db, { actorId: id, action: 'user.email_changed', subjectType: 'user', subjectId: id, detail: { from: oldEmail, to: email } });
  await recordAudit(db, { actorId: null, action: 'cohort.invitation_revoked', subjectType: 'cohort', subjectId: cohortId, detail: { email: oldEmail } });
  await recordSignInAttempt(db, { email, ip: '10.0.0.1', succeeded: true, at: now });
  await recordSignInAttempt(db, { email: oldEmail, ip: '10.0.0.1', succeeded: false, at: now });
  await createSession(db, id, now);
  await db.insert(accountTokens).values({ userId: id, purpose: 'reset-password', tokenHash: `hash-${tag}`, email, expiresAt: now });
  await queueMail(db, { userId: null, to: oldEmail, kind: 'cohort-invitation', mail: { subject: `For ${name}`, text: name, html: name } }, now);
  await db.insert(lessonCompletions).values({ userId: id, moduleSlug: 'm1', lessonSlug: `l-${tag}`, contentHash: 'h' });
  const grade = { questions: [{ questionId: 'q1', correct: false, credit: 0, chosen: ['a'], key: ['SECRET-KEY'] }], earned: 0, total: 1, score: 0, passed: false };
  await db.insert(quizAttempts).values({ userId: id, quizId: `quiz-${tag}`, contentHash: 'h', seed: 1, paper: [], answers: { q1: ['a'] }, submittedAt: now, grade, score: 0, passed: false });
  await db.insert(consultAttempts).values({ userId: id, caseId: `case-${tag}`, contentHash: 'h', state: { hidden: 'branch' }, note: { plan: `Note by ${name}` } });
  await db.insert(syncReceipts).values({ key: `sync-${tag}`, userId: id, operation: 'quiz', response: { email } });
  await db.insert(cohortMemberships).values({ cohortId, userId: id, studentId: `STU-${tag}` });
  await db.insert(cohortInvitations).values({ cohortId, email: oldEmail, tokenHash: `inv-${tag}`, userId: null, studentId: `STU-${tag}`, expiresAt: now });
  await appendEvent(db, { kind: 'account.verified', sourceId: `ev-${tag}`, userId: id, payload: { email }, occurredAt: now });
  const cert = await insertCertificate(db, {
    id: crypto.randomUUID(),
    code: newCertificateCode(),
    userId: id,
    programmeId: 'prog',
    cycle: 1,
    holderName: name,
    holderRegistration: `PMDC-${tag}`,
    programmeTitle: 'Telehealth',
    issuedAt: now,
    expiresAt: new Date(now.getTime() + 365 * 86_400_000),
    evidence: { holder: name },
    contentVersions: {},
    credential: `signed:${name}:${email}`,
  });
  return { id, role: 'learner', name, email, oldEmail, password, certificateCode: cert!.code };
}

/** A cohort to belong to, owned by a fresh instructor. */
export async function seedCohort(db: Db, ownerId: string, institutionId: string): Promise<string> {
  const [row] = await db.insert(cohorts).values({ name: 'Privacy cohort', institutionId, programmeId: 'prog', dueDate: new Date(), ownerId, joinCode: `code-${crypto.randomUUID()}` }).returning();
  return row!.id;
}
