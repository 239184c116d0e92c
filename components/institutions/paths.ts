/** Where each institution screen lives. */
export const institutionPaths = {
  list: '/institutions',
  overview: (id: string) => `/institutions/${id}`,
  staff: (id: string) => `/institutions/${id}/staff`,
  settings: (id: string) => `/institutions/${id}/settings`,
  lrs: (id: string) => `/institutions/${id}/lrs`,
  readiness: (id: string) => `/institutions/${id}/readiness`,
  lms: (id: string) => `/institutions/${id}/lms`,
  logo: (id: string, version: string) => `/institutions/${id}/logo?v=${encodeURIComponent(version)}`,
  admin: '/admin/institutions',
};

export const institutionRoleLabels = { admin: 'Institution admin', instructor: 'Instructor', viewer: 'Viewer (reads dashboards)' } as const;

/** The roles at an institution, for a select. */
export const staffRoleOptions = Object.entries(institutionRoleLabels).map(([value, label]) => ({ value, label }));
