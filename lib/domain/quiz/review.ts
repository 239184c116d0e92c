import type { QuizDef } from '@/lib/content/schemas/quiz';
import { paperItems } from './paper';
import type { Grade, Paper, PublicQuestion, QuestionGrade } from './types';

/** A reviewed question with everything: the learner's choice, the key, the rationale and references. */
export type FullReviewQuestion = PublicQuestion &
  Pick<QuestionGrade, 'correct' | 'credit' | 'chosen' | 'key'> & { rationale: string; references: string[] };

/** What the review page may show, as the quiz's review policy allows. */
export type Review =
  | { level: 'full'; score: number; passed: boolean; questions: FullReviewQuestion[] }
  | { level: 'score-only'; score: number; passed: boolean; questions: { questionId: string; correct: boolean }[] };

function fullReview(quiz: QuizDef, paper: Paper, grade: Grade): Review {
  const questions = paperItems(quiz, paper).flatMap(({ question, options }) => {
    const graded = grade.questions.find((g) => g.questionId === question.id);
    if (graded === undefined) return [];
    return [
      {
        questionId: question.id,
        type: question.type,
        ...(question.vignette === undefined ? {} : { vignette: question.vignette }),
        stem: question.stem,
        options: options.map(({ id, text }) => ({ id, text })),
        multiple: question.type === 'multiple',
        correct: graded.correct,
        credit: graded.credit,
        chosen: [...graded.chosen],
        key: [...graded.key],
        rationale: question.rationale,
        references: [...question.references],
      },
    ];
  });
  return { level: 'full', score: grade.score, passed: grade.passed, questions };
}

function scoreOnlyReview(grade: Grade): Review {
  const questions = grade.questions.map(({ questionId, correct }) => ({ questionId, correct }));
  return { level: 'score-only', score: grade.score, passed: grade.passed, questions };
}

/** Where the learner stands on the quiz: passed in any attempt (this one included), and whether any attempt is left. */
export type Standing = { hasPassed: boolean; attemptsLeft: boolean };

/**
 * The review of a graded attempt under the quiz's policy: 'after-pass' opens the keys of every
 * attempt once the quiz is passed; 'after-pass-or-last' also once no attempt is left.
 */
export function reviewFor(quiz: QuizDef, paper: Paper, grade: Grade, { hasPassed, attemptsLeft }: Standing): Review {
  switch (quiz.review) {
    case 'full':
      return fullReview(quiz, paper, grade);
    case 'score-only':
      return scoreOnlyReview(grade);
    case 'after-pass':
      return hasPassed || grade.passed ? fullReview(quiz, paper, grade) : scoreOnlyReview(grade);
    case 'after-pass-or-last':
      return hasPassed || grade.passed || !attemptsLeft ? fullReview(quiz, paper, grade) : scoreOnlyReview(grade);
    default: {
      const unknown: never = quiz.review;
      throw new Error(`unknown review policy ${String(unknown)}`);
    }
  }
}
