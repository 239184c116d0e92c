import type { QuizDef } from '@/lib/content/schemas/quiz';
import type { AttemptSummary, StartCheck } from './types';

const MINUTE_MS = 60_000;

/** When an attempt stops accepting answers, or null when the quiz has no time limit. */
export function attemptDeadline(quiz: QuizDef, startedAt: Date): Date | null {
  if (quiz.timeLimitMinutes === undefined) return null;
  return new Date(startedAt.getTime() + quiz.timeLimitMinutes * MINUTE_MS);
}

/** Whether answers are still taken: true until the deadline, false from the deadline exactly. */
export function isAcceptingAnswers(quiz: QuizDef, startedAt: Date, now: Date): boolean {
  const deadline = attemptDeadline(quiz, startedAt);
  return deadline === null || now.getTime() < deadline.getTime();
}

/**
 * When a finished attempt ended, if it failed. An attempt left to expire without a submission counts as
 * failed at its deadline, so letting the clock run out cannot skip the cooldown.
 */
function failedAt(quiz: QuizDef, attempt: AttemptSummary): Date | null {
  if (attempt.submittedAt !== null) return attempt.passed === true ? null : attempt.submittedAt;
  return attemptDeadline(quiz, attempt.startedAt);
}

/**
 * Whether a learner may start a new attempt. In order: an unsubmitted attempt still open is to be
 * resumed ('in_progress'); every started attempt counts towards attempts.limit ('limit_reached'); after
 * a failed attempt the next may start cooldownMinutes after it ended ('cooldown', allowed from retryAt
 * exactly). A pass never blocks a retake by itself.
 */
export function canStartAttempt(quiz: QuizDef, history: readonly AttemptSummary[], now: Date): StartCheck {
  const open = history.some((a) => a.submittedAt === null && isAcceptingAnswers(quiz, a.startedAt, now));
  if (open) return { ok: false, reason: 'in_progress' };
  const { limit, cooldownMinutes } = quiz.attempts;
  if (limit !== undefined && history.length >= limit) return { ok: false, reason: 'limit_reached' };
  const lastFailure = history.reduce((latest, a) => Math.max(latest, failedAt(quiz, a)?.getTime() ?? -Infinity), -Infinity);
  const retryAt = lastFailure + cooldownMinutes * MINUTE_MS;
  if (now.getTime() < retryAt) return { ok: false, reason: 'cooldown', retryAt: new Date(retryAt) };
  return { ok: true };
}

/** An attempt's stored deadline and submission, the two facts the time-limit rules read. */
type Timed = { submittedAt: Date | null; deadline: Date | null };

/** Whether an open attempt's time is up: answers are refused from the deadline exactly. */
export function isPastDeadline(attempt: Timed, now: Date): boolean {
  return attempt.submittedAt === null && attempt.deadline !== null && now.getTime() >= attempt.deadline.getTime();
}

/** Whether a closed attempt was closed by its time limit rather than by the learner. */
export function closedByDeadline(attempt: Timed): boolean {
  return attempt.submittedAt !== null && attempt.deadline !== null && attempt.submittedAt.getTime() >= attempt.deadline.getTime();
}
