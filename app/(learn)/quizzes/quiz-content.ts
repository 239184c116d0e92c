import 'server-only';
import { notFound } from 'next/navigation';
import type { Db } from '@/db/client';
import { openOwnAttempt } from '@/db/queries/quizzes';
import type { Actor } from '@/db/queries/users';
import type { QuizDef } from '@/lib/content/schemas/quiz';
import { getCatalog } from '@/lib/content';
import { AppError } from '@/lib/errors';

/** A quiz bank of this build by id ({def, file, hash}), or undefined. The def holds keys: keep it on the server. */
export async function getQuiz(id: string) {
  return (await getCatalog()).quizzes.find((q) => q.def.id === id);
}

/** The quiz that closes a module, if it has one. */
export async function getModuleQuiz(moduleSlug: string) {
  return (await getCatalog()).quizzes.find((q) => q.def.module === moduleSlug);
}

/** The learner's own attempt for a page (expired ones are closed first); any other attempt is a 404. */
export async function loadOwnAttempt(db: Db, actor: Actor, attemptId: string, quiz: QuizDef, now: Date) {
  try {
    return await openOwnAttempt(db, actor, attemptId, quiz, now);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
}
