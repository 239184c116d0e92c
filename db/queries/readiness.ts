import 'server-only';
// The grouped rows `learnerReadiness` reads, for a population of learners: a cohort's active
// members (the dashboard, its CSV and the drill-down) or one learner (their own pages and the
// certificate rules). The same queries serve all of them, so the figures agree wherever they show.
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Catalog } from '@/lib/content/catalog';
import { type DomainId, domainIds, domainOf } from '@/lib/domain/readiness';
import type { Db } from '../client';
import { cohortMemberships, consultAttempts, lessonCompletions, quizAttempts } from '../schema';

/**
 * Whose rows to read: a cohort's active members (optionally one of them), the active members of
 * several cohorts, one learner, or a list of learners (those whose rollup rows are stale). With
 * `assessedSince` (a recertification), only quiz and consult attempts started from then count.
 */
export type Population =
  | { cohortId: string; userId?: string }
  | { cohortIds: readonly [string, ...string[]] }
  | { userId: string; assessedSince?: Date | null }
  | { userIds: readonly string[] };

/** The attempts that count: all of them, or those started since the population's date. */
function since(p: Population, alias: 'qa' | 'ca'): SQL {
  if (!('assessedSince' in p) || !p.assessedSince) return sql``;
  return sql` and ${sql.raw(alias)}.started_at >= ${p.assessedSince.toISOString()}::timestamptz`;
}

type ContentForReadiness = Pick<Catalog, 'modules' | 'quizzes'>;

const num = z.coerce.number();
const nullableNum = z.union([z.null(), z.coerce.number()]);
const bool = z.union([z.boolean(), z.null()]).transform((b) => b === true);
const domainSchema = z.enum(domainIds);
const rowsOf = <T extends z.ZodType>(schema: T, result: unknown): z.output<T>[] => z.object({ rows: z.array(schema) }).parse(result).rows;

const completionRow = z.object({ userId: z.string(), moduleSlug: z.string(), done: num });
const quizRow = z.object({ userId: z.string(), quizId: z.string(), attempts: num, open: bool, best: nullableNum });
const consultRow = z.object({ userId: z.string(), caseId: z.string(), attempts: num, graded: num, open: bool, passed: bool, best: nullableNum });
const domainRow = z.object({ userId: z.string(), domain: domainSchema, earned: num, possible: num, items: num });

/** The learners as a CTE `people(user_id)`: every query below starts from it and reaches their rows by (user_id, …) indexes. */
function people(p: Population): SQL {
  if ('cohortId' in p) {
    const one = p.userId === undefined ? sql`` : sql` and m.user_id = ${p.userId}`;
    return sql`people as (select m.user_id from ${cohortMemberships} m where m.cohort_id = ${p.cohortId} and m.left_at is null${one})`;
  }
  if ('cohortIds' in p) return sql`people as (select distinct m.user_id from ${cohortMemberships} m where m.cohort_id in ${p.cohortIds} and m.left_at is null)`;
  // Learners whose rollup rows are stale (distinct): one array parameter whatever their number,
  // whose length the planner sees (unnest), so a few learners are read by index, not by a scan.
  if ('userIds' in p) return sql`people as (select unnest(${`{${p.userIds.join(',')}}`}::uuid[]) as user_id)`;
  return sql`people as (select ${p.userId}::uuid as user_id)`;
}

/** The lessons each module holds in this build, for counting completions in the database. */
function currentLessons(catalog: ContentForReadiness): string {
  return JSON.stringify(Object.fromEntries(catalog.modules.map((m) => [m.slug, Object.fromEntries(m.lessons.map((l) => [l.slug, true]))])));
}

/** Each quiz question's domains, from its competency tags ("D4.1" → D4): { quiz: { question: [domains] } }. */
function questionDomains(catalog: ContentForReadiness): string {
  return JSON.stringify(
    Object.fromEntries(
      catalog.quizzes.map(({ def }) => [def.id, Object.fromEntries(def.questions.map((q) => [q.id, [...new Set(q.competencies.map(domainOf).filter((d): d is DomainId => d !== null))]]))]),
    ),
  );
}

async function completions(db: Db, p: Population, catalog: ContentForReadiness) {
  const result = await db.execute(sql`
    with ${people(p)}
    select lc.user_id as "userId", lc.module_slug as "moduleSlug", count(*) as done
    from people join ${lessonCompletions} lc on lc.user_id = people.user_id
    where jsonb_exists(${currentLessons(catalog)}::jsonb -> lc.module_slug, lc.lesson_slug)
    group by lc.user_id, lc.module_slug`);
  return rowsOf(completionRow, result);
}

