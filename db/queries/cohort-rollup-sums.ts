import 'server-only';
// Many cohorts' readiness rows summed in the database, in one statement. Its first half groups the
// members by cohort and month joined: how many joined, and of those whose rollup row is current, the
// counts by status (each cohort's `statusRule` at `now`, the calendar half of `readinessStatus`,
// applied to the row's progress and a valid certificate) and the sums of their domain percents;
// the members whose row is missing or stale are listed for the caller to recompute and add
// (cohort-rollups.ts). Its second half counts the certificates issued per cohort and month. One
// statement reads one snapshot, so a row that turns current meanwhile is either summed or listed,
// never both; and only current rows are summed, so a replica a moment behind stays exact.
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

/** A listed member, `[userId, seq, certified, joinedMs]` as the statement builds it. */
function unsummedOf(v: unknown): UnsummedMember {
  if (!Array.isArray(v) || typeof v[2] !== 'boolean') return bad('unsummed', v);
  return { userId: text(v[0], 'userId'), seq: figure(v, 1), certified: v[2], joinedAt: new Date(figure(v, 3)) };
}

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
  const d = domainIds.map((_, i) => sql.raw(`d${i + 1}`));
  const percents = d.flatMap((di) => [sql`coalesce(sum(${di}) filter (where is_current), 0)`, sql`count(${di}) filter (where is_current)`]);
  // Kept in the row since migration 0020 (a TOAST lookup per member before).
  const unpacked = sql.join(d.map((di, i) => sql`r.domain_percents[${sql.raw(String(i + 1))}] as ${di}`), sql`, `);
  const result = await db.execute(sql`
    select 'members'::text as kind, cohort_id as "cohortId", month as key,
      array[count(*), count(*) filter (where is_current),
        ${sql.join(statuses.map((st) => sql`count(*) filter (where status = ${st})`), sql`, `)}, ${sql.join(percents, sql`, `)}]::bigint[] as figures,
      json_agg(json_build_array(user_id, seq, certified, joined_ms)) filter (where not is_current) as unsummed
    from (
      select *, case when not is_current then null when certified then 'ready' when not started then 'not-started'
        when past_due then 'behind' when progress >= on_track_from then 'on-track' else 'behind' end as status
      from (
        select m.cohort_id, m.user_id, coalesce(k.seq, 0) as seq, ${currentRow(catalog)} as is_current,
          case when m.joined_at >= ${since} then ${month(sql`m.joined_at`)} end as month,
          floor(extract(epoch from m.joined_at) * 1000) as joined_ms,
          v.user_id is not null as certified,
          r.progress, r.started, ${unpacked}, p.past_due, p.on_track_from
        from ${cohortMemberships} m
        join ${cohorts} c on c.id = m.cohort_id
        join jsonb_to_recordset(${ruleJson}::jsonb) as p(id uuid, past_due boolean, on_track_from float8) on p.id = m.cohort_id
        left join ${readinessChanges} k on k.user_id = m.user_id
        left join ${readinessRollup} r on r.user_id = m.user_id and r.programme_id = c.programme_id
        left join (select ce.user_id, ce.programme_id from ${certificates} ce where ce.revoked_at is null and ce.issued_at <= ${at} and ce.expires_at > ${at} group by 1, 2) v
          on v.user_id = m.user_id and v.programme_id = c.programme_id
        where m.cohort_id in ${[first, ...rest]} and m.left_at is null
        offset 0
      ) x
    ) s
    group by cohort_id, month
    union all
    select 'certified', m.cohort_id, ${month(sql`ce.issued_at`)}, array[count(*)]::bigint[], null
    from ${cohortMemberships} m
    join ${cohorts} c on c.id = m.cohort_id
    join ${certificates} ce on ce.user_id = m.user_id and ce.programme_id = c.programme_id
    where m.cohort_id in ${[first, ...rest]} and m.left_at is null and ce.revoked_at is null and ce.issued_at <= ${at} and ce.issued_at >= ${since}
    group by m.cohort_id, 3`);
  for (const row of anyRows.parse(result).rows) {
    const sums = out.get(text(row.cohortId, 'cohortId'));
    const figures = Array.isArray(row.figures) ? row.figures : bad('figures', row.figures);
    if (!sums) continue;
    const key = row.key === null ? null : text(row.key, 'month');
    const inMonth = sums.trend.find((t) => t.month === key);
    if (row.kind === 'certified') {
      if (inMonth) inMonth.certified += figure(figures, 0);
      continue;
    }
    if (row.kind !== 'members') bad('kind', row.kind);
    if (inMonth) inMonth.joined += figure(figures, 0);
    const summed = sums.summed;
    summed.learners += figure(figures, 1);
    statuses.forEach((st, i) => (summed.counts[st] += figure(figures, 2 + i)));
    summed.domains = summed.domains.map((sum, i): DomainSum => ({ domain: sum.domain, total: sum.total + figure(figures, 6 + 2 * i), assessed: sum.assessed + figure(figures, 7 + 2 * i) }));
    for (const member of row.unsummed === null ? [] : Array.isArray(row.unsummed) ? row.unsummed : bad('unsummed', row.unsummed)) sums.unsummed.push(unsummedOf(member));
  }
  return out;
}
