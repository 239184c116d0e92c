import 'server-only';
import type { Db } from '@/db/client';
import { cohortReadiness } from '@/db/queries/cohort-readiness';
import type { Actor } from '@/db/queries/users';
import type { Catalog } from '@/lib/content/catalog';
import { rosterCsv } from '@/lib/domain/cohorts';

/** The roster with progress and scores as CSV (the same figures as the dashboard), with a file name, for staff who may see the cohort. */
export async function cohortExport(db: Db, actor: Actor, cohortId: string, catalog: Catalog, now: Date) {
  const r = await cohortReadiness(db, actor, cohortId, catalog, now, { errorLimit: 0 });
  const programme = catalog.programmes.find((p) => p.def.id === r.cohort.programmeId)!.def;
  const csv = rosterCsv(r.learners, {
    quizzes: programme.requirements.quizzes.map((q) => q.quiz),
    cases: [...programme.requirements.consults.required, ...(programme.requirements.consults.anyOf?.from ?? [])],
  });
  const filename = `${r.cohort.name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'cohort'}-${now.toISOString().slice(0, 10)}.csv`;
  return { csv, filename };
}
