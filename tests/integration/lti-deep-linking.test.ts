// Deep Linking 2.0: an instructor adds a quiz from inside the LMS; the tool's signed answer creates
// the course activity and its gradebook column; a learner's launch of it lands on the quiz, and
// their pass reaches that column.
import { eq } from 'drizzle-orm';
import { type JWTPayload, createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, describe, expect, test } from 'vitest';
import { ltiResourceLinks } from '@/db/schema';
import { ltiJwks } from '@/lib/lti/keys';
import { processDueEvents } from '@/lib/services/events/dispatch';
import { answerDeepLink } from '@/lib/services/lti-advantage/deep-linking';
import { type LaunchOutcome, linkPendingIdentity, redeemSignInTicket } from '@/lib/services/lti';
import { submitQuiz } from '@/lib/services/learning';
import { answerQuiz } from '../support/certificate-evidence';
import { suiteDatabase, testDatabases } from '../support/databases';
import { staffAt } from '../support/institutions';
import { launch, person, registeredPlatform, site } from '../support/lti-fixture';
import { type Platform, roles } from '../support/lti-platform';

const dl = (name: string) => `https://purl.imsglobal.org/spec/lti-dl/claim/${name}`;
const tokenOf = (landing: string) => landing.replace('/lti/deep-link/', '');

