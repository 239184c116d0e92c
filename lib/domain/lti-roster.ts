// Roster sync (LTI Names and Role Provisioning Services 2.0) rules that need no I/O: reading the
// paging Link header, and deciding who joins and who has left a course's cohort.
import { lmsRoleOf } from './lti';

/** One member of an NRPS membership container, as this site reads it. */
export type RosterMember = { sub: string; status: 'Active' | 'Inactive' | 'Deleted'; roles: readonly string[]; name?: string; email?: string };

/**
 * The next page's URL from a `Link` header (RFC 8288, `rel="next"`), resolved against the current
 * page; null when there is none, or when it leads to another origin (the token must not travel there).
 */
export function nextPageUrl(link: string | null, current: string): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const m = /^\s*<([^>]+)>\s*;(.*)$/.exec(part);
    if (!m || !/(^|;)\s*rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?\s*(;|$)/i.test(m[2]!)) continue;
    try {
      const next = new URL(m[1]!, current);
      return next.origin === new URL(current).origin ? next.toString() : null;
    } catch {
      return null;
    }
  }
  return null;
}

export type RosterPlan = {
  /** Active learners of the course, each to be an active member (an account made or found for them). */
  learners: RosterMember[];
  /** Linked members of the cohort the course no longer lists as active learners: marked as left. */
  leaving: string[];
};

/**
 * What a complete roster means for the cohort. Only learners count (teachers are staff, not
 * members); a member the platform lists as Inactive or Deleted, or no longer lists at all, has
 * left. Members who joined otherwise (a join code) and have no identity on this platform are not
 * the roster's to remove.
 */
export function planRoster(roster: readonly RosterMember[], linkedMembers: readonly { userId: string; sub: string }[]): RosterPlan {
  const learners = roster.filter((m) => m.status === 'Active' && lmsRoleOf(m.roles) === 'learner');
  const active = new Set(learners.map((m) => m.sub));
  return { learners, leaving: linkedMembers.filter((m) => !active.has(m.sub)).map((m) => m.userId) };
}

/** How old a roster may be before opening the cohort's LMS page syncs it again. */
export const rosterStaleMinutes = 15;

/** Whether a course's roster should be synced when its staff open the page (never synced, or too old). */
export function rosterStale(syncedAt: Date | null, now: Date): boolean {
  return syncedAt === null || now.getTime() - syncedAt.getTime() >= rosterStaleMinutes * 60_000;
}
