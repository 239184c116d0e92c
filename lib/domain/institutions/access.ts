// Who may do what at an institution. Pure: the queries load the acting person's platform role and
// their roles at institutions, ask here, and keep the same rule in their WHERE clauses.
import type { Role } from '../roles';

export const institutionRoles = ['admin', 'instructor', 'viewer'] as const;
export type InstitutionRole = (typeof institutionRoles)[number];

/** The acting person as the rules see them: their platform role and their role at each institution. */
export type StaffScope = { platformRole: Role; at: ReadonlyMap<string, InstitutionRole> };

export type InstitutionAct =
  /** Appoint, change and remove its staff. */
  | 'manage-staff'
  /** Edit its name, logo, signatory and other settings. */
  | 'edit-settings'
  /** Create a cohort in it (the creator runs the cohort). */
  | 'create-cohort'
  /** Run every cohort of it (its admins), not only those one owns or co-teaches. */
  | 'run-any-cohort'
  /** Read its dashboard and export its figures. */
  | 'read-dashboard';

const allowed: Record<InstitutionRole, readonly InstitutionAct[]> = {
  admin: ['manage-staff', 'edit-settings', 'create-cohort', 'run-any-cohort', 'read-dashboard'],
  instructor: ['create-cohort', 'read-dashboard'],
  viewer: ['read-dashboard'],
};

/** Platform admins keep every power at every institution; anyone else has only what their role there gives. */
export function mayAt(scope: StaffScope, institutionId: string, act: InstitutionAct): boolean {
  if (scope.platformRole === 'admin') return true;
  const role = scope.at.get(institutionId);
  return role !== undefined && allowed[role].includes(act);
}

/** The institutions where the person may do `act` (all of them for a platform admin: `'all'`). */
export function institutionsWhere(scope: StaffScope, act: InstitutionAct): 'all' | string[] {
  if (scope.platformRole === 'admin') return 'all';
  return [...scope.at].filter(([, role]) => allowed[role].includes(act)).map(([id]) => id);
}

/**
 * Whether the person runs a cohort: a platform admin, an admin of its institution, or its owner or
 * a co-teacher who is still an instructor (or admin) there. Leaving the institution's staff ends
 * access to its cohorts, even one's own.
 */
export function runsCohort(scope: StaffScope, cohort: { institutionId: string; ownerId: string }, userId: string, coTeaches: boolean): boolean {
  if (mayAt(scope, cohort.institutionId, 'run-any-cohort')) return true;
  const role = scope.at.get(cohort.institutionId);
  return (role === 'instructor' || role === 'admin') && (cohort.ownerId === userId || coTeaches);
}

/**
 * Whether an appointment may be made by this person: institution admins appoint any role at their
 * own institution; only a platform admin appoints at an institution where nobody is admin yet.
 */
export function mayAppoint(scope: StaffScope, institutionId: string): boolean {
  return mayAt(scope, institutionId, 'manage-staff');
}
