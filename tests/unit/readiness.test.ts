import { describe, expect, test } from 'vitest';
import { domainOf, domainReadiness, quizDomainCredit, readinessStatus, statusRule, statusUnder } from '@/lib/domain/readiness';

const cohortStart = new Date('2027-01-01T00:00:00Z');
const dueDate = new Date('2027-01-11T00:00:00Z'); // ten days
const day = (n: number) => new Date(cohortStart.getTime() + n * 86_400_000);
const base = { certified: false, started: true, cohortStart, dueDate };

describe('readinessStatus', () => {
  test.each([
    { name: 'certified is ready, even with nothing else recorded', input: { ...base, certified: true, started: false, progress: 0 }, now: day(1), status: 'ready' },
    { name: 'nothing done is not started', input: { ...base, started: false, progress: 0 }, now: day(5), status: 'not-started' },
    { name: 'half the time gone, half done: on track', input: { ...base, progress: 0.5 }, now: day(5), status: 'on-track' },
    { name: 'half the time gone, exactly at the grace line (40%): on track', input: { ...base, progress: 0.4 }, now: day(5), status: 'on-track' },
    { name: 'half the time gone, just under the grace line: behind', input: { ...base, progress: 0.39 }, now: day(5), status: 'behind' },
    { name: 'the due date reached without a certificate: behind, however much is done', input: { ...base, progress: 0.99 }, now: dueDate, status: 'behind' },
    { name: 'before the cohort starts, any progress is on track', input: { ...base, progress: 0.01 }, now: day(-3), status: 'on-track' },
    { name: 'a due date before the start counts as all time gone', input: { ...base, dueDate: day(-1), progress: 0.5 }, now: day(-2), status: 'behind' },
  ])('$name', ({ input, now, status }) => {
    expect(readinessStatus(input, now)).toBe(status);
  });
});

describe('statusRule: the calendar half of the status, one per cohort (what the database applies to every member)', () => {
  test.each([
    { name: 'half the time gone: on track from 40%', now: day(5), rule: { pastDue: false, onTrackFrom: 0.5 - 0.1 } },
    { name: 'before the start: no time gone, any progress is on track', now: day(-3), rule: { pastDue: false, onTrackFrom: -0.1 } },
    { name: 'the due date itself is past due', now: dueDate, rule: { pastDue: true, onTrackFrom: 0.9 } },
    { name: 'a cohort of no length is all time gone and past due from its start', now: cohortStart, rule: { pastDue: true, onTrackFrom: 0.9 }, due: cohortStart },
  ])('$name', ({ now, rule, due }) => {
    expect(statusRule(cohortStart, due ?? dueDate, now)).toEqual(rule);
  });

  test('applied to a member, it gives readinessStatus for every input above and at the line', () => {
    for (const now of [day(-3), day(0), day(5), day(9.999), dueDate, day(12)]) {
      const rule = statusRule(cohortStart, dueDate, now);
      for (const progress of [0, 0.2, rule.onTrackFrom, rule.onTrackFrom - Number.EPSILON, 0.5, 1]) {
        for (const [certified, started] of [[false, true], [false, false], [true, false], [true, true]] as const) {
          expect(statusUnder(rule, { certified, started, progress })).toBe(readinessStatus({ ...base, certified, started, progress }, now));
        }
      }
    }
  });
});

describe('domainReadiness', () => {
  test('pools quiz items and consult scores per domain, capping each piece at its possible points', () => {
    const scores = domainReadiness([
      { domain: 'D1', earned: 1, possible: 1 },
      { domain: 'D1', earned: 0, possible: 1 },
      { domain: 'D1', earned: 14, possible: 10 },
      { domain: 'D4', earned: -2, possible: 4 },
    ]);
    expect(scores.find((s) => s.domain === 'D1')).toEqual({ domain: 'D1', percent: 92, evidence: 3 });
    expect(scores.find((s) => s.domain === 'D4')).toEqual({ domain: 'D4', percent: 0, evidence: 1 });
  });

  test('a domain with no evidence is not assessed (null), not zero', () => {
    const scores = domainReadiness([{ domain: 'D2', earned: 1, possible: 2 }]);
    expect(scores).toHaveLength(6);
    expect(scores.filter((s) => s.percent === null).map((s) => s.domain)).toEqual(['D1', 'D3', 'D4', 'D5', 'D6']);
  });

  test.each([
    ['D4.1', 'D4'],
    ['D6', 'D6'],
    ['D7', null],
    ['X1', null],
  ])('the domain of %s is %s', (tag, domain) => {
    expect(domainOf(tag)).toBe(domain);
  });
});

describe('quizDomainCredit', () => {
  test('sums credit per domain, once per domain however many of its tags a question carries', () => {
    const questions = [
      { id: 'q1', competencies: ['D1.1', 'D1.2', 'D3.1'] },
      { id: 'q2', competencies: ['D3.2'] },
      { id: 'q3', competencies: ['X9'] },
    ];
    const credit = quizDomainCredit(questions, [
      { questionId: 'q1', credit: 0.5 },
      { questionId: 'q2', credit: 1 },
      { questionId: 'q3', credit: 1 },
      { questionId: 'gone', credit: 1 },
    ]);
    expect(credit).toEqual({ D1: { earned: 0.5, possible: 1, items: 1 }, D3: { earned: 1.5, possible: 2, items: 2 } });
  });
});
