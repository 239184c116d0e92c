import type { QuizDef } from '@/lib/content/schemas/quiz';
import type { StartCheck } from '@/lib/domain/quiz';
import { formatDateTime, formatWait } from './format';

/** Why a new attempt cannot start, in the learner's words. */
export function startRefusalMessage(refusal: Exclude<StartCheck, { ok: true }>, quiz: QuizDef, now: Date): string {
  switch (refusal.reason) {
    case 'in_progress':
      return 'You already have an attempt in progress: resume it.';
    case 'limit_reached':
      return quiz.attempts.limit === undefined ? 'You have no attempts left at this quiz.' : `You have used all ${quiz.attempts.limit} attempts at this quiz.`;
    case 'cooldown':
      return `You can try again ${formatWait(refusal.retryAt, now)}, at ${formatDateTime(refusal.retryAt)}. Use the time to go back over the module.`;
    default: {
      const unknown: never = refusal;
      throw new Error(`unknown refusal ${JSON.stringify(unknown)}`);
    }
  }
}

/** What the learner will see after submitting, by the quiz's review policy. */
export function reviewPolicyText(quiz: QuizDef): string {
  switch (quiz.review) {
    case 'full':
      return 'After you submit you see your score, then each question with the correct answer, why, and the source.';
    case 'score-only':
      return 'After you submit you see your score and which questions you got right; the answers stay hidden.';
    case 'after-pass':
      return 'After you submit you see your score; the correct answers and explanations open once you pass.';
    case 'after-pass-or-last':
      return 'After you submit you see your score and which questions you got right; the correct answers and explanations open once you pass, or after your last attempt.';
    default: {
      const unknown: never = quiz.review;
      throw new Error(`unknown review policy ${String(unknown)}`);
    }
  }
}
