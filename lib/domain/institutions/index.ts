export { institutionRoles, institutionsWhere, mayAppoint, mayAt, runsCohort } from './access';
export type { InstitutionAct, InstitutionRole, StaffScope } from './access';
export { emailDomainOf, nameKey, nearDuplicate, nearDuplicatePairs } from './names';
