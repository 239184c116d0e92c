import { describe, expect, test } from 'vitest';
import { domainAverages } from '@/lib/domain/cohorts';
import { type DomainId, type ReadinessStatus, type RolledLearner, cohortRollup, domainMean, domainSums, rollUp, trendMonths } from '@/lib/domain/readiness';

const now = new Date('2026-11-26T12:00:00Z');
const learner = (status: ReadinessStatus, joined: string, scores: Partial<Record<DomainId, number>> = {}): RolledLearner => ({
  status,
  joinedAt: new Date(joined),
  domains: (['D1', 'D2', 'D3', 'D4', 'D5', 'D6'] as const).map((domain) => ({ domain, percent: scores[domain] ?? null })),
});

describe('trend months', () => {
  test.each([
    ['a mid-month date', '2026-11-26T12:00:00Z', '2025-12', '2026-11'],
    ['the first instant of a month', '2026-01-01T00:00:00Z', '2025-02', '2026-01'],
    ['the last instant of a year', '2026-12-31T23:59:59Z', '2026-01', '2026-12'],
  ])('twelve calendar months ending with the current one, for %s', (_name, at, first, last) => {
    const months = trendMonths(new Date(at));
    expect(months).toHaveLength(12);
    expect([months[0], months.at(-1)]).toEqual([first, last]);
    expect(new Set(months).size).toBe(12);
  });
});

describe('a cohort row', () => {
  const learners = [
    learner('ready', '2026-10-03T00:00:00Z', { D1: 90, D4: 80 }),
    learner('on-track', '2026-10-20T00:00:00Z', { D1: 61 }),
    learner('behind', '2026-11-01T00:00:00Z', { D1: 40, D4: 51 }),
    learner('not-started', '2024-01-01T00:00:00Z'),
  ];
  const row = cohortRollup(learners, [new Date('2026-11-02T00:00:00Z'), new Date('2023-05-01T00:00:00Z')], now);

  test('counts every member once by status', () => {
    expect(row.learners).toBe(4);
    expect(row.counts).toEqual({ ready: 1, 'on-track': 1, behind: 1, 'not-started': 1 });
  });

  test("gives the same domain means as the cohort dashboard (learners not assessed are left out, not 0)", () => {
    expect(row.domains.map(domainMean)).toEqual(domainAverages(learners).map((a) => a.mean));
    expect(row.domains.find((d) => d.domain === 'D1')).toEqual({ domain: 'D1', total: 191, assessed: 3 });
    expect(domainMean(row.domains.find((d) => d.domain === 'D2')!)).toBeNull();
  });

  test('counts joinings and certificates by month, leaving out those before the window', () => {
    const byMonth = Object.fromEntries(row.trend.map((t) => [t.month, t]));
    expect(byMonth['2026-10']).toEqual({ month: '2026-10', joined: 2, certified: 0 });
    expect(byMonth['2026-11']).toEqual({ month: '2026-11', joined: 1, certified: 1 });
    expect(row.trend.reduce((s, t) => s + t.joined, 0)).toBe(3);
  });
});

describe('rolling up', () => {
  const a = cohortRollup([learner('ready', '2026-09-01T00:00:00Z', { D3: 100 }), learner('behind', '2026-09-02T00:00:00Z', { D3: 0 })], [new Date('2026-09-15T00:00:00Z')], now);
  const b = cohortRollup([learner('behind', '2026-11-05T00:00:00Z', { D3: 70 })], [], now);
  const c = cohortRollup([], [], now);

  test('an institution row is the sum of its cohort rows, count by count and month by month', () => {
    const total = rollUp([a, b, c], now);
    expect(total.learners).toBe(a.learners + b.learners + c.learners);
    expect(total.counts).toEqual({ ready: 1, 'on-track': 0, behind: 2, 'not-started': 0 });
    expect(total.trend.find((t) => t.month === '2026-09')).toEqual({ month: '2026-09', joined: 2, certified: 1 });
    expect(total.trend.find((t) => t.month === '2026-11')).toEqual({ month: '2026-11', joined: 1, certified: 0 });
  });

  test('a domain mean weighs every assessed learner once, not each cohort once (no mean of means)', () => {
    const d3 = rollUp([a, b], now).domains.find((d) => d.domain === 'D3')!;
    expect(d3).toEqual({ domain: 'D3', total: 170, assessed: 3 });
    expect(domainMean(d3)).toBe(57); // (100 + 0 + 70) / 3, where a mean of the cohort means would give 60
  });

  test('rolling up in steps (cohorts → institutions → platform) equals rolling up every cohort at once', () => {
    const platform = rollUp([rollUp([a, b], now), rollUp([c], now)], now);
    expect(platform).toEqual(rollUp([a, b, c], now));
  });

  test('nothing to roll up is all zeros, with every domain not assessed', () => {
    const empty = rollUp([], now);
    expect(empty.learners).toBe(0);
    expect(empty.domains.every((d) => domainMean(d) === null)).toBe(true);
    expect(empty.trend).toHaveLength(12);
    expect(domainSums([])).toEqual(empty.domains);
  });

  test('a row from another window is refused rather than silently dropped', () => {
    expect(() => rollUp([a], new Date('2028-01-01T00:00:00Z'))).toThrow(/outside the window/);
  });
});
