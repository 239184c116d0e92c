// LTI 1.3 rules that need no I/O: what a course role means here, where a launch may land.

/** The two things a person can be in an LMS course, as far as this site is concerned. */
export type LmsRole = 'learner' | 'instructor';

// LIS membership roles (full URIs, or the short names LTI 1.3 still allows) that teach a course.
const teaching = /(^|[#/])(Instructor|ContentDeveloper|Administrator|TeachingAssistant)$/;

/**
 * The course role a launch's `roles` claim gives: anyone who teaches, builds or administers the
 * course is an instructor (a sub-role such as `membership/Instructor#TeachingAssistant` counts);
 * everyone else, including a launch with no roles, is a learner.
 */
export function lmsRoleOf(roles: readonly string[]): LmsRole {
  const membership = roles.filter((r) => !r.includes('/institution/') && !r.includes('/system/'));
  return membership.some((r) => teaching.test(r) || r.includes('membership/Instructor#')) ? 'instructor' : 'learner';
}

/**
 * The path a launch lands on, when `target` is a link to this site (same origin as `publicUrl`);
 * null for a link to any other host.
 */
export function landingPath(target: string, publicUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return null;
  }
  if (url.origin !== new URL(publicUrl).origin) return null;
  if (url.pathname.startsWith('/api/')) return '/';
  return `${url.pathname}${url.search}`;
}

/** `aud` may be a string or a list; with several audiences the token must name us as `azp`. */
export function audienceAccepted(aud: string | readonly string[] | undefined, azp: string | undefined, clientId: string): boolean {
  const list = typeof aud === 'string' ? [aud] : (aud ?? []);
  if (!list.includes(clientId)) return false;
  if (azp !== undefined && azp !== clientId) return false;
  return list.length === 1 || azp === clientId;
}
