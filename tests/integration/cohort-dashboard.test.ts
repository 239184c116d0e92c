import { describe, expect, test } from 'vitest';
import { cohortLearner, cohortReadiness } from '@/db/queries/cohort-readiness';
import { joinCodeLimits, joinCohortByCode, leaveCohort } from '@/db/queries/cohort-members';
import { createCohort } from '@/db/queries/cohorts';
import { joinByCode } from '@/lib/services/cohorts';
import { quizStatistics } from '@/db/queries/quiz-statistics';
import { createUser } from '@/db/queries/users';
import { lessonCompletions, quizAttempts } from '@/db/schema';
import type { Role } from '@/db/schema';
import { getCatalog } from '@/lib/content';
import { quizDomainCredit } from '@/lib/domain/readiness';
import { suiteDatabase, testDatabases } from '../support/databases';
import { staffAt } from '../support/institutions';

const day = 86_400_000;

describe.each(testDatabases)('cohort dashboard reads on $name', ({ open }) => {
  const h = suiteDatabase(open);

  let n = 0;
  async function user(role: Role = 'learner') {
    const name = `Dash User ${++n}`;
    const created = await createUser(h.db, { name, email: `dash.${n}.${Date.now()}@uni.example`, passwordHash: 'x', profession: 'student', role });
    if (!created) throw new Error('user not created');
    return created;
  }
  const newCohort = async (owner: { id: string; role: Role }, now = new Date()) =>
    createCohort(h.db, owner, { name: 'Dashboard cohort', institutionId: await staffAt(h.db, 'Dow University', owner.id), programmeId: 'readiness-students', dueDate: new Date(now.getTime() + 60 * day) }, now);

  test('the drill-down shows one member by the same rules, and nothing of a learner who left or never joined', async () => {
    const catalog = await getCatalog();
    const teacher = await user('instructor');
    const [member, outsider] = [await user(), await user()];
    const c = await newCohort(teacher);
    await joinCohortByCode(h.db, member, c.joinCode);
    const foundations = catalog.modules.find((m) => m.slug === 'foundations')!;
    await h.db.insert(lessonCompletions).values(foundations.lessons.slice(0, 2).map((l) => ({ userId: member.id, moduleSlug: 'foundations', lessonSlug: l.slug, contentHash: l.hash })));

    const { learner } = await cohortLearner(h.db, teacher, c.id, member.id, catalog, new Date());
    expect(learner.userId).toBe(member.id);
    expect(learner.modules.find((m) => m.slug === 'foundations')).toEqual({ slug: 'foundations', done: 2, total: foundations.lessons.length });
    expect(learner.status).toBe('on-track');

    await expect(cohortLearner(h.db, teacher, c.id, outsider.id, catalog, new Date())).rejects.toMatchObject({ code: 'not_found' });
    await expect(cohortLearner(h.db, teacher, c.id, 'not-a-uuid', catalog, new Date())).rejects.toMatchObject({ code: 'not_found' });
    await leaveCohort(h.db, member, c.id);
    await expect(cohortLearner(h.db, teacher, c.id, member.id, catalog, new Date())).rejects.toMatchObject({ code: 'not_found' });
  });

  test("a cohort's quiz statistics count only its active members' attempts", async () => {
    const catalog = await getCatalog();
    const quiz = catalog.quizzes.find((q) => q.def.id === 'foundations')!.def;
    const teacher = await user('instructor');
    const [inside, leaver, outsider] = [await user(), await user(), await user()];
    const c = await newCohort(teacher);
    for (const u of [inside, leaver]) await joinCohortByCode(h.db, u, c.joinCode);
    await leaveCohort(h.db, leaver, c.id);
    const question = quiz.questions[0]!;
    const attempt = (userId: string, credit: number) => ({
      userId,
      quizId: quiz.id,
      contentHash: 'h',
      seed: 1,
      paper: [],
      startedAt: new Date(),
      submittedAt: new Date(),
      grade: { questions: [{ questionId: question.id, correct: credit === 1, credit, chosen: [], key: [] }], earned: credit, total: 1, score: credit * 100, passed: credit === 1 },
      score: credit * 100,
      passed: credit === 1,
    });
    await h.db.insert(quizAttempts).values([attempt(inside.id, 1), attempt(leaver.id, 0), attempt(outsider.id, 0)]);
    const stats = await quizStatistics(h.db, teacher, quiz, { cohortId: c.id });
    // Only the current member's attempt counts; one learner is too few for any figure beyond the counts.
    expect(stats).toMatchObject({ attempts: 1, learners: 1, withheld: true, items: [] });
  });

  test('wrong join codes are counted per learner and refused past the limit, even the right code', async () => {
    const teacher = await user('instructor');
    const [guesser, other] = [await user(), await user()];
    const c = await newCohort(teacher);
    const now = new Date();
    for (let i = 0; i < joinCodeLimits.failures; i++) expect(await joinCohortByCode(h.db, guesser, `WRONG${i}`, now)).toEqual({ status: 'unknown-code' });
    expect(await joinCohortByCode(h.db, guesser, c.joinCode, now)).toEqual({ status: 'throttled' });
    expect(await joinCohortByCode(h.db, other, c.joinCode, now)).toMatchObject({ status: 'joined' });
    const later = new Date(now.getTime() + (joinCodeLimits.windowMinutes + 1) * 60_000);
    expect(await joinCohortByCode(h.db, guesser, c.joinCode, later)).toMatchObject({ status: 'joined' });
  });

  test('domain scores are the same from stored per-domain sums and from attempts graded before them', async () => {
    const catalog = await getCatalog();
    const quiz = catalog.quizzes.find((q) => q.def.id === 'consent-privacy')!.def;
    const teacher = await user('instructor');
    const [stored, legacy] = [await user(), await user()];
    const c = await newCohort(teacher);
    for (const u of [stored, legacy]) await joinCohortByCode(h.db, u, c.joinCode);
    const graded = quiz.questions.slice(0, 6).map((q, i) => ({ questionId: q.id, correct: i % 2 === 0, credit: i % 2 === 0 ? 1 : 0.5, chosen: [], key: [] }));
    const attempt = (userId: string, domainCredit: ReturnType<typeof quizDomainCredit> | null) => ({
      userId,
      quizId: quiz.id,
      contentHash: 'h',
      seed: 1,
      paper: [],
      startedAt: new Date(),
      submittedAt: new Date(),
      grade: { questions: graded, earned: 4.5, total: 6, score: 75, passed: true },
      score: 75,
      passed: true,
      domainCredit,
    });
    await h.db.insert(quizAttempts).values([attempt(stored.id, quizDomainCredit(quiz.questions, graded)), attempt(legacy.id, null)]);
    const r = await cohortReadiness(h.db, teacher, c.id, catalog, new Date());
    const scores = (id: string) => r.learners.find((l) => l.userId === id)!.domains;
    expect(scores(stored.id)).toEqual(scores(legacy.id));
    expect(scores(stored.id).some((d) => d.percent !== null)).toBe(true);
  });

  test('every read is current: a join, a completion written straight to the table and a quiz start show at once, and another instructor sees nothing', async () => {
    const catalog = await getCatalog();
    const [teacher, other] = [await user('instructor'), await user('instructor')];
    const c = await newCohort(teacher);
    const learner = await user();
    await joinByCode(h.db, learner, c.joinCode);
    const first = await cohortReadiness(h.db, teacher, c.id, catalog, new Date());
    expect(first.learners.map((l) => l.status)).toEqual(['not-started']);
    await expect(cohortReadiness(h.db, other, c.id, catalog, new Date())).rejects.toMatchObject({ code: 'not_found' });
    // Written with no event at all: the evidence tables' triggers still mark the learner's rollup row stale.
    const foundations = catalog.modules.find((m) => m.slug === 'foundations')!;
    await h.db.insert(lessonCompletions).values({ userId: learner.id, moduleSlug: 'foundations', lessonSlug: foundations.lessons[0]!.slug, contentHash: 'h' });
    const after = await cohortReadiness(h.db, teacher, c.id, catalog, new Date());
    expect(after.learners[0]!.modules.find((m) => m.slug === 'foundations')?.done).toBe(1);
    expect(after.learners[0]!.progress).toBeGreaterThan(0);
    // A join written without its follow-up (a crash before it) shows on the next read too.
    await joinCohortByCode(h.db, await user(), c.joinCode);
    expect((await cohortReadiness(h.db, teacher, c.id, catalog, new Date())).learners).toHaveLength(2);
  });
});
