import 'server-only';
import { and, asc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Catalog } from '@/lib/content/catalog';
import { outline } from '@/lib/content/outline';
import { type CohortEvidenceRows, type CohortFrame, type CohortReadinessSummary, summarizeCohort } from '@/lib/domain/cohorts';
import { AppError } from '@/lib/errors';
import type { Db } from '../client';
import { type Cohort, certificates, cohortMemberships, consultAttempts, users } from '../schema';
import { activeMember, getCohortForStaff } from './cohorts';
import { loadLearnerRows } from './readiness';
import type { Actor } from './users';

const num = z.coerce.number();
const errorRowSchema = z.object({ caseId: z.string(), id: z.string(), attempts: num, learners: num });
const rowsOf = <T extends z.ZodType>(schema: T, result: unknown): z.output<T>[] => z.object({ rows: z.array(schema) }).parse(result).rows;

export type ContentForReadiness = Pick<Catalog, 'modules' | 'quizzes' | 'programmes'>;

/** The critical errors (by case, as ids repeat across cases) committed in the cohort's finished consults, most widespread first. */
async function commonCriticalErrors(db: Db, cohortId: string, limit: number) {
  const result = await db.execute(sql`
    select ca.case_id as "caseId", e.id, count(*) as attempts, count(distinct ca.user_id) as learners
    from ${cohortMemberships} m
    join ${consultAttempts} ca on ca.user_id = m.user_id
    cross join lateral jsonb_array_elements_text(ca.critical_errors) as e(id)
    where m.cohort_id = ${cohortId} and m.left_at is null and ca.finished_at is not null
    group by ca.case_id, e.id
    order by learners desc, attempts desc, ca.case_id, e.id
    limit ${limit}`);
  return rowsOf(errorRowSchema, result);
}

/** The cohort's evidence, grouped per learner in a fixed number of queries. */
async function loadCohortEvidence(db: Db, cohort: Cohort, catalog: ContentForReadiness, now: Date, userId?: string): Promise<CohortEvidenceRows> {
  const inCohort = and(activeMember(cohort.id), userId === undefined ? undefined : eq(cohortMemberships.userId, userId));
  const [members, certified, rows] = await Promise.all([
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
    loadLearnerRows(db, { cohortId: cohort.id, userId }, catalog),
  ]);
  return { members, certified, ...rows };
}

export type CohortReadiness = CohortReadinessSummary & {
  cohort: Cohort;
  criticalErrors: { caseId: string; id: string; attempts: number; learners: number }[];
};

/**
 * The readiness dashboard's data for one cohort the acting instructor may see (owner or admin;
 * anyone else gets not_found): each active member's status, progress and domain scores, the
 * counts by status, module completion, and the most common critical errors.
 */
export async function cohortReadiness(db: Db, actor: Actor, cohortId: string, catalog: ContentForReadiness, now: Date, opts: { errorLimit?: number } = {}): Promise<CohortReadiness> {
  return readinessOf(db, await getCohortForStaff(db, actor, cohortId), catalog, now, opts.errorLimit ?? 10);
}

/** The readiness of a cohort whose access has been checked. */
async function readinessOf(db: Db, cohort: Cohort, catalog: ContentForReadiness, now: Date, errorLimit: number): Promise<CohortReadiness> {
  const [rows, criticalErrors] = await Promise.all([loadCohortEvidence(db, cohort, catalog, now), commonCriticalErrors(db, cohort.id, errorLimit)]);
  return { ...summarize(cohort, catalog, rows, now), cohort, criticalErrors };
}

/** What `summarizeCohort` needs to know of a cohort: its programme's rules, its start and due date. */
export function cohortFrame(cohort: Pick<Cohort, 'id' | 'programmeId' | 'createdAt' | 'dueDate'>, catalog: ContentForReadiness): CohortFrame {
  const programme = catalog.programmes.find((p) => p.def.id === cohort.programmeId)?.def;
  if (!programme) throw new AppError('not_found', `programme ${cohort.programmeId} of cohort ${cohort.id}`);
  const passMarks = new Map(catalog.quizzes.map((q) => [q.def.id, q.def.passMark]));
  return { programme, modules: catalog.modules.map(outline), passMarks, start: cohort.createdAt, dueDate: cohort.dueDate };
}

function summarize(cohort: Cohort, catalog: ContentForReadiness, rows: CohortEvidenceRows, now: Date) {
  return summarizeCohort(cohortFrame(cohort, catalog), rows, now);
}

/**
 * One active member's readiness in a cohort the acting instructor may see (the dashboard's
 * drill-down), by the same rules and queries narrowed to that learner. A learner who is not (or
 * no longer) a member is not_found: the cohort sees nothing of them.
 */
export async function cohortLearner(db: Db, actor: Actor, cohortId: string, userId: string, catalog: ContentForReadiness, now: Date) {
  const cohort = await getCohortForStaff(db, actor, cohortId);
  if (!z.uuid().safeParse(userId).success) throw new AppError('not_found', `learner ${userId}`);
  const rows = await loadCohortEvidence(db, cohort, catalog, now, userId);
  const learner = summarize(cohort, catalog, rows, now).learners[0];
  if (!learner) throw new AppError('not_found', `learner ${userId} in cohort ${cohortId}`);
  return { cohort, learner };
}

// The dashboard of a large cohort is paged 50 learners at a time; recomputing 5,000 learners for
// every page turn would be wasted work. Summaries are kept for a minute per cohort (access is
// still checked on every call). A change of membership bumps the cohort's `membership_version`
// (the event path does it), which every server instance sees on its next read, so none serves a
// summary from before the change.
const SUMMARY_TTL_MS = 60_000;
const summaries = new Map<string, { at: number; version: number; value: Promise<CohortReadiness> }>();

/**
 * `cohortReadiness`, reusing a summary computed less than a minute ago for the same cohort and
 * membership. The caller shows `computedAt`. Access is checked first, every time.
 */
export async function recentCohortReadiness(db: Db, actor: Actor, cohortId: string, catalog: ContentForReadiness, now: Date = new Date()): Promise<CohortReadiness & { computedAt: Date }> {
  const cohort = await getCohortForStaff(db, actor, cohortId);
  const kept = summaries.get(cohortId);
  if (kept && kept.version === cohort.membershipVersion && now.getTime() - kept.at < SUMMARY_TTL_MS) return { ...(await kept.value), computedAt: new Date(kept.at) };
  const value = readinessOf(db, cohort, catalog, now, 10);
  summaries.set(cohortId, { at: now.getTime(), version: cohort.membershipVersion, value });
  for (const [id, entry] of summaries) if (now.getTime() - entry.at >= SUMMARY_TTL_MS) summaries.delete(id);
  try {
    return { ...(await value), computedAt: now };
  } catch (error) {
    summaries.delete(cohortId);
    throw error;
  }
}
