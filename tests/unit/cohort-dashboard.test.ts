import { describe, expect, test } from 'vitest';
import { domainAverages, learnerPage } from '@/lib/domain/cohorts';
import type { DomainId, ReadinessStatus } from '@/lib/domain/readiness';

const scores = (values: Partial<Record<DomainId, number | null>>) =>
  (['D1', 'D2', 'D3', 'D4', 'D5', 'D6'] as const).map((domain) => ({ domain, percent: values[domain] ?? null, evidence: values[domain] == null ? 0 : 1 }));

describe('domainAverages', () => {
  test('averages only the learners a domain has assessed', () => {
    const avg = domainAverages([{ domains: scores({ D1: 80, D2: 40 }) }, { domains: scores({ D1: 61 }) }, { domains: scores({}) }]);
    expect(avg.find((a) => a.domain === 'D1')).toEqual({ domain: 'D1', mean: 71, assessed: 2 });
    expect(avg.find((a) => a.domain === 'D2')).toEqual({ domain: 'D2', mean: 40, assessed: 1 });
    expect(avg.find((a) => a.domain === 'D6')).toEqual({ domain: 'D6', mean: null, assessed: 0 });
  });
});

describe('learnerPage', () => {
  const learners = Array.from({ length: 7 }, (_, i) => ({ id: i, status: (i % 2 === 0 ? 'behind' : 'ready') as ReadinessStatus }));
  test('pages and filters by status', () => {
    expect(learnerPage(learners, { page: 2, size: 3 })).toMatchObject({ page: 2, pages: 3, total: 7, rows: [{ id: 3 }, { id: 4 }, { id: 5 }] });
    expect(learnerPage(learners, { status: 'ready', page: 1, size: 2 })).toMatchObject({ pages: 2, total: 3, rows: [{ id: 1 }, { id: 3 }] });
  });
  test('clamps pages out of range and nonsense to a real page', () => {
    expect(learnerPage(learners, { page: 99, size: 3 }).page).toBe(3);
    expect(learnerPage(learners, { page: Number.NaN, size: 3 }).page).toBe(1);
    expect(learnerPage([], { page: 5 })).toMatchObject({ page: 1, pages: 1, total: 0, rows: [] });
  });
});
