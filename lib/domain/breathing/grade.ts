// Grading one attempt of the breath-count trainer against the scenario's truth. Pure.
import { type Age, type AgeBand, ageBand, fastBreathingThreshold } from './thresholds';

/** What the learner concludes after the minute. "invalid": the count cannot be used; ask for a re-count. */
export type Classification = 'fast' | 'not-fast' | 'invalid';

/** The scenario facts that grading needs. */
export type BreathFacts = { age: Age; rate: number; indrawing: boolean; frozen: boolean };

/** The learner's answer. `count` may be left empty when the learner says the count is invalid. */
export type BreathAnswer = { count: number | null; classification: Classification; indrawing: boolean | null };

// A training tolerance, not a WHO rule: a careful counter may miss or add a breath or two. It does
// not rescue a wrong classification: near the threshold, one breath decides, so a recount matters.
export const COUNT_TOLERANCE = 2;

export type BreathFeedback = {
  band: AgeBand;
  threshold: number;
  trueRate: number;
  /** What the scenario calls for: "invalid" when the picture froze, else the true rate's class. */
  expected: Classification;
  classificationCorrect: boolean;
  /** count - true rate; null when no count was given or the count could not be valid. */
  countError: number | null;
  countWithinTolerance: boolean | null;
  /** What the learner's own count means at this age (null without a count). */
  countClassification: Classification | null;
  indrawingCorrect: boolean | null;
  correct: boolean;
};

/** Grades an answer: the classification against the truth, the count within the tolerance, indrawing seen or not. */
export function gradeBreathCount(facts: BreathFacts, answer: BreathAnswer): BreathFeedback {
  const band = ageBand(facts.age);
  const threshold = fastBreathingThreshold(facts.age);
  const expected: Classification = facts.frozen ? 'invalid' : facts.rate >= threshold ? 'fast' : 'not-fast';
  const classificationCorrect = answer.classification === expected;
  const counted = answer.count !== null && Number.isFinite(answer.count) ? answer.count : null;
  const countClassification: Classification | null = counted === null ? null : counted >= threshold ? 'fast' : 'not-fast';
  // A frozen picture has no countable minute: the count is not graded, only the decision to stop.
  const countError = facts.frozen || counted === null ? null : counted - facts.rate;
  const countWithinTolerance = countError === null ? null : Math.abs(countError) <= COUNT_TOLERANCE;
  const indrawingCorrect = facts.frozen || answer.indrawing === null ? null : answer.indrawing === facts.indrawing;
  const correct = facts.frozen
    ? classificationCorrect
    : classificationCorrect && countWithinTolerance === true && indrawingCorrect !== false;
  return { band, threshold, trueRate: facts.rate, expected, classificationCorrect, countError, countWithinTolerance, countClassification, indrawingCorrect, correct };
}
