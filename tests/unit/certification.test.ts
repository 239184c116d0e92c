import { describe, expect, test } from 'vitest';
import { programmeSchema } from '@/lib/content/schemas/programme';
import { addMonths, certificateStatus, evaluateProgramme, expiryDate, mayRecertify } from '@/lib/domain/certification';
import type { Evidence } from '@/lib/domain/certification';

const programme = programmeSchema.parse({
  id: 'p',
  title: 'P',
  summary: 'S',
  audience: ['student'],
  tier: 1,
  validityMonths: 24,
  requirements: {
    modules: ['m1', 'm2'],
    quizzes: [{ quiz: 'q1' }, { quiz: 'q2', minScore: 80 }],
    consults: { required: ['c1'], anyOf: { from: ['c2', 'c3', 'c4'], count: 2 } },
  },
});
const passMarks = new Map([
  ['q1', 70],
  ['q2', 70],
]);

const complete: Evidence = {
  completedModules: new Set(['m1', 'm2']),
  quizBest: new Map([
    ['q1', 70],
    ['q2', 80],
  ]),
  consults: [
    { caseId: 'c1', passed: true, criticalErrors: [] },
    { caseId: 'c2', passed: true, criticalErrors: [] },
    { caseId: 'c3', passed: true, criticalErrors: [] },
  ],
};

const missingIds = (e: Evidence) =>
  evaluateProgramme(programme, e, passMarks).missing.map((r) => (r.kind === 'consults-any' ? `any:${r.passed.length}/${r.count}` : `${r.kind}:${r.id}`));

describe('evaluateProgramme', () => {
  test.each([
    { name: 'everything done, quiz marks exactly at their thresholds: earned', evidence: complete, missing: [] },
    { name: 'one module not complete', evidence: { ...complete, completedModules: new Set(['m1']) }, missing: ['module:m2'] },
    { name: 'quiz one point below its own pass mark', evidence: { ...complete, quizBest: new Map([['q1', 69], ['q2', 80]]) }, missing: ['quiz:q1'] },
    { name: 'quiz above its pass mark but below the programme’s higher minimum', evidence: { ...complete, quizBest: new Map([['q1', 70], ['q2', 79.9]]) }, missing: ['quiz:q2'] },
    { name: 'quiz never taken', evidence: { ...complete, quizBest: new Map([['q2', 90]]) }, missing: ['quiz:q1'] },
    {
      name: 'a required consult passed but with a critical error does not count',
      evidence: { ...complete, consults: [{ caseId: 'c1', passed: true, criticalErrors: ['no-location'] }, ...complete.consults.slice(1)] },
      missing: ['consult:c1'],
    },
    {
      name: 'a required consult failed, then passed cleanly: counts',
      evidence: { ...complete, consults: [{ caseId: 'c1', passed: false, criticalErrors: [] }, ...complete.consults] },
      missing: [],
    },
    { name: 'only one of the two optional consults', evidence: { ...complete, consults: complete.consults.slice(0, 2) }, missing: ['any:1/2'] },
    {
      name: 'the required consult does not double as an optional one',
      evidence: { ...complete, consults: [complete.consults[0]!, complete.consults[1]!] },
      missing: ['any:1/2'],
    },
  ])('$name', ({ evidence, missing }) => {
    expect(missingIds(evidence)).toEqual(missing);
    expect(evaluateProgramme(programme, evidence, passMarks).earned).toBe(missing.length === 0);
  });
});

describe('expiry and recertification', () => {
  const issued = new Date('2026-01-31T10:00:00Z');
  test.each([
    { name: '31 January + 1 month is the last day of February', from: issued, months: 1, expected: '2026-02-28T10:00:00.000Z' },
    { name: 'leap year', from: new Date('2027-01-31T10:00:00Z'), months: 13, expected: '2028-02-29T10:00:00.000Z' },
    { name: 'two years', from: issued, months: 24, expected: '2028-01-31T10:00:00.000Z' },
  ])('addMonths: $name', ({ from, months, expected }) => {
    expect(addMonths(from, months).toISOString()).toBe(expected);
  });

  const expiresAt = expiryDate(issued, 24);
  const day = 86_400_000;
  test.each([
    { name: 'the day it was issued', now: issued, status: 'valid' },
    { name: 'one millisecond before the window opens', now: new Date(expiresAt.getTime() - 60 * day - 1), status: 'valid' },
    { name: 'the window opens 60 days before expiry', now: new Date(expiresAt.getTime() - 60 * day), status: 'recertify-soon' },
    { name: 'the last moment before expiry', now: new Date(expiresAt.getTime() - 1), status: 'recertify-soon' },
    { name: 'it expires today, at the instant of issue', now: expiresAt, status: 'expired' },
    { name: 'long after expiry', now: new Date(expiresAt.getTime() + 400 * day), status: 'expired' },
  ])('$name: $status', ({ now, status }) => {
    expect(certificateStatus({ expiresAt, revokedAt: null }, now, 60)).toBe(status);
  });

  test('revocation wins over validity, from the moment it happens', () => {
    const revokedAt = new Date(issued.getTime() + day);
    expect(certificateStatus({ expiresAt, revokedAt }, new Date(revokedAt.getTime() - 1), 60)).toBe('valid');
    expect(certificateStatus({ expiresAt, revokedAt }, revokedAt, 60)).toBe('revoked');
  });

  test('a new cycle may be earned with no certificate, in the window, after expiry or revocation; not while valid', () => {
    expect(mayRecertify(null, issued, 60)).toBe(true);
    expect(mayRecertify({ expiresAt, revokedAt: null }, issued, 60)).toBe(false);
    expect(mayRecertify({ expiresAt, revokedAt: null }, new Date(expiresAt.getTime() - day), 60)).toBe(true);
    expect(mayRecertify({ expiresAt, revokedAt: issued }, issued, 60)).toBe(true);
  });
});

test('a programme asking for more consults than its list holds is rejected', () => {
  const result = programmeSchema.safeParse({ ...programme, requirements: { consults: { anyOf: { from: ['a'], count: 2 } } } });
  expect(result.success).toBe(false);
});

describe('cpdLedger', () => {
  test('sums hours per year and programme, skipping revoked certificates and programmes without hours', async () => {
    const { cpdLedger } = await import('@/lib/domain/certification/cpd');
    const rows = cpdLedger([
      { programmeTitle: 'Practice', cpdHours: 10, issuedAt: new Date('2026-03-01T00:00:00Z'), revokedAt: null },
      { programmeTitle: 'Practice', cpdHours: 10, issuedAt: new Date('2027-12-31T23:59:59Z'), revokedAt: null },
      { programmeTitle: 'Practice', cpdHours: 10, issuedAt: new Date('2027-01-01T00:00:00Z'), revokedAt: new Date('2027-02-01T00:00:00Z') },
      { programmeTitle: 'Readiness', cpdHours: null, issuedAt: new Date('2027-05-01T00:00:00Z'), revokedAt: null },
    ]);
    expect(rows).toEqual([
      { year: 2027, programme: 'Practice', hours: 10 },
      { year: 2026, programme: 'Practice', hours: 10 },
    ]);
  });
});
