import type { QuizDef } from '@/lib/content/schemas/quiz';
import type { AnswerCheck, Paper } from './types';

/**
 * Checks one answer before it is saved. Repeated ids count once, and an empty list (clearing the answer)
 * is accepted; a single, true-false or vignette question takes at most one option.
 */
export function validateAnswer(quiz: QuizDef, paper: Paper, questionId: string, optionIds: readonly string[]): AnswerCheck {
  const entry = paper.find((p) => p.questionId === questionId);
  const question = quiz.questions.find((q) => q.id === questionId);
  if (entry === undefined || question === undefined) return { ok: false, error: 'unknown_question' };
  const chosen = new Set(optionIds);
  const known = (id: string) => entry.optionOrder.includes(id) && question.options.some((o) => o.id === id);
  if (![...chosen].every(known)) return { ok: false, error: 'unknown_option' };
  if (question.type !== 'multiple' && chosen.size > 1) return { ok: false, error: 'too_many' };
  return { ok: true };
}

/**
 * The quiz's half of `validateAnswer`, which needs no paper: the question is in the bank, every
 * option chosen is one of its own, and a single, true-false or vignette question takes at most one.
 * An answer that passes it passes `validateAnswer` exactly when the paper holds the question with
 * every option chosen, which the database can check in the statement that saves it.
 */
export function validateAgainstQuiz(quiz: QuizDef, questionId: string, optionIds: readonly string[]): AnswerCheck {
  const question = quiz.questions.find((q) => q.id === questionId);
  if (question === undefined) return { ok: false, error: 'unknown_question' };
  const chosen = new Set(optionIds);
  if (![...chosen].every((id) => question.options.some((o) => o.id === id))) return { ok: false, error: 'unknown_option' };
  if (question.type !== 'multiple' && chosen.size > 1) return { ok: false, error: 'too_many' };
  return { ok: true };
}
