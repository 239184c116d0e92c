import 'server-only';
// Saving a learner's answers to their open quiz attempt: usually one statement (saveIfOpen); when it
// saves nothing, the attempt is read and checked step by step for the reason.
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { QuizDef } from '@/lib/content/schemas/quiz';
import { type AnswerError, type Answers, closedByDeadline, validateAgainstQuiz, validateAnswer } from '@/lib/domain/quiz';
import type { Db } from '../client';
import { quizAttempts } from '../schema';
import { checkedId, openOwnAttempt } from './quizzes';
import type { Actor } from './users';

/** `answers || patch`: the patch's questions replace theirs, the rest stay. */
function mergeAnswers(patch: Answers) {
  return sql`${quizAttempts.answers} || ${JSON.stringify(patch)}::jsonb`;
}

function gtDeadline(now: Date) {
  return gt(quizAttempts.deadline, now);
}

/** Why answers were not saved. */
export type SaveRefusal = 'submitted' | 'expired' | AnswerError;

export type SaveResult = { ok: true; answers: Answers } | { ok: false; reason: SaveRefusal; questionId?: string };

/**
 * Saves answers to some questions of the acting learner's open attempt (other answers are kept;
 * an empty list clears one). Each answer is checked against the paper; nothing is saved once the
 * attempt is submitted or its time is up (an expired attempt is submitted on the spot).
 */
export async function saveAnswers(db: Db, actor: Actor, attemptId: string, quiz: QuizDef, answers: Answers, now: Date): Promise<SaveResult> {
  const saved = await saveIfOpen(db, actor, checkedId(attemptId), quiz, answers, now);
  return saved ? { ok: true, answers: saved } : saveStepByStep(db, actor, attemptId, quiz, answers, now);
}

/**
 * The save read and checked step by step (how every save went before it was one statement): the
 * attempt is read (an expired one submitted), each answer checked against its paper, then merged.
 * What `saveAnswers` falls back to when its one statement saved nothing, to give the reason.
 */
export async function saveStepByStep(db: Db, actor: Actor, attemptId: string, quiz: QuizDef, answers: Answers, now: Date): Promise<SaveResult> {
  const attempt = await openOwnAttempt(db, actor, attemptId, quiz, now);
  if (attempt.submittedAt !== null) return { ok: false, reason: closedByDeadline(attempt) ? 'expired' : 'submitted' };
  const patch: Answers = {};
  for (const [questionId, optionIds] of Object.entries(answers)) {
    const check = validateAnswer(quiz, attempt.paper, questionId, optionIds);
    if (!check.ok) return { ok: false, reason: check.error, questionId };
    patch[questionId] = [...new Set(optionIds)];
  }
  const mine = and(eq(quizAttempts.id, attempt.id), eq(quizAttempts.userId, actor.id), isNull(quizAttempts.submittedAt));
  // The merge happens in the database, so two saves to different questions never overwrite each other.
  const [written] = await db
    .update(quizAttempts)
    .set({ answers: mergeAnswers(patch) })
    .where(attempt.deadline === null ? mine : and(mine, gtDeadline(now)))
    .returning({ answers: quizAttempts.answers });
  if (written) return { ok: true, answers: written.answers };
  const after = await openOwnAttempt(db, actor, attemptId, quiz, now);
  return { ok: false, reason: closedByDeadline(after) ? 'expired' : 'submitted' };
}

/**
 * The usual save in one statement: answers that are valid for the quiz are merged into the
 * learner's attempt at it where the attempt is open, in time, and its paper holds each question with
 * every option chosen (jsonb containment: the paper half of `validateAnswer`). Returns the saved
 * answers, or null when anything is not so (the caller then works out why).
 */
async function saveIfOpen(db: Db, actor: Actor, attemptId: string, quiz: QuizDef, answers: Answers, now: Date): Promise<Answers | null> {
  const patch: Answers = {};
  for (const [questionId, optionIds] of Object.entries(answers)) {
    if (!validateAgainstQuiz(quiz, questionId, optionIds).ok) return null;
    patch[questionId] = [...new Set(optionIds)];
  }
  const onPaper = JSON.stringify(Object.entries(patch).map(([questionId, optionOrder]) => ({ questionId, optionOrder })));
  const [saved] = await db
    .update(quizAttempts)
    .set({ answers: mergeAnswers(patch) })
    .where(
      and(
        eq(quizAttempts.id, attemptId),
        eq(quizAttempts.userId, actor.id),
        eq(quizAttempts.quizId, quiz.id),
        isNull(quizAttempts.submittedAt),
        or(isNull(quizAttempts.deadline), gtDeadline(now)),
        sql`${quizAttempts.paper} @> ${onPaper}::jsonb`,
      ),
    )
    .returning({ answers: quizAttempts.answers });
  return saved ? saved.answers : null;
}

/** saveAnswers for one question. */
export function saveAnswer(db: Db, actor: Actor, attemptId: string, quiz: QuizDef, questionId: string, optionIds: readonly string[], now: Date) {
  return saveAnswers(db, actor, attemptId, quiz, { [questionId]: [...optionIds] }, now);
}
