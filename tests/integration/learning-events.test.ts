// The one path after every learning event: each kind writes its event with its record, the
// certificate that event completes is issued once, and the recovery pass finishes what was left.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { listOwnCertificates } from '@/db/queries/certificates';
import { appendEvent, outboxStatus } from '@/db/queries/events';
import { createUser } from '@/db/queries/users';
import { eventDeliveries, learningEvents } from '@/db/schema';
import { getCatalog } from '@/lib/content';
import { verifyOpenBadge } from '@/lib/credentials/open-badge';
import { deliver, followUp } from '@/lib/services/events/dispatch';
import { completeLesson, submitQuiz } from '@/lib/services/learning';
import { runMaintenance } from '@/lib/services/maintenance';
import { type Last, PROGRAMME, answerQuiz, completeLast, doctorOneShort } from '../support/certificate-evidence';
import { suiteDatabase, testDatabases } from '../support/databases';

// The development signing key is generated into DATA_DIR: keep it out of the checkout.
process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'event-keys-'));

describe.each(testDatabases)('learning events on $name', ({ open }) => {
  const h = suiteDatabase(open);
  let n = 0;
  const email = (what: string) => `events-${what}-${++n}@example.com`;
  const eventsOf = (userId: string) => h.db.select().from(learningEvents).where(eq(learningEvents.userId, userId));

  test.each<Last>(['lesson', 'quiz', 'consult'])('a %s that meets the last requirement issues the certificate at once, exactly once, with its event', async (last) => {
    const user = await doctorOneShort(h.db, email(last), last);
    await completeLast(h.db, user, last, new Date());
    const certs = await listOwnCertificates(h.db, user);
    expect(certs).toHaveLength(1);
    expect(certs[0]).toMatchObject({ programmeId: PROGRAMME, cycle: 1, holderRegistration: 'PMDC 54321-P', cpdHours: 12 });
    const verified = await verifyOpenBadge(certs[0]!.credential);
    expect(verified.signatureValid).toBe(true);
    const kinds = (await eventsOf(user.id)).map((e) => e.kind).sort();
    const source = { lesson: 'lesson.completed', quiz: 'quiz.graded', consult: 'consult.finished' }[last];
    expect(kinds).toEqual(['certificate.issued', source].sort());
    // Every follow-up of the request is done; the readiness rollup's refresh and grade passback wait
    // for the response to be sent. The recovery pass finishes them and issues nothing more.
    const deliveries = () => h.db.select().from(eventDeliveries).where(and(eq(eventDeliveries.userId, user.id)));
    const afterResponse = new Set(['readiness', 'grades']);
    expect((await deliveries()).filter((d) => !afterResponse.has(d.handler)).every((d) => d.doneAt !== null)).toBe(true);
    expect((await deliveries()).filter((d) => d.handler === 'readiness')).toHaveLength(1);
    await runMaintenance(h.db, new Date());
    expect((await deliveries()).every((d) => d.doneAt !== null)).toBe(true);
    expect(await listOwnCertificates(h.db, user)).toHaveLength(1);
  });

  test('two requests racing to mark the last lesson: the one that recorded it reports the certificate, whichever processed it', async () => {
    const user = await doctorOneShort(h.db, email('race'), 'lesson');
    const catalog = await getCatalog();
    const programme = catalog.programmes.find((p) => p.def.id === PROGRAMME)!.def;
    const lesson = catalog.modules.filter((m) => programme.requirements.modules.includes(m.slug)).flatMap((m) => m.lessons).at(-1)!;
    const ref = { moduleSlug: lesson.moduleSlug, lessonSlug: lesson.slug, contentHash: lesson.hash };
    const t = new Date();
    // A tap and the end-of-lesson mark, a few milliseconds apart, each with its own idempotency key.
    const [a, b] = await Promise.all([
      completeLesson(h.db, user, ref, new Date(t.getTime() + 5), 'race-key-aaaaaaaaaaaa', new Date(t.getTime() + 5)),
      completeLesson(h.db, user, ref, t, 'race-key-bbbbbbbbbbbb', t),
    ]);
    const winner = a.created ? a : b;
    expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
    expect(winner.issued.map((c) => c.programmeTitle)).toEqual([programme.title]);
    expect((a.created ? b : a).issued).toEqual([]);
    expect(await listOwnCertificates(h.db, user)).toHaveLength(1);
  });

  test('a quiz whose time ran out is graded by the recovery pass, and its pass issues the certificate', async () => {
    const start = new Date('2026-05-01T09:00:00Z');
    const user = await doctorOneShort(h.db, email('expired'), 'quiz', start);
    const { attempt } = await answerQuiz(h.db, user, 'documentation-prescribing', start);
    expect(await listOwnCertificates(h.db, user)).toHaveLength(0);
    // Nothing happens before the deadline (20 minutes) …
    expect((await runMaintenance(h.db, new Date(start.getTime() + 19 * 60_000))).quizzesClosed).toBe(0);
    // … and after it the pass grades the attempt at its deadline, and the follow-up issues the certificate.
    const report = await runMaintenance(h.db, new Date(start.getTime() + 25 * 60_000));
    expect(report.quizzesClosed).toBe(1);
    const [event] = (await eventsOf(user.id)).filter((e) => e.kind === 'quiz.graded');
    expect(event).toMatchObject({ id: `quiz.graded:${attempt.id}`, payload: { closedBy: 'deadline', passed: true } });
    expect(event!.occurredAt.toISOString()).toBe(new Date(start.getTime() + 20 * 60_000).toISOString());
    expect(await listOwnCertificates(h.db, user)).toHaveLength(1);
  });

  test('a double submit grades once and writes one event; replaying an event inserts nothing', async () => {
    const user = await doctorOneShort(h.db, email('double'), 'quiz');
    const { attempt, quiz } = await answerQuiz(h.db, user, 'documentation-prescribing', new Date());
    const [a, b] = await Promise.all([submitQuiz(h.db, user, attempt.id, quiz), submitQuiz(h.db, user, attempt.id, quiz)]);
    expect([a.gradedNow, b.gradedNow].filter(Boolean)).toHaveLength(1);
    expect((await eventsOf(user.id)).filter((e) => e.kind === 'quiz.graded')).toHaveLength(1);
    expect(await listOwnCertificates(h.db, user)).toHaveLength(1);
    const again = await appendEvent(h.db, {
      kind: 'quiz.graded',
      sourceId: attempt.id,
      userId: user.id,
      payload: { quizId: quiz.id, attemptId: attempt.id, score: 100, passed: true, closedBy: 'learner' },
      occurredAt: new Date(),
    });
    expect(again).toBeNull();
  });

  test('a failing follow-up never fails the write: it is retried later with its reason kept, and admins see it', async () => {
    const user = await doctorOneShort(h.db, email('fail'), null);
    const admin = (await createUser(h.db, { name: 'Admin', email: email('admin'), passwordHash: 'x', profession: 'other', role: 'admin' }))!;
    const now = new Date();
    await h.db.insert(learningEvents).values({ id: `test.orphan:${user.id}`, kind: 'lesson.completed', userId: user.id, payload: {}, occurredAt: now });
    // A delivery for a handler this build does not have (one removed since the event was written).
    await h.db.insert(eventDeliveries).values({ eventId: `test.orphan:${user.id}`, handler: 'retired-handler', userId: user.id, nextAttemptAt: now });
    expect(await deliver(h.db, { eventId: `test.orphan:${user.id}`, handler: 'retired-handler' }, now, false)).toBe('failed');
    const [row] = await h.db.select().from(eventDeliveries).where(eq(eventDeliveries.eventId, `test.orphan:${user.id}`));
    expect(row).toMatchObject({ attempts: 1, doneAt: null, lastError: 'no handler named "retired-handler" in this build' });
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
    const status = await outboxStatus(h.db, admin);
    expect(status.failing.map((f) => f.eventId)).toContain(`test.orphan:${user.id}`);
    await expect(outboxStatus(h.db, user)).rejects.toMatchObject({ code: 'forbidden' });
    // Not due yet: the next pass leaves it alone.
    expect((await runMaintenance(h.db, now)).deliveries.failed).toBe(0);
    // The learner's own follow-up still completes everything else.
    await followUp(h.db, user.id, now);
  });
});
