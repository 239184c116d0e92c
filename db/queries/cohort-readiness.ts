import 'server-only';
import { and, asc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type CohortFrame, type CohortReadinessSummary, summarizeMembers } from '@/lib/domain/cohorts';
import { AppError } from '@/lib/errors';
import type { Db } from '../client';
import { type Cohort, certificates, cohortMemberships, consultAttempts, users } from '../schema';
import { activeMember, getCohortForStaff } from './cohorts';
import { type ContentForReadiness, type FiguresView, figuresKey, membersReadiness, programmeFrameOf } from './readiness-rollup';
import type { Actor } from './users';

const num = z.coerce.number();
const errorRowSchema = z.object({ caseId: z.string(), id: z.string(), attempts: num, learners: num });
const rowsOf = <T extends z.ZodType>(schema: T, result: unknown): z.output<T>[] => z.object({ rows: z.array(schema) }).parse(result).rows;

export type { ContentForReadiness };

/** The critical errors (by case, as ids repeat across cases) committed in the cohort's finished consults, most widespread first. */
async function commonCriticalErrors(db: Db, cohortId: string, limit: number) {
  const result = await db.execute(sql`
    select ca.case_id as "caseId", e.id, count(*) as attempts, count(distinct ca.user_id) as learners
    from ${cohortMemberships} m
    join ${consultAttempts} ca on ca.user_id = m.user_id
    cross join lateral jsonb_array_elements_text(ca.critical_errors) as e(id)
    where m.cohort_id = ${cohortId} and m.left_at is null and ca.finished_at is not null and jsonb_array_length(ca.critical_errors) > 0
    group by ca.case_id, e.id
    order by learners desc, attempts desc, ca.case_id, e.id
    limit ${limit}`);
  return rowsOf(errorRowSchema, result);
}

/**
 * The cohort's active members (optionally one) with their names and their figures from the
 * readiness rollup (stale rows recomputed first), and which of them hold a valid certificate.
 */
async function loadCohortMembers(db: Db, cohort: Cohort, catalog: ContentForReadiness, now: Date, view: FiguresView, userId?: string) {
  const inCohort = and(activeMember(cohort.id), userId === undefined ? undefined : eq(cohortMemberships.userId, userId));
  const [members, certified, { figures }] = await Promise.all([
    db
      .select({ userId: users.id, name: users.name, email: users.email, studentId: cohortMemberships.studentId, joinedAt: cohortMemberships.joinedAt })
      .from(cohortMemberships)
      .innerJoin(users, eq(users.id, cohortMemberships.userId))
      .where(inCohort)
      .orderBy(asc(users.name), asc(users.email)),
    db
      .selectDistinct({ userId: certificates.userId })
      .from(cohortMemberships)
      .innerJoin(certificates, eq(certificates.userId, cohortMemberships.userId))
      .where(
        and(inCohort, eq(certificates.programmeId, cohort.programmeId), isNull(certificates.revokedAt), lte(certificates.issuedAt, now), gt(certificates.expiresAt, now)),
      ),
    membersReadiness(db, [cohort], catalog, { userId, view }),
  ]);
  const figuresOf = (id: string) => figures.get(figuresKey(id, cohort.programmeId));
  return summarizeMembers(cohortFrame(cohort, catalog), members, figuresOf, new Set(certified.map((c) => c.userId)), now);
}

export type CohortReadiness = CohortReadinessSummary & {
  cohort: Cohort;
  /** When the figures were read: they include every write acknowledged before then. */
  computedAt: Date;
  criticalErrors: { caseId: string; id: string; attempts: number; learners: number }[];
};

/**
 * The readiness dashboard's data for one cohort the acting instructor may see (owner or admin;
 * anyone else gets not_found): each active member's status, progress and domain scores, the
 * counts by status, module completion, and the most common critical errors. With `requirements:
 * false` (the page, which shows none) the learners' requirement lists are left empty and not read.
 */
export async function cohortReadiness(
  db: Db,
  actor: Actor,
  cohortId: string,
  catalog: ContentForReadiness,
  now: Date,
  opts: { errorLimit?: number; requirements?: boolean } = {},
): Promise<CohortReadiness> {
  return readinessOf(db, await getCohortForStaff(db, actor, cohortId), catalog, now, opts.errorLimit ?? 10, opts.requirements === false ? 'dashboard' : 'full');
}

/** The readiness of a cohort whose access has been checked. */
async function readinessOf(db: Db, cohort: Cohort, catalog: ContentForReadiness, now: Date, errorLimit: number, view: FiguresView): Promise<CohortReadiness> {
  const [summary, criticalErrors] = await Promise.all([loadCohortMembers(db, cohort, catalog, now, view), errorLimit > 0 ? commonCriticalErrors(db, cohort.id, errorLimit) : []]);
  return { ...summary, cohort, criticalErrors, computedAt: now };
}

/** What `summarizeCohort` needs to know of a cohort: its programme's rules, its start and due date. */
export function cohortFrame(cohort: Pick<Cohort, 'id' | 'programmeId' | 'createdAt' | 'dueDate'>, catalog: ContentForReadiness): CohortFrame {
  const frame = programmeFrameOf(catalog, cohort.programmeId);
  if (!frame) throw new AppError('not_found', `programme ${cohort.programmeId} of cohort ${cohort.id}`);
  return { ...frame, start: cohort.createdAt, dueDate: cohort.dueDate };
}

/**
 * One active member's readiness in a cohort the acting instructor may see (the dashboard's
 * drill-down), by the same rules and queries narrowed to that learner. A learner who is not (or
 * no longer) a member is not_found: the cohort sees nothing of them.
 */
export async function cohortLearner(db: Db, actor: Actor, cohortId: string, userId: string, catalog: ContentForReadiness, now: Date) {
  const cohort = await getCohortForStaff(db, actor, cohortId);
  if (!z.uuid().safeParse(userId).success) throw new AppError('not_found', `learner ${userId}`);
  const learner = (await loadCohortMembers(db, cohort, catalog, now, 'full', userId)).learners[0];
  if (!learner) throw new AppError('not_found', `learner ${userId} in cohort ${cohortId}`);
  return { cohort, learner };
}
