/** Where the readiness dashboards above a cohort live. */
export const readinessPaths = {
  institution: (id: string) => `/institutions/${id}`,
  institutionReadiness: (id: string) => `/institutions/${id}/readiness`,
  institutionCsv: (id: string) => `/institutions/${id}/readiness.csv`,
  national: '/admin/readiness',
  nationalCsv: '/admin/readiness.csv',
};
