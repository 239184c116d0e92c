import 'server-only';
// Quiz attempts as pages show them: reads only. An attempt whose time is up is shown as the
// grading that its next write (the learner's, or the recovery pass's) will store.
import type { QuizDef } from '@/lib/content/schemas/quiz';
import { gradeAttempt, isPastDeadline } from '@/lib/domain/quiz';
import { AppError } from '@/lib/errors';
import type { Db } from '../client';
import { type AttemptListItem, listOwnAttempts } from './quiz-records';
import { type Attempt, getOwnAttempt } from './quizzes';
import type { Actor } from './users';

/**
 * An attempt as it stands at `now`, without writing anything: one whose time is up reads as
 * submitted at its deadline and graded with the answers saved in time — exactly what the learner's
 * next action or the recovery pass stores (both grade through `submitAttempt`).
 */
export function asOf(attempt: Attempt, quiz: QuizDef, now: Date): Attempt {
  if (!isPastDeadline(attempt, now)) return attempt;
  const grade = gradeAttempt(quiz, attempt.paper, attempt.answers);
  return { ...attempt, submittedAt: attempt.deadline, grade, score: grade.score, passed: grade.passed };
}

/** The acting learner's attempt at this quiz as it stands now, for a page (reads only). */
export async function readOwnAttempt(db: Db, actor: Actor, attemptId: string, quiz: QuizDef, now: Date): Promise<Attempt> {
  const attempt = await getOwnAttempt(db, actor, attemptId);
  if (attempt.quizId !== quiz.id) throw new AppError('not_found', `quiz attempt ${attemptId} is not for ${quiz.id}`);
  return asOf(attempt, quiz, now);
}

/** The acting learner's attempts at this quiz as they stand now (an expired open one reads as graded), for a page. */
export async function listOwnAttemptsAsOf(db: Db, actor: Actor, quiz: QuizDef, now: Date): Promise<AttemptListItem[]> {
  const attempts = await listOwnAttempts(db, actor, quiz.id);
  return Promise.all(attempts.map(async (a) => (isPastDeadline(a, now) ? asOf(await getOwnAttempt(db, actor, a.id), quiz, now) : a)));
}

