import 'server-only';
import type { CaseVersion } from '@/db/queries/consults';
import { getCatalog } from '@/lib/content';

/** A case of this build by id (the version the attempt queries play against), or undefined. */
export async function findCase(caseId: string): Promise<CaseVersion | undefined> {
  const found = (await getCatalog()).cases.find((c) => c.def.id === caseId);
  return found ? { def: found.def, hash: found.hash } : undefined;
}

/** Where each screen of a case lives. */
export const casePaths = {
  library: '/consults',
  brief: (caseId: string) => `/consults/${caseId}`,
  room: (caseId: string) => `/consults/${caseId}/room`,
  debrief: (caseId: string, attemptId: string) => `/consults/${caseId}/debrief/${attemptId}`,
};
