// A learner's record of practice-trainer attempts (any trainer), kept on their device: what accuracy over time to show. Pure.

export type TrainerAttempt = {
  /** Client-generated, unique: lets a later sync send each attempt once. */
  id: string;
  trainer: string;
  scenario: string;
  /** ISO 8601 time of the attempt. */
  at: string;
  correct: boolean;
  classificationCorrect: boolean;
  countWithinTolerance: boolean | null;
};

export type AccuracySummary = {
  total: number;
  correct: number;
  /** Whole percent, rounded down so it never shows more than was earned; null before any attempt. */
  accuracy: number | null;
  recent: { size: number; correct: number; accuracy: number | null };
  /** Oldest first: one mark per attempt, for a strip of results over time. */
  timeline: { scenario: string; at: string; correct: boolean }[];
};

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.floor((part * 100) / whole));

/** Accuracy overall and over the last `window` attempts of one trainer, oldest first in the timeline. */
export function summariseAttempts(attempts: readonly TrainerAttempt[], trainer: string, window = 10): AccuracySummary {
  const mine = attempts.filter((a) => a.trainer === trainer).sort((a, b) => a.at.localeCompare(b.at));
  const recent = mine.slice(-window);
  const right = (list: readonly TrainerAttempt[]) => list.filter((a) => a.correct).length;
  return {
    total: mine.length,
    correct: right(mine),
    accuracy: percent(right(mine), mine.length),
    recent: { size: recent.length, correct: right(recent), accuracy: percent(right(recent), recent.length) },
    timeline: mine.map((a) => ({ scenario: a.scenario, at: a.at, correct: a.correct })),
  };
}

/** Keeps the newest `limit` attempts, so the device's record stays small. */
export function keepNewest(attempts: readonly TrainerAttempt[], limit: number): TrainerAttempt[] {
  return [...attempts].sort((a, b) => a.at.localeCompare(b.at)).slice(-limit);
}
