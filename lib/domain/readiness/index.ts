export { readinessGrace, readinessStatus } from './status';
export type { ReadinessStatus, StatusInput } from './status';
export { domainIds, domainOf, domainReadiness, quizDomainCredit } from './domains';
export type { DomainCredit, DomainEvidence, DomainId, DomainScore } from './domains';
export { evidenceOf, learnerReadiness } from './learner';
export type { LearnerProgramme, LearnerRows, ProgrammeFrame } from './learner';
