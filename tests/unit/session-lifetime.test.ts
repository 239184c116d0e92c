import { describe, expect, test } from 'vitest';
import { LAST_SEEN_RESOLUTION_MS, checkSession } from '@/lib/domain/session-lifetime';

const t0 = new Date('2026-12-01T08:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('session lifetime by role', () => {
  test.each([
    ['learner', 7 * 1440 + 4, true],
    ['learner', 7 * 1440 + 6, false],
    ['instructor', 34, true],
    ['instructor', 36, false],
    ['admin', 36, false],
    ['reviewer', 36, false],
  ])('a %s session unused for %i minutes is live: %s', (role, idle, live) => {
    expect(checkSession(role, { createdAt: t0, lastSeenAt: t0 }, at(idle)).live).toBe(live);
  });

  test('the absolute limit holds however recent the last use', () => {
    expect(checkSession('admin', { createdAt: t0, lastSeenAt: at(12 * 60 - 1) }, at(12 * 60))).toEqual({ live: false, reason: 'expired' });
    expect(checkSession('learner', { createdAt: t0, lastSeenAt: at(30 * 1440 - 1) }, at(30 * 1440))).toEqual({ live: false, reason: 'expired' });
    expect(checkSession('learner', { createdAt: t0, lastSeenAt: at(0) }, at(8 * 1440))).toEqual({ live: false, reason: 'idle' });
  });

  test('the last use is written at most every 5 minutes', () => {
    expect(checkSession('learner', { createdAt: t0, lastSeenAt: t0 }, new Date(t0.getTime() + LAST_SEEN_RESOLUTION_MS - 1))).toEqual({ live: true, touch: false });
    expect(checkSession('learner', { createdAt: t0, lastSeenAt: t0 }, new Date(t0.getTime() + LAST_SEEN_RESOLUTION_MS))).toEqual({ live: true, touch: true });
  });
});
