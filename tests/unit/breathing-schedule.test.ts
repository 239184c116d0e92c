// The drawn child's breathing: exactly the scenario's rate inside the counted minute, pauses kept
// clear, a frozen picture that stops, and the device's record of accuracy over time.
import { describe, expect, test } from 'vitest';
import { breathOnsets, chestExpansion, shownTime, within } from '@/lib/domain/breathing';
import { type TrainerAttempt, keepNewest, summariseAttempts } from '@/lib/domain/practice';

describe('breath onsets', () => {
  test.each([10, 37, 40, 49, 50, 51, 62, 100])('exactly %i breaths start inside the minute', (rate) => {
    const onsets = breathOnsets({ rate, pauses: [], seed: `rate-${rate}` });
    expect(onsets).toHaveLength(rate);
    expect(onsets.every((t) => t >= 0 && t < 60)).toBe(true);
    expect(onsets).toEqual([...onsets].sort((a, b) => a - b));
  });

  test('no breath starts inside a pause, and the count is still exact', () => {
    const pauses = [
      { at: 15, seconds: 3 },
      { at: 42, seconds: 3 },
    ];
    const onsets = breathOnsets({ rate: 37, pauses, seed: 'two-years-37-pauses' });
    expect(onsets).toHaveLength(37);
    expect(onsets.filter((t) => within(pauses, t))).toEqual([]);
    expect(onsets.every((t) => t < 60)).toBe(true);
  });

  test('the same seed plays the same way; breaths are uneven, as children breathe', () => {
    const a = breathOnsets({ rate: 49, pauses: [], seed: 'ten-months-49' });
    expect(breathOnsets({ rate: 49, pauses: [], seed: 'ten-months-49' })).toEqual(a);
    const gaps = a.slice(1).map((t, i) => t - (a[i] ?? 0));
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeGreaterThan(0.05);
  });
});

describe('what the screen shows', () => {
  test('the chest is at rest before a breath and moves during one', () => {
    const onsets = [1, 3];
    expect(chestExpansion(onsets, 0.5, 1)).toBe(0);
    expect(chestExpansion(onsets, 1.4, 1)).toBeCloseTo(1, 5);
    expect(chestExpansion(onsets, 2.5, 1)).toBe(0);
  });

  test('a frozen picture keeps showing the moment it froze, then jumps forward', () => {
    const freeze = { at: 34, seconds: 7 };
    expect(shownTime(20, freeze)).toBe(20);
    expect(shownTime(34, freeze)).toBe(34);
    expect(shownTime(40.9, freeze)).toBe(34);
    expect(shownTime(41, freeze)).toBe(41);
    expect(shownTime(59, null)).toBe(59);
  });
});

describe('accuracy over time on this device', () => {
  const attempt = (n: number, correct: boolean, trainer = 'imci-breath-count'): TrainerAttempt => ({
    id: `a${n}`,
    trainer,
    scenario: `s${n % 3}`,
    at: new Date(Date.UTC(2026, 11, 1, 10, n)).toISOString(),
    correct,
    classificationCorrect: correct,
    countWithinTolerance: correct,
  });

  test('no attempts: no accuracy yet', () => {
    expect(summariseAttempts([], 'imci-breath-count')).toMatchObject({ total: 0, accuracy: null, recent: { size: 0, accuracy: null } });
  });

  test('overall and the last ten, rounded down, oldest first, other trainers left out', () => {
    const list = [...Array.from({ length: 12 }, (_, n) => attempt(n, n >= 3)), attempt(99, false, 'bp-diary')];
    const s = summariseAttempts([...list].reverse(), 'imci-breath-count');
    expect(s).toMatchObject({ total: 12, correct: 9, accuracy: 75, recent: { size: 10, correct: 9, accuracy: 90 } });
    expect(s.timeline.map((t) => t.correct).slice(0, 4)).toEqual([false, false, false, true]);
  });

  test('two of three right shows 66%, never rounded up to 67%', () => {
    expect(summariseAttempts([attempt(1, true), attempt(2, true), attempt(3, false)], 'imci-breath-count').accuracy).toBe(66);
  });

  test('the device keeps only the newest attempts', () => {
    expect(keepNewest([attempt(3, true), attempt(1, true), attempt(2, false)], 2).map((a) => a.id)).toEqual(['a2', 'a3']);
  });
});
