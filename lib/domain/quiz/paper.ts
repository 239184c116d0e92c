import type { OptionDef, QuestionDef, QuizDef } from '@/lib/content/schemas/quiz';
import type { Paper, PublicQuestion } from './types';

/** A paper question joined to its definition, options in paper order. */
export type PaperItem = { question: QuestionDef; options: OptionDef[] };

/**
 * The paper's questions joined to the quiz. Ids the quiz does not know are skipped: an attempt is
 * always read against the content version it was drawn from, so this only guards against misuse.
 */
export function paperItems(quiz: QuizDef, paper: Paper): PaperItem[] {
  return paper.flatMap(({ questionId, optionOrder }) => {
    const question = quiz.questions.find((q) => q.id === questionId);
    if (question === undefined) return [];
    const options = optionOrder.flatMap((id) => question.options.find((o) => o.id === id) ?? []);
    return [{ question, options }];
  });
}

/** What the browser may see of a paper: stems and options in paper order; no key, rationale or references. */
export function publicPaper(quiz: QuizDef, paper: Paper): PublicQuestion[] {
  return paperItems(quiz, paper).map(({ question, options }) => ({
    questionId: question.id,
    type: question.type,
    ...(question.vignette === undefined ? {} : { vignette: question.vignette }),
    stem: question.stem,
    options: options.map(({ id, text }) => ({ id, text })),
    multiple: question.type === 'multiple',
  }));
}
