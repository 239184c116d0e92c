import 'server-only';
import { and, asc, count, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Catalog } from '@/lib/content/catalog';
import { outline } from '@/lib/content/outline';
import { type CohortEvidenceRows, type CohortReadinessSummary, summarizeCohort } from '@/lib/domain/cohorts';
import { type DomainId, domainIds, domainOf } from '@/lib/domain/readiness';
import { AppError } from '@/lib/errors';
import type { Db } from '../client';
import { type Cohort, certificates, cohortMemberships, consultAttempts, lessonCompletions, quizAttempts, users } from '../schema';
import { activeMember, getCohortForStaff } from './cohorts';
import type { Actor } from './users';

// Every read below starts from the cohort's active memberships (cohort_memberships_cohort_idx)
// and reaches each learner's rows through their (user_id, …) indexes, grouped in the database:
// the number of queries is fixed, whatever the size of the cohort.

const domainSchema = z.enum(domainIds);
const num = z.coerce.number();
const domainRowSchema = z.object({ userId: z.string(), domain: domainSchema, earned: num, possible: num, items: num });
const errorRowSchema = z.object({ caseId: z.string(), id: z.string(), attempts: num, learners: num });
const rowsOf = <T extends z.ZodType>(schema: T, result: unknown): z.output<T>[] => z.object({ rows: z.array(schema) }).parse(result).rows;

type ContentForReadiness = Pick<Catalog, 'modules' | 'quizzes' | 'programmes'>;

/** The lessons each module holds in this build, for counting completions in the database. */
function currentLessons(catalog: ContentForReadiness): Record<string, Record<string, true>> {
  return Object.fromEntries(catalog.modules.map((m) => [m.slug, Object.fromEntries(m.lessons.map((l) => [l.slug, true as const]))]));
}

/** Each quiz question's domains, from its competency tags ("D4.1" → D4): { quiz: { question: [domains] } }. */
function questionDomains(catalog: ContentForReadiness): Record<string, Record<string, DomainId[]>> {
  return Object.fromEntries(
    catalog.quizzes.map(({ def }) => [def.id, Object.fromEntries(def.questions.map((q) => [q.id, [...new Set(q.competencies.map(domainOf).filter((d): d is DomainId => d !== null))]]))]),
  );
}

/** The cohort's active memberships, or one learner's among them (the drill-down). */
const member = (cohortId: string, userId?: string) => and(activeMember(cohortId), userId === undefined ? undefined : eq(cohortMemberships.userId, userId));
const onlyUser = (userId?: string) => (userId === undefined ? sql`` : sql` and m.user_id = ${userId}`);

/**
 * Quiz credit per learner and domain, from the latest submitted attempt at each quiz (a retake
 * replaces the earlier paper): every question counts 1 possible point and its credit. Attempts
 * carry their sums per domain (domain_credit); the few graded before that column existed are
 * unpacked question by question against the current tags.
 */
async function quizDomains(db: Db, cohortId: string, catalog: ContentForReadiness, userId?: string) {
  const result = await db.execute(sql`
    with latest as (
      select distinct on (qa.user_id, qa.quiz_id) qa.user_id, qa.quiz_id, qa.domain_credit,
        case when qa.domain_credit is null then qa.grade->'questions' end as items
      from ${cohortMemberships} m
      join ${quizAttempts} qa on qa.user_id = m.user_id
      where m.cohort_id = ${cohortId} and m.left_at is null${onlyUser(userId)} and qa.submitted_at is not null and qa.grade is not null
      order by qa.user_id, qa.quiz_id, qa.submitted_at desc
    ), tags as (select ${JSON.stringify(questionDomains(catalog))}::jsonb as map)
    select l.user_id as "userId", d.key as domain, sum((d.value->>'earned')::float8) as earned, sum((d.value->>'possible')::float8) as possible, sum((d.value->>'items')::float8) as items
    from latest l
    cross join lateral jsonb_each(l.domain_credit) as d
    where l.domain_credit is not null
    group by l.user_id, d.key
    union all
    select l.user_id as "userId", dom.domain, sum((item->>'credit')::float8) as earned, count(*) as possible, count(*) as items
    from latest l
    cross join tags
    cross join lateral jsonb_array_elements(l.items) as item
    cross join lateral jsonb_array_elements_text(tags.map -> l.quiz_id -> (item->>'questionId')) as dom(domain)
    where l.domain_credit is null
    group by l.user_id, dom.domain`);
  return rowsOf(domainRowSchema, result);
}

