import 'server-only';
// Many cohorts' readiness rows summed in the database, in one statement: per cohort, its members
// whose rollup row is current counted by status (by each cohort's `statusRule`, the calendar half of
// `readinessStatus`) and their domain percents summed; per month, the members who joined and the
// certificates issued; and the members whose row is missing or stale, listed for the caller to
// recompute and add (cohort-rollups.ts). One statement reads one snapshot, so a row that turns
// current while it runs is either summed or listed, never both; and what is summed is only what a
// current row holds, so a replica a moment behind the primary still gives exact figures.
import { type SQL, sql } from 'drizzle-orm';
import { type DomainSum, type LearnerSums, type StatusRule, type TrendMonth, domainIds, emptyTrend, trendMonths } from '@/lib/domain/readiness';
import type { Db } from '../client';
import { certificates, cohortMemberships, cohorts, readinessChanges, readinessRollup } from '../schema';
import { anyRows, bad, numberOrNull, text } from './readiness-figures';
import { type ContentForReadiness, currentRow } from './readiness-rollup';

/** A member whose figures the database could not sum: their row is missing or stale. */
export type UnsummedMember = { userId: string; seq: number; certified: boolean; joinedAt: Date };

/** One cohort's figures as the database summed them. */
export type CohortSums = { summed: LearnerSums; trend: TrendMonth[]; unsummed: UnsummedMember[] };

const statuses = ['ready', 'on-track', 'behind', 'not-started'] as const;

function emptySums(now: Date): CohortSums {
  return {
    summed: { learners: 0, counts: { ready: 0, 'on-track': 0, behind: 0, 'not-started': 0 }, domains: domainIds.map((domain) => ({ domain, total: 0, assessed: 0 })) },
    trend: emptyTrend(now),
    unsummed: [],
  };
}

const figure = (list: readonly unknown[], i: number) => numberOrNull(list[i] ?? null, 'figures') ?? 0;

/**
 * Each cohort's sums (every cohort of `rules` has an entry), from the active members of those
 * cohorts. `rules` gives each cohort's status rule at `now`; the caller has checked access.
 */
export async function cohortSums(db: Db, rules: readonly { id: string; rule: StatusRule }[], catalog: ContentForReadiness, now: Date): Promise<Map<string, CohortSums>> {
  const out = new Map(rules.map((r) => [r.id, emptySums(now)]));
  const [first, ...rest] = rules.map((r) => r.id);
  if (first === undefined) return out;
  const at = sql`${now.toISOString()}::timestamptz`;
  const since = sql`${`${trendMonths(now)[0]}-01T00:00:00Z`}::timestamptz`;
  const month = (instant: SQL) => sql`to_char(${instant} at time zone 'UTC', 'YYYY-MM')`;
  const ruleJson = JSON.stringify(rules.map((r) => ({ id: r.id, past_due: r.rule.pastDue, on_track_from: r.rule.onTrackFrom })));
  const percents = domainIds.flatMap((_, i) => [
    sql`coalesce(sum(domain_percents[${sql.raw(String(i + 1))}]) filter (where is_current), 0)`,
    sql`count(domain_percents[${sql.raw(String(i + 1))}]) filter (where is_current)`,
  ]);
  const result = await db.execute(sql`
    with m as materialized (
      select m.cohort_id, m.user_id, m.joined_at, c.programme_id, coalesce(k.seq, 0) as seq, ${currentRow(catalog)} as is_current,
        exists (select 1 from ${certificates} ce where ce.user_id = m.user_id and ce.programme_id = c.programme_id
          and ce.revoked_at is null and ce.issued_at <= ${at} and ce.expires_at > ${at}) as certified,
        r.progress, r.started, r.domain_percents, p.past_due, p.on_track_from
      from ${cohortMemberships} m
      join ${cohorts} c on c.id = m.cohort_id
      join jsonb_to_recordset(${ruleJson}::jsonb) as p(id uuid, past_due boolean, on_track_from float8) on p.id = m.cohort_id
      left join ${readinessChanges} k on k.user_id = m.user_id
      left join ${readinessRollup} r on r.user_id = m.user_id and r.programme_id = c.programme_id
      where m.cohort_id in ${[first, ...rest]} and m.left_at is null
    ), s as (
      select *, case when not is_current then null when certified then 'ready' when not started then 'not-started'
        when past_due then 'behind' when progress >= on_track_from then 'on-track' else 'behind' end as status
      from m
    )
    select 'sums'::text as kind, cohort_id as "cohortId", null::text as key, array[count(*) filter (where is_current),
      ${sql.join(statuses.map((st) => sql`count(*) filter (where status = ${st})`), sql`, `)}, ${sql.join(percents, sql`, `)}]::bigint[] as figures
    from s group by cohort_id
    union all
    select 'joined', cohort_id, ${month(sql`joined_at`)}, array[count(*)]::bigint[] from s where joined_at >= ${since} group by cohort_id, 3
    union all
    select 'certified', m.cohort_id, ${month(sql`ce.issued_at`)}, array[count(*)]::bigint[]
    from m join ${certificates} ce on ce.user_id = m.user_id and ce.programme_id = m.programme_id
    where ce.revoked_at is null and ce.issued_at <= ${at} and ce.issued_at >= ${since} group by m.cohort_id, 3
    union all
    select 'unsummed', cohort_id, user_id::text, array[seq, certified::int, floor(extract(epoch from joined_at) * 1000)]::bigint[] from s where not is_current`);
  for (const row of anyRows.parse(result).rows) {
    const sums = out.get(text(row.cohortId, 'cohortId'));
    const figures = Array.isArray(row.figures) ? row.figures : bad('figures', row.figures);
    if (!sums) continue;
    const kind = row.kind;
    switch (kind) {
      case 'sums': {
        sums.summed.learners = figure(figures, 0);
        statuses.forEach((st, i) => (sums.summed.counts[st] = figure(figures, 1 + i)));
        sums.summed.domains = domainIds.map((domain, i): DomainSum => ({ domain, total: figure(figures, 5 + 2 * i), assessed: figure(figures, 6 + 2 * i) }));
        break;
      }
      case 'joined':
      case 'certified': {
        const t = sums.trend.find((m) => m.month === text(row.key, 'month'));
        if (t) t[kind] += figure(figures, 0);
        break;
      }
      case 'unsummed':
        sums.unsummed.push({ userId: text(row.key, 'userId'), seq: figure(figures, 0), certified: figure(figures, 1) === 1, joinedAt: new Date(figure(figures, 2)) });
        break;
      default:
        bad('kind', kind);
    }
  }
  return out;
}