async function quizzes(db: Db, p: Population) {
  const result = await db.execute(sql`
    with ${people(p)}
    select qa.user_id as "userId", qa.quiz_id as "quizId", count(*) as attempts, bool_or(qa.submitted_at is null) as open,
      max(qa.score) filter (where qa.submitted_at is not null) as best
    from people join ${quizAttempts} qa on qa.user_id = people.user_id${since(p, 'qa')}
    group by qa.user_id, qa.quiz_id`);
  return rowsOf(quizRow, result);
}

/** Per case: attempts, graded ones, an open one, a pass, and the best score (a pass's, else the best fail's). */
async function consults(db: Db, p: Population) {
  const result = await db.execute(sql`
    with ${people(p)}
    select ca.user_id as "userId", ca.case_id as "caseId", count(*) as attempts, count(*) filter (where ca.passed is not null) as graded,
      bool_or(ca.finished_at is null) as open, coalesce(bool_or(ca.passed), false) as passed,
      coalesce(max(ca.score) filter (where ca.passed), max(ca.score) filter (where ca.passed is not null)) as best
    from people join ${consultAttempts} ca on ca.user_id = people.user_id${since(p, 'ca')}
    group by ca.user_id, ca.case_id`);
  return rowsOf(consultRow, result);
}

/**
 * Quiz credit per learner and domain from the **best** submitted attempt at each quiz (highest
 * score, the earlier on a tie): a later, worse retake never lowers it. Attempts carry their sums
 * per domain (domain_credit); the few graded before that column existed are unpacked question by
 * question against the current tags.
 */
async function quizDomains(db: Db, p: Population, catalog: ContentForReadiness) {
  const result = await db.execute(sql`
    with ${people(p)}, best as (
      select distinct on (qa.user_id, qa.quiz_id) qa.user_id, qa.quiz_id, qa.domain_credit,
        case when qa.domain_credit is null then qa.grade->'questions' end as items
      from people join ${quizAttempts} qa on qa.user_id = people.user_id${since(p, 'qa')}
      where qa.submitted_at is not null and qa.grade is not null
      order by qa.user_id, qa.quiz_id, qa.score desc nulls last, qa.submitted_at asc
    ), tags as (select ${questionDomains(catalog)}::jsonb as map)
    select b.user_id as "userId", d.key as domain, sum((d.value->>'earned')::float8) as earned, sum((d.value->>'possible')::float8) as possible, sum((d.value->>'items')::float8) as items
    from best b
    cross join lateral jsonb_each(b.domain_credit) as d
    where b.domain_credit is not null
    group by b.user_id, d.key
    union all
    select b.user_id as "userId", dom.domain, sum((item->>'credit')::float8) as earned, count(*) as possible, count(*) as items
    from best b
    cross join tags
    cross join lateral jsonb_array_elements(b.items) as item
    cross join lateral jsonb_array_elements_text(tags.map -> b.quiz_id -> (item->>'questionId')) as dom(domain)
    where b.domain_credit is null
    group by b.user_id, dom.domain`);
  return rowsOf(domainRow, result);
}

/** Consult rubric points per learner and domain from the **best** graded attempt at each case (a pass first, then the higher score). */
async function consultDomains(db: Db, p: Population) {
  const result = await db.execute(sql`
    with ${people(p)}, best as (
      select distinct on (ca.user_id, ca.case_id) ca.user_id, ca.result->'domains' as domains
      from people join ${consultAttempts} ca on ca.user_id = people.user_id${since(p, 'ca')}
      where ca.passed is not null and ca.result is not null
      order by ca.user_id, ca.case_id, ca.passed desc, ca.score desc nulls last, ca.finished_at asc
    )
    select b.user_id as "userId", d.key as domain, sum((d.value->>'points')::float8) as earned, sum((d.value->>'max')::float8) as possible, count(*) as items
    from best b
    cross join lateral jsonb_each(b.domains) as d
    group by b.user_id, d.key`);
  return rowsOf(domainRow, result);
}

/** Every learner's rows in the population, each list grouped per learner and item (a fixed number of queries, whatever its size). */
export async function loadLearnerRows(db: Db, p: Population, catalog: ContentForReadiness) {
  const [completionRows, quizRows, consultRows, quizDomainRows, consultDomainRows] = await Promise.all([
    completions(db, p, catalog),
    quizzes(db, p),
    consults(db, p),
    quizDomains(db, p, catalog),
    consultDomains(db, p),
  ]);
  return { completions: completionRows, quizzes: quizRows, consults: consultRows, domains: [...quizDomainRows, ...consultDomainRows] };
}
