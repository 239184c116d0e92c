import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { cohortReadiness } from '@/db/queries/cohort-readiness';
import { joinCohortByCode, leaveCohort } from '@/db/queries/cohort-members';
import { createCohort } from '@/db/queries/cohorts';
import { institutionReadiness, platformReadiness } from '@/db/queries/institution-readiness';
import { createUser } from '@/db/queries/users';
import { seedSyntheticInstitutions, spread, syntheticStaffEmail } from '@/db/synthetic-institutions';
import { certificates, lessonCompletions, quizAttempts, users } from '@/db/schema';
import type { Role } from '@/db/schema';
import { getCatalog } from '@/lib/content';
import { domainAverages } from '@/lib/domain/cohorts';
import { domainMean, monthOf, quizDomainCredit, readinessStatuses } from '@/lib/domain/readiness';
import { suiteDatabase, testDatabases } from '../support/databases';
import { staffAt } from '../support/institutions';

const day = 86_400_000;

describe.each(testDatabases)('institution and platform readiness on $name', ({ open }) => {
  const h = suiteDatabase(open);

  let n = 0;
  async function user(role: Role = 'learner') {
    const created = await createUser(h.db, { name: `Inst Dash ${++n}`, email: `inst.dash.${n}.${Date.now()}@uni.example`, passwordHash: 'x', profession: 'student', role });
    if (!created) throw new Error('user not created');
    return created;
  }

  /** Two institutions: A with two cohorts sharing a learner, B with one; evidence of every kind. */
  async function world() {
    const catalog = await getCatalog();
    const now = new Date();
    const [admin, teacher, viewer, otherAdmin] = [await user('admin'), await user('instructor'), await user('instructor'), await user('instructor')];
    const tag = `${n}-${Date.now()}`;
    const a = await staffAt(h.db, `Readiness College A ${tag}`, teacher.id);
    await staffAt(h.db, `Readiness College A ${tag}`, viewer.id, 'viewer');
    const b = await staffAt(h.db, `Readiness College B ${tag}`, otherAdmin.id, 'admin');
    const cohort = (owner: typeof teacher, institutionId: string, name: string, dueDays: number) =>
      createCohort(h.db, owner, { name, institutionId, programmeId: 'readiness-students', dueDate: new Date(now.getTime() + dueDays * day) }, new Date(now.getTime() - 30 * day));
    const [c1, c2, c3] = [await cohort(teacher, a, 'A morning', 60), await cohort(teacher, a, 'A evening', 10), await cohort(otherAdmin, b, 'B only', 60)];
    const [both, l2, l3, l4, leaver] = [await user(), await user(), await user(), await user(), await user()];
    for (const [u, c] of [[both, c1], [both, c2], [l2, c1], [l3, c2], [l4, c3], [leaver, c1]] as const) await joinCohortByCode(h.db, u, c.joinCode, new Date(now.getTime() - 20 * day));
    await leaveCohort(h.db, leaver, c1.id);

    const foundations = catalog.modules.find((m) => m.slug === 'foundations')!;
    await h.db.insert(lessonCompletions).values([both, l3, l4, leaver].flatMap((u) => foundations.lessons.slice(0, 2).map((l) => ({ userId: u.id, moduleSlug: 'foundations', lessonSlug: l.slug, contentHash: l.hash }))));
    const quiz = catalog.quizzes.find((q) => q.def.id === 'consent-privacy')!.def;
    const graded = quiz.questions.slice(0, 6).map((q, i) => ({ questionId: q.id, correct: i % 3 !== 0, credit: i % 3 !== 0 ? 1 : 0, chosen: [], key: [] }));
    await h.db.insert(quizAttempts).values(
      [both, l3, leaver].map((u, i) => ({
        userId: u.id,
        quizId: quiz.id,
        contentHash: 'h',
        seed: i,
        paper: [],
        startedAt: now,
        submittedAt: now,
        grade: { questions: graded.slice(i), earned: 4, total: 6, score: 66, passed: false },
        score: 66,
        passed: false,
        domainCredit: quizDomainCredit(quiz.questions, graded.slice(i)),
      })),
    );
    await h.db.insert(certificates).values({
      code: `TEST-${n}-${Date.now()}`,
      userId: l2.id,
      programmeId: 'readiness-students',
      cycle: 1,
      holderName: 'Certified Learner',
      programmeTitle: 'Readiness',
      issuedAt: new Date(now.getTime() - 2 * day),
      expiresAt: new Date(now.getTime() + 300 * day),
      evidence: {},
      contentVersions: {},
      credential: 'test',
    });
    return { catalog, now, admin, teacher, viewer, otherAdmin, a, b, c1, c2, c3 };
  }

  test('the figures at cohort, institution and platform level agree', async () => {
    const w = await world();
    const inst = await institutionReadiness(h.db, w.viewer, w.a, w.catalog, w.now);
    expect(inst.cohorts.map((r) => r.cohort.name).sort()).toEqual(['A evening', 'A morning']);
    for (const row of inst.cohorts) {
      // Each cohort's row is what its own dashboard shows.
      const own = await cohortReadiness(h.db, w.teacher, row.cohort.id, w.catalog, w.now);
      expect(row.rollup.learners).toBe(own.learners.length);
      expect(row.rollup.counts).toEqual(own.counts);
      expect(row.rollup.domains.map(domainMean)).toEqual(domainAverages(own.learners).map((d) => d.mean));
      expect(row.rollup.domains.map((d) => d.assessed)).toEqual(domainAverages(own.learners).map((d) => d.assessed));
    }
    // The institution's total is the sum of its cohorts: the learner in both cohorts counts in each.
    expect(inst.total.learners).toBe(4);
    for (const s of readinessStatuses) expect(inst.total.counts[s]).toBe(inst.cohorts.reduce((sum, r) => sum + r.rollup.counts[s], 0));
    for (const [i, d] of inst.total.domains.entries()) {
      expect(d.total).toBe(inst.cohorts.reduce((sum, r) => sum + r.rollup.domains[i]!.total, 0));
      expect(d.assessed).toBe(inst.cohorts.reduce((sum, r) => sum + r.rollup.domains[i]!.assessed, 0));
    }
    expect(inst.total.counts.ready).toBe(1);
    const thisMonth = inst.total.trend.find((t) => t.month === monthOf(w.now))!;
    expect(inst.total.trend.reduce((s, t) => s + t.joined, 0)).toBe(4);
    expect(inst.total.trend.reduce((s, t) => s + t.certified, 0)).toBe(1);
    expect(thisMonth.certified + inst.total.trend.find((t) => t.month === monthOf(new Date(w.now.getTime() - 2 * day)))!.certified).toBeGreaterThan(0);

    // The platform's row for the institution is the institution's total; its total is the sum of its rows.
    const platform = await platformReadiness(h.db, w.admin, w.catalog, w.now);
    const rowA = platform.institutions.find((r) => r.institution.id === w.a)!;
    expect(rowA.cohorts).toBe(2);
    expect(rowA.rollup).toEqual(inst.total);
    const rowB = platform.institutions.find((r) => r.institution.id === w.b)!;
    expect(rowB.rollup).toEqual((await institutionReadiness(h.db, w.otherAdmin, w.b, w.catalog, w.now)).total);
    expect(platform.total.learners).toBe(platform.institutions.reduce((s, r) => s + r.rollup.learners, 0));
    for (const s of readinessStatuses) expect(platform.total.counts[s]).toBe(platform.institutions.reduce((sum, r) => sum + r.rollup.counts[s], 0));
    for (const [i, d] of platform.total.domains.entries()) expect(d.total).toBe(platform.institutions.reduce((sum, r) => sum + r.rollup.domains[i]!.total, 0));
  });

  test('a viewer reads the dashboard without running its cohorts; another institution and the national view stay closed', async () => {
    const w = await world();
    const byViewer = await institutionReadiness(h.db, w.viewer, w.a, w.catalog, w.now);
    expect(byViewer.cohorts.every((r) => !r.runs)).toBe(true);
    const byTeacher = await institutionReadiness(h.db, w.teacher, w.a, w.catalog, w.now);
    expect(byTeacher.cohorts.every((r) => r.runs)).toBe(true);
    await expect(institutionReadiness(h.db, w.otherAdmin, w.a, w.catalog, w.now)).rejects.toMatchObject({ code: 'not_found' });
    await expect(institutionReadiness(h.db, w.viewer, w.b, w.catalog, w.now)).rejects.toMatchObject({ code: 'not_found' });
    await expect(institutionReadiness(h.db, w.viewer, 'not-a-uuid', w.catalog, w.now)).rejects.toMatchObject({ code: 'not_found' });
    for (const actor of [w.viewer, w.teacher, w.otherAdmin]) await expect(platformReadiness(h.db, actor, w.catalog, w.now)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await institutionReadiness(h.db, w.admin, w.b, w.catalog, w.now)).cohorts.map((r) => r.cohort.id)).toEqual([w.c3.id]);
  });

  test('the national seed spreads its learners over institutions, each read by its own instructor', async () => {
    const catalog = await getCatalog();
    const now = new Date();
    const seeded = await seedSyntheticInstitutions(h.db, catalog, '!no-login', { learners: 23, institutions: 3, cohortsPerInstitution: 2, batch: 10, now });
    expect(seeded).toMatchObject({ created: true });
    expect(await seedSyntheticInstitutions(h.db, catalog, '!no-login', { learners: 23, institutions: 3, now })).toMatchObject({ created: false, institutionIds: seeded.institutionIds });
    expect(spread(23, 6)).toEqual([4, 4, 4, 4, 4, 3]);
    const [staff] = await h.db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, syntheticStaffEmail(2)));
    const second = await institutionReadiness(h.db, staff!, seeded.institutionIds[1]!, catalog, now);
    expect(second.cohorts.map((c) => c.rollup.learners)).toEqual([4, 4]);
    await expect(institutionReadiness(h.db, staff!, seeded.institutionIds[0]!, catalog, now)).rejects.toMatchObject({ code: 'not_found' });
    const platform = await platformReadiness(h.db, await user('admin'), catalog, now);
    const synthetic = platform.institutions.filter((r) => seeded.institutionIds.includes(r.institution.id));
    expect(synthetic.map((r) => r.rollup.learners)).toEqual([8, 8, 7]);
    expect(synthetic.find((r) => r.institution.id === seeded.institutionIds[1])!.rollup).toEqual(second.total);
    // Cohorts that started months apart give the trend more than one month of joinings.
    expect(synthetic.flatMap((r) => r.rollup.trend).filter((t) => t.joined > 0).length).toBeGreaterThan(1);
  });
});
