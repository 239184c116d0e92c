import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { cohortLearner, cohortReadiness } from '@/db/queries/cohort-readiness';
import { quizStatistics } from '@/db/queries/quiz-statistics';
import { joinCohortByCode, leaveCohort, removeMember } from '@/db/queries/cohort-members';
import { closeCohort, cohortMembers, createCohort, getCohortForStaff, listOwnCohorts, listStaffCohorts } from '@/db/queries/cohorts';
import { importRoster } from '@/lib/services/cohorts';
import { listAuditFor } from '@/db/queries/audit';
import { createUser } from '@/db/queries/users';
import { certificates, cohortInvitations, consultAttempts, lessonCompletions, quizAttempts } from '@/db/schema';
import { getCatalog } from '@/lib/content';
import type { Role } from '@/db/schema';
import { formatJoinCode } from '@/lib/domain/cohorts';
import { suiteDatabase, testDatabases } from '../support/databases';
import { staffAt } from '../support/institutions';

const day = 86_400_000;

describe.each(testDatabases)('cohorts on $name', ({ open }) => {
  const h = suiteDatabase(open);

  let n = 0;
  async function user(role: Role = 'learner', name = `User ${++n}`) {
    const created = await createUser(h.db, { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}.${++n}@uni.example`, passwordHash: 'x', profession: 'student', role });
    if (!created) throw new Error('user not created');
    return created;
  }

  // Staff (instructors, admins) teach at Aga Khan University; anyone else is nobody there.
  async function cohort(owner: { id: string; role: Role }, now = new Date()) {
    const institutionId = owner.role === 'instructor' || owner.role === 'admin' ? await staffAt(h.db, 'Aga Khan University', owner.id) : await staffAt(h.db, 'Aga Khan University', (await user('instructor')).id);
    return createCohort(h.db, owner, { name: 'MBBS Year 4', institutionId, programmeId: 'readiness-students', dueDate: new Date(now.getTime() + 100 * day) }, now);
  }

  test('an instructor creates a cohort, audited; a learner may not', async () => {
    const teacher = await user('instructor');
    const learner = await user();
    const c = await cohort(teacher);
    expect(c.joinCode).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{10}$/);
    expect((await listAuditFor(h.db, 'cohort', c.id)).map((a) => a.action)).toEqual(['cohort.created']);
    await expect(cohort(learner)).rejects.toMatchObject({ code: 'not_found' });
    const again = await cohort(teacher);
    expect(again.institutionId).toBe(c.institutionId);
    expect((await listStaffCohorts(h.db, teacher)).map((x) => x.id).sort()).toEqual([c.id, again.id].sort());
  });

  test('a learner joins by code however typed, twice changes nothing, sees the cohort, and can leave', async () => {
    const teacher = await user('instructor', 'Dr Farah Teacher');
    const learner = await user();
    const c = await cohort(teacher);
    const typed = formatJoinCode(c.joinCode).toLowerCase();
    expect(await joinCohortByCode(h.db, learner, typed)).toMatchObject({ status: 'joined', cohortId: c.id });
    expect(await joinCohortByCode(h.db, learner, c.joinCode)).toMatchObject({ status: 'already-member' });
    expect(await joinCohortByCode(h.db, learner, 'AAAAAAAAAA')).toEqual({ status: 'unknown-code' });
    expect(await listOwnCohorts(h.db, learner)).toEqual([expect.objectContaining({ id: c.id, institution: 'Aga Khan University', instructorName: 'Dr Farah Teacher' })]);
    expect((await cohortMembers(h.db, teacher, c.id)).map((m) => m.id)).toEqual([learner.id]);

    expect(await leaveCohort(h.db, learner, c.id)).toBe(true);
    expect(await leaveCohort(h.db, learner, c.id)).toBe(false);
    expect(await listOwnCohorts(h.db, learner)).toEqual([]);
    expect(await cohortMembers(h.db, teacher, c.id)).toEqual([]);

    expect(await joinCohortByCode(h.db, learner, c.joinCode)).toMatchObject({ status: 'joined' });
    expect((await cohortMembers(h.db, teacher, c.id)).map((m) => m.id)).toEqual([learner.id]);
  });

  test('a closed cohort refuses new members; removing a member is audited', async () => {
    const teacher = await user('instructor');
    const [a, b] = [await user(), await user()];
    const c = await cohort(teacher);
    await joinCohortByCode(h.db, a, c.joinCode);
    expect(await removeMember(h.db, teacher, c.id, a.id)).toBe(true);
    expect(await removeMember(h.db, teacher, c.id, a.id)).toBe(false);
    const closed = await closeCohort(h.db, teacher, c.id);
    expect(closed.closedAt).not.toBeNull();
    expect((await closeCohort(h.db, teacher, c.id)).closedAt).toEqual(closed.closedAt);
    expect(await joinCohortByCode(h.db, b, c.joinCode)).toEqual({ status: 'closed' });
    expect((await listAuditFor(h.db, 'cohort', c.id)).map((x) => x.action)).toEqual(['cohort.closed', 'cohort.member_removed', 'cohort.created']);
  });

  test('another instructor cannot learn a cohort exists; an admin can open it', async () => {
    const owner = await user('instructor');
    const other = await user('instructor');
    const admin = await user('admin');
    const learner = await user();
    const c = await cohort(owner);
    await joinCohortByCode(h.db, learner, c.joinCode);
    const catalog = await getCatalog();
    const attempts = [
      () => getCohortForStaff(h.db, other, c.id),
      () => cohortMembers(h.db, other, c.id),
      () => removeMember(h.db, other, c.id, learner.id),
      () => closeCohort(h.db, other, c.id),
      () => importRoster(h.db, other, c.id, 'x@uni.example'),
      () => importRoster(h.db, other, c.id, 'not an email'),
      () => cohortReadiness(h.db, other, c.id, catalog, new Date()),
      () => cohortLearner(h.db, other, c.id, learner.id, catalog, new Date()),
      () => quizStatistics(h.db, other, catalog.quizzes[0]!.def, { cohortId: c.id }),
      () => getCohortForStaff(h.db, learner, c.id),
      () => getCohortForStaff(h.db, owner, 'not-a-uuid'),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: 'not_found' });
    expect(await isOpen(c.id)).toBe(true);
    expect((await listStaffCohorts(h.db, other)).map((x) => x.id)).not.toContain(c.id);
    expect((await getCohortForStaff(h.db, admin, c.id)).id).toBe(c.id);
    expect((await cohortMembers(h.db, admin, c.id)).map((m) => m.id)).toEqual([learner.id]);
  });

  async function isOpen(cohortId: string) {
    const admin = await user('admin');
    return (await getCohortForStaff(h.db, admin, cohortId)).closedAt === null;
  }

  test('a roster with any bad row imports nothing and names each bad line', async () => {
    const teacher = await user('instructor');
    const existing = await user();
    const c = await cohort(teacher);
    const result = await importRoster(h.db, teacher, c.id, ['email', existing.email, 'new.one@uni.example', 'nope', existing.email].join('\n'));
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 4, message: '"nope" is not a valid email address.' },
        { line: 5, message: `${existing.email} is already on line 2.` },
      ],
    });
    expect(await cohortMembers(h.db, teacher, c.id)).toEqual([]);
    expect(await h.db.select().from(cohortInvitations)).toEqual([]);
  });

  test('a valid roster invites every address, members included in no way, and adds nobody; importing again sends nothing twice', async () => {
    const teacher = await user('instructor');
    const existing = await user();
    const c = await cohort(teacher);
    const csv = `email,student_id\n${existing.email.toUpperCase()},S-1\nnew.one@uni.example,S-2\nnew.two@uni.example,\n`;
    const first = await importRoster(h.db, teacher, c.id, csv);
    expect(first).toEqual({ ok: true, invited: [existing.email, 'new.one@uni.example', 'new.two@uni.example'], alreadyMembers: [], alreadyInvited: [] });
    expect(await cohortMembers(h.db, teacher, c.id)).toEqual([]);
    const rows = await h.db.select().from(cohortInvitations).where(eq(cohortInvitations.cohortId, c.id));
    expect(rows.map((r) => [r.email, r.studentId, r.userId]).sort()).toEqual(
      [
        [existing.email, 'S-1', existing.id],
        ['new.one@uni.example', 'S-2', null],
        ['new.two@uni.example', null, null],
      ].sort(),
    );
    expect(rows.every((r) => r.mailId !== null && /^[0-9a-f]{64}$/.test(r.tokenHash))).toBe(true);
    const second = await importRoster(h.db, teacher, c.id, csv);
    expect(second).toEqual({ ok: true, invited: [], alreadyMembers: [], alreadyInvited: [existing.email, 'new.one@uni.example', 'new.two@uni.example'] });
    expect(await h.db.select().from(cohortInvitations).where(eq(cohortInvitations.cohortId, c.id))).toHaveLength(3);
  });

  test('the readiness aggregate covers active members only, from grouped evidence', async () => {
    const catalog = await getCatalog();
    const now = new Date();
    const teacher = await user('instructor');
    const c = await cohort(teacher, new Date(now.getTime() - 10 * day));
    const [ready, going, idle, gone] = [await user('learner', 'A Ready'), await user('learner', 'B Going'), await user('learner', 'C Idle'), await user('learner', 'D Gone')];
    for (const u of [ready, going, idle, gone]) await joinCohortByCode(h.db, u, c.joinCode);
    await leaveCohort(h.db, gone, c.id);

    await h.db.insert(certificates).values({
      code: `cohort${n}`,
      userId: ready.id,
      programmeId: 'readiness-students',
      cycle: 1,
      holderName: 'A Ready',
      programmeTitle: 'Readiness',
      issuedAt: new Date(now.getTime() - day),
      expiresAt: new Date(now.getTime() + 365 * day),
      evidence: {},
      contentVersions: {},
      credential: 'x',
    });
    const foundations = catalog.modules.find((m) => m.slug === 'foundations')!;
    await h.db.insert(lessonCompletions).values(foundations.lessons.map((l) => ({ userId: going.id, moduleSlug: 'foundations', lessonSlug: l.slug, contentHash: l.hash })));
    const grade = (credits: number[]) => ({
      questions: ['who-definition-distance', 'tpg-lhw-framework', 'census-rural-share'].map((questionId, i) => ({ questionId, correct: credits[i] === 1, credit: credits[i], chosen: [], key: [] })),
      earned: 0,
      total: 3,
      score: 50,
      passed: false,
    });
    const attempt = (userId: string, at: number, credits: number[]) => ({
      userId,
      quizId: 'foundations',
      contentHash: 'h',
      seed: 1,
      paper: [],
      startedAt: new Date(at),
      submittedAt: new Date(at),
      grade: grade(credits),
      score: Math.round((credits.reduce((a, b) => a + b, 0) / 3) * 100),
      passed: false,
    });
    // The best attempt counts towards domains: the better retake here, and a worse replay after it changes nothing.
    await h.db
      .insert(quizAttempts)
      .values([
        attempt(going.id, now.getTime() - 3 * day, [0, 0, 0]),
        attempt(going.id, now.getTime() - day, [1, 0.5, 1]),
        attempt(going.id, now.getTime() - day / 2, [0, 0, 1]),
        attempt(gone.id, now.getTime() - day, [1, 1, 1]),
      ]);
    const consult = (userId: string, errors: string[], domains: Record<string, { points: number; max: number }>) => ({
      userId,
      caseId: 'infant-fever-lhw',
      contentHash: 'h',
      state: {},
      finishedAt: now,
      passed: errors.length === 0,
      criticalErrors: errors,
      result: { domains },
    });
    await h.db.insert(consultAttempts).values([
      consult(going.id, ['no-location'], { D3: { points: 3, max: 4 }, D1: { points: 1, max: 2 } }),
      consult(ready.id, ['no-location', 'no-consent'], { D3: { points: 4, max: 4 } }),
      consult(gone.id, ['no-consent'], {}),
    ]);

    const r = await cohortReadiness(h.db, teacher, c.id, catalog, now);
    expect(r.learners.map((l) => [l.name, l.status])).toEqual([
      ['A Ready', 'ready'],
      ['B Going', 'on-track'],
      ['C Idle', 'not-started'],
    ]);
    expect(r.counts).toEqual({ ready: 1, 'on-track': 1, behind: 0, 'not-started': 1 });
    const b = r.learners[1]!;
    // 1 of 7 modules complete and its quiz passed on the best attempt (83%, though the latest is 33%): 2 of 15 requirements.
    expect(b.progress).toBeCloseTo(2 / 15);
    expect(b.requirements.find((q) => q.kind === 'quiz' && q.id === 'foundations')).toMatchObject({ best: 83, state: 'passed' });
    // D1: quiz items 1 + 0.5 of 2, consult 1 of 2 → 2.5 of 4; D2: 0.5 + 1 of 2; D3: 3 of 4.
    expect(Object.fromEntries(b.domains.map((d) => [d.domain, d.percent]))).toEqual({ D1: 63, D2: 75, D3: 75, D4: null, D5: null, D6: null });
    expect(b.domains.find((d) => d.domain === 'D1')?.evidence).toBe(3);
    expect(r.modules.find((m) => m.slug === 'foundations')).toEqual({ slug: 'foundations', completed: 1 });
    expect(r.criticalErrors).toEqual([
      { caseId: 'infant-fever-lhw', id: 'no-location', attempts: 2, learners: 2 },
      { caseId: 'infant-fever-lhw', id: 'no-consent', attempts: 1, learners: 1 },
    ]);

    // Near the due date, the same small progress is behind.
    const late = await cohortReadiness(h.db, teacher, c.id, catalog, new Date(c.dueDate.getTime() - day));
    expect(late.counts).toEqual({ ready: 1, 'on-track': 0, behind: 1, 'not-started': 1 });
  });
});
