import type { QuestionDef, QuizDef } from '@/lib/content/schemas/quiz';
import type { Grade, QuestionGrade } from './types';

/** Below this many attempts at a question its discrimination index is too noisy to report (null). */
export const MIN_ATTEMPTS_FOR_DISCRIMINATION = 10;
/** Kelley's upper and lower groups: the top and bottom 27% by total score. */
const GROUP_SHARE = 0.27;

/** How one question performed. */
export type ItemStatistics = {
  questionId: string;
  /** Attempts whose paper held the question. */
  n: number;
  /** Mean credit, 0..1; null when n is 0. */
  facility: number | null;
  /** Proportion fully correct in the upper 27% minus the lower 27%, -1..1; null when n < 10. */
  discrimination: number | null;
  options: { optionId: string; count: number }[];
  unanswered: number;
};

/** Attempts scoring from `from` up to (not including) `to`; the last bin includes 100. */
export type ScoreBin = { from: number; to: number; count: number };

/** How a quiz performed over a set of attempts. */
export type QuizStatistics = { attempts: number; meanScore: number | null; distribution: ScoreBin[]; items: ItemStatistics[] };

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

function proportionCorrect(group: readonly { graded: QuestionGrade }[]): number {
  return group.filter(({ graded }) => graded.correct).length / group.length;
}

/** Ranks the attempts that saw the question by score (ties keep input order) and compares the ends. */
function discrimination(seen: readonly { graded: QuestionGrade; score: number }[]): number | null {
  if (seen.length < MIN_ATTEMPTS_FOR_DISCRIMINATION) return null;
  const ranked = [...seen].sort((a, b) => b.score - a.score);
  const size = Math.round(GROUP_SHARE * ranked.length);
  return proportionCorrect(ranked.slice(0, size)) - proportionCorrect(ranked.slice(-size));
}

function itemFor(question: QuestionDef, attempts: readonly { grade: Grade }[]): ItemStatistics {
  const seen = attempts.flatMap(({ grade }) => {
    const graded = grade.questions.find((g) => g.questionId === question.id);
    return graded === undefined ? [] : [{ graded, score: grade.score }];
  });
  return {
    questionId: question.id,
    n: seen.length,
    facility: mean(seen.map(({ graded }) => graded.credit)),
    discrimination: discrimination(seen),
    options: question.options.map((o) => ({
      optionId: o.id,
      count: seen.filter(({ graded }) => graded.chosen.includes(o.id)).length,
    })),
    unanswered: seen.filter(({ graded }) => graded.chosen.length === 0).length,
  };
}

/** Ten bins of ten points: [0, 10), [10, 20) … [90, 100], the last one holding 100. */
function distribution(scores: readonly number[]): ScoreBin[] {
  return Array.from({ length: 10 }, (_, i) => ({
    from: i * 10,
    to: i * 10 + 10,
    count: scores.filter((s) => Math.min(9, Math.floor(s / 10)) === i).length,
  }));
}

/**
 * Item and score statistics over stored attempts (pass the {paper, answers, grade} rows: only the grade
 * is read, since it lists the paper's questions and the learner's valid choices). Questions come in quiz
 * order; a question on no paper has n 0.
 */
export function itemStatistics(quiz: QuizDef, attempts: readonly { grade: Grade }[]): QuizStatistics {
  const scores = attempts.map(({ grade }) => grade.score);
  return {
    attempts: attempts.length,
    meanScore: mean(scores),
    distribution: distribution(scores),
    items: quiz.questions.map((question) => itemFor(question, attempts)),
  };
}

/**
 * Below this many distinct learners, statistics are shown only as counts: with fewer, a question's
 * option counts or the score distribution would let a reader work out one person's answers.
 */
export const MIN_LEARNERS_FOR_DETAIL = 5;

/** Statistics as they may be shown: how many learners they cover, and the detail only when that is enough. */
export type PublishedStatistics = QuizStatistics & { learners: number; withheld: boolean };

/** Withholds the mean, the distribution and every per-question figure when fewer than 5 learners are counted. */
export function publishStatistics(stats: QuizStatistics, learners: number): PublishedStatistics {
  if (learners >= MIN_LEARNERS_FOR_DETAIL) return { ...stats, learners, withheld: false };
  return { attempts: stats.attempts, meanScore: null, distribution: [], items: [], learners, withheld: true };
}

export type ItemFlag = 'hard' | 'easy' | 'low discrimination';

/**
 * What is worth an author's look, by the usual rules of thumb for a teaching quiz: facility below
 * 30% or above 90%, or a discrimination below 0.2. Nothing is flagged until 10 or more attempts
 * have seen the question: with fewer, one learner's answers would decide it.
 */
export function itemFlags(item: Pick<ItemStatistics, 'n' | 'facility' | 'discrimination'>): ItemFlag[] {
  if (item.n < MIN_ATTEMPTS_FOR_DISCRIMINATION) return [];
  const out: ItemFlag[] = [];
  if (item.facility !== null && item.facility < 0.3) out.push('hard');
  if (item.facility !== null && item.facility > 0.9) out.push('easy');
  if (item.discrimination !== null && item.discrimination < 0.2) out.push('low discrimination');
  return out;
}
