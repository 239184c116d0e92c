export { cleanPasses, evaluateProgramme } from './evaluate';
export type { Evaluation, Evidence, Requirement } from './evaluate';
export { addMonths, certificateStatus, expiryDate, mayRecertify } from './validity';
export type { CertificateStatus } from './validity';
