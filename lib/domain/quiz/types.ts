import type { QuestionType } from '@/lib/content/schemas/quiz';

/** One question as drawn for an attempt, with its options in the order they are shown. */
export type PaperQuestion = { questionId: string; optionOrder: string[] };

/** The questions of one attempt, in order. Plain JSON: it is stored with the attempt. */
export type Paper = PaperQuestion[];

/** A learner's answers: chosen option ids by question id. */
export type Answers = Record<string, string[]>;

/** An option as the browser sees it. */
export type PublicOption = { id: string; text: string };

/** A question as the browser may see it before submission: no key, rationale or references. */
export type PublicQuestion = {
  questionId: string;
  type: QuestionType;
  vignette?: string;
  stem: string;
  options: PublicOption[];
  multiple: boolean;
};

/** Why an answer was refused. */
export type AnswerError = 'unknown_question' | 'unknown_option' | 'too_many';

/** Whether an answer may be saved. */
export type AnswerCheck = { ok: true } | { ok: false; error: AnswerError };

/** How one question was answered and what it earned. */
export type QuestionGrade = {
  questionId: string;
  correct: boolean;
  credit: number;
  chosen: string[];
  key: string[];
};

/** A graded attempt. `score` is a percent floored to one decimal, so it reads >= passMark exactly when passed. */
export type Grade = {
  questions: QuestionGrade[];
  earned: number;
  total: number;
  score: number;
  passed: boolean;
};

/** What canStartAttempt needs to know about each earlier attempt. */
export type AttemptSummary = { startedAt: Date; submittedAt: Date | null; passed: boolean | null };

/** Why a new attempt may not start. */
export type StartRefusal = 'limit_reached' | 'cooldown' | 'in_progress';

/** Whether a new attempt may start; a cooldown says when it may. */
export type StartCheck =
  | { ok: true }
  | { ok: false; reason: Exclude<StartRefusal, 'cooldown'> }
  | { ok: false; reason: 'cooldown'; retryAt: Date };
