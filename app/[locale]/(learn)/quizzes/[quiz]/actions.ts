'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import type { SaveRefusal } from '@/db/queries/quiz-answers';
import { userFormAction } from '@/lib/actions';
import { saveQuizAnswers, startQuiz, submitQuiz } from '@/lib/services/learning';
import { AppError } from '@/lib/errors';
import { calledByScript } from '@/lib/http/scripted';
import { answersFromForm, shownQuestions } from '@/components/quiz/answer-fields';
import { startRefusalMessage } from '@/components/quiz/messages';
import { type AttemptView, attemptPath, resultPath } from '@/components/quiz/paths';
import { getQuiz } from '@/app/[locale]/(learn)/quizzes/quiz-content';

const quizId = z.string().regex(/^[a-z0-9-]{1,80}$/, 'Unknown quiz.');
const attemptFields = { quiz: quizId, attemptId: z.uuid({ error: 'Unknown attempt.' }) };
const answerFields = { ...attemptFields, shown: z.string().max(4000).default('') };
/** Where the form's button takes the learner after saving: a neighbour, a question number, a view, or the submit step. */
const go = z.union([z.enum(['prev', 'next', 'save', 'review', 'view-all', 'view-one']), z.string().regex(/^q-\d{1,3}$/)]).catch('save');

async function quizOrThrow(id: string) {
  const quiz = await getQuiz(id);
  if (!quiz) throw new AppError('not_found', `quiz ${id}`);
  return quiz;
}

const saveMessages: Record<SaveRefusal, string> = {
  submitted: 'This attempt has already been submitted, so its answers can no longer change.',
  expired: 'Time is up: the attempt was submitted with the answers saved before the time limit.',
  too_many: 'Choose only one option for this question.',
  unknown_option: 'That answer could not be saved. Reload the page and try again.',
  unknown_question: 'That answer could not be saved. Reload the page and try again.',
};

/** Starts the learner's next attempt (or resumes the open one) and opens it. */
export const startAttemptAction = userFormAction(z.object({ quiz: quizId }), async (data, user) => {
  const quiz = await quizOrThrow(data.quiz);
  const now = new Date();
  const result = await startQuiz(getDb(), user, quiz.def, quiz.hash, now);
  if (!result.ok) return { status: 'error', message: startRefusalMessage(result.refusal, quiz.def, now) };
  redirect(attemptPath(quiz.def.id, result.attempt.id));
});

/** Saves the answers on the page as the learner changes them (called by script on every change). */
export const saveAnswersAction = userFormAction(z.object(answerFields), async (data, user, values) => {
  const quiz = await quizOrThrow(data.quiz);
  const answers = answersFromForm(values, shownQuestions(data.shown));
  const result = await saveQuizAnswers(getDb(), user, data.attemptId, quiz.def, answers);
  return result.ok ? { status: 'ok', message: 'Answers saved.' } : { status: 'error', message: saveMessages[result.reason] };
});

/** The attempt form's own post (works without script): saves the page's answers, then moves. */
export const moveAction = userFormAction(
  z.object({ ...answerFields, view: z.enum(['one', 'all']).catch('one'), q: z.coerce.number().int().min(1).max(999).catch(1), go }),
  async (data, user, values) => {
    const quiz = await quizOrThrow(data.quiz);
    const answers = answersFromForm(values, shownQuestions(data.shown));
    const result = await saveQuizAnswers(getDb(), user, data.attemptId, quiz.def, answers);
    if (!result.ok) {
      if (result.reason === 'submitted' || result.reason === 'expired') redirect(resultPath(quiz.def.id, data.attemptId));
      return { status: 'error', message: saveMessages[result.reason] };
    }
    const here: { view: AttemptView; q: number } = { view: data.view, q: data.q };
    const to = (at: Parameters<typeof attemptPath>[2]) => redirect(attemptPath(quiz.def.id, data.attemptId, at));
    if (data.go === 'prev') to({ q: Math.max(1, data.q - 1) });
    if (data.go === 'next') to({ q: data.q + 1 });
    if (data.go === 'review') to({ ...here, confirm: true });
    if (data.go === 'view-all') to({ view: 'all' });
    if (data.go === 'view-one') to({ q: data.q });
    if (data.go.startsWith('q-')) to({ q: Number(data.go.slice(2)) });
    return to(here);
  },
);

/**
 * Submits the attempt (also sent by the countdown when time runs out); a repeat finds it graded and
 * just shows the result. The page's script gets the result's address and opens it (the grade and the
 * key stay on the result page, which checks the attempt is submitted); a plain form post is redirected.
 */
export const submitAttemptAction = userFormAction(z.object(attemptFields), async (data, user) => {
  const quiz = await quizOrThrow(data.quiz);
  await submitQuiz(getDb(), user, data.attemptId, quiz.def);
  const next = resultPath(quiz.def.id, data.attemptId);
  if (!(await calledByScript())) redirect(next);
  return { status: 'ok', message: 'Submitted: opening your result…', next };
});
