// Shaping a cohort's readiness summary for the dashboard: domain means and a page of learners. Pure.
import type { DomainId, ReadinessStatus, RolledLearner } from '@/lib/domain/readiness';
import { domainMean, domainSums } from '@/lib/domain/readiness';

export type DomainAverage = { domain: DomainId; mean: number | null; assessed: number };

/** Per domain, the mean score of the learners it has assessed (those not assessed are left out, not counted as 0): the same sums the institution and platform rollups add up. */
export function domainAverages(learners: readonly Pick<RolledLearner, 'domains'>[]): DomainAverage[] {
  return domainSums(learners).map((s) => ({ domain: s.domain, mean: domainMean(s), assessed: s.assessed }));
}

export const DASHBOARD_PAGE_SIZE = 50;

/** One page of learners, optionally of one status; the page number is clamped into range. */
export function learnerPage<T extends { status: ReadinessStatus }>(learners: readonly T[], opts: { status?: ReadinessStatus; page: number; size?: number }) {
  const size = opts.size ?? DASHBOARD_PAGE_SIZE;
  const filtered = opts.status ? learners.filter((l) => l.status === opts.status) : learners;
  const pages = Math.max(1, Math.ceil(filtered.length / size));
  const page = Math.min(Math.max(1, Math.floor(opts.page) || 1), pages);
  return { rows: filtered.slice((page - 1) * size, page * size), page, pages, total: filtered.length };
}
