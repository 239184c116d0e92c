import { describe, expect, test } from 'vitest';
import { saveAnswer } from '@/db/queries/quiz-answers';
import { startOrResumeAttempt, submitAttempt } from '@/db/queries/quizzes';
import { listOwnAttempts, summarizeAttempts } from '@/db/queries/quiz-records';
import { quizStatistics } from '@/db/queries/quiz-statistics';
import { suiteDatabase, testDatabases } from '../support/databases';
import { at, hash, quiz, quizTaker, t0, untimed } from '../support/quiz-attempts';

// After the attempt: when the next may start (cooldown, limit), the learner's record, and the
// item statistics instructors see.
describe.each(testDatabases)('quiz retakes, records and statistics on $name', ({ open }) => {
  const h = suiteDatabase(open);
  const { person, start, answerAllCorrectly } = quizTaker(() => h.db);

  test('after a failed attempt the next waits out the cooldown, allowed from the retry time exactly', async () => {
    const learner = await person();
    const { attempt } = await start(learner, t0);
    await submitAttempt(h.db, learner, attempt.id, quiz, at(t0, 10));
    const refused = await startOrResumeAttempt(h.db, learner, quiz, hash, at(t0, 30), 1);
    expect(refused).toEqual({ ok: false, refusal: { ok: false, reason: 'cooldown', retryAt: at(t0, 70) } });
    expect((await startOrResumeAttempt(h.db, learner, quiz, hash, at(t0, 69.99), 1)).ok).toBe(false);
    expect(await startOrResumeAttempt(h.db, learner, quiz, hash, at(t0, 70), 1)).toMatchObject({ ok: true, resumed: false });
  });

  test('an attempt left to expire counts as failed at its deadline, so the cooldown runs from there', async () => {
    const learner = await person();
    await start(learner, t0);
    const refused = await startOrResumeAttempt(h.db, learner, quiz, hash, at(t0, 30), 1);
    expect(refused).toMatchObject({ ok: false, refusal: { reason: 'cooldown', retryAt: at(t0, 80) } });
    const [row] = await listOwnAttempts(h.db, learner, quiz.id);
    expect(row?.submittedAt).toEqual(at(t0, 20));
  });

  test('every started attempt counts towards the limit; passing does not block a retake until then', async () => {
    const learner = await person();
    for (let i = 0; i < 3; i++) {
      const now = at(t0, i * 30);
      const { attempt, resumed } = await start(learner, now, i);
      expect(resumed).toBe(false);
      await answerAllCorrectly(learner, attempt.id, at(now, 1));
      await submitAttempt(h.db, learner, attempt.id, quiz, at(now, 2));
    }
    expect(await startOrResumeAttempt(h.db, learner, quiz, hash, at(t0, 600), 9)).toEqual({
      ok: false,
      refusal: { ok: false, reason: 'limit_reached' },
    });
  });

  test('the learner’s record shows the best and the latest graded attempt per quiz', async () => {
    const learner = await person();
    const first = await start(learner, t0, 1, untimed);
    await saveAnswer(h.db, learner, first.attempt.id, untimed, 'q1', ['a'], at(t0, 1));
    await submitAttempt(h.db, learner, first.attempt.id, untimed, at(t0, 2));
    const second = await start(learner, at(t0, 3), 2, untimed);
    await submitAttempt(h.db, learner, second.attempt.id, untimed, at(t0, 4));
    const third = await start(learner, at(t0, 5), 3, untimed);

    const record = summarizeAttempts(await listOwnAttempts(h.db, learner)).get('untimed');
    expect(record).toMatchObject({ started: 3, passed: false, best: { id: first.attempt.id, score: 10 }, latest: { id: second.attempt.id, score: 0 } });
    expect(record?.open?.id).toBe(third.attempt.id);
    expect(third.attempt.deadline).toBeNull();
  });

  test('item statistics are for instructors and admins only, and can be narrowed to some learners', async () => {
    const learners = [await person(), await person(), await person(), await person(), await person()];
    for (const [i, learner] of learners.entries()) {
      const { attempt } = await start(learner, t0, i);
      if (i === 0) await answerAllCorrectly(learner, attempt.id, at(t0, 1));
      await submitAttempt(h.db, learner, attempt.id, quiz, at(t0, 2));
    }
    await expect(quizStatistics(h.db, learners[0]!, quiz)).rejects.toMatchObject({ code: 'forbidden' });

    const instructor = await person('instructor');
    const admin = await person('admin');
    const all = await quizStatistics(h.db, instructor, quiz);
    expect(all.attempts).toBeGreaterThanOrEqual(2);
    expect(await quizStatistics(h.db, admin, quiz)).toEqual(all);

    const group = await quizStatistics(h.db, instructor, quiz, { userIds: learners.map((l) => l.id) });
    expect(group).toMatchObject({ attempts: 5, learners: 5, withheld: false, meanScore: 20 });
    const q1 = group.items.find((item) => item.questionId === 'q1');
    expect(q1).toMatchObject({ n: 5, facility: 0.2, discrimination: null, unanswered: 4 });
    expect(q1?.options.find((o) => o.optionId === 'a')?.count).toBe(1);
    expect(group.distribution.find((bin) => bin.from === 90)?.count).toBe(1);
    expect((await quizStatistics(h.db, instructor, quiz, { userIds: [] })).attempts).toBe(0);

    // Four learners: only the counts. Their mean, distribution and option counts would show how one of them answered.
    const few = await quizStatistics(h.db, instructor, quiz, { userIds: learners.slice(0, 4).map((l) => l.id) });
    expect(few).toEqual({ attempts: 4, learners: 4, withheld: true, meanScore: null, distribution: [], items: [] });
    // Retakes do not count as more learners.
    const again = await start(learners[1]!, at(t0, 120), 9);
    await submitAttempt(h.db, learners[1]!, again.attempt.id, quiz, at(t0, 121));
    expect(await quizStatistics(h.db, instructor, quiz, { userIds: learners.slice(0, 4).map((l) => l.id) })).toMatchObject({ attempts: 5, learners: 4, withheld: true });
  });
});
