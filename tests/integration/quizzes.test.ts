import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { saveAnswer, saveAnswers } from '@/db/queries/quiz-answers';
import { getOwnAttempt, openOwnAttempt, submitAttempt } from '@/db/queries/quizzes';
import { listOwnAttempts } from '@/db/queries/quiz-records';
import { quizAttempts } from '@/db/schema';
import { drawQuestions } from '@/lib/domain/quiz';
import { suiteDatabase, testDatabases } from '../support/databases';
import { at, hash, quiz, quizTaker, t0, untimed } from '../support/quiz-attempts';

// An attempt's life through the database: starting, answering, who may touch it, deadlines, and
// submitting exactly once.
describe.each(testDatabases)('quiz attempts on $name', ({ open }) => {
  const h = suiteDatabase(open);
  const { person, start, answerAllCorrectly } = quizTaker(() => h.db);

  test('starting draws the seeded paper and records the content version and deadline; starting again resumes it', async () => {
    const learner = await person();
    const first = await start(learner, t0, 7);
    expect(first.resumed).toBe(false);
    expect(first.attempt).toMatchObject({ quizId: 'fixture', contentHash: hash, seed: 7, submittedAt: null, answers: {} });
    expect(first.attempt.paper).toEqual(drawQuestions(quiz, 7));
    expect(first.attempt.deadline).toEqual(at(t0, 20));

    const again = await start(learner, at(t0, 5), 99);
    expect(again).toMatchObject({ resumed: true, attempt: { id: first.attempt.id, seed: 7 } });
  });

  test('two tabs starting at once get the same attempt', async () => {
    const learner = await person();
    const [a, b] = await Promise.all([start(learner, t0, 1), start(learner, t0, 2)]);
    expect(a.attempt.id).toBe(b.attempt.id);
    expect([a.resumed, b.resumed].sort()).toEqual([false, true]);
    const rows = await h.db.select().from(quizAttempts).where(eq(quizAttempts.userId, learner.id));
    expect(rows).toHaveLength(1);
  });

  test('answers are saved as the learner goes, merged per question, and checked against the paper', async () => {
    const learner = await person();
    const { attempt } = await start(learner, t0);
    expect(await saveAnswer(h.db, learner, attempt.id, quiz, 'q1', ['b'], at(t0, 1))).toEqual({ ok: true, answers: { q1: ['b'] } });
    await Promise.all([
      saveAnswer(h.db, learner, attempt.id, quiz, 'q9', ['a', 'b', 'a'], at(t0, 2)),
      saveAnswer(h.db, learner, attempt.id, quiz, 'q7', ['t'], at(t0, 2)),
    ]);
    expect(await saveAnswer(h.db, learner, attempt.id, quiz, 'q1', [], at(t0, 3))).toMatchObject({ ok: true });
    expect((await getOwnAttempt(h.db, learner, attempt.id)).answers).toEqual({ q1: [], q9: ['a', 'b'], q7: ['t'] });

    expect(await saveAnswer(h.db, learner, attempt.id, quiz, 'q1', ['a', 'b'], at(t0, 4))).toEqual({ ok: false, reason: 'too_many', questionId: 'q1' });
    expect(await saveAnswer(h.db, learner, attempt.id, quiz, 'q1', ['z'], at(t0, 4))).toMatchObject({ ok: false, reason: 'unknown_option' });
    expect(await saveAnswer(h.db, learner, attempt.id, quiz, 'nope', ['a'], at(t0, 4))).toMatchObject({ ok: false, reason: 'unknown_question' });
    // A batch with one bad answer saves none of it.
    expect(await saveAnswers(h.db, learner, attempt.id, quiz, { q2: ['a'], q3: ['zz'] }, at(t0, 4))).toMatchObject({ ok: false });
    expect((await getOwnAttempt(h.db, learner, attempt.id)).answers).not.toHaveProperty('q2');
  });

  test('an answer the bank allows but the paper does not is refused as before (content changed after the start)', async () => {
    const learner = await person();
    const { attempt } = await start(learner, t0);
    // The bank as edited after this paper was drawn: a new question, and a new option on q1.
    const edited = { ...quiz, questions: [...quiz.questions.map((q) => (q.id === 'q1' ? { ...q, options: [...q.options, { id: 'e', text: 'Option e' }] } : q)), { ...quiz.questions[0]!, id: 'q11' }] };
    expect(await saveAnswer(h.db, learner, attempt.id, edited, 'q11', ['a'], at(t0, 1))).toEqual({ ok: false, reason: 'unknown_question', questionId: 'q11' });
    expect(await saveAnswer(h.db, learner, attempt.id, edited, 'q1', ['e'], at(t0, 1))).toEqual({ ok: false, reason: 'unknown_option', questionId: 'q1' });
    expect(await saveAnswers(h.db, learner, attempt.id, edited, { q2: ['b'], q11: [] }, at(t0, 1))).toEqual({ ok: false, reason: 'unknown_question', questionId: 'q11' });
    expect((await getOwnAttempt(h.db, learner, attempt.id)).answers).toEqual({});
    // What both the bank and the paper hold is saved, clearing included.
    expect(await saveAnswers(h.db, learner, attempt.id, edited, { q1: ['d'], q2: [] }, at(t0, 2))).toEqual({ ok: true, answers: { q1: ['d'], q2: [] } });
    await expect(saveAnswer(h.db, learner, 'not-an-id', quiz, 'q1', ['a'], at(t0, 2))).rejects.toMatchObject({ code: 'not_found' });
  });

  test('another learner can neither read, answer nor submit someone else’s attempt', async () => {
    const owner = await person();
    const other = await person();
    const instructor = await person('instructor');
    const { attempt } = await start(owner, t0);
    await saveAnswer(h.db, owner, attempt.id, quiz, 'q1', ['a'], at(t0, 1));

    for (const intruder of [other, instructor]) {
      await expect(getOwnAttempt(h.db, intruder, attempt.id)).rejects.toMatchObject({ code: 'not_found' });
      await expect(openOwnAttempt(h.db, intruder, attempt.id, quiz, at(t0, 2))).rejects.toMatchObject({ code: 'not_found' });
      await expect(saveAnswer(h.db, intruder, attempt.id, quiz, 'q1', ['b'], at(t0, 2))).rejects.toMatchObject({ code: 'not_found' });
      await expect(submitAttempt(h.db, intruder, attempt.id, quiz, at(t0, 2))).rejects.toMatchObject({ code: 'not_found' });
      expect(await listOwnAttempts(h.db, intruder, quiz.id)).toEqual([]);
    }
    await expect(getOwnAttempt(h.db, other, 'not-a-uuid')).rejects.toMatchObject({ code: 'not_found' });

    const mine = await getOwnAttempt(h.db, owner, attempt.id);
    expect(mine).toMatchObject({ submittedAt: null, answers: { q1: ['a'] } });
  });

  test('an attempt is read only against its own quiz', async () => {
    const learner = await person();
    const { attempt } = await start(learner, t0);
    await expect(openOwnAttempt(h.db, learner, attempt.id, untimed, at(t0, 1))).rejects.toMatchObject({ code: 'not_found' });
    await expect(submitAttempt(h.db, learner, attempt.id, untimed, at(t0, 1))).rejects.toMatchObject({ code: 'not_found' });
  });

  test('an answer at or after the deadline is refused, and the attempt is submitted at the deadline with the answers it had', async () => {
    const learner = await person();
    const { attempt } = await start(learner, t0);
    await answerAllCorrectly(learner, attempt.id, at(t0, 19));
    expect(await saveAnswer(h.db, learner, attempt.id, quiz, 'q1', ['d'], at(t0, 20))).toEqual({ ok: false, reason: 'expired' });
    expect(await saveAnswer(h.db, learner, attempt.id, quiz, 'q1', ['d'], at(t0, 45))).toEqual({ ok: false, reason: 'expired' });
    const closed = await getOwnAttempt(h.db, learner, attempt.id);
    expect(closed.submittedAt).toEqual(at(t0, 20));
    expect(closed.answers.q1).toEqual(['a']);
    expect(closed).toMatchObject({ passed: true, score: 100 });
  });

  test('an expired attempt is submitted when next touched, and a late submit is dated at the deadline', async () => {
    const learner = await person();
    const { attempt } = await start(learner, t0);
    await saveAnswer(h.db, learner, attempt.id, quiz, 'q1', ['a'], at(t0, 3));
    const touched = await openOwnAttempt(h.db, learner, attempt.id, quiz, at(t0, 90));
    expect(touched.submittedAt).toEqual(at(t0, 20));
    expect(touched.grade?.earned).toBe(1);
    expect(touched.passed).toBe(false);

    const learner2 = await person();
    const second = await start(learner2, t0);
    const late = await submitAttempt(h.db, learner2, second.attempt.id, quiz, at(t0, 25));
    expect(late.attempt.submittedAt).toEqual(at(t0, 20));
  });

  test('a double submit grades once, and a save after submitting is refused', async () => {
    const learner = await person();
    const { attempt } = await start(learner, t0);
    await answerAllCorrectly(learner, attempt.id, at(t0, 2));
    const first = await submitAttempt(h.db, learner, attempt.id, quiz, at(t0, 5));
    expect(first.gradedNow).toBe(true);
    expect(first.attempt).toMatchObject({ score: 100, passed: true, submittedAt: at(t0, 5) });
    // The submit answers with the attempt as stored, without reading it back.
    expect(first.attempt).toEqual(await getOwnAttempt(h.db, learner, attempt.id));

    const replay = await submitAttempt(h.db, learner, attempt.id, quiz, at(t0, 6));
    expect(replay.gradedNow).toBe(false);
    expect(replay.attempt.submittedAt).toEqual(at(t0, 5));
    expect(replay.attempt.grade).toEqual(first.attempt.grade);
    expect(await saveAnswer(h.db, learner, attempt.id, quiz, 'q1', ['d'], at(t0, 6))).toEqual({ ok: false, reason: 'submitted' });
    expect((await getOwnAttempt(h.db, learner, attempt.id)).answers.q1).toEqual(['a']);
  });

  test('two submits at the same moment grade the attempt exactly once', async () => {
    const learner = await person();
    const { attempt } = await start(learner, t0);
    await saveAnswer(h.db, learner, attempt.id, quiz, 'q1', ['a'], at(t0, 1));
    const results = await Promise.all([
      submitAttempt(h.db, learner, attempt.id, quiz, at(t0, 4)),
      submitAttempt(h.db, learner, attempt.id, quiz, at(t0, 4)),
      submitAttempt(h.db, learner, attempt.id, quiz, at(t0, 4)),
    ]);
    expect(results.filter((r) => r.gradedNow)).toHaveLength(1);
    expect(new Set(results.map((r) => JSON.stringify(r.attempt.grade))).size).toBe(1);
    expect(new Set(results.map((r) => r.attempt.submittedAt?.toISOString())).size).toBe(1);
    const rows = await h.db.select().from(quizAttempts).where(eq(quizAttempts.userId, learner.id));
    expect(rows).toHaveLength(1);
  });
});
