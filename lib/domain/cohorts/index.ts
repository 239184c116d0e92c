export { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, formatJoinCode, joinCodeFromBytes, normalizeJoinCode } from './join-code';
export { ROSTER_MAX_ROWS, parseRoster } from './roster';
export type { RosterError, RosterParse, RosterRow } from './roster';
export { summarizeCohort } from './readiness';
export type { CohortEvidenceRows, CohortFrame, CohortReadinessSummary, LearnerReadiness } from './readiness';
export { DASHBOARD_PAGE_SIZE, domainAverages, learnerPage } from './dashboard';
export type { DomainAverage } from './dashboard';
export { csvCell, rosterCsv } from './export';
export type { ExportColumns } from './export';
