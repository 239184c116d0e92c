// Roster sync (LTI NRPS): the cohort linked to an LMS course takes its learners from the course's
// memberships, page after page; who left is marked as left, never deleted.
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, test } from 'vitest';
import { addMembers } from '@/db/queries/cohort-members';
import { cohortMemberships, cohortStaff, ltiContexts, ltiLinks, users } from '@/db/schema';
import { linkPendingIdentity } from '@/lib/services/lti';
import { syncCohortRoster } from '@/lib/services/lti-advantage/nrps';
import { suiteDatabase, testDatabases } from '../support/databases';
import { staffAt } from '../support/institutions';
import { launch, person, registeredPlatform } from '../support/lti-fixture';
import { type Platform, roles } from '../support/lti-platform';

describe.each(testDatabases)('LTI roster sync on $name', ({ open }) => {
  const h = suiteDatabase(open);
  const sims: Platform[] = [];
  afterAll(() => Promise.all(sims.map((s) => s.close())));
  let n = 0;
  const address = (who: string) => `${who}.${++n}.${Date.now()}@student.example`;

  /** A course whose first learner launched (so its cohort exists and knows the memberships URL). */
  async function course() {
    const f = await registeredPlatform(h.db, 'moodle');
    sims.push(f.sim);
    f.sim.enrol({ sub: 'first', name: 'First Launcher', email: address('first'), roles: [roles.learner] });
    await launch(h.db, f.sim, 'first');
    const [ctx] = await h.db.select().from(ltiContexts).where(eq(ltiContexts.platformId, f.platformId));
    expect(ctx!.membershipsUrl).toBe(`${f.sim.base}/memberships`);
    return { ...f, cohortId: ctx!.cohortId };
  }
  const members = async (cohortId: string) => {
    const rows = await h.db.select({ name: users.name, leftAt: cohortMemberships.leftAt }).from(cohortMemberships).innerJoin(users, eq(users.id, cohortMemberships.userId)).where(eq(cohortMemberships.cohortId, cohortId));
    return { active: rows.filter((r) => !r.leftAt).map((r) => r.name).sort(), left: rows.filter((r) => r.leftAt).map((r) => r.name).sort() };
  };

  test('learners listed over several pages join (accounts made as a launch would); teachers do not; a taken address waits for its holder', async () => {
    const { sim, admin, cohortId } = await course();
    const holder = await person(h.db, 'learner', address('holder'));
    sim.enrol({ sub: 's-2', name: 'Second Student', email: address('second'), roles: [roles.learner] });
    sim.enrol({ sub: 's-3', name: 'Third Student', roles: [roles.learner] });
    sim.enrol({ sub: 't-1', name: 'The Teacher', email: address('teacher'), roles: [roles.instructor] });
    sim.enrol({ sub: 's-4', name: 'Has An Account', email: holder.email, roles: [roles.learner] });
    const report = await syncCohortRoster(h.db, admin, cohortId);
    expect(report).toEqual({ courses: 1, joined: 2, left: 0, created: 2, waiting: 1, failed: [] });
    expect(await members(cohortId)).toEqual({ active: ['First Launcher', 'Second Student', 'Third Student'], left: [] });
    const [third] = await h.db.select().from(users).innerJoin(ltiLinks, eq(ltiLinks.userId, users.id)).where(eq(ltiLinks.sub, 's-3'));
    expect(third!.users).toMatchObject({ role: 'learner', emailVerified: null, passwordHash: null });
    expect(third!.users.email).toMatch(/@lms\.invalid$/);
    expect(await h.db.select().from(ltiLinks).where(eq(ltiLinks.sub, 's-4'))).toEqual([]);
    // A second sync with nothing changed changes nothing.
    expect(await syncCohortRoster(h.db, admin, cohortId)).toMatchObject({ joined: 0, left: 0, created: 0 });
  });

  test('learners who left the course (inactive, or no longer listed) are marked as left and kept; a join-code member stays', async () => {
    const { sim, admin, cohortId } = await course();
    sim.enrol({ sub: 's-2', name: 'Going Inactive', email: address('inactive'), roles: [roles.learner] });
    sim.enrol({ sub: 's-3', name: 'Dropping Out', email: address('drop'), roles: [roles.learner] });
    await syncCohortRoster(h.db, admin, cohortId);
    const byCode = await person(h.db, 'learner');
    await addMembers(h.db, cohortId, [{ userId: byCode.id }], new Date());
    sim.services.markLeft('s-2');
    sim.unenrol('s-3');
    expect(await syncCohortRoster(h.db, admin, cohortId)).toMatchObject({ joined: 0, left: 2 });
    expect(await members(cohortId)).toEqual({ active: ['First Launcher', byCode.name].sort(), left: ['Dropping Out', 'Going Inactive'] });
    // Back in the course: a new membership begins.
    sim.enrol({ sub: 's-3', name: 'Dropping Out', roles: [roles.learner] });
    expect(await syncCohortRoster(h.db, admin, cohortId)).toMatchObject({ joined: 1, left: 0, created: 0 });
  });

  test('a roster the platform refuses changes nothing and says why', async () => {
    const { sim, admin, cohortId } = await course();
    await h.db.update(ltiContexts).set({ membershipsUrl: `${sim.base}/memberships-gone` }).where(eq(ltiContexts.cohortId, cohortId));
    const report = await syncCohortRoster(h.db, admin, cohortId);
    expect(report.failed).toEqual([expect.stringContaining('HTTP 404')]);
    expect(await members(cohortId)).toEqual({ active: ['First Launcher'], left: [] });
    const [ctx] = await h.db.select().from(ltiContexts).where(and(eq(ltiContexts.cohortId, cohortId)));
    expect(ctx!.rosterSyncedAt).toBeNull();
  });

  test('a teacher of the course who launches becomes a co-teacher of its cohort, and may then sync it', async () => {
    const { sim, cohortId, institutionName } = await course();
    const teacher = await person(h.db, 'instructor');
    await staffAt(h.db, institutionName, teacher.id);
    sim.enrol({ sub: 'teacher-1', name: 'Dr Teacher', email: teacher.email, roles: [roles.instructor] });
    await expect(syncCohortRoster(h.db, teacher, cohortId)).rejects.toMatchObject({ code: 'not_found' });
    const first = await launch(h.db, sim, 'teacher-1');
    expect(await linkPendingIdentity(h.db, teacher, first.ticket)).toMatchObject({ status: 'linked' });
    expect((await h.db.select().from(cohortStaff).where(eq(cohortStaff.cohortId, cohortId))).map((r) => r.userId)).toEqual([teacher.id]);
    // A later launch (signed in directly) changes nothing more.
    expect((await launch(h.db, sim, 'teacher-1')).kind).toBe('sign-in');
    expect(await h.db.select().from(cohortStaff).where(eq(cohortStaff.cohortId, cohortId))).toHaveLength(1);
    expect(await syncCohortRoster(h.db, teacher, cohortId)).toMatchObject({ courses: 1, failed: [] });
  });

  test('only the cohort’s staff sync it: another institution’s admin and a learner get not_found', async () => {
    const { cohortId } = await course();
    const outsider = await person(h.db, 'instructor');
    const learner = await person(h.db, 'learner');
    for (const actor of [outsider, learner]) await expect(syncCohortRoster(h.db, actor, cohortId)).rejects.toMatchObject({ code: 'not_found' });
  });
});
