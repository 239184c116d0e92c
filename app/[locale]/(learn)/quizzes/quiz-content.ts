import 'server-only';
import { notFound } from 'next/navigation';
import type { Db } from '@/db/client';
import { readOwnAttempt } from '@/db/queries/quiz-views';
import type { Actor } from '@/db/queries/users';
import { type QuizDef, isDraft } from '@/lib/content/schemas/quiz';
import { getCatalog } from '@/lib/content';
import { AppError } from '@/lib/errors';

/** A quiz bank of this build by id, draft or published ({def, file, hash}), or undefined: for staff pages. The def holds keys: keep it on the server. */
export async function getBank(id: string) {
  return (await getCatalog()).quizzes.find((q) => q.def.id === id);
}

/** A quiz learners may take, by id: a draft bank (an import still being completed) is not one. */
export async function getQuiz(id: string) {
  const bank = await getBank(id);
  return bank && !isDraft(bank.def) ? bank : undefined;
}

/** The learner's own attempt for a page, as it stands now (one whose time is up reads as graded); any other attempt is a 404. */
export async function loadOwnAttempt(db: Db, actor: Actor, attemptId: string, quiz: QuizDef, now: Date) {
  try {
    return await readOwnAttempt(db, actor, attemptId, quiz, now);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
}
