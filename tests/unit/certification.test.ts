import { describe, expect, test } from 'vitest';
import { programmeSchema } from '@/lib/content/schemas/programme';
import { addMonths, certificateStatus, evaluateProgramme, evidenceFromAttempts, expiryDate, nextCertificate } from '@/lib/domain/certification';
import type { AttemptFact, Evidence } from '@/lib/domain/certification';

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

const quiz = (id: string, score: number | null): AttemptFact => ({ kind: 'quiz', id, score });
const consult = (id: string, score: number, passed: boolean): AttemptFact => ({ kind: 'consult', id, score, passed, finished: true });
const openConsult = (id: string): AttemptFact => ({ kind: 'consult', id, score: null, passed: null, finished: false });
const abandoned = (id: string): AttemptFact => ({ kind: 'consult', id, score: null, passed: null, finished: true });

const modules = ['m1', 'm2'];
const completeFacts = [quiz('q1', 70), quiz('q2', 80), consult('c1', 90, true), consult('c2', 85, true), consult('c3', 75, true)];
const complete: Evidence = evidenceFromAttempts(modules, completeFacts);
const without = (drop: (f: AttemptFact) => boolean, add: AttemptFact[] = []) => evidenceFromAttempts(modules, [...completeFacts.filter((f) => !drop(f)), ...add]);

const missingIds = (e: Evidence) =>
  evaluateProgramme(programme, e, passMarks).missing.map((r) => (r.kind === 'consults-any' ? `any:${r.passed.length}/${r.count}` : `${r.kind}:${r.id}`));

describe('evaluateProgramme', () => {
  test.each([
    { name: 'everything done, quiz marks exactly at their thresholds: earned', evidence: complete, missing: [] },
    { name: 'one module not complete', evidence: evidenceFromAttempts(['m1'], completeFacts), missing: ['module:m2'] },
    { name: 'quiz one point below its own pass mark', evidence: without((f) => f.id === 'q1', [quiz('q1', 69)]), missing: ['quiz:q1'] },
    { name: 'quiz above its pass mark but below the programme’s higher minimum', evidence: without((f) => f.id === 'q2', [quiz('q2', 79.9)]), missing: ['quiz:q2'] },
    { name: 'quiz never taken', evidence: without((f) => f.id === 'q1'), missing: ['quiz:q1'] },
    { name: 'a pass then a careless retake: the best counts', evidence: without(() => false, [quiz('q1', 10)]), missing: [] },
    { name: 'a required consult graded without a pass (a critical error fails it)', evidence: without((f) => f.id === 'c1', [consult('c1', 95, false)]), missing: ['consult:c1'] },
    { name: 'a required consult failed, then passed: counts', evidence: without(() => false, [consult('c1', 20, false)]), missing: [] },
    { name: 'only one of the two optional consults', evidence: without((f) => f.id === 'c3'), missing: ['any:1/2'] },
    { name: 'the required consult does not double as an optional one', evidence: evidenceFromAttempts(modules, [...completeFacts.filter((f) => f.id !== 'c3'), consult('c1', 99, true)]), missing: ['any:1/2'] },
  ])('$name', ({ evidence, missing }) => {
    expect(missingIds(evidence)).toEqual(missing);
    expect(evaluateProgramme(programme, evidence, passMarks).earned).toBe(missing.length === 0);
  });

  test.each([
    { name: 'never tried', facts: [], state: 'not-attempted', best: null },
    { name: 'only an abandoned attempt', facts: [abandoned('c1')], state: 'not-attempted', best: null },
    { name: 'an attempt open', facts: [openConsult('c1')], state: 'in-progress', best: null },
    { name: 'graded without a pass', facts: [consult('c1', 40, false), consult('c1', 60, false)], state: 'not-passed', best: 60 },
    { name: 'passed at 100%, then replayed carelessly at 3%: still passed at 100%', facts: [consult('c1', 100, true), consult('c1', 3, false)], state: 'passed', best: 100 },
    { name: 'a failed 95% does not outrank a 72% pass', facts: [consult('c1', 95, false), consult('c1', 72, true)], state: 'passed', best: 72 },
  ])('a case reads "$state": $name', ({ facts, state, best }) => {
    const req = evaluateProgramme(programme, evidenceFromAttempts(modules, facts), passMarks).requirements.find((r) => r.kind === 'consult');
    expect(req).toMatchObject({ id: 'c1', state, best, met: state === 'passed' });
  });

  test('a quiz reads "not attempted", "in progress" or "not passed" apart', () => {
    const state = (facts: AttemptFact[]) => evaluateProgramme(programme, evidenceFromAttempts(modules, facts), passMarks).requirements.find((r) => r.kind === 'quiz' && r.id === 'q1');
    expect(state([])).toMatchObject({ state: 'not-attempted', best: null });
    expect(state([quiz('q1', null)])).toMatchObject({ state: 'in-progress', best: null });
    expect(state([quiz('q1', 50), quiz('q1', null)])).toMatchObject({ state: 'not-passed', best: 50 });
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

  test.each([
    { name: 'no certificate yet: the first cycle, on all the evidence', latest: null, now: issued, decision: { issue: true, cycle: 1, assessedSince: null } },
    { name: 'valid, before the window: nothing', latest: { cycle: 1, expiresAt, revokedAt: null }, now: issued, decision: { issue: false, reason: 'valid' } },
    {
      name: 'in the window: the next cycle, on assessments since the window opened',
      latest: { cycle: 1, expiresAt, revokedAt: null },
      now: new Date(expiresAt.getTime() - day),
      decision: { issue: true, cycle: 2, assessedSince: new Date(expiresAt.getTime() - 60 * day) },
    },
    { name: 'expired: the next cycle', latest: { cycle: 3, expiresAt, revokedAt: null }, now: new Date(expiresAt.getTime() + day), decision: { issue: true, cycle: 4, assessedSince: new Date(expiresAt.getTime() - 60 * day) } },
    { name: 'revoked: nothing, whatever the date, until reinstated', latest: { cycle: 1, expiresAt, revokedAt: issued }, now: new Date(expiresAt.getTime() + day), decision: { issue: false, reason: 'revoked' } },
  ])('nextCertificate — $name', ({ latest, now, decision }) => {
    expect(nextCertificate(latest, now, 60)).toEqual(decision);
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
