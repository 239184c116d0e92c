// Readiness added up: a cohort's learners into one row, cohort rows into an institution's, and
// institution rows into the platform's. Pure. Every figure is a sum of whole numbers, so a row
// above always equals the sum of the rows below it; percentages are worked out only for display.
import { type DomainId, domainIds } from './domains';
import type { ReadinessStatus } from './status';

export type StatusCounts = Record<ReadinessStatus, number>;

/**
 * One domain summed over learners: the total of their domain scores (whole percents) and how many
 * learners the domain has assessed. Its mean is the cohort dashboard's "mean domain score".
 */
export type DomainSum = { domain: DomainId; total: number; assessed: number };

/** One calendar month (UTC), "2026-11": memberships that began in it and certificates issued in it. */
export type TrendMonth = { month: string; joined: number; certified: number };

/**
 * The readiness of a group of cohort memberships. A learner in two cohorts counts once in each:
 * `learners` counts memberships, so the counts of an institution are the sums of its cohorts'.
 */
export type ReadinessRollup = { learners: number; counts: StatusCounts; domains: DomainSum[]; trend: TrendMonth[] };

/** The learner fields a rollup reads: the status and domain scores `summarizeCohort` gives each member. */
export type RolledLearner = { status: ReadinessStatus; joinedAt: Date; domains: readonly { domain: DomainId; percent: number | null }[] };

export const TREND_MONTHS = 12;

/** Every status, in the order the dashboards list them. */
export const readinessStatuses: readonly ReadinessStatus[] = ['ready', 'on-track', 'behind', 'not-started'];

const emptyCounts = (): StatusCounts => ({ ready: 0, 'on-track': 0, behind: 0, 'not-started': 0 });

/** A date's calendar month in UTC, "2026-11". */
export const monthOf = (d: Date) => d.toISOString().slice(0, 7);

/** The `months` calendar months (UTC) up to and including the one `now` falls in, oldest first. */
export function trendMonths(now: Date, months = TREND_MONTHS): string[] {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  return Array.from({ length: months }, (_, i) => monthOf(new Date(Date.UTC(y, m - (months - 1 - i), 1))));
}

/** Per domain, the sum of the learners' scores and how many were assessed (a learner not assessed adds nothing). One pass. */
export function domainSums(learners: readonly Pick<RolledLearner, 'domains'>[]): DomainSum[] {
  const sums = new Map<DomainId, DomainSum>(domainIds.map((d) => [d, { domain: d, total: 0, assessed: 0 }]));
  for (const learner of learners) {
    for (const score of learner.domains) {
      const sum = sums.get(score.domain);
      if (!sum || score.percent === null) continue;
      sum.total += score.percent;
      sum.assessed++;
    }
  }
  return domainIds.map((d) => sums.get(d)!);
}

/** The mean domain score (whole percent) of the learners a domain has assessed; null when it has assessed nobody. */
export const domainMean = (sum: Pick<DomainSum, 'total' | 'assessed'>): number | null => (sum.assessed === 0 ? null : Math.round(sum.total / sum.assessed));

/** The part of a row that learners' figures give: how many, the counts by status, the domain sums (no trend). */
export type LearnerSums = Pick<ReadinessRollup, 'learners' | 'counts' | 'domains'>;

/** The learners, counts by status and domain sums of some summarised learners. */
export function learnerSums(learners: readonly Pick<RolledLearner, 'status' | 'domains'>[]): LearnerSums {
  const counts = emptyCounts();
  for (const l of learners) counts[l.status]++;
  return { learners: learners.length, counts, domains: domainSums(learners) };
}

/** The trend window ending at `now`, every month at zero. */
export const emptyTrend = (now: Date, months = TREND_MONTHS): TrendMonth[] => trendMonths(now, months).map((month) => ({ month, joined: 0, certified: 0 }));

/**
 * One cohort's row from its summarised members (the same `learners` its dashboard shows) and the
 * issue dates of the certificates its members hold for its programme (not revoked).
 */
export function cohortRollup(learners: readonly RolledLearner[], certificatesIssued: readonly Date[], now: Date, months = TREND_MONTHS): ReadinessRollup {
  const trend = emptyTrend(now, months);
  const at = new Map(trend.map((t) => [t.month, t]));
  for (const l of learners) {
    const t = at.get(monthOf(l.joinedAt));
    if (t) t.joined++;
  }
  for (const issued of certificatesIssued) {
    const t = at.get(monthOf(issued));
    if (t) t.certified++;
  }
  return { ...learnerSums(learners), trend };
}

/**
 * The rollup of several rows (cohorts into an institution, institutions into the platform): every
 * count, domain sum and month added up. Rows must cover the same months (the same `now`).
 */
export function rollUp(rows: readonly ReadinessRollup[], now: Date, months = TREND_MONTHS): ReadinessRollup {
  const counts = emptyCounts();
  const domains = new Map<DomainId, DomainSum>(domainIds.map((d) => [d, { domain: d, total: 0, assessed: 0 }]));
  const trend = emptyTrend(now, months);
  const at = new Map(trend.map((t) => [t.month, t]));
  let learners = 0;
  for (const row of rows) {
    learners += row.learners;
    for (const k of readinessStatuses) counts[k] += row.counts[k];
    for (const d of row.domains) {
      const sum = domains.get(d.domain)!;
      sum.total += d.total;
      sum.assessed += d.assessed;
    }
    for (const t of row.trend) {
      const mine = at.get(t.month);
      if (!mine) throw new Error(`rollUp: month ${t.month} is outside the window ending ${monthOf(now)}`);
      mine.joined += t.joined;
      mine.certified += t.certified;
    }
  }
  return { learners, counts, domains: domainIds.map((d) => domains.get(d)!), trend };
}
