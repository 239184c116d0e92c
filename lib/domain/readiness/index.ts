export { readinessGrace, readinessStatus, statusRule, statusUnder } from './status';
export type { ReadinessStatus, StatusInput, StatusRule } from './status';
export { domainIds, domainOf, domainReadiness, quizDomainCredit } from './domains';
export type { DomainCredit, DomainEvidence, DomainId, DomainScore } from './domains';
export { evidenceOf, learnerReadiness } from './learner';
export type { LearnerProgramme, LearnerRows, ProgrammeFrame } from './learner';
export { TREND_MONTHS, cohortRollup, domainMean, domainSums, emptyTrend, learnerSums, monthOf, readinessStatuses, rollUp, trendMonths } from './rollup';
export type { DomainSum, LearnerSums, ReadinessRollup, RolledLearner, StatusCounts, TrendMonth } from './rollup';
