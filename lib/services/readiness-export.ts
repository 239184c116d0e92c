import 'server-only';
import type { Db } from '@/db/client';
import type { ContentForReadiness } from '@/db/queries/cohort-readiness';
import { institutionReadiness, platformReadiness } from '@/db/queries/institution-readiness';
import type { Actor } from '@/db/queries/users';
import { rollupCsv } from '@/lib/domain/cohorts';

const slug = (name: string) => name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
const day = (d: Date) => d.toISOString().slice(0, 10);

/** An institution's dashboard as CSV (its cohorts, then the institution's total), for those who may read it. */
export async function institutionReadinessCsv(db: Db, actor: Actor, institutionId: string, catalog: ContentForReadiness, now: Date) {
  const r = await institutionReadiness(db, actor, institutionId, catalog, now);
  const title = (id: string) => catalog.programmes.find((p) => p.def.id === id)?.def.title ?? id;
  const csv = rollupCsv(
    ['level', 'cohort', 'programme', 'due_date'],
    [...r.cohorts.map((c) => ({ labels: ['cohort', c.cohort.name, title(c.cohort.programmeId), day(c.cohort.dueDate)], rollup: c.rollup })), { labels: ['institution', r.institution.name, null, null], rollup: r.total }],
    r.months,
  );
  return { csv, filename: `readiness-${slug(r.institution.shortName ?? r.institution.name) || 'institution'}-${day(now)}.csv` };
}

/** The national view as CSV (every institution, then the platform's total), for platform admins. */
export async function platformReadinessCsv(db: Db, actor: Actor, catalog: ContentForReadiness, now: Date) {
  const r = await platformReadiness(db, actor, catalog, now);
  const csv = rollupCsv(
    ['level', 'institution', 'short_name', 'province', 'cohorts'],
    [
      ...r.institutions.map((i) => ({ labels: ['institution', i.institution.name, i.institution.shortName, i.institution.province, i.cohorts], rollup: i.rollup })),
      { labels: ['platform', 'All institutions', null, null, r.institutions.reduce((s, i) => s + i.cohorts, 0)], rollup: r.total },
    ],
    r.months,
  );
  return { csv, filename: `readiness-national-${day(now)}.csv` };
}
