export { readinessGrace, readinessStatus } from './status';
export type { ReadinessStatus, StatusInput } from './status';
export { domainIds, domainOf, domainReadiness } from './domains';
export type { DomainEvidence, DomainId, DomainScore } from './domains';
