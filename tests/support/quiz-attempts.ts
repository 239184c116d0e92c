// Quiz attempts through the database for the integration suites: the fixture quizzes, a clock,
// and the steps (a new person, a start, a paper answered with its key).
import { expect } from 'vitest';
import type { Db } from '@/db/client';
import { saveAnswers } from '@/db/queries/quiz-answers';
import { getOwnAttempt, startOrResumeAttempt } from '@/db/queries/quizzes';
import { type Actor, createUser } from '@/db/queries/users';
import { buildQuiz } from './quiz-fixture';

const MINUTE = 60_000;
export const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MINUTE);
export const t0 = new Date('2025-03-01T09:00:00Z');

// limit 3, cooldown 60 min, 20-minute time limit, pass mark 70, ten questions all drawn.
export const quiz = buildQuiz();
export const untimed = buildQuiz({ id: 'untimed', timeLimitMinutes: undefined, attempts: { cooldownMinutes: 0 } });
export const hash = 'hash-v1';

export function quizTaker(db: () => Db) {
  let n = 0;
  return {
    async person(role: Actor['role'] = 'learner'): Promise<Actor> {
      n++;
      const user = await createUser(db(), { name: 'Quiz Taker', email: `quiz${n}@example.com`, passwordHash: 'x', profession: 'student', role });
      if (!user) throw new Error('user not created');
      return user;
    },
    async start(actor: Actor, now: Date, seed = 42, def = quiz) {
      const result = await startOrResumeAttempt(db(), actor, def, hash, now, seed);
      if (!result.ok) throw new Error(`refused: ${result.refusal.reason}`);
      return result;
    },
    /** Answers every question on the paper with its key: a pass. */
    async answerAllCorrectly(actor: Actor, attemptId: string, now: Date) {
      const attempt = await getOwnAttempt(db(), actor, attemptId);
      const key = Object.fromEntries(attempt.paper.map(({ questionId }) => [questionId, quiz.questions.find((q) => q.id === questionId)!.key]));
      expect(await saveAnswers(db(), actor, attemptId, quiz, key, now)).toMatchObject({ ok: true });
    },
  };
}
