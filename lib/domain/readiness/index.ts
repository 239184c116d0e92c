export { readinessGrace, readinessStatus } from './status';
export type { ReadinessStatus, StatusInput } from './status';
export { domainIds, domainOf, domainReadiness, quizDomainCredit } from './domains';
export type { DomainCredit, DomainEvidence, DomainId, DomainScore } from './domains';
