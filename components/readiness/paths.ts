import { institutionPaths } from '@/components/institutions/paths';

/** Where the readiness dashboards above a cohort and their exports live. */
export const readinessPaths = {
  institution: institutionPaths.readiness,
  institutionCsv: (id: string) => `${institutionPaths.readiness(id)}.csv`,
  national: '/admin/readiness',
  nationalCsv: '/admin/readiness.csv',
};
