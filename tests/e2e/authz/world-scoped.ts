// The matrix's institution-scoped principals (table.ts scopedPrincipals) and the second institution
// whose data they must never see, made by the platform admin through the app's own actions.
import type { APIRequestContext } from '@playwright/test';
import type { ScopedPrincipal, World } from './table';
import { type Site, find, redirected, scopedAccounts, uuid } from './world';

/** The college's admin and viewer, and the admin-to-be of another institution, each signed up and (the first two) appointed. */
export async function scopedStaff(site: Site, admin: APIRequestContext, college: string): Promise<Record<ScopedPrincipal, APIRequestContext>> {
  const apis = {} as Record<ScopedPrincipal, APIRequestContext>;
  for (const [p, role] of [
    ['collegeAdmin', 'admin'],
    ['collegeViewer', 'viewer'],
    ['elsewhereAdmin', null],
  ] as const) {
    apis[p] = await site.signUp(scopedAccounts[p], `Matrix ${p}`);
    if (!role) continue;
    const res = await site.call(admin, `/institutions/${college}/staff`, 'app/(teach)/institutions/actions.ts#appointStaffAction', 'state', { institutionId: college, email: scopedAccounts[p].email, role });
    if (!(await res.text()).includes('Appointed')) throw new Error(`setup: appointing ${p} failed`);
  }
  return apis;
}

/** Another institution: the platform admin creates it and appoints its admin, who creates a cohort there. */
export async function elsewhereInstitution(site: Site, admin: APIRequestContext, elsewhereAdmin: APIRequestContext): Promise<World['elsewhere']> {
  const name = 'Matrix Elsewhere College';
  const to = await redirected(
    await site.call(admin, '/admin/institutions', 'app/(admin)/admin/institutions/actions.ts#createInstitutionAction', 'state', { name, shortName: 'MEC', country: 'Pakistan' }),
    `creating ${name}`,
  );
  const institution = find(to, new RegExp(`/institutions/(${uuid})`), name);
  const res = await site.call(admin, `/institutions/${institution}/staff`, 'app/(teach)/institutions/actions.ts#appointStaffAction', 'state', { institutionId: institution, email: scopedAccounts.elsewhereAdmin.email, role: 'admin' });
  if (!(await res.text()).includes('Appointed')) throw new Error('setup: appointing the other institution’s admin failed');
  const due = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
  const members = await redirected(
    await site.call(elsewhereAdmin, '/teach/cohorts', 'app/(teach)/teach/cohorts/actions.ts#createCohortAction', 'state', { name: 'Matrix elsewhere', institutionId: institution, programmeId: 'readiness-students', dueDate: due }),
    'creating the other institution’s cohort',
  );
  return { institution, cohort: find(members, new RegExp(`/teach/cohorts/(${uuid})/members`), 'the other institution’s cohort') };
}
