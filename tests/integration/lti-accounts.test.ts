import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, test } from 'vitest';
import { listPlatforms, registerPlatform, removePlatform } from '@/db/queries/lti-platforms';
import { cohortMemberships, cohorts, ltiContexts, ltiLinks, users } from '@/db/schema';
import { linkPendingIdentity, redeemSignInTicket, startLogin } from '@/lib/services/lti';
import { suiteDatabase, testDatabases } from '../support/databases';
import { staffAt } from '../support/institutions';
import { launch, lessonPath, person, registeredPlatform, site } from '../support/lti-fixture';
import { type Platform, roles } from '../support/lti-platform';

describe.each(testDatabases)('LTI accounts and registration on $name', ({ open }) => {
  const h = suiteDatabase(open);
  const sims: Platform[] = [];
  afterAll(() => Promise.all(sims.map((s) => s.close())));
  const setup = async (profile: 'moodle' | 'canvas' = 'moodle', clientId?: string) => {
    const f = await registeredPlatform(h.db, profile, clientId);
    sims.push(f.sim);
    return f;
  };

  test('a first learner launch creates the learner, links them, puts them in the course’s cohort and signs in once', async () => {
    const { sim, admin, institutionId } = await setup();
    sim.enrol({ sub: 'moodle-42', name: 'Bilal Ahmed', email: 'Bilal.LTI@student.example', roles: [roles.learner, roles.student] });
    const outcome = await launch(h.db, sim, 'moodle-42');
    expect(outcome).toMatchObject({ kind: 'sign-in', landing: lessonPath });
    if (outcome.kind !== 'sign-in') return;
    const [user] = await h.db.select().from(users).where(eq(users.email, 'bilal.lti@student.example'));
    expect(user).toMatchObject({ name: 'Bilal Ahmed', role: 'learner', emailVerified: null, passwordHash: null });
    const [cohort] = await h.db.select().from(cohorts).innerJoin(ltiContexts, eq(ltiContexts.cohortId, cohorts.id)).where(eq(ltiContexts.contextId, sim.context.id));
    expect(cohort!.cohorts).toMatchObject({ name: 'Telemedicine 101', institutionId, ownerId: admin.id, programmeId: 'readiness-students' });
    const members = await h.db.select().from(cohortMemberships).where(eq(cohortMemberships.cohortId, cohort!.cohorts.id));
    expect(members.map((m) => m.userId)).toEqual([user!.id]);
    expect(await redeemSignInTicket(h.db, outcome.ticket)).toBe(user!.id);
    expect(await redeemSignInTicket(h.db, outcome.ticket)).toBeNull();

    const second = await launch(h.db, sim, 'moodle-42');
    expect(second.kind).toBe('sign-in');
    if (second.kind === 'sign-in') expect(await redeemSignInTicket(h.db, second.ticket)).toBe(user!.id);
    expect(await h.db.select().from(cohortMemberships).where(eq(cohortMemberships.cohortId, cohort!.cohorts.id))).toHaveLength(1);
  });

  test('a platform that sends no e-mail still gets an account, under a non-deliverable address', async () => {
    const { sim } = await setup();
    sim.enrol({ sub: 'anon-1', roles: [roles.learner] });
    const outcome = await launch(h.db, sim, 'anon-1');
    if (outcome.kind !== 'sign-in') throw new Error(outcome.kind);
    const id = await redeemSignInTicket(h.db, outcome.ticket);
    const [user] = await h.db.select().from(users).where(eq(users.id, id!));
    expect(user!.email).toMatch(/^lms-[0-9a-f]{24}@lms\.invalid$/);
    expect(user!.name).toBe('LMS learner');
  });

  test('an existing account with the launch’s address is linked only after its holder signs in and confirms', async () => {
    const { sim } = await setup('canvas', 'canvas-client-1');
    const owner = await person(h.db, 'learner', `owner.${Date.now()}@student.example`);
    sim.enrol({ sub: 'canvas-7', name: 'Sara', email: owner.email, roles: [roles.learner] });
    const outcome = await launch(h.db, sim, 'canvas-7');
    expect(outcome.kind).toBe('link');
    expect(await h.db.select().from(ltiLinks).where(eq(ltiLinks.sub, 'canvas-7'))).toHaveLength(0);
    const result = await linkPendingIdentity(h.db, owner, outcome.ticket);
    expect(result).toEqual({ status: 'linked', landing: lessonPath });
    expect(await linkPendingIdentity(h.db, owner, outcome.ticket)).toEqual({ status: 'expired' });
    const next = await launch(h.db, sim, 'canvas-7');
    if (next.kind !== 'sign-in') throw new Error(next.kind);
    expect(await redeemSignInTicket(h.db, next.ticket)).toBe(owner.id);
  });

  test('an instructor who is not on the institution’s staff is asked to be appointed; staff are signed in', async () => {
    const { sim, institutionId, institutionName } = await setup();
    sim.enrol({ sub: 'teacher-1', name: 'Dr Iqbal', email: `iqbal.${Date.now()}@college.example`, roles: [roles.instructor] });
    const first = await launch(h.db, sim, 'teacher-1');
    expect(first.kind).toBe('link');
    const teacher = await person(h.db, 'instructor');
    expect(await linkPendingIdentity(h.db, teacher, first.ticket)).toEqual({ status: 'not-staff' });
    await expect(launch(h.db, sim, 'teacher-1')).rejects.toMatchObject({ code: 'forbidden' });
    await h.db.transaction(async (tx) => {
      const [row] = await tx.select({ name: cohorts.name }).from(cohorts).where(eq(cohorts.institutionId, institutionId));
      expect(row).toBeUndefined();
    });
    await staffAt(h.db, institutionName, teacher.id);
    const appointed = await launch(h.db, sim, 'teacher-1');
    if (appointed.kind !== 'sign-in') throw new Error(appointed.kind);
    expect(await redeemSignInTicket(h.db, appointed.ticket)).toBe(teacher.id);
  });

  test('only the institution’s admins see and change its platforms: another institution’s admin gets not_found', async () => {
    const { sim, admin, institutionId, platformId } = await setup();
    expect((await listPlatforms(h.db, admin, institutionId)).map((p) => p.id)).toEqual([platformId]);
    const outsider = await person(h.db, 'instructor');
    await staffAt(h.db, `Other College ${Date.now()}`, outsider.id, 'admin');
    const learner = await person(h.db, 'learner');
    for (const actor of [outsider, learner]) {
      await expect(listPlatforms(h.db, actor, institutionId)).rejects.toMatchObject({ code: 'not_found' });
      await expect(registerPlatform(h.db, actor, institutionId, { ...sim.registration, clientId: 'x', name: 'x', programmeId: 'readiness-students' })).rejects.toMatchObject({ code: 'not_found' });
      await expect(removePlatform(h.db, actor, institutionId, platformId)).rejects.toMatchObject({ code: 'not_found' });
    }
    await expect(registerPlatform(h.db, admin, institutionId, { ...sim.registration, name: 'again', programmeId: 'readiness-students' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await removePlatform(h.db, admin, institutionId, platformId)).toBe(true);
    await expect(startLogin(h.db, sim.loginParams('anyone'), site)).rejects.toMatchObject({ code: 'not_found' });
  });

  test('Canvas’s shared issuer: two registrations, and a login without client_id is refused', async () => {
    const a = await setup('canvas', 'canvas-a');
    const b = await setup('canvas', 'canvas-b');
    const { client_id: _drop, ...params } = a.sim.loginParams('x');
    await expect(startLogin(h.db, params, site)).rejects.toMatchObject({ code: 'bad_request' });
    expect(await startLogin(h.db, b.sim.loginParams('x'), site)).toContain('client_id=canvas-b');
  });
});
