import { describe, expect, test } from 'vitest';
import { attemptDeadline, canStartAttempt, isAcceptingAnswers, type AttemptSummary } from '@/lib/domain/quiz';
import { buildQuiz } from '../support/quiz-fixture';

const MIN = 60_000;
const T0 = new Date('2026-03-01T09:00:00.000Z');

function at(ms: number): Date {
  return new Date(T0.getTime() + ms);
}

/** An attempt started at T0 + startMin minutes, submitted after `took` minutes (null: never). */
function attempt(startMin: number, took: number | null, passed: boolean | null): AttemptSummary {
  return { startedAt: at(startMin * MIN), submittedAt: took === null ? null : at((startMin + took) * MIN), passed };
}

describe('attemptDeadline and isAcceptingAnswers', () => {
  const timed = buildQuiz({ timeLimitMinutes: 20 });
  const untimed = buildQuiz({ timeLimitMinutes: undefined });

  test('the deadline is startedAt plus the time limit, or null without one', () => {
    expect(attemptDeadline(timed, T0)).toEqual(at(20 * MIN));
    expect(attemptDeadline(untimed, T0)).toBeNull();
  });

  test.each([
    { name: 'one ms before the time limit accepts', quiz: timed, now: at(20 * MIN - 1), accepting: true },
    { name: 'the time limit exactly reached refuses', quiz: timed, now: at(20 * MIN), accepting: false },
    { name: 'after the time limit refuses', quiz: timed, now: at(21 * MIN), accepting: false },
    { name: 'at the start accepts', quiz: timed, now: T0, accepting: true },
    { name: 'no time limit accepts a year later', quiz: untimed, now: at(365 * 24 * 60 * MIN), accepting: true },
  ])('$name', ({ quiz, now, accepting }) => {
    expect(isAcceptingAnswers(quiz, T0, now)).toBe(accepting);
  });
});

describe('canStartAttempt', () => {
  // limit 3, 60-minute cooldown after a failure, 20-minute time limit.
  const quiz = buildQuiz();
  const day = 24 * 60;

  test.each([
    { name: 'no attempts yet', history: [], now: T0, check: { ok: true } },
    { name: 'the last allowed attempt (2 of 3 used)', history: [attempt(0, 10, false), attempt(day, 10, false)], now: at(2 * day * MIN), check: { ok: true } },
    { name: 'limit reached (3 of 3 used)', history: [attempt(0, 10, false), attempt(day, 10, false), attempt(2 * day, 10, true)], now: at(3 * day * MIN), check: { ok: false, reason: 'limit_reached' } },
    { name: 'a pass does not block a retake', history: [attempt(0, 10, true)], now: at(11 * MIN), check: { ok: true } },
    { name: 'an attempt still open is resumed', history: [attempt(0, null, null)], now: at(19 * MIN), check: { ok: false, reason: 'in_progress' } },
    { name: 'an open attempt is resumed even at the limit', history: [attempt(0, 10, false), attempt(day, 10, false), attempt(2 * day, null, null)], now: at((2 * day + 5) * MIN), check: { ok: false, reason: 'in_progress' } },
    { name: 'one ms before the cooldown ends', history: [attempt(0, 10, false)], now: at(70 * MIN - 1), check: { ok: false, reason: 'cooldown', retryAt: at(70 * MIN) } },
    { name: 'the cooldown boundary exactly at retryAt', history: [attempt(0, 10, false)], now: at(70 * MIN), check: { ok: true } },
    { name: 'the cooldown runs from the latest failure', history: [attempt(0, 10, false), attempt(80, 5, false)], now: at(100 * MIN), check: { ok: false, reason: 'cooldown', retryAt: at(145 * MIN) } },
    { name: 'an attempt left to expire counts as failed at its deadline', history: [attempt(0, null, null)], now: at(20 * MIN), check: { ok: false, reason: 'cooldown', retryAt: at(80 * MIN) } },
    { name: 'an expired attempt after its cooldown', history: [attempt(0, null, null)], now: at(80 * MIN), check: { ok: true } },
    { name: 'a submitted attempt with no result is treated as not passed', history: [attempt(0, 10, null)], now: at(30 * MIN), check: { ok: false, reason: 'cooldown', retryAt: at(70 * MIN) } },
  ])('$name', ({ history, now, check }) => {
    expect(canStartAttempt(quiz, history, now)).toEqual(check);
  });

  test.each([
    { name: 'no limit: the tenth attempt may start', overrides: { attempts: { cooldownMinutes: 0 } }, used: 10, check: { ok: true } },
    { name: 'no cooldown: a retake right after a failure', overrides: { attempts: { limit: 5, cooldownMinutes: 0 } }, used: 1, check: { ok: true } },
  ])('$name', ({ overrides, used, check }) => {
    const history = Array.from({ length: used }, (_, i) => attempt(i * 30, 10, false));
    const lastEnd = ((used - 1) * 30 + 10) * MIN;
    expect(canStartAttempt(buildQuiz(overrides), history, at(lastEnd))).toEqual(check);
  });

  test('without a time limit an unsubmitted attempt stays in progress', () => {
    const untimed = buildQuiz({ timeLimitMinutes: undefined });
    expect(canStartAttempt(untimed, [attempt(0, null, null)], at(30 * day * MIN))).toEqual({ ok: false, reason: 'in_progress' });
  });
});
