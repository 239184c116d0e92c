// Grading one attempt of the home blood pressure diary trainer. Pure.
import { type DiaryDay, HOME_TARGET_UNDER_80, type HomeAverage, type Reading, aboveHomeTarget, averageReadings, homeAverage } from './average';

/** The learner's verdict: above target, at or below it, or too few days to say. */
export type DiaryVerdict = 'above' | 'not-above' | 'too-few-days';
export type DiaryAnswer = { average: Reading | null; verdict: DiaryVerdict };

// Averages are rounded to a whole mmHg; a learner who rounds the other way, or averages day by
// day, may land one away. More than that is an arithmetic or selection error.
export const AVERAGE_TOLERANCE = 1;

export type DiaryFeedback = {
  expected: DiaryVerdict;
  /** Day 1 discarded; null when fewer than 4 days were recorded. */
  average: HomeAverage | null;
  /** Every day included: what a learner who forgot to discard day 1 would find. */
  withDayOne: HomeAverage | null;
  verdictCorrect: boolean;
  averageCorrect: boolean | null;
  /** The learner's average matches the one with day 1 left in (and not the right one). */
  includedDayOne: boolean;
  correct: boolean;
};

const close = (a: Reading, b: Reading) => Math.abs(a.systolic - b.systolic) <= AVERAGE_TOLERANCE && Math.abs(a.diastolic - b.diastolic) <= AVERAGE_TOLERANCE;

/** Grades an answer against the diary: the verdict, and the average within 1 mmHg either way. */
export function gradeDiary(days: readonly DiaryDay[], answer: DiaryAnswer, target: Reading = HOME_TARGET_UNDER_80): DiaryFeedback {
  const average = homeAverage(days);
  const withDayOne = averageReadings(days);
  const expected: DiaryVerdict = average === null ? 'too-few-days' : aboveHomeTarget(average, target) ? 'above' : 'not-above';
  const verdictCorrect = answer.verdict === expected;
  const averageCorrect = average === null || answer.average === null ? null : close(answer.average, average);
  const includedDayOne = Boolean(answer.average && withDayOne && average && !close(answer.average, average) && close(answer.average, withDayOne));
  const correct = average === null ? verdictCorrect : verdictCorrect && averageCorrect === true;
  return { expected, average, withDayOne, verdictCorrect, averageCorrect, includedDayOne, correct };
}
