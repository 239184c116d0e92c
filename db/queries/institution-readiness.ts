import 'server-only';
// Readiness at the two levels above a cohort: an institution (its cohorts side by side) for its
// staff, and the platform (institutions side by side) for platform admins. Every row is the sum of
// the cohort rows below it (lib/domain/readiness rollUp), each worked out by the cohort's own rules.
import { type SQL, and, asc, eq, isNull, sql } from 'drizzle-orm';
import { type ReadinessRollup, rollUp, trendMonths } from '@/lib/domain/readiness';
import { AppError } from '@/lib/errors';
import type { Db } from '../client';
import { cohorts, institutions } from '../schema';
import type { ContentForReadiness } from './cohort-readiness';
import { cohortRollups } from './cohort-rollups';
import { runByActor } from './cohorts';
import { institutionFor } from './institutions';
import type { Actor } from './users';

export type ReadinessCohortRow = {
  cohort: { id: string; name: string; institutionId: string; programmeId: string; dueDate: Date; closedAt: Date | null };
  /** Whether the acting person runs this cohort (and so may open its dashboard, with learners' names). */
  runs: boolean;
  rollup: ReadinessRollup;
};

export type InstitutionReadiness = {
  institution: Awaited<ReturnType<typeof institutionFor>>;
  cohorts: ReadinessCohortRow[];
  /** The sum of the cohort rows. */
  total: ReadinessRollup;
  months: string[];
  computedAt: Date;
};

/** The cohorts of one institution (or of every institution), with whether the actor runs each; one query. */
function cohortsWhere(db: Db, actor: Actor, where: SQL | undefined) {
  const runs = runByActor(actor);
  return db
    .select({
      id: cohorts.id,
      name: cohorts.name,
      institutionId: cohorts.institutionId,
      programmeId: cohorts.programmeId,
      createdAt: cohorts.createdAt,
      dueDate: cohorts.dueDate,
      closedAt: cohorts.closedAt,
      runs: runs ? sql<boolean>`(${runs})` : sql<boolean>`true`,
    })
    .from(cohorts)
    .innerJoin(institutions, eq(institutions.id, cohorts.institutionId))
    .where(and(isNull(institutions.mergedInto), where))
    .orderBy(asc(cohorts.dueDate), asc(cohorts.name), asc(cohorts.id));
}

type Listed = Awaited<ReturnType<typeof cohortsWhere>>[number];

async function rowsOf(db: Db, list: Listed[], catalog: ContentForReadiness, now: Date): Promise<ReadinessCohortRow[]> {
  const rows = await cohortRollups(db, list, catalog, now);
  return list.map(({ createdAt: _c, runs, ...cohort }): ReadinessCohortRow => ({ cohort, runs: runs === true, rollup: rows.get(cohort.id)! }));
}

/**
 * An institution's readiness dashboard for someone who may read it (its admins, instructors and
 * viewers, and platform admins; anyone else gets not_found): each cohort's row and their total.
 */
export async function institutionReadiness(db: Db, actor: Actor, institutionId: string, catalog: ContentForReadiness, now: Date = new Date()): Promise<InstitutionReadiness> {
  const institution = await institutionFor(db, actor, institutionId, 'read-dashboard');
  const list = await cohortsWhere(db, actor, eq(cohorts.institutionId, institution.id));
  const rows = await rowsOf(db, list, catalog, now);
  return { institution, cohorts: rows, total: rollUp(rows.map((r) => r.rollup), now), months: trendMonths(now), computedAt: now };
}

export type PlatformInstitutionRow = { institution: { id: string; name: string; shortName: string | null; country: string | null; province: string | null }; cohorts: number; rollup: ReadinessRollup };

export type PlatformReadiness = { institutions: PlatformInstitutionRow[]; total: ReadinessRollup; months: string[]; computedAt: Date };

/**
 * The national view for platform admins (anyone else: forbidden): every institution's row (the sum
 * of its cohorts' rows, as on its own dashboard) and the platform's total (the sum of those).
 */
export async function platformReadiness(db: Db, actor: Actor, catalog: ContentForReadiness, now: Date = new Date()): Promise<PlatformReadiness> {
  if (actor.role !== 'admin') throw new AppError('forbidden', `platformReadiness for ${actor.id}`);
  const [list, all] = await Promise.all([
    cohortsWhere(db, actor, undefined),
    db
      .select({ id: institutions.id, name: institutions.name, shortName: institutions.shortName, country: institutions.country, province: institutions.province })
      .from(institutions)
      .where(isNull(institutions.mergedInto))
      .orderBy(asc(institutions.name)),
  ]);
  const rows = await rowsOf(db, list, catalog, now);
  const byInstitution = new Map<string, ReadinessRollup[]>();
  for (const r of rows) {
    const list = byInstitution.get(r.cohort.institutionId);
    if (list) list.push(r.rollup);
    else byInstitution.set(r.cohort.institutionId, [r.rollup]);
  }
  const institutionRows = all.map((institution) => {
    const mine = byInstitution.get(institution.id) ?? [];
    return { institution, cohorts: mine.length, rollup: rollUp(mine, now) };
  });
  return { institutions: institutionRows, total: rollUp(institutionRows.map((r) => r.rollup), now), months: trendMonths(now), computedAt: now };
}
