export { caseState, evaluateProgramme, evidenceFromAttempts, quizState } from './evaluate';
export type { AttemptFact, CaseEvidence, CaseOutcome, Evaluation, Evidence, ItemState, QuizEvidence, Requirement } from './evaluate';
export { addMonths, certificateStatus, expiryDate, nextCertificate } from './validity';
export type { CertificateStatus, IssueDecision } from './validity';