describe.each(testDatabases)('LTI deep linking on $name', ({ open }) => {
  const h = suiteDatabase(open);
  const sims: Platform[] = [];
  let n = 0;
  afterAll(() => Promise.all(sims.map((s) => s.close())));

  /** A platform, and a teacher on the institution's staff whose LMS identity is linked to their account. */
  async function teacherOn(profile: 'moodle' | 'canvas') {
    const f = await registeredPlatform(h.db, profile);
    sims.push(f.sim);
    const teacher = await person(h.db, 'instructor');
    await staffAt(h.db, f.institutionName, teacher.id);
    // Canvas's issuer is shared by every registration: a sub of its own per test.
    const sub = `teacher-${++n}`;
    f.sim.enrol({ sub, name: 'Dr Teacher', email: teacher.email, roles: [roles.instructor] });
    const first = await launch(h.db, f.sim, sub, 'deep-link');
    expect(first.kind).toBe('link');
    const linked = await linkPendingIdentity(h.db, teacher, first.ticket);
    if (linked.status !== 'linked') throw new Error(linked.status);
    expect(linked.landing).toMatch(/^\/lti\/deep-link\/[A-Za-z0-9_-]{20,}$/);
    return { ...f, teacher, landing: linked.landing };
  }

  const post = (url: string, jwt: string) => fetch(url, { method: 'POST', body: new URLSearchParams({ JWT: jwt }) });

  test.each(['moodle', 'canvas'] as const)('a quiz picked on %s comes back as a signed ltiResourceLink with a line item; launching it lands on the quiz and the pass is graded there', async (profile) => {
    const { sim, teacher, landing } = await teacherOn(profile);
    const { returnUrl, jwt } = await answerDeepLink(h.db, teacher, tokenOf(landing), 'quiz:consent-privacy', site.publicUrl);
    expect(returnUrl).toBe(`${sim.base}/deep-link-return`);
    // The response verifies against the tool's published JWKS.
    const { payload, protectedHeader } = await jwtVerify(jwt, createLocalJWKSet(await ltiJwks()), { issuer: sim.registration.clientId, audience: sim.issuer });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({ 'https://purl.imsglobal.org/spec/lti/claim/message_type': 'LtiDeepLinkingResponse', 'https://purl.imsglobal.org/spec/lti/claim/deployment_id': 'dep-1', [dl('data')]: expect.stringMatching(/^sim-dl-/) } satisfies JWTPayload);
    const [item] = payload[dl('content_items')] as Record<string, unknown>[];
    expect(item).toMatchObject({ type: 'ltiResourceLink', url: `${site.publicUrl}/quizzes/consent-privacy`, lineItem: { scoreMaximum: 100, resourceId: 'quiz:consent-privacy' } });

    expect((await post(returnUrl, jwt)).status).toBe(200);
    expect(sim.deepLinked).toMatchObject([{ status: 200 }]);
    const column = sim.links.get('dl-1')!.lineItem!;
    expect(column).toMatchObject({ scoreMaximum: 100, resourceId: 'quiz:consent-privacy' });

    const sub = `student-${++n}`;
    sim.enrol({ sub, name: 'Student One', email: `student.${profile}.${Date.now()}@student.example`, roles: [roles.learner] });
    const student = await launch(h.db, sim, sub, 'dl-1');
    if (student.kind !== 'sign-in') throw new Error(student.kind);
    expect(student.landing).toBe('/quizzes/consent-privacy');
    const learner = { id: (await redeemSignInTicket(h.db, student.ticket))!, role: 'learner' as const };
    const now = new Date();
    const { attempt, quiz } = await answerQuiz(h.db, learner, 'consent-privacy', now);
    await submitQuiz(h.db, learner, attempt.id, quiz, now);
    await processDueEvents(h.db, new Date(now.getTime() + 1000));
    expect(sim.services.gradebook.get(column.id)?.get(sub)).toMatchObject({ scoreGiven: 100, scoreMaximum: 100, gradingProgress: 'FullyGraded' });
    const [link] = await h.db.select().from(ltiResourceLinks).where(eq(ltiResourceLinks.lineItemUrl, column.url));
    expect(link!.activity).toBe('quiz:consent-privacy');
  });

  test('a module is added without a gradebook column', async () => {
    const { sim, teacher, landing } = await teacherOn('moodle');
    const { returnUrl, jwt } = await answerDeepLink(h.db, teacher, tokenOf(landing), 'module:foundations', site.publicUrl);
    expect((await post(returnUrl, jwt)).status).toBe(200);
    expect(sim.links.get('dl-1')).toMatchObject({ targetLinkUri: `${site.publicUrl}/modules/foundations`, lineItem: undefined });
  });

  test('a request is answered once, only by the account linked to the teacher who asked, and only with an item of the catalogue', async () => {
    const { teacher, landing, institutionName } = await teacherOn('moodle');
    const colleague = await person(h.db, 'instructor');
    await staffAt(h.db, institutionName, colleague.id);
    await expect(answerDeepLink(h.db, colleague, tokenOf(landing), 'quiz:consent-privacy', site.publicUrl)).rejects.toMatchObject({ code: 'not_found' });
    await expect(answerDeepLink(h.db, teacher, tokenOf(landing), 'quiz:no-such-quiz', site.publicUrl)).rejects.toMatchObject({ code: 'bad_request' });
    await expect(answerDeepLink(h.db, teacher, tokenOf(landing), 'javascript:alert(1)', site.publicUrl)).rejects.toMatchObject({ code: 'bad_request' });
    const { jwt, returnUrl } = await answerDeepLink(h.db, teacher, tokenOf(landing), 'consult:chest-pain-lagging-video', site.publicUrl);
    await expect(answerDeepLink(h.db, teacher, tokenOf(landing), 'quiz:consent-privacy', site.publicUrl)).rejects.toMatchObject({ code: 'not_found' });
    expect((await post(returnUrl, jwt)).status).toBe(200);
    // The platform takes each answer once (its data is single-use).
    expect((await post(returnUrl, jwt)).status).toBe(400);
  });

  test('a learner’s deep linking request is refused and opens no session', async () => {
    const { sim } = await teacherOn('canvas');
    sim.enrol({ sub: 'pupil', name: 'Pupil', email: `pupil.${Date.now()}@student.example`, roles: [roles.learner] });
    const refused: unknown = await launch(h.db, sim, 'pupil', 'deep-link').then((o: LaunchOutcome) => o, (e: unknown) => e);
    expect(refused).toMatchObject({ code: 'forbidden' });
  });
});
