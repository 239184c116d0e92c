import type { MultipleResponse, QuestionDef, QuizDef } from '@/lib/content/schemas/quiz';
import { paperItems } from './paper';
import type { Answers, Grade, Paper } from './types';

/** Credit as an exact fraction, so the pass check never meets a float rounding error. */
type Fraction = { numerator: number; denominator: number };

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Single, true-false and vignette: 1 for exactly the key, else 0. Multiple: 'all-or-nothing' gives 1 for
 * exactly the key set; 'partial' gives (right chosen − wrong chosen) / key size, floored at 0, so ticking
 * every option does not pay; 'no-penalty' gives right chosen / key size and ignores wrong ticks, as Moodle
 * does for options of fraction 0 (so there ticking every option does pay: prefer 'partial' for new banks).
 */
function creditFor(question: QuestionDef, chosen: readonly string[], policy: MultipleResponse): Fraction {
  const right = chosen.filter((id) => question.key.includes(id)).length;
  const wrong = chosen.length - right;
  const exact: Fraction = { numerator: wrong === 0 && right === question.key.length ? 1 : 0, denominator: 1 };
  switch (question.type) {
    case 'single':
    case 'true-false':
    case 'vignette':
      return exact;
    case 'multiple':
      switch (policy) {
        case 'all-or-nothing':
          return exact;
        case 'partial':
          return { numerator: Math.max(0, right - wrong), denominator: question.key.length };
        case 'no-penalty':
          return { numerator: right, denominator: question.key.length };
        default: {
          const unknown: never = policy;
          throw new Error(`unknown multipleResponse ${String(unknown)}`);
        }
      }
    default: {
      const unknown: never = question.type;
      throw new Error(`unknown question type ${String(unknown)}`);
    }
  }
}

/**
 * Grades an attempt. Unanswered questions earn 0; option ids not on the paper and answers to questions
 * not on it are ignored. Passed = earned × 100 >= passMark × questions, in exact integer arithmetic
 * (credits are fractions over a common denominator). An empty paper never passes.
 */
export function gradeAttempt(quiz: QuizDef, paper: Paper, answers: Answers): Grade {
  const items = paperItems(quiz, paper).map(({ question, options }) => {
    const given = Object.hasOwn(answers, question.id) ? (answers[question.id] ?? []) : [];
    const chosen = options.map((o) => o.id).filter((id) => given.includes(id));
    return { question, chosen, credit: creditFor(question, chosen, quiz.multipleResponse) };
  });
  const common = items.reduce((l, { credit: { denominator: d } }) => (l * d) / gcd(l, d), 1);
  const earnedScaled = items.reduce((sum, { credit }) => sum + credit.numerator * (common / credit.denominator), 0);
  const total = items.length;
  // Integer division: the shown score is floored, so it never rounds up past a mark that was missed.
  const scaledTotal = total * common;
  const permille = total === 0 ? 0 : (earnedScaled * 1000 - ((earnedScaled * 1000) % scaledTotal)) / scaledTotal;
  return {
    questions: items.map(({ question, chosen, credit }) => ({
      questionId: question.id,
      correct: credit.numerator === credit.denominator,
      credit: credit.numerator / credit.denominator,
      chosen,
      key: [...question.key],
    })),
    earned: earnedScaled / common,
    total,
    score: permille / 10,
    passed: total > 0 && earnedScaled * 100 >= quiz.passMark * total * common,
  };
}
