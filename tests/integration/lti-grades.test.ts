// Grade passback (LTI AGS) through the outbox: a graded quiz posts its score to the line item of
// each course activity linked to it, exactly once, through failures, repeats and a refusal.
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, test } from 'vitest';
import { gradeSyncFor } from '@/db/queries/lti-grades';
import { submitAttempt } from '@/db/queries/quizzes';
import { eventDeliveries, ltiContexts, ltiGradePosts, ltiResourceLinks } from '@/db/schema';
import { processDueEvents } from '@/lib/services/events/dispatch';
import { redeemSignInTicket } from '@/lib/services/lti';
import { suiteDatabase, testDatabases } from '../support/databases';
import { launch, person, registeredPlatform, site } from '../support/lti-fixture';
import { type Platform, roles } from '../support/lti-platform';
import { quiz, quizTaker } from '../support/quiz-attempts';

const later = (ms: number) => new Date(Date.now() + ms);

describe.each(testDatabases)('LTI grade passback on $name', ({ open }) => {
  const h = suiteDatabase(open);
  const sims: Platform[] = [];
  afterAll(() => Promise.all(sims.map((s) => s.close())));
  const taker = quizTaker(() => h.db);

  /** A course with a graded quiz activity, and a learner who launched it (so they are in its cohort). */
  async function course(profile: 'moodle' | 'canvas', sub: string) {
    const f = await registeredPlatform(h.db, profile);
    sims.push(f.sim);
    const lineItem = f.sim.addLink({ id: 'rl-quiz', title: 'Consent quiz', targetLinkUri: `${site.publicUrl}/quizzes/${quiz.id}`, lineItem: { label: 'Consent quiz', scoreMaximum: 100 } })!;
    f.sim.enrol({ sub, name: `Learner ${sub}`, email: `${sub}.${Date.now()}@student.example`, roles: [roles.learner] });
    const outcome = await launch(h.db, f.sim, sub, 'rl-quiz');
    if (outcome.kind !== 'sign-in') throw new Error(outcome.kind);
    expect(outcome.landing).toBe(`/quizzes/${quiz.id}`);
    const id = (await redeemSignInTicket(h.db, outcome.ticket))!;
    return { ...f, lineItem, learner: { id, role: 'learner' as const } };
  }

  /** The learner passes the quiz: the real submission, which writes `quiz.graded` to the outbox. */
  async function passQuiz(learner: { id: string; role: 'learner' }) {
    const now = new Date();
    const { attempt } = await taker.start(learner, now);
    await taker.answerAllCorrectly(learner, attempt.id, now);
    await submitAttempt(h.db, learner, attempt.id, quiz, now);
    return attempt.id;
  }

  test('a launch records the resource link, what it points at and its line item', async () => {
    const { sim, platformId, lineItem } = await course('moodle', 'rec-1');
    const [link] = await h.db.select().from(ltiResourceLinks).where(eq(ltiResourceLinks.platformId, platformId));
    expect(link).toMatchObject({ resourceLinkId: 'rl-quiz', activity: `quiz:${quiz.id}`, lineItemUrl: lineItem.url, lineItemsUrl: `${sim.base}/lineitems` });
    expect(link!.agsScopes).toContain('https://purl.imsglobal.org/spec/lti-ags/scope/score');
    expect(lineItem.url).toContain('?type_id=1');
  });

  test.each(['moodle', 'canvas'] as const)('a passed quiz reaches the %s gradebook once, as a full AGS score for the learner’s sub', async (profile) => {
    const { sim, lineItem, learner, admin, platformId } = await course(profile, `pass-${profile}`);
    const attemptId = await passQuiz(learner);
    expect(await processDueEvents(h.db, later(1000))).toMatchObject({ failed: 0 });
    const held = sim.services.gradebook.get(lineItem.id)?.get(`pass-${profile}`);
    expect(held).toMatchObject({ userId: `pass-${profile}`, scoreGiven: 100, scoreMaximum: 100, activityProgress: 'Completed', gradingProgress: 'FullyGraded' });
    expect(new Date(String(held!.timestamp)).toISOString()).toBe(held!.timestamp);
    // Another pass of the outbox posts nothing more; the token was asked for once.
    await processDueEvents(h.db, later(60_000));
    expect(sim.services.received.filter((r) => r.body.userId === `pass-${profile}`)).toHaveLength(1);
    expect(sim.services.tokenRequests()).toBe(1);
    const sync = await gradeSyncFor(h.db, admin, (await cohortOf(platformId))!);
    expect(sync).toMatchObject([{ eventId: `quiz.graded:${attemptId}`, outcome: 'sent', learner: `Learner pass-${profile}` }]);
  });

  test('a platform that fails is retried with backoff until it accepts; the token is reused', async () => {
    const { sim, lineItem, learner } = await course('moodle', 'retry-1');
    sim.services.failNextScores(2);
    const attemptId = await passQuiz(learner);
    expect(await processDueEvents(h.db, later(1000))).toMatchObject({ failed: 1 });
    const grades = await h.db.select().from(eventDeliveries).where(eq(eventDeliveries.handler, 'grades'));
    expect(grades.find((d) => d.eventId === `quiz.graded:${attemptId}`)).toMatchObject({ attempts: 1, doneAt: null, lastError: expect.stringContaining('HTTP 503: gradebook busy') });
    // Not due again before its backoff (30 s).
    expect(await processDueEvents(h.db, later(10_000))).toMatchObject({ done: 0, failed: 0 });
    expect(await processDueEvents(h.db, later(35_000))).toMatchObject({ failed: 1 });
    expect(await processDueEvents(h.db, later(200_000))).toMatchObject({ done: 1 });
    expect(sim.services.gradebook.get(lineItem.id)?.get('retry-1')).toMatchObject({ scoreGiven: 100 });
    const [post] = await h.db.select().from(ltiGradePosts).where(eq(ltiGradePosts.eventId, `quiz.graded:${attemptId}`));
    expect(post).toMatchObject({ outcome: 'sent', attempts: 3, lastError: null });
    expect(sim.services.tokenRequests()).toBe(1);
  });

  test('a learner the platform does not consider gradable is refused once, shown with the platform’s reason, and not retried', async () => {
    const { sim, learner, admin, platformId } = await course('moodle', 'audit-1');
    sim.services.refuseGrades('audit-1');
    await passQuiz(learner);
    expect(await processDueEvents(h.db, later(1000))).toMatchObject({ failed: 0 });
    await processDueEvents(h.db, later(7 * 3_600_000));
    expect(sim.services.received).toHaveLength(1);
    const sync = await gradeSyncFor(h.db, admin, (await cohortOf(platformId))!);
    expect(sync).toMatchObject([{ outcome: 'refused', lastError: 'HTTP 400: User audit-1 is not gradable in this course' }]);
  });

  test('the grade sync view is the cohort’s staff’s only: another institution’s admin and a learner get not_found', async () => {
    const { platformId, learner } = await course('canvas', 'view-1');
    const cohortId = (await cohortOf(platformId))!;
    const outsider = await person(h.db, 'instructor');
    for (const actor of [outsider, learner]) await expect(gradeSyncFor(h.db, actor, cohortId)).rejects.toMatchObject({ code: 'not_found' });
  });

  async function cohortOf(platformId: string) {
    const [row] = await h.db.select({ cohortId: ltiContexts.cohortId }).from(ltiContexts).where(eq(ltiContexts.platformId, platformId));
    return row?.cohortId;
  }
});