/** Consult rubric points per learner and domain, from the latest graded attempt at each case. */
async function consultDomains(db: Db, cohortId: string, userId?: string) {
  const result = await db.execute(sql`
    with latest as (
      select distinct on (ca.user_id, ca.case_id) ca.user_id, ca.result->'domains' as domains
      from ${cohortMemberships} m
      join ${consultAttempts} ca on ca.user_id = m.user_id
      where m.cohort_id = ${cohortId} and m.left_at is null${onlyUser(userId)} and ca.finished_at is not null and ca.result is not null
      order by ca.user_id, ca.case_id, ca.finished_at desc
    )
    select l.user_id as "userId", d.key as domain, sum((d.value->>'points')::float8) as earned, sum((d.value->>'max')::float8) as possible, count(*) as items
    from latest l
    cross join lateral jsonb_each(l.domains) as d
    group by l.user_id, d.key`);
  return rowsOf(domainRowSchema, result);
}

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
  const inCohort = member(cohort.id, userId);
  const [members, completions, quizzes, consults, certified, quizDomainRows, consultDomainRows] = await Promise.all([
    db
      .select({ userId: users.id, name: users.name, email: users.email, joinedAt: cohortMemberships.joinedAt })
      .from(cohortMemberships)
      .innerJoin(users, eq(users.id, cohortMemberships.userId))
      .where(inCohort)
      .orderBy(asc(users.name), asc(users.email)),
    // Only lessons the modules still hold count: { module: { lesson: true } } from this build's content.
    db
      .select({ userId: lessonCompletions.userId, moduleSlug: lessonCompletions.moduleSlug, done: count() })
      .from(cohortMemberships)
      .innerJoin(lessonCompletions, eq(lessonCompletions.userId, cohortMemberships.userId))
      .where(and(inCohort, sql`jsonb_exists(${JSON.stringify(currentLessons(catalog))}::jsonb -> ${lessonCompletions.moduleSlug}, ${lessonCompletions.lessonSlug})`))
      .groupBy(lessonCompletions.userId, lessonCompletions.moduleSlug),
    db
      .select({
        userId: quizAttempts.userId,
        quizId: quizAttempts.quizId,
        attempts: count(),
        best: sql<number | null>`max(${quizAttempts.score}) filter (where ${quizAttempts.submittedAt} is not null)`.mapWith(Number),
      })
      .from(cohortMemberships)
      .innerJoin(quizAttempts, eq(quizAttempts.userId, cohortMemberships.userId))
      .where(inCohort)
      .groupBy(quizAttempts.userId, quizAttempts.quizId),
    db
      .select({
        userId: consultAttempts.userId,
        caseId: consultAttempts.caseId,
        attempts: count(),
        // A pass counts only without a critical error, as for certificates.
        cleanPass: sql<boolean>`coalesce(bool_or(${consultAttempts.passed} and coalesce(jsonb_array_length(${consultAttempts.criticalErrors}), 0) = 0), false)`,
      })
      .from(cohortMemberships)
      .innerJoin(consultAttempts, eq(consultAttempts.userId, cohortMemberships.userId))
      .where(inCohort)
      .groupBy(consultAttempts.userId, consultAttempts.caseId),
    db
      .selectDistinct({ userId: certificates.userId })
      .from(cohortMemberships)
      .innerJoin(certificates, eq(certificates.userId, cohortMemberships.userId))
      .where(
        and(inCohort, eq(certificates.programmeId, cohort.programmeId), isNull(certificates.revokedAt), lte(certificates.issuedAt, now), gt(certificates.expiresAt, now)),
      ),
    quizDomains(db, cohort.id, catalog, userId),
    consultDomains(db, cohort.id, userId),
  ]);
  return {
    members,
    completions,
    quizzes,
    consults,
    certified,
    domains: [...quizDomainRows, ...consultDomainRows],
  };
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

function summarize(cohort: Cohort, catalog: ContentForReadiness, rows: CohortEvidenceRows, now: Date) {
  const programme = catalog.programmes.find((p) => p.def.id === cohort.programmeId)?.def;
  if (!programme) throw new AppError('not_found', `programme ${cohort.programmeId} of cohort ${cohort.id}`);
  const passMarks = new Map(catalog.quizzes.map((q) => [q.def.id, q.def.passMark]));
  return summarizeCohort({ programme, modules: catalog.modules.map(outline), passMarks, start: cohort.createdAt, dueDate: cohort.dueDate }, rows, now);
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
// still checked on every call), and any change of membership forgets the cohort's summary.
const SUMMARY_TTL_MS = 60_000;
const summaries = new Map<string, { at: number; value: Promise<CohortReadiness> }>();

/**
 * `cohortReadiness`, reusing a summary computed less than a minute ago for the same cohort. The
 * caller shows `computedAt`. Access is checked first, every time.
 */
export async function recentCohortReadiness(db: Db, actor: Actor, cohortId: string, catalog: ContentForReadiness, now: Date = new Date()): Promise<CohortReadiness & { computedAt: Date }> {
  const cohort = await getCohortForStaff(db, actor, cohortId);
  const kept = summaries.get(cohortId);
  if (kept && now.getTime() - kept.at < SUMMARY_TTL_MS) return { ...(await kept.value), computedAt: new Date(kept.at) };
  const value = readinessOf(db, cohort, catalog, now, 10);
  summaries.set(cohortId, { at: now.getTime(), value });
  for (const [id, entry] of summaries) if (now.getTime() - entry.at >= SUMMARY_TTL_MS) summaries.delete(id);
  try {
    return { ...(await value), computedAt: now };
  } catch (error) {
    summaries.delete(cohortId);
    throw error;
  }
}

/** Drops a cohort's kept summary (after a member joins, leaves or is removed, or a roster import). */
export function forgetCohortReadiness(cohortId: string): void {
  summaries.delete(cohortId);
}
