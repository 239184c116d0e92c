// How long a session lasts, by role. Pure.
//
// A learner's session holds only their own learning: it ends after 7 days without use or 30 days
// in all, so a doctor on an intermittent link is not signed out between study sessions. Staff
// sessions (instructors, reviewers, admins) reach other people's records and change roles and
// certificates: they end after 30 minutes without use or 12 hours in all (OWASP ASVS 4.0,
// requirement 3.3.2 at level 2: 12 hours, or 30 minutes of inactivity).

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export type SessionLimits = { idleMs: number; absoluteMs: number };

export const learnerSession: SessionLimits = { idleMs: 7 * DAY, absoluteMs: 30 * DAY };
export const staffSession: SessionLimits = { idleMs: 30 * MINUTE, absoluteMs: 12 * 60 * MINUTE };

/** A session's last use is written at most this often (a page view does not write each time). */
export const LAST_SEEN_RESOLUTION_MS = 5 * MINUTE;

export function sessionLimits(role: string): SessionLimits {
  return role === 'learner' ? learnerSession : staffSession;
}

export type SessionCheck = { live: true; touch: boolean } | { live: false; reason: 'idle' | 'expired' };

/** Whether a session is still live for its holder's current role, and whether its last use should be written now. */
export function checkSession(role: string, session: { createdAt: Date; lastSeenAt: Date }, now: Date): SessionCheck {
  const limits = sessionLimits(role);
  const t = now.getTime();
  if (t - session.createdAt.getTime() >= limits.absoluteMs) return { live: false, reason: 'expired' };
  // The last use is written at most every 5 minutes, so it may lag by that much: idle is measured
  // generously from it, never cutting a session short.
  if (t - session.lastSeenAt.getTime() >= limits.idleMs + LAST_SEEN_RESOLUTION_MS) return { live: false, reason: 'idle' };
  return { live: true, touch: t - session.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS };
}
