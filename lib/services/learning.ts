import 'server-only';
// The learner's own use cases that change their record: each writes through db/queries (the record
// and its learning event in one transaction), then finishes what must follow before answering.
import { randomInt } from 'node:crypto';
import type { Db } from '@/db/client';
import { certificatesIssuedSince } from '@/db/queries/certificates';
import { type CaseVersion, finishOwnConsult } from '@/db/queries/consults';
import { recordLessonCompletion } from '@/db/queries/progress';
import { saveAnswers } from '@/db/queries/quiz-answers';
import { startOrResumeAttempt, submitAttempt } from '@/db/queries/quizzes';
import { onceByKey } from '@/db/queries/sync';
import type { Actor } from '@/db/queries/users';
import type { QuizDef } from '@/lib/content/schemas/quiz';
import type { Answers } from '@/lib/domain/quiz';
import { followUp } from './events/dispatch';

export type LessonRef = { moduleSlug: string; lessonSlug: string; contentHash: string };

/**
 * Marks a lesson complete (a repeat changes nothing). With an idempotency key, from a device's
 * offline queue, a retried sync replays the first answer. Returns any certificate it earned
 * (dated at the completion, whichever request's follow-up issued it).
 */
export async function completeLesson(db: Db, actor: Actor, lesson: LessonRef, at: Date, idempotencyKey: string | null, now = new Date()) {
  const complete = async (tx: Db) => ({ created: await recordLessonCompletion(tx, actor, { ...lesson, at }) });
  const { response, replayed } =
    idempotencyKey === null ? { response: await complete(db), replayed: false } : await onceByKey(db, actor, idempotencyKey, `lesson:${lesson.moduleSlug}/${lesson.lessonSlug}`, complete);
  await followUp(db, actor.id, now);
  return { created: response.created, replayed, issued: response.created ? await certificatesIssuedSince(db, actor.id, at) : [] };
}

/** Starts the learner's next attempt at a quiz, or resumes the open one (closing one whose time ran out). */
export async function startQuiz(db: Db, actor: Actor, quiz: QuizDef, contentHash: string, now = new Date()) {
  const result = await startOrResumeAttempt(db, actor, quiz, contentHash, now, randomInt(2 ** 31 - 1));
  await followUp(db, actor.id, now);
  return result;
}

/** Saves answers to the learner's open attempt (one whose time ran out is graded instead). */
export async function saveQuizAnswers(db: Db, actor: Actor, attemptId: string, quiz: QuizDef, answers: Answers, now = new Date()) {
  const result = await saveAnswers(db, actor, attemptId, quiz, answers, now);
  if (!result.ok) await followUp(db, actor.id, now);
  return result;
}

/** Submits the learner's attempt; a repeat finds it graded. A pass that completes a programme issues its certificate before this returns. */
export async function submitQuiz(db: Db, actor: Actor, attemptId: string, quiz: QuizDef, now = new Date()) {
  const result = await submitAttempt(db, actor, attemptId, quiz, now);
  await followUp(db, actor.id, now);
  return result;
}

/** Grades the learner's ended consult with their note; a pass that completes a programme issues its certificate before this returns. */
export async function finishConsult(db: Db, actor: Actor, attemptId: string, note: unknown, version: CaseVersion, now = new Date()) {
  const result = await finishOwnConsult(db, actor, attemptId, note, version, now);
  await followUp(db, actor.id, now);
  return result;
}
