import 'server-only';
// Roster sync (LTI Names and Role Provisioning Services 2.0): the cohort linked to an LMS course
// takes its learners from the course's memberships, every page of them, then applies the whole
// roster at once: learners listed become members (an account is made for each as a first launch
// would), members the course no longer lists as active learners are marked as left (never deleted).
import type { Db } from '@/db/client';
import { addMembers, endMemberships } from '@/db/queries/cohort-members';
import { createLinkedLearner } from '@/db/queries/lti-launch';
import { type LmsCourse, cohortForRosterSync, linkedAccounts, linkedActiveMembers, markRosterSynced } from '@/db/queries/lti-roster';
import type { Actor } from '@/db/queries/users';
import { type RosterMember, nextPageUrl, planRoster } from '@/lib/domain/lti-roster';
import { membershipPageSchema } from '@/lib/validation/lti-services';
import { displayName, placeholderEmail } from '../lti';
import { accessToken, describeAnswer } from './token';

export const nrpsScope = 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly';
const maxPages = 100;

export type RosterReport = { courses: number; joined: number; left: number; created: number; waiting: number; failed: string[] };

/** Every member of the course, following `Link: rel="next"` page after page. Throws when any page fails: a partial roster must never mark anyone as left. */
async function fetchRoster(course: LmsCourse, url: string, now: Date): Promise<RosterMember[]> {
  const token = await accessToken(course.platform, [nrpsScope], now);
  const members: RosterMember[] = [];
  let next: string | null = url;
  for (let page = 0; next && page < maxPages; page++) {
    const res = await fetch(next, { headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json' }, signal: AbortSignal.timeout(15_000) });
    if (!res.ok) throw new Error(`roster request refused: ${await describeAnswer(res)}`);
    const parsed = membershipPageSchema.safeParse(await res.json().catch(() => null));
    if (!parsed.success) throw new Error('the platform’s roster could not be read');
    for (const m of parsed.data.members) members.push({ sub: m.user_id, status: m.status, roles: m.roles, name: displayName({ name: m.name, givenName: m.given_name, familyName: m.family_name }), email: m.email });
    next = nextPageUrl(res.headers.get('link'), next);
  }
  if (next) throw new Error(`the roster has more than ${maxPages} pages`);
  return members;
}

async function syncCourse(db: Db, actor: Actor | null, cohort: { id: string; closed: boolean }, course: LmsCourse, url: string, now: Date, report: RosterReport) {
  const cohortId = cohort.id;
  const roster = await fetchRoster(course, url, now);
  const issuer = course.platform.issuer;
  const plan = planRoster(roster, await linkedActiveMembers(db, cohortId, issuer));
  const known = await linkedAccounts(db, issuer, plan.learners.map((m) => m.sub));
  const joining: { userId: string }[] = [];
  let created = 0;
  let waiting = 0;
  // A closed cohort takes nobody new, but still learns who has left.
  for (const m of cohort.closed ? [] : plan.learners) {
    const account = known.get(m.sub);
    if (account) {
      // An identity linked to a staff account is not a member, whatever the course says (as at a launch).
      if (account.role === 'learner') joining.push({ userId: account.id });
      continue;
    }
    // As a first launch would; an address that already has an account waits for its holder to launch and link.
    const made = await createLinkedLearner(db, { name: m.name ?? 'LMS learner', email: m.email ?? placeholderEmail(issuer, m.sub), issuer, sub: m.sub, platformId: course.platform.id });
    if (made) {
      joining.push({ userId: made.id });
      created++;
    } else waiting++;
  }
  const joined = (await addMembers(db, cohortId, joining, now)).length;
  const left = await endMemberships(db, cohortId, plan.leaving, now);
  const counts = { joined, left, created, waiting };
  await markRosterSynced(db, actor, cohortId, { platformId: course.platform.id, contextId: course.contextId }, counts, now);
  report.joined += joined;
  report.left += left;
  report.created += created;
  report.waiting += waiting;
}

/**
 * Syncs the cohort's roster from each LMS course linked to it (its staff, or the institution's
 * admins). A course whose platform refuses or fails is reported and changes nothing.
 */
export async function syncCohortRoster(db: Db, actor: Actor, cohortId: string, now = new Date()): Promise<RosterReport> {
  const { closed, courses } = await cohortForRosterSync(db, actor, cohortId);
  const report: RosterReport = { courses: 0, joined: 0, left: 0, created: 0, waiting: 0, failed: [] };
  for (const course of courses) {
    if (!course.membershipsUrl) continue;
    report.courses++;
    try {
      await syncCourse(db, actor, { id: cohortId, closed }, course, course.membershipsUrl, now, report);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`[lti] roster sync of ${course.platform.name} course ${course.contextId} failed: ${message}`);
      report.failed.push(`${course.platform.name}: ${message}`);
    }
  }
  return report;
}
