export { AGE_BAND_LABEL, FAST_BREATHING_THRESHOLD, ageBand, ageInMonths, fastBreathingThreshold, formatAge, isFastBreathing } from './thresholds';
export type { Age, AgeBand, AgeUnit } from './thresholds';
export { COUNT_TOLERANCE, gradeBreathCount } from './grade';
export type { BreathAnswer, BreathFacts, BreathFeedback, Classification } from './grade';
export { MINUTE_SECONDS, breathLength, breathOnsets, chestExpansion, shownTime, within } from './schedule';
export type { BreathPlan, Interval } from './schedule';
